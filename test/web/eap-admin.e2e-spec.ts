import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { ExampleVendor } from '../../examples/vendor/example-vendor.js';
import { consentingWorker, draftReferral, eapWorld, sendReferral } from '../eap/support.js';
import { ADMIN_PASSWORD, PASSWORD, TestApp, bearer } from '../support/test-app.js';
import { DESKTOP, WebBrowser, seriousViolations, settled, signIn } from './browser.js';
import { tour } from './tour.js';

/**
 * Issue #18, EAP administration from the browser: the root administrator issues a vendor key (shown once) and
 * revokes it (the vendor API then refuses it); registers a webhook endpoint on a real local vendor server (which
 * verifies our signatures with the secret shown once), sees a delivery given up (410), enables the endpoint again and
 * redelivers it; edits a contract (a total below the sessions used is refused under its field); opens utilisation
 * (withheld figures as on the dashboard) and downloads the CSV; a counsellor edits a draft referral. Then the new
 * pages at both widths.
 */
describe('web: EAP vendors, keys, webhooks, contracts and utilisation run in the browser', () => {
  let app: TestApp;
  let browser: WebBrowser;
  let world: Awaited<ReturnType<typeof eapWorld>>;
  let vendor: ExampleVendor;
  let answer: number | null = null;
  /** The vendor checks webhook timestamps against the app's (manual) clock. */
  let appNow = 0;
  let endpointId = '';
  let draftId = '';
  const http = () => app.http();
  const syncClock = async () => (appNow = (await app.advanceClock(0)).getTime());
  const runJobs = async () => {
    await syncClock();
    return app.runJobs();
  };

  const adminPage = async (path: string): Promise<Page> => {
    const page = await browser.page(DESKTOP);
    await page.clock.setFixedTime(new Date(await syncClock()));
    await signIn(page, app.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${app.url}${path}`);
    await settled(page);
    return page;
  };

  beforeAll(async () => {
    app = await TestApp.start({ EAP_WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' });
    world = await eapWorld(app, { sessionsPerWorker: 3, sessionsTotal: 10 });
    // A referral the vendor accepted and held two sessions for: the contract has used 2 of its sessions.
    const { w, vendor: v, apiKey } = world;
    const worker = await consentingWorker(app, w.admin, w.enterpriseA, v.id);
    const { referral } = await sendReferral(app, w.counsellorA, worker.workerId, v.id);
    const report = (body: Record<string, unknown>) =>
      http().post(`/api/v1/vendor/referrals/${referral.vendorRef}/outcomes`).set('X-Api-Key', apiKey.key).send(body).expect(200);
    await report({ type: 'accepted' });
    await report({ type: 'session_attended', sessionNumber: 1 });
    await report({ type: 'session_attended', sessionNumber: 2 });
    const other = await consentingWorker(app, w.admin, w.enterpriseA, v.id);
    draftId = (await draftReferral(app, w.counsellorA, other.workerId, v.id)).id;
    vendor = new ExampleVendor({ xingangUrl: () => app.url, apiKey: apiKey.key, now: () => appNow, answer: () => answer });
    browser = await WebBrowser.launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await vendor?.stop();
    await app?.close();
  });
  afterEach(() => browser.closePages());

  it('issues a vendor key shown once, and once revoked the vendor API refuses it', async () => {
    const page = await adminPage(`/admin/vendors/${world.vendor.id}`);
    await page.getByRole('tab', { name: 'API 密钥' }).click();
    await page.getByLabel('用途').fill('对接测试');
    await page.getByRole('button', { name: '创建密钥' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('请立即保存：只显示这一次').waitFor();
    const key = (await dialog.getByTestId('shown-secret').innerText()).trim();
    expect(key).toMatch(/^xg_vendor_[\w-]{43}$/);
    await dialog.getByRole('button', { name: /复制/ }).waitFor();
    await http().get('/api/v1/vendor/referrals').set('X-Api-Key', key).expect(200);
    await dialog.getByRole('button', { name: '我已保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // Never shown again: the list names it by its prefix only.
    await page.getByText(`${key.slice(0, 16)}…`).waitFor();
    expect(await page.content()).not.toContain(key);
    await page.getByRole('button', { name: '吊销密钥 对接测试' }).click();
    await page.getByRole('button', { name: /^吊\s?销$/ }).click();
    await page.getByText('已吊销密钥').waitFor();
    await page.getByRole('row', { name: /对接测试/ }).getByText('已吊销').waitFor();
    const refused = await http().get('/api/v1/vendor/referrals').set('X-Api-Key', key).expect(401);
    expect(refused.body.code).toBeTruthy();
    expect(browser.errorsOf(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  }, 120_000);

  it('registers a webhook endpoint, shows a delivery given up, and redelivers it once the endpoint is enabled', async () => {
    const url = await vendor.start();
    const page = await adminPage(`/admin/vendors/${world.vendor.id}`);
    await page.getByRole('tab', { name: 'Webhook 通知' }).click();
    await page.getByLabel('通知地址（URL）').fill(url);
    await page.getByRole('button', { name: '添加通知地址' }).click();
    const dialog = page.getByRole('dialog');
    const secret = (await dialog.getByTestId('shown-secret').innerText()).trim();
    expect(secret).toMatch(/^whsec_/);
    vendor.webhookSecrets = [secret];
    await dialog.getByRole('button', { name: '我已保存' }).click();
    const listed = await http().get(`/api/v1/eap/vendors/${world.vendor.id}/webhook-endpoints`).set(...bearer(world.w.admin)).expect(200);
    endpointId = (listed.body as Array<{ id: string; url: string }>).find((e) => e.url === url)!.id;

    // The vendor's system answers 410 Gone: the message is given up and the endpoint disabled.
    answer = 410;
    const worker = await consentingWorker(app, world.w.admin, world.w.enterpriseA, world.vendor.id);
    const { referral } = await sendReferral(app, world.w.counsellorA, worker.workerId, world.vendor.id);
    await runJobs();
    expect(vendor.events).toHaveLength(0);
    await page.reload();
    await settled(page);
    await page.getByRole('tab', { name: 'Webhook 通知' }).click();
    await page.getByText(url).click();
    await page.getByText('对方已停用（410）').waitFor();
    await page.getByText('已放弃（可重新投递）').waitFor();
    await page.getByText('停用原因：gone (HTTP 410)').waitFor();

    // Fixed on their side: enable, redeliver, and it arrives, signed with the secret shown once.
    answer = null;
    await page.getByRole('button', { name: `启用 ${url}` }).click();
    await page.getByText('已启用通知地址').waitFor();
    await page.getByRole('button', { name: /^重新投递 msg_/ }).click();
    await page.getByText('已重新排队投递').waitFor();
    await runJobs();
    expect(vendor.refused).toEqual([]);
    expect(vendor.events.map((e) => [e.type, e.data.referralId])).toEqual([['referral.created', referral.vendorRef]]);
    await page.getByRole('button', { name: '刷新' }).click();
    await page.getByRole('cell', { name: '已送达' }).first().waitFor();
    expect(browser.errorsOf(page)).toEqual([]);
  }, 120_000);

  it('edits a contract: a total below the sessions used is refused under its field, a renewal is saved', async () => {
    const page = await adminPage(`/admin/contracts/${world.contract.id}`);
    await page.getByRole('button', { name: '修改条款' }).click();
    const total = page.getByLabel('总次数');
    await total.fill('1');
    await page.getByRole('button', { name: '保存修改' }).click();
    await page.locator('.ant-form-item-has-error').filter({ hasText: '总次数不能少于已使用的 2 次' }).waitFor();
    await total.fill('0');
    await page.getByText('总次数须为 1–10000000').waitFor();
    await total.fill('40');
    await page.getByRole('button', { name: '保存修改' }).click();
    await page.getByText('已保存合同条款').waitFor();
    await page.getByText(/共 40 次/).waitFor();
    const saved = await http().get(`/api/v1/eap/contracts/${world.contract.id}`).set(...bearer(world.w.admin)).expect(200);
    expect(saved.body.sessionsTotal).toBe(40);
    expect(browser.errorsOf(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  }, 120_000);

  it('shows utilisation with withheld figures as the dashboard does, and downloads the CSV', async () => {
    const page = await adminPage('/eap/utilisation');
    const row = page.getByRole('row', { name: new RegExp(world.contract.reference) });
    await row.waitFor();
    // Two referrals: fewer than k, withheld for an administrator (who does not read the referrals) and said why.
    await row.getByLabel(/^已隐藏：/).first().waitFor();
    await page.getByTestId('withheld-reasons').getByText(/为什么隐藏/).waitFor();
    await page.getByTestId('disclosure-note').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('eap-utilisation.csv');
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    const header = csv[0].split(',');
    const line = csv.find((l) => l.startsWith(world.contract.reference))!.split(',');
    expect(line[header.indexOf('转介数 referrals')]).toBe('<k');
    expect(line[header.indexOf('总次数 quota')]).toBe('40');
    const audited = await app.sql<{ action: string }>("SELECT action FROM audit_events WHERE actor_id = $1 AND action LIKE 'eap_utilisation.%' ORDER BY seq", [world.w.admin.id]);
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(['eap_utilisation.read', 'eap_utilisation.export']));
    expect(browser.errorsOf(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  }, 120_000);

  it('lets the counsellor edit a draft referral, and previews the new text', async () => {
    const page = await browser.page(DESKTOP);
    await page.clock.setFixedTime(new Date(await syncClock()));
    await signIn(page, app.url, world.w.counsellorA.username);
    await page.goto(`${app.url}/staff/eap/${draftId}`);
    await settled(page);
    await page.getByRole('button', { name: '修改草稿' }).click();
    await page.getByLabel('写给服务机构的说明').fill('希望尽快安排夜班后的咨询时段 / Counselling after night shifts, soon');
    await page.getByRole('button', { name: '保存并重新预览' }).click();
    await page.getByText('已保存草稿，请重新核对将要发送的内容').waitFor();
    await page.getByText('希望尽快安排夜班后的咨询时段 / Counselling after night shifts, soon').first().waitFor();
    const preview = await http().get(`/api/v1/eap/referrals/${draftId}/preview`).set(...bearer(world.w.counsellorA)).expect(200);
    expect(preview.body.data.summary).toBe('希望尽快安排夜班后的咨询时段 / Counselling after night shifts, soon');
    expect(browser.errorsOf(page)).toEqual([]);
  }, 120_000);

  it('shows the new pages at phone and desktop width with no serious accessibility problem', async () => {
    const problems = await tour(
      browser,
      app.url,
      { admin: ['admin', ADMIN_PASSWORD], official: [world.w.official.username, PASSWORD] },
      [
        { name: 'admin-vendor', who: 'admin', path: `/admin/vendors/${world.vendor.id}`, shows: world.contract.reference },
        { name: 'admin-contract', who: 'admin', path: `/admin/contracts/${world.contract.id}`, shows: '服务使用情况' },
        { name: 'admin-webhook-endpoint', who: 'admin', path: `/admin/eap/webhook-endpoints/${endpointId}`, shows: '已送达' },
        { name: 'admin-utilisation', who: 'admin', path: '/eap/utilisation', shows: world.contract.reference },
        { name: 'official-utilisation', who: 'official', path: '/eap/utilisation', shows: world.contract.reference },
      ],
      new Date(await syncClock()),
    );
    expect(problems).toEqual([]);
  }, 300_000);
});
