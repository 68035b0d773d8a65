import { onDuty, openCase } from '../individual/support.js';
import { PASSWORD, TestApp, bearer, type TestUser } from '../support/test-app.js';
import { DESKTOP, PHONE, WebBrowser, seriousViolations, settled, signIn } from './browser.js';
import { tour } from './tour.js';

const PLAN = {
  warningSigns: ['连续几天失眠', '不想接家人电话'],
  internalCoping: ['去操场快走二十分钟'],
  socialContacts: [{ name: '班组长老李', phone: '13800000001' }],
  peopleToAsk: [{ name: '姐姐', phone: '13800000002' }],
  professionals: [{ name: '工会心理咨询师王老师', phone: '0571-88880000' }],
  environmentSafety: ['把药交给姐姐保管'],
  reasonsForLiving: '女儿',
};

/**
 * Issue #18, 点 in the browser: a counsellor edits a referral draft on its page (and the history names who did it);
 * the case's referrals name the worker and who is responsible; the crisis queue says who is on duty; the worker reads
 * their safety plan on a 375 px phone. Then the new pages at both widths.
 */
describe('web: editing a referral, names in lists, who is on duty, my safety plan', () => {
  let app: TestApp;
  let browser: WebBrowser;
  let world: Awaited<ReturnType<TestApp['world']>>;
  let worker: TestUser;
  let counsellorName = '';
  const ids = { case: '', referral: '' };
  const http = () => app.http();

  beforeAll(async () => {
    app = await TestApp.start();
    world = await app.world();
    worker = await app.createWorkerUser(world.admin.token, world.enterpriseA, { name: '安全计划职工' });
    const users = await http()
      .get('/api/v1/users')
      .set(...bearer(world.admin))
      .expect(200);
    counsellorName = (users.body as Array<{ id: string; displayName: string }>).find((u) => u.id === world.counsellorA.id)!.displayName;
    await onDuty(app, world.supervisor, world.enterpriseA, world.counsellorA);
    const opened = await openCase(app, world.counsellorA, worker.workerId!, 'urgent').expect(201);
    ids.case = opened.body.id as string;
    // A case a counsellor opens herself is hers already (acknowledged): the plan can be written at once.
    await http()
      .post(`/api/v1/crisis-cases/${ids.case}/safety-plans`)
      .set(...bearer(world.counsellorA))
      .send(PLAN)
      .expect(201);
    const referral = await http()
      .post('/api/v1/referrals')
      .set(...bearer(world.counsellorA))
      .send({ caseId: ids.case, providerType: 'hospital', providerName: '区人民医院', reason: '睡眠问题' })
      .expect(201);
    ids.referral = referral.body.id as string;
    browser = await WebBrowser.launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const tab = async (viewport: { width: number; height: number }) => {
    const page = await browser.page(viewport);
    await page.clock.setFixedTime(await app.advanceClock(0));
    return page;
  };

  it('edits a referral draft on its page; the history says who did it', async () => {
    const page = await tab(DESKTOP);
    await signIn(page, app.url, world.counsellorA.username);
    await page.goto(`${app.url}/staff/referrals/${ids.referral}`);
    await settled(page);
    await page.getByRole('link', { name: '安全计划职工' }).waitFor();
    await page.getByRole('button', { name: '修改草稿' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('医院或机构名称').fill('市第七人民医院心理科');
    await dialog.getByLabel('转介原因').fill('需要药物评估');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText('已保存转介草稿').waitFor();
    await page.getByText('市第七人民医院心理科').waitFor();
    await page.getByText('需要药物评估').waitFor();
    await page.getByText(new RegExp(` · ${counsellorName}$`)).first().waitFor();
    const detail = await http()
      .get(`/api/v1/referrals/${ids.referral}`)
      .set(...bearer(world.counsellorA))
      .expect(200);
    expect(detail.body).toMatchObject({ reason: '需要药物评估', referral: { providerName: '市第七人民医院心理科', state: 'draft' } });

    // The case's referrals name the worker and the counsellor responsible.
    await page.goto(`${app.url}/staff/cases/${ids.case}`);
    await settled(page);
    const row = page.getByRole('row', { name: /市第七人民医院心理科/ });
    await row.getByRole('cell', { name: '安全计划职工', exact: true }).waitFor();
    await row.getByRole('cell', { name: counsellorName, exact: true }).waitFor();
    expect(browser.errorsOf(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it('shows on the crisis queue who is on duty for the unit', async () => {
    const page = await tab(DESKTOP);
    await signIn(page, app.url, world.counsellorA.username);
    await page.goto(`${app.url}/staff/crisis`);
    await settled(page);
    await page.getByText(`当前危机值班：${counsellorName}（我）`).waitFor();
    await page.close();
  }, 60_000);

  it('lets the worker read their safety plan on a phone, with the numbers as call links', async () => {
    const page = await tab(PHONE);
    await signIn(page, app.url, worker.username);
    await page.goto(`${app.url}/me/safety-plan`);
    await settled(page);
    await page.getByText('连续几天失眠').waitFor();
    await page.getByText('把药交给姐姐保管').waitFor();
    expect(await page.getByRole('link', { name: /13800000002/ }).getAttribute('href')).toBe('tel:13800000002');
    // Readable at 375 px: nothing wider than the screen.
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(browser.errorsOf(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows the new pages at phone and desktop width with no serious accessibility problem', async () => {
    const problems = await tour(
      browser,
      app.url,
      {
        worker: [worker.username, PASSWORD],
        counsellor: [world.counsellorA.username, PASSWORD],
      },
      [
        { name: 'worker-safety-plan', who: 'worker', path: '/me/safety-plan', shows: '连续几天失眠' },
        { name: 'counsellor-referral-draft', who: 'counsellor', path: `/staff/referrals/${ids.referral}`, shows: '修改草稿' },
        { name: 'counsellor-crisis-on-duty', who: 'counsellor', path: '/staff/crisis', shows: '当前危机值班' },
      ],
      await app.advanceClock(0),
    );
    expect(problems).toEqual([]);
  }, 300_000);
});
