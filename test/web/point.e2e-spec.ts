import { PHQ9 } from '../population/support.js';
import { PASSWORD, type TestApp, bearer, type TestUser } from '../support/test-app.js';
import { DESKTOP, PHONE, type WebBrowser, seriousViolations, settled, signIn } from './browser.js';
import { WebWorld, type World } from './world.js';
import { tour } from './tour.js';

/**
 * Issue #18, 点 in the browser: a counsellor records a critical incident for a unit, schedules psychological first
 * aid and records who came, and the coverage counts them as reached; a counsellor of another enterprise opens
 * emergency access with a reason and sees the time-limited banner, and the city's supervisor reviews it by name;
 * a risk alert is acknowledged. Then the new pages at both widths.
 */
describe('web: critical incidents, break-the-glass and risk alerts', () => {
  let web: WebWorld;
  let app: TestApp;
  let browser: WebBrowser;
  let world: World;
  let worker: TestUser;
  let workerName: string;
  let incidentId = '';
  const http = () => app.http();

  beforeAll(async () => {
    web = await WebWorld.start();
    ({ app, world, browser } = web);
    worker = await app.createWorkerUser(world.admin.token, world.enterpriseA);
    workerName = await web.workerName(worker);
    await http()
      .post('/api/v1/me/consents')
      .set(...bearer(worker))
      .send({ purpose: 'assessment', granted: true })
      .expect(201);
    await http()
      .post('/api/v1/me/assessments')
      .set(...bearer(worker))
      .send({ instrumentCode: 'PHQ-9', answers: PHQ9.severe.map((a, i) => (i === 8 ? 2 : a)) })
      .expect(201);
    await app.runJobs();
    await app.runJobs();
  }, 120_000);

  afterAll(() => web?.close());

  const tab = (viewport: { width: number; height: number }) => web.tab(viewport);

  const unitName = (id: string) => web.unitName(id);

  it('records an incident for a unit, holds first aid with attendance, and the coverage counts the worker reached', async () => {
    const page = await tab(DESKTOP);
    await signIn(page, app.url, world.counsellorA.username);
    await page.goto(`${app.url}/staff/incidents`);
    await settled(page);
    await page.getByRole('button', { name: '登记突发事件' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('标题（仅工作人员可见）').fill('三号车间起重事故');
    await dialog.getByLabel('发生时间').fill('2026-11-24 15:30:00');
    await dialog.getByLabel('发生时间').press('Enter');
    await dialog.getByRole('combobox', { name: /单位/ }).click();
    await page.getByTitle(await unitName(world.enterpriseA)).click();
    // The date picker's panel may still cover the footer; the click is the person's, wherever the panel is.
    await dialog.getByRole('button', { name: /保\s?存/ }).dispatchEvent('click');
    await page.getByRole('heading', { name: '三号车间起重事故' }).waitFor();
    incidentId = page.url().split('/').pop()!;
    await page.getByText(workerName).first().waitFor();

    await page.getByLabel('时间', { exact: true }).fill('2026-11-26 09:00:00');
    await page.getByLabel('时间', { exact: true }).press('Enter');
    await page.getByLabel('地点').fill('工会心理服务站');
    await page.getByRole('button', { name: '安排一次' }).click();
    await page.getByText('已安排').first().waitFor();
    await page.getByRole('button', { name: /^登记到场/ }).click();
    const attendance = page.getByRole('dialog');
    await attendance.getByLabel('选择到场的职工').click();
    await page.getByTitle(workerName).click();
    await attendance.getByRole('button', { name: /保\s?存/ }).dispatchEvent('click');
    await page.getByText('已到 1 人').waitFor();
    const reached = page.locator('.ant-statistic').filter({ hasText: '已接触' });
    await reached.getByText('1', { exact: true }).waitFor();
    expect(browser.errorsOf(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it('opens emergency access with a reason, shows the time-limited banner, and the supervisor reviews it by name', async () => {
    const page = await tab(DESKTOP);
    await signIn(page, app.url, world.counsellorB.username);
    await page.goto(`${app.url}/staff/break-glass`);
    await settled(page);
    await page.getByLabel('职工编号').fill(worker.workerId!);
    await page
      .getByLabel('为什么不能等待其管辖范围内的人员处理')
      .fill('夜间值班接到其家属来电，本单位咨询师无法联系。');
    await page.getByRole('button', { name: '开始紧急调阅' }).click();
    const banner = page
      .getByRole('status')
      .getByText(new RegExp(`紧急调阅中：${workerName} 的危机个案，\\d+:\\d\\d 后失效`));
    await banner.waitFor();
    await page
      .getByRole('link', { name: /打开个案/ })
      .first()
      .waitFor();
    expect(browser.errorsOf(page)).toEqual([]);
    await page.close();

    const supervisor = await tab(DESKTOP);
    await signIn(supervisor, app.url, world.supervisor.username);
    await supervisor.goto(`${app.url}/staff/break-glass`);
    await settled(supervisor);
    const row = supervisor.locator('tr').filter({ hasText: '夜间值班接到其家属来电' });
    await row.getByText(workerName).waitFor();
    expect(await row.textContent()).toContain(world.counsellorB.username);
    await row.getByLabel(/复核意见/).fill('理由充分');
    await row.getByRole('button', { name: /复\s?核/ }).click();
    await supervisor.getByText('已复核').first().waitFor();
    await supervisor.getByText('没有需要复核的紧急调阅。').waitFor();
    expect(browser.errorsOf(supervisor)).toEqual([]);
    await supervisor.close();
  }, 120_000);

  it('acknowledges a risk alert shown by name (phone)', async () => {
    const page = await tab(PHONE);
    await signIn(page, app.url, world.counsellorA.username);
    await page.goto(`${app.url}/staff/risk-alerts`);
    await settled(page);
    // The answer to the click itself (the page may show 已确认 elsewhere before it arrives).
    const acknowledged = page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/v1\/risk-alerts\/[^/]+\/acknowledge$/.test(r.url()));
    await page.getByRole('button', { name: `确认 ${workerName}` }).click();
    expect((await acknowledged).ok()).toBe(true);
    await page.getByText('已确认').first().waitFor();
    const open = await http()
      .get('/api/v1/risk-alerts')
      .query({ acknowledged: false })
      .set(...bearer(world.counsellorA))
      .expect(200);
    expect(open.body.items.filter((a: { workerId: string }) => a.workerId === worker.workerId)).toEqual([]);
    expect(browser.errorsOf(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows every new page at phone and desktop width without serious accessibility violations', async () => {
    const problems = await tour(
      browser,
      app.url,
      {
        counsellor: [world.counsellorA.username, PASSWORD],
        supervisor: [world.supervisor.username, PASSWORD],
      },
      [
        {
          name: 'counsellor-incidents',
          who: 'counsellor',
          path: '/staff/incidents',
          shows: '三号车间起重事故',
        },
        {
          name: 'counsellor-incident',
          who: 'counsellor',
          path: `/staff/incidents/${incidentId}`,
          shows: '善后覆盖情况',
        },
        {
          name: 'counsellor-risk-alerts',
          who: 'counsellor',
          path: '/staff/risk-alerts',
          shows: '测评结果提示风险',
        },
        {
          name: 'supervisor-break-glass',
          who: 'supervisor',
          path: '/staff/break-glass',
          shows: '待复核的紧急调阅',
        },
      ],
    );
    expect(problems).toEqual([]);
  }, 300_000);
});
