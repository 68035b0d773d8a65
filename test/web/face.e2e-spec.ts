import { PHQ9 } from '../population/support.js';
import { PASSWORD, type TestApp, bearer, type TestUser } from '../support/test-app.js';
import { DESKTOP, PHONE, type WebBrowser, seriousViolations, settled, signIn } from './browser.js';
import { WebWorld, type World } from './world.js';
import { tour } from './tour.js';

/**
 * Issue #18, 面 in the browser: a counsellor writes a course (a lesson) and publishes it, and the worker can then
 * take it; at the door, on a phone, she checks a registered worker in by name; she creates a self-help group,
 * approves a worker's request shown by the nickname they chose, and the worker opens the group; a campaign's
 * results are listed by name. Then the new pages at both widths.
 */
describe('web: 面 education, self-help groups and campaign results', () => {
  let web: WebWorld;
  let app: TestApp;
  let browser: WebBrowser;
  let world: World;
  let worker: TestUser;
  let workerName: string;
  const ids = { course: '', event: '', group: '', campaign: '' };
  const http = () => app.http();

  beforeAll(async () => {
    web = await WebWorld.start();
    ({ app, world, browser } = web);
    worker = await app.createWorkerUser(world.admin.token, world.enterpriseA);
    workerName = await web.workerName(worker);
    const now = await app.advanceClock(0);
    // Starts in 30 minutes: check-in opens an hour before the start.
    const event = await http()
      .post('/api/v1/education/events')
      .set(...bearer(world.counsellorA))
      .send({
        kind: 'lecture',
        title: '职场压力与情绪管理讲座',
        orgUnitId: world.enterpriseA,
        startsAt: new Date(now.getTime() + 30 * 60_000).toISOString(),
        endsAt: new Date(now.getTime() + 150 * 60_000).toISOString(),
        place: '工会大礼堂',
        capacity: 30,
      })
      .expect(201);
    ids.event = event.body.id as string;
    await http()
      .post(`/api/v1/me/events/${ids.event}/register`)
      .set(...bearer(worker))
      .expect(201);
    const campaign = await http()
      .post('/api/v1/campaigns')
      .set(...bearer(world.counsellorA))
      .send({
        title: '年度心理健康测评',
        instrumentCodes: ['PHQ-9'],
        targetUnitIds: [world.enterpriseA],
        opensAt: new Date(now.getTime() - 3600_000).toISOString(),
        closesAt: new Date(now.getTime() + 10 * 86_400_000).toISOString(),
      })
      .expect(201);
    ids.campaign = campaign.body.id as string;
    await http()
      .post('/api/v1/me/consents')
      .set(...bearer(worker))
      .send({ purpose: 'assessment', granted: true })
      .expect(201);
    await http()
      .post('/api/v1/me/assessments')
      .set(...bearer(worker))
      .send({ instrumentCode: 'PHQ-9', answers: PHQ9.minimal, campaignId: ids.campaign })
      .expect(201);
  }, 120_000);

  afterAll(() => web?.close());

  const tab = (viewport: { width: number; height: number }) => web.tab(viewport);

  const unitName = (id: string) => web.unitName(id);

  it('writes a course with a lesson and publishes it; the worker can then see it', async () => {
    const page = await tab(DESKTOP);
    await signIn(page, app.url, world.counsellorA.username);
    await page.goto(`${app.url}/staff/education`);
    await settled(page);
    await page.getByRole('button', { name: '新建课程' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('课程名称').fill('压力管理与情绪调适');
    await dialog.getByRole('combobox', { name: /面向单位/ }).click();
    await page.getByTitle(await unitName(world.enterpriseA)).click();
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByRole('heading', { name: '压力管理与情绪调适' }).waitFor();
    ids.course = page.url().split('/').pop()!;
    expect(await page.getByRole('button', { name: /发\s?布/ }).isDisabled()).toBe(true);
    await page.getByLabel('课节名称').fill('认识压力');
    await page.getByLabel('正文').fill('压力是身体和心理对挑战的正常反应。');
    await page.getByRole('button', { name: '添加课节' }).click();
    await page.getByText('1. 认识压力').waitFor();
    await page.getByRole('button', { name: /发\s?布/ }).click();
    await page.locator('.ant-tag').getByText('已发布').waitFor();
    const mine = await http()
      .get('/api/v1/me/courses')
      .set(...bearer(worker))
      .expect(200);
    expect((mine.body as Array<{ title: string }>).map((c) => c.title)).toContain('压力管理与情绪调适');
    expect(browser.errorsOf(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it('checks a registered worker in by name at the door (phone)', async () => {
    const page = await tab(PHONE);
    await signIn(page, app.url, world.counsellorA.username);
    await page.goto(`${app.url}/staff/education/events/${ids.event}`);
    await settled(page);
    await page.getByRole('button', { name: `签到 ${workerName}` }).click();
    await page.getByText(/\d\d:\d\d 已签到/).waitFor();
    const roster = await http()
      .get(`/api/v1/education/events/${ids.event}/registrations`)
      .set(...bearer(world.counsellorA))
      .expect(200);
    expect(roster.body).toEqual([expect.objectContaining({ workerName, status: 'attended' })]);
    expect(browser.errorsOf(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it('creates a group, approves a request shown by its nickname, and the worker opens the group', async () => {
    const page = await tab(DESKTOP);
    await signIn(page, app.url, world.counsellorA.username);
    await page.goto(`${app.url}/staff/groups`);
    await settled(page);
    await page.getByRole('button', { name: '新建团体' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('团体名称').fill('倒班职工减压小组');
    await dialog.getByRole('combobox', { name: /面向单位/ }).click();
    await page.getByTitle(await unitName(world.enterpriseA)).click();
    await dialog.getByLabel('团体公约').fill('尊重彼此，组内分享不外传。');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByRole('heading', { name: '倒班职工减压小组' }).waitFor();
    ids.group = page.url().split('/').pop()!;
    await http()
      .post(`/api/v1/me/groups/${ids.group}/join`)
      .set(...bearer(worker))
      .send({ displayName: '夜班小王', acceptRules: true, rulesVersion: 1 })
      .expect(200);
    await page.reload();
    await settled(page);
    await page.getByRole('button', { name: '通过 夜班小王', exact: true }).click();
    await page.getByText('已通过入组申请').waitFor();
    const members = await http()
      .get(`/api/v1/groups/${ids.group}/members`)
      .query({ status: 'active' })
      .set(...bearer(world.counsellorA))
      .expect(200);
    expect(members.body).toEqual([expect.objectContaining({ displayName: '夜班小王', status: 'active' })]);
    expect(browser.errorsOf(page)).toEqual([]);
    await page.close();

    const phone = await tab(PHONE);
    await signIn(phone, app.url, worker.username);
    await phone.goto(`${app.url}/me/groups/${ids.group}`);
    await settled(phone);
    await phone.getByText('夜班小王 (我)').waitFor();
    await phone.getByText('尊重彼此，组内分享不外传。').waitFor();
    expect(browser.errorsOf(phone)).toEqual([]);
    await phone.close();
  }, 120_000);

  it('shows the new pages at phone and desktop width with no serious accessibility problem', async () => {
    const problems = await tour(
      browser,
      app.url,
      { counsellor: [world.counsellorA.username, PASSWORD], worker: [worker.username, PASSWORD] },
      [
        {
          name: 'counsellor-education',
          who: 'counsellor',
          path: '/staff/education',
          shows: '压力管理与情绪调适',
        },
        {
          name: 'counsellor-course',
          who: 'counsellor',
          path: `/staff/education/courses/${ids.course}`,
          shows: '认识压力',
        },
        {
          name: 'counsellor-event',
          who: 'counsellor',
          path: `/staff/education/events/${ids.event}`,
          shows: workerName,
        },
        { name: 'counsellor-groups', who: 'counsellor', path: '/staff/groups', shows: '倒班职工减压小组' },
        {
          name: 'counsellor-group',
          who: 'counsellor',
          path: `/staff/groups/${ids.group}`,
          shows: '夜班小王',
        },
        {
          name: 'counsellor-campaign',
          who: 'counsellor',
          path: `/staff/campaigns/${ids.campaign}`,
          shows: workerName,
        },
        {
          name: 'counsellor-worker-detail',
          who: 'counsellor',
          path: `/staff/workers/${worker.workerId}`,
          shows: '职场压力与情绪管理讲座',
        },
        { name: 'worker-group', who: 'worker', path: `/me/groups/${ids.group}`, shows: '夜班小王' },
      ],
      await app.advanceClock(0),
    );
    expect(problems).toEqual([]);
  }, 300_000);
});
