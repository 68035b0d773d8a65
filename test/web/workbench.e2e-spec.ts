import type { Page } from 'playwright-core';
import { openCase } from '../individual/support.js';
import { TestApp, bearer, type TestUser } from '../support/test-app.js';
import { DESKTOP, WebBrowser, settled, signIn } from './browser.js';

/**
 * Issue 16, the live workbench in Chromium: with the crisis queue open, a new imminent case appears without a
 * reload, with the alert banner and the alarm; the bell's unread count rises by server push when the case is
 * assigned to the counsellor; the inbox opens the linked case, and marks everything read (the badge follows). The desk
 * queue shows a new request the same way. Eight
 * tabs of one counsellor share one event stream (one tab holds it, the others hear it over a BroadcastChannel), and
 * when the holder tab closes another takes it over.
 */
describe('web: the live crisis queue and the notification inbox', () => {
  let app: TestApp;
  let browser: WebBrowser;
  let w: Awaited<ReturnType<TestApp['world']>>;
  let colleague: TestUser;
  let page: Page;
  let caseId = '';
  const workerName = `实时队列测试-${Date.now() % 100000}`;

  beforeAll(async () => {
    app = await TestApp.start();
    w = await app.world();
    colleague = await app.createUser(w.admin.token, 'counsellor', w.enterpriseA);
    browser = await WebBrowser.launch();
    page = await browser.page(DESKTOP);
    await signIn(page, app.url, w.counsellorA.username);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const unread = async () => Number(await page.locator('[data-unread]').getAttribute('data-unread'));

  it('shows a new imminent case in the open queue without a reload, with the banner and the alarm', async () => {
    await page.goto(`${app.url}/staff/crisis`);
    await settled(page);
    await page.getByText('实时更新已连接').waitFor();
    const loads = await page.evaluate(() => (globalThis as unknown as { performance: { getEntriesByType(t: string): unknown[] } }).performance.getEntriesByType('navigation').length);

    const workerId = await app.createWorker(w.admin.token, w.enterpriseA, { name: workerName });
    const opened = (await openCase(app, colleague, workerId, 'imminent', '电话中表示今晚要结束生命').expect(201)).body as { id: string };

    await page.getByRole('alert').filter({ hasText: `新的危机个案：${workerName}` }).waitFor({ timeout: 10_000 });
    await page.locator('tr', { hasText: workerName }).first().waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { __xingangAlarms?: number }).__xingangAlarms)).toBe(1);
    expect(new URL(page.url()).pathname).toBe('/staff/crisis'); // the same page, not reloaded
    expect(await page.evaluate(() => (globalThis as unknown as { performance: { getEntriesByType(t: string): unknown[] } }).performance.getEntriesByType('navigation').length)).toBe(loads);

    // A concern-level case appears too, quietly.
    const other = await app.createWorker(w.admin.token, w.enterpriseA, { name: `${workerName}乙` });
    await openCase(app, colleague, other, 'concern').expect(201);
    await page.locator('tr', { hasText: `${workerName}乙` }).first().waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { __xingangAlarms?: number }).__xingangAlarms)).toBe(1);

    // The bell: assigning the case to this counsellor raises the unread count live.
    const before = await unread();
    await app.http().post(`/api/v1/crisis-cases/${opened.id}/assign`).set(...bearer(w.supervisor)).send({ assigneeId: w.counsellorA.id, reason: '值班调整' }).expect(200);
    await page.waitForFunction((n) => Number((globalThis as unknown as { document: { querySelector(s: string): { getAttribute(a: string): string | null } | null } }).document.querySelector('[data-unread]')?.getAttribute('data-unread')) === n, before + 1);
    caseId = opened.id;
  });

  it('opens the inbox from the bell, opens the linked case and marks everything read', async () => {
    await page.locator('[data-unread]').click();
    await page.waitForURL((url) => url.pathname === '/notifications');
    await settled(page);
    const item = page.locator('[data-notification]').first();
    await item.getByText('未读').waitFor();
    await item.getByRole('button', { name: '查看' }).click();
    await page.waitForURL((url) => url.pathname === `/staff/cases/${caseId}`);
    await settled(page);
    await page.getByText(workerName).first().waitFor();

    // Make one more unread, then mark all read from the inbox page.
    const workerId = await app.createWorker(w.admin.token, w.enterpriseA);
    const second = (await openCase(app, colleague, workerId, 'urgent').expect(201)).body as { id: string };
    await app.http().post(`/api/v1/crisis-cases/${second.id}/assign`).set(...bearer(w.supervisor)).send({ assigneeId: w.counsellorA.id }).expect(200);
    await page.waitForFunction(() => Number((globalThis as unknown as { document: { querySelector(s: string): { getAttribute(a: string): string | null } | null } }).document.querySelector('[data-unread]')?.getAttribute('data-unread')) > 0);
    await page.locator('[data-unread]').click();
    await page.waitForURL((url) => url.pathname === '/notifications');
    await settled(page);
    await page.getByRole('button', { name: '全部标为已读' }).click();
    await page.getByText('0 条未读').waitFor();
    await page.waitForFunction(() => (globalThis as unknown as { document: { querySelector(s: string): { getAttribute(a: string): string | null } | null } }).document.querySelector('[data-unread]')?.getAttribute('data-unread') === '0');
    const left = (await app.http().get('/api/v1/me/notifications').set(...bearer(w.counsellorA)).expect(200)).body as { unreadCount: number };
    expect(left.unreadCount).toBe(0);
    expect(browser.errorsOf(page)).toEqual([]);
  });

  it('lets a supervisor reassign the case and change its level with reasons, and shows the suggested level live', async () => {
    const users = (await app.http().get('/api/v1/users').set(...bearer(w.admin)).expect(200)).body as Array<{ id: string; displayName: string }>;
    const colleagueName = users.find((u) => u.id === colleague.id)!.displayName;
    const sup = await browser.page(DESKTOP);
    await signIn(sup, app.url, w.supervisor.username);
    await sup.goto(`${app.url}/staff/cases/${caseId}`);
    await settled(sup);

    await sup.getByRole('button', { name: '改派' }).click();
    const assign = sup.getByRole('dialog', { name: '改派负责人' });
    await assign.getByLabel('新的负责人').click();
    await sup.locator('.ant-select-item-option', { hasText: colleagueName }).click();
    await assign.getByLabel('理由').fill('原负责人今晚不在岗');
    await assign.getByRole('button', { name: '确定' }).click();
    await sup.getByText(`已改派给 ${colleagueName}`).waitFor();

    await sup.getByRole('button', { name: '调整等级' }).click();
    const level = sup.getByRole('dialog', { name: '调整风险等级' });
    await level.getByLabel('新的等级').click();
    await sup.locator('.ant-select-item-option', { hasText: '紧急' }).click();
    await level.getByLabel('理由').fill('已电话联系，本人同意明早面谈');
    await level.getByRole('button', { name: '确定' }).click();
    await sup.getByText('等级已调整为 紧急').waitFor();

    const [row] = await app.sql<{ assignee_id: string; level: string }>('SELECT assignee_id, level FROM crisis_cases WHERE id = $1', [caseId]);
    expect(row).toEqual({ assignee_id: colleague.id, level: 'urgent' });
    const history = await app.sql<{ action: string; to_value: string; actor_id: string }>(
      "SELECT action, to_value, actor_id FROM individual_history WHERE subject_id = $1 AND action IN ('assigned', 'level_changed') ORDER BY id DESC LIMIT 2",
      [caseId],
    );
    expect(history).toEqual([
      { action: 'level_changed', to_value: 'urgent', actor_id: w.supervisor.id },
      { action: 'assigned', to_value: colleague.id, actor_id: w.supervisor.id },
    ]);

    // The risk assessment's suggested level, live while the form is filled in (a case a counsellor opened is acknowledged).
    await sup.getByRole('button', { name: '新的评估' }).click();
    for (const [field, value] of [['ideation', '主动（想结束生命）'], ['plan', '具体'], ['intent', '不确定'], ['pastAttempts', '无']] as const) {
      await sup.locator(`#${field}`).getByText(value, { exact: true }).click();
    }
    await sup.locator('[data-suggested="imminent"]').waitFor();
    expect(browser.errorsOf(sup)).toEqual([]);
  });

  it('shows a new service-desk request in the open desk queue without a reload', async () => {
    await page.goto(`${app.url}/staff/desk`);
    await settled(page);
    const loads = await page.evaluate(() => (globalThis as unknown as { performance: { getEntriesByType(t: string): unknown[] } }).performance.getEntriesByType('navigation').length);
    const made = (await app
      .http()
      .post('/api/v1/desk/requests')
      .set(...bearer(colleague))
      .send({ channel: 'hotline_12351', category: 'family', urgency: 'normal', summary: '来电反映家庭矛盾（队列推送测试）' })
      .expect(201)).body as { reference: string };
    await page.getByRole('link', { name: made.reference }).waitFor({ timeout: 10_000 }); // the safety-net reload is a minute away
    expect(await page.evaluate(() => (globalThis as unknown as { performance: { getEntriesByType(t: string): unknown[] } }).performance.getEntriesByType('navigation').length)).toBe(loads);
  });

  it('shares one event stream among eight tabs of one counsellor, and another tab takes it over when the holder closes', async () => {
    await browser.closePages(); // the tabs of the tests before hold streams of their own users
    const counsellor = await app.createUser(w.admin.token, 'counsellor', w.enterpriseA);
    const streamsPath = `/api/v1/test/push/streams?userId=${counsellor.id}`;
    const server = async () => (await app.http().get(streamsPath).expect(200)).body as { streams: number; opened: number };
    /** The event streams each tab has open, as its network shows them. */
    const open = new Map<Page, Set<unknown>>();
    const tabs: Page[] = [];
    for (let i = 0; i < 8; i++) {
      const tab = await browser.page(DESKTOP);
      const mine = new Set<unknown>();
      open.set(tab, mine);
      tab.on('request', (r) => void (new URL(r.url()).pathname === '/api/v1/events' && mine.add(r)));
      tab.on('requestfinished', (r) => void mine.delete(r));
      tab.on('requestfailed', (r) => void mine.delete(r));
      await signIn(tab, app.url, counsellor.username);
      await tab.goto(`${app.url}/staff/crisis`);
      await settled(tab); // every tab's own requests still get a connection
      await tab.getByText('实时更新已连接').waitFor();
      tabs.push(tab);
    }
    const holders = () => tabs.filter((tab) => !tab.isClosed() && open.get(tab)!.size > 0);
    expect(holders().map((tab) => open.get(tab)!.size)).toEqual([1]);
    expect((await server()).streams).toBe(1);
    const loads = await Promise.all(tabs.map((tab) => tab.evaluate(() => (globalThis as unknown as { performance: { getEntriesByType(t: string): unknown[] } }).performance.getEntriesByType('navigation').length)));

    const name = `多标签页-${Date.now() % 100000}`;
    await openCase(app, colleague, await app.createWorker(w.admin.token, w.enterpriseA, { name }), 'concern').expect(201);
    for (const tab of tabs) await tab.locator('tr', { hasText: name }).first().waitFor({ timeout: 15_000 });
    expect(await Promise.all(tabs.map((tab) => tab.evaluate(() => (globalThis as unknown as { performance: { getEntriesByType(t: string): unknown[] } }).performance.getEntriesByType('navigation').length)))).toEqual(loads);

    // The holder closes: another tab takes the lock and opens the one stream; the rest hear the next case through it.
    const [holder] = holders();
    const before = (await server()).opened;
    const rest = tabs.filter((tab) => tab !== holder);
    const takenOver = Promise.race(rest.map((tab) => tab.waitForRequest((r) => new URL(r.url()).pathname === '/api/v1/events', { timeout: 15_000 })));
    await holder.close();
    await takenOver;
    await rest[0].waitForFunction(
      async ({ path, opened }) => {
        const now = (await (await fetch(path)).json()) as { streams: number; opened: number };
        return now.streams === 1 && now.opened > opened;
      },
      { path: streamsPath, opened: before },
      { polling: 100, timeout: 15_000 },
    );
    expect(holders()).toHaveLength(1);
    expect(holders()[0]).not.toBe(holder);
    const next = `${name}乙`;
    await openCase(app, colleague, await app.createWorker(w.admin.token, w.enterpriseA, { name: next }), 'concern').expect(201);
    for (const tab of rest) await tab.locator('tr', { hasText: next }).first().waitFor({ timeout: 15_000 });
    for (const tab of rest) expect(browser.errorsOf(tab)).toEqual([]);
  }, 240_000);
});
