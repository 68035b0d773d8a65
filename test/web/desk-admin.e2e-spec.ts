import type { Locator } from 'playwright-core';
import { askOnline, logCall, view, type World } from '../service-desk/support.js';
import { ADMIN_PASSWORD, PASSWORD, TestApp, bearer, type TestUser } from '../support/test-app.js';
import { DESKTOP, WebBrowser, seriousViolations, settled, signIn } from './browser.js';
import { tour } from './tour.js';

/**
 * Issue #18, the service desk's administration in the browser: a supervisor sets up a routing rule and a worker's
 * request of that category is then handled by the unit it names; a desk officer triages a call and links the
 * anonymous caller to the worker's profile from the request's page; the desk figures read exact for the supervisor
 * and withheld (已隐藏, never 0) for the official. Then the new pages at both widths.
 */
describe('web: desk routing rules, triage, linking a caller and the desk figures', () => {
  let app: TestApp;
  let browser: WebBrowser;
  let world: World;
  let worker: TestUser;
  let workerName = '';
  const names: Record<string, string> = {};
  const ids = { routed: '', call: '' };
  const http = () => app.http();

  beforeAll(async () => {
    app = await TestApp.start();
    world = await app.world();
    worker = await app.createWorkerUser(world.admin.token, world.enterpriseA, { name: '来电职工甲' });
    workerName = '来电职工甲';
    const units = await http()
      .get('/api/v1/org-units')
      .set(...bearer(world.admin))
      .expect(200);
    for (const u of units.body as Array<{ id: string; name: string }>) names[u.id] = u.name;
    browser = await WebBrowser.launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const rules = async () =>
    (
      await http()
        .get('/api/v1/desk/routing-rules')
        .set(...bearer(world.supervisor))
        .expect(200)
    ).body as Array<{ id: string; orgUnitId: string; category: string; targetUnitId: string }>;

  it('creates a routing rule that sends a category to another unit, and a new request follows it', async () => {
    const page = await browser.page(DESKTOP);
    await page.clock.setFixedTime(await app.advanceClock(0));
    await signIn(page, app.url, world.supervisor.username);
    await page.goto(`${app.url}/desk/routing-rules`);
    await settled(page);
    await page.getByText('针对具体类别的规则优先于“全部类别”的规则').waitFor();
    await page.getByText('还没有分派规则').waitFor();
    await page.getByRole('combobox', { name: /职工所在单位/ }).click();
    await page.getByTitle(names[world.enterpriseA], { exact: true }).click();
    await page.getByRole('combobox', { name: '诉求类别' }).click();
    await page.getByTitle('权益：工资报酬', { exact: true }).click();
    await page.getByRole('combobox', { name: '交给哪个单位办理' }).click();
    await page.getByTitle(names[world.enterpriseB], { exact: true }).last().click();
    await page.getByRole('button', { name: '保存规则' }).click();
    const sentence = `${names[world.enterpriseA]}（含下级单位）职工的“权益：工资报酬”诉求，交给 ${names[world.enterpriseB]} 办理`;
    await page.getByRole('cell', { name: sentence, exact: true }).waitFor();
    expect(await rules()).toEqual([
      expect.objectContaining({ orgUnitId: world.enterpriseA, category: 'rights_wages', targetUnitId: world.enterpriseB }),
    ]);

    // A wage request of a worker of enterprise A now goes to enterprise B; another category stays with A.
    const wages = await askOnline(app, worker, { category: 'rights_wages', summary: '工资拖欠两个月' });
    const other = await askOnline(app, worker, { category: 'family' });
    ids.routed = wages.id;
    expect((await view(app, world.supervisor, wages.id)).handlingUnitId).toBe(world.enterpriseB);
    expect((await view(app, world.supervisor, other.id)).handlingUnitId).toBe(world.enterpriseA);
    await page.goto(`${app.url}/staff/desk/${wages.id}`);
    await settled(page);
    await page.getByText('工资拖欠两个月').waitFor();
    expect(await page.locator('.ant-descriptions-item', { hasText: '办理单位' }).innerText()).toContain(names[world.enterpriseB]);

    // Deleting it (after the confirmation) sends the next wage request back to the worker's own unit.
    await page.goto(`${app.url}/desk/routing-rules`);
    await settled(page);
    await page.getByRole('button', { name: `删除规则：${sentence}` }).click();
    await page.getByRole('button', { name: /确\s?定/ }).click();
    await page.getByText('还没有分派规则').waitFor();
    expect(await rules()).toEqual([]);
    const after = await askOnline(app, worker, { category: 'rights_wages' });
    expect((await view(app, world.supervisor, after.id)).handlingUnitId).toBe(world.enterpriseA);
    expect(browser.errorsOf(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it('triages an anonymous call and links the caller to their worker profile', async () => {
    const call = await logCall(app, world.counsellorA, { category: 'other', callerName: '王先生', summary: '打电话问工资和加班的事' });
    ids.call = call.id;
    const page = await browser.page(DESKTOP);
    await page.clock.setFixedTime(await app.advanceClock(0));
    await signIn(page, app.url, world.counsellorA.username);
    await page.goto(`${app.url}/staff/desk/${call.id}`);
    await settled(page);
    const triage = page.locator('.ant-card', { has: page.getByRole('heading', { name: '分类研判' }) });
    await triage.getByRole('combobox', { name: '诉求类别' }).click();
    await page.getByTitle('权益：加班与下班后工作消息', { exact: true }).click();
    await triage.getByRole('radio', { name: '紧急', exact: true }).check();
    await triage.getByRole('button', { name: '保存研判' }).click();
    await page.getByText('已保存分类研判').waitFor();
    await page.getByText('已分类').first().waitFor();
    const triaged = await view(app, world.counsellorA, call.id);
    expect(triaged).toMatchObject({ urgency: 'urgent', crisis: false });
    expect(triaged.trail.find((e) => e.kind === 'triaged')?.detail).toMatchObject({
      before: { category: 'other', urgency: 'normal' },
      after: { category: 'rights_overtime', urgency: 'urgent' },
    });

    const link = page.locator('.ant-card', { has: page.getByRole('heading', { name: '关联职工档案' }) });
    await link.getByRole('combobox', { name: '按姓名或工号查找职工' }).fill('来电职工');
    await page.getByTitle(new RegExp(`^${workerName}`)).click();
    await link.getByRole('button', { name: '关联' }).click();
    await page.getByText('已关联到职工档案').waitFor();
    // The caller is now the worker (a link to their record) and the card is gone: a link is final.
    await page.getByRole('link', { name: '王先生' }).waitFor();
    await page.getByRole('heading', { name: '关联职工档案' }).waitFor({ state: 'detached' });
    expect((await view(app, world.counsellorA, call.id)).workerId).toBe(worker.workerId);
    expect(browser.errorsOf(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it('shows the supervisor exact figures and the official the withheld cells as withheld', async () => {
    // The requests were made at the app's present; the figures run to now (exclusive).
    await app.advanceClock(60_000);
    const supervisor = await browser.page(DESKTOP);
    await supervisor.clock.setFixedTime(await app.advanceClock(0));
    await signIn(supervisor, app.url, world.supervisor.username);
    await supervisor.goto(`${app.url}/desk/figures`);
    await settled(supervisor);
    await supervisor.getByText('以上为准确数字').waitFor();
    const row = supervisor.getByRole('row', { name: new RegExp(`^${names[world.enterpriseA]} · 含下级单位`) });
    // Four requests of enterprise A's workers and calls (three online, one anonymous call linked to the worker).
    await expectCells(row, ['4']);
    await supervisor.close();

    const official = await browser.page(DESKTOP);
    await official.clock.setFixedTime(await app.advanceClock(0));
    await signIn(official, app.url, world.official.username);
    await official.goto(`${app.url}/desk/figures`);
    await settled(official);
    await official.getByText(/每个数字都加入了不超过 ±\d+ 的微小扰动/).waitFor();
    const hidden = official.getByRole('row', { name: new RegExp(`^${names[world.enterpriseA]} · 含下级单位`) });
    await hidden.getByLabel(/^已隐藏：人数少于 \d+ 人/).first().waitFor();
    expect(await hidden.getByText('0', { exact: true }).count()).toBe(0);
    await official.getByTestId('withheld-reasons').waitFor();
    expect(browser.errorsOf(official)).toEqual([]);
    expect(await seriousViolations(official)).toEqual([]);
    await official.close();
  }, 120_000);

  it('shows the new pages at phone and desktop width with no serious accessibility problem', async () => {
    const problems = await tour(
      browser,
      app.url,
      {
        supervisor: [world.supervisor.username, PASSWORD],
        admin: [world.admin.username, ADMIN_PASSWORD],
        official: [world.official.username, PASSWORD],
        counsellor: [world.counsellorA.username, PASSWORD],
      },
      [
        { name: 'supervisor-desk-routing', who: 'supervisor', path: '/desk/routing-rules', shows: '规则如何起作用' },
        { name: 'supervisor-desk-figures', who: 'supervisor', path: '/desk/figures', shows: '以上为准确数字' },
        { name: 'admin-desk-routing', who: 'admin', path: '/desk/routing-rules', shows: '规则如何起作用' },
        { name: 'official-desk-figures', who: 'official', path: '/desk/figures', shows: '已隐藏' },
        { name: 'counsellor-desk-request-triage', who: 'counsellor', path: `/staff/desk/${ids.call}`, shows: '分类研判' },
      ],
      await app.advanceClock(0),
    );
    expect(problems).toEqual([]);
  }, 300_000);
});

/** The row's first count cells read these values, in order. */
async function expectCells(row: Locator, values: string[]): Promise<void> {
  await row.waitFor();
  const cells = await row.getByRole('cell').allInnerTexts();
  expect(cells.slice(1, 1 + values.length)).toEqual(values);
}
