import { PASSWORD, TestApp, bearer } from '../support/test-app.js';
import { DESKTOP, WebBrowser, seriousViolations, settled, signIn } from './browser.js';
import { tour } from './tour.js';

/**
 * Issue #18, 线 run from the browser: a supervisor creates a care programme with an eligibility rule, the live count
 * shows who it takes in, activates it and enrols them (checked through the API); she records a counsellor's
 * attendance at a training session and a passing score, which certifies him. Then the new pages at both widths.
 */
describe('web: care programmes and cadre training run in the browser', () => {
  let app: TestApp;
  let browser: WebBrowser;
  let world: Awaited<ReturnType<TestApp['world']>>;
  let counsellorName = '';
  const ids = { programme: '', course: '' };
  const http = () => app.http();

  beforeAll(async () => {
    app = await TestApp.start();
    world = await app.world();
    await app.createWorker(world.admin.token, world.enterpriseA, { name: '倒班女工甲', gender: 'female' });
    await app.createWorker(world.admin.token, world.enterpriseA, { name: '倒班女工乙', gender: 'female' });
    await app.createWorker(world.admin.token, world.enterpriseA, { name: '男职工丙', gender: 'male' });
    const users = await http()
      .get('/api/v1/users')
      .set(...bearer(world.admin))
      .expect(200);
    counsellorName = (users.body as Array<{ id: string; displayName: string }>).find(
      (u) => u.id === world.counsellorA.id,
    )!.displayName;
    const course = await http()
      .post('/api/v1/training/courses')
      .set(...bearer(world.supervisor))
      .send({
        title: '心理危机干预实务',
        topic: 'applied_psychology',
        methods: ['case', 'study'],
        audience: 'counsellors',
        passingScore: 70,
        certificationType: 'crisis_intervention',
        certificationMonths: 12,
      })
      .expect(201);
    ids.course = course.body.id as string;
    const now = await app.advanceClock(0);
    await http()
      .post(`/api/v1/training/courses/${ids.course}/sessions`)
      .set(...bearer(world.supervisor))
      .send({
        title: '案例研讨一',
        method: 'case',
        startsAt: new Date(now.getTime() - 3 * 3600_000).toISOString(),
        endsAt: new Date(now.getTime() - 3600_000).toISOString(),
        ceHours: 2,
      })
      .expect(201);
    browser = await WebBrowser.launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const unitName = async (id: string) =>
    (
      (
        await http()
          .get('/api/v1/org-units')
          .set(...bearer(world.admin))
          .expect(200)
      ).body as Array<{ id: string; name: string }>
    ).find((u) => u.id === id)!.name;

  it('creates a programme whose live count follows the rule, activates it and enrols the eligible', async () => {
    const subgroups = await http()
      .get('/api/v1/subgroups')
      .set(...bearer(world.supervisor))
      .expect(200);
    const women = (subgroups.body as Array<{ code: string; name: { zh: string } }>)[0].name.zh;
    const page = await browser.page(DESKTOP);
    await page.clock.setFixedTime(await app.advanceClock(0));
    await signIn(page, app.url, world.supervisor.username);
    await page.goto(`${app.url}/staff/programmes/new`);
    await settled(page);
    await page.getByRole('combobox', { name: '重点人群' }).click();
    await page.getByTitle(women).click();
    await page.getByRole('combobox', { name: /面向单位/ }).click();
    await page.getByTitle(await unitName(world.enterpriseA)).click();
    await page.getByLabel('项目名称').fill('女职工心理关爱计划');
    await page.getByRole('status').getByText('3').waitFor();
    await page.getByRole('combobox', { name: '性别' }).click();
    await page.getByTitle('女', { exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('status').getByText('2').waitFor();
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByRole('heading', { name: '女职工心理关爱计划' }).waitFor();
    ids.programme = page.url().split('/').pop()!;
    await page.getByRole('button', { name: '启动项目' }).click();
    await page.getByRole('button', { name: '纳入并邀请 2 人' }).click();
    await page.getByText('倒班女工乙').waitFor();
    const members = await http()
      .get(`/api/v1/programmes/${ids.programme}/enrolments`)
      .set(...bearer(world.supervisor))
      .expect(200);
    expect((members.body.items as Array<{ workerName: string }>).map((m) => m.workerName).sort()).toEqual(
      ['倒班女工乙', '倒班女工甲'].sort(),
    );
    expect(browser.errorsOf(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it('records a counsellor at a session and a passing score, which certifies him', async () => {
    const page = await browser.page(DESKTOP);
    await page.clock.setFixedTime(await app.advanceClock(0));
    await signIn(page, app.url, world.supervisor.username);
    await page.goto(`${app.url}/staff/training/${ids.course}`);
    await settled(page);
    await page.getByRole('button', { name: '登记考勤 案例研讨一' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: '出勤人员' }).click();
    await page.getByTitle(counsellorName, { exact: true }).click();
    // The open option list may cover the footer; the click is the person's, wherever the list is.
    await dialog.getByRole('button', { name: /保\s?存/ }).dispatchEvent('click');
    await page.getByText('已登记考勤').waitFor();
    await page.getByRole('combobox', { name: '人员' }).click();
    await page.getByTitle(counsellorName, { exact: true }).last().click();
    await page.getByLabel('成绩').fill('85');
    await page.getByRole('button', { name: '登记成绩' }).click();
    await page.getByText(`${counsellorName} 85 分，考核通过，已颁发资格证书`).waitFor();
    const certs = await http()
      .get('/api/v1/certifications')
      .query({ userId: world.counsellorA.id })
      .set(...bearer(world.supervisor))
      .expect(200);
    expect(certs.body).toEqual([expect.objectContaining({ type: 'crisis_intervention', source: 'course' })]);
    expect(browser.errorsOf(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it('shows the new pages at phone and desktop width with no serious accessibility problem', async () => {
    const problems = await tour(
      browser,
      app.url,
      {
        supervisor: [world.supervisor.username, PASSWORD],
        counsellor: [world.counsellorA.username, PASSWORD],
      },
      [
        {
          name: 'supervisor-programme-new',
          who: 'supervisor',
          path: '/staff/programmes/new',
          shows: '目前符合条件',
        },
        {
          name: 'supervisor-programme-run',
          who: 'supervisor',
          path: `/staff/programmes/${ids.programme}`,
          shows: '倒班女工甲',
        },
        {
          name: 'supervisor-training',
          who: 'supervisor',
          path: '/staff/training',
          shows: '心理危机干预实务',
        },
        {
          name: 'supervisor-training-course',
          who: 'supervisor',
          path: `/staff/training/${ids.course}`,
          shows: '案例研讨一',
        },
        {
          name: 'counsellor-my-training',
          who: 'counsellor',
          path: '/staff/my-training',
          shows: '案例研讨一',
        },
      ],
      await app.advanceClock(0),
    );
    expect(problems).toEqual([]);
  }, 300_000);
});
