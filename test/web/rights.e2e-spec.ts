import { PHQ9 } from '../population/support.js';
import { PASSWORD, TestApp, bearer, type TestUser } from '../support/test-app.js';
import { DESKTOP, PHONE, WebBrowser, seriousViolations, settled, signIn } from './browser.js';
import { tour } from './tour.js';

/**
 * Issue #18, consents and rights in the browser: a counsellor records the EAP consent a worker gave on paper from
 * the referral preview (seeing what the contract covers first), which unblocks sending; the consent and who
 * recorded it show on the worker's record. A worker asks for a correction on the phone, the counsellor approves it
 * from the queue by name, the worker sees it done and who looked at their record. Then the new pages at both widths.
 */
describe('web: consents and data-subject rights', () => {
  let app: TestApp;
  let browser: WebBrowser;
  let world: Awaited<ReturnType<TestApp['world']>>;
  let worker: TestUser;
  let workerName: string;
  let vendorId: string;
  let eapReferral: string;
  /** A worker with an open crisis case whose deletion request is held. */
  let heldRequest: string;

  const http = () => app.http();

  beforeAll(async () => {
    app = await TestApp.start();
    world = await app.world();
    worker = await app.createWorkerUser(world.admin.token, world.enterpriseA, { jobTitle: '装配工' });
    workerName = (
      await http()
        .get(`/api/v1/workers/${worker.workerId}`)
        .set(...bearer(world.admin))
        .expect(200)
    ).body.name as string;
    const vendor = await http()
      .post('/api/v1/eap/vendors')
      .set(...bearer(world.admin))
      .send({ name: '安心 EAP 服务中心', services: ['individual_counselling', 'hotline'], regions: ['北京'] })
      .expect(201);
    vendorId = vendor.body.id as string;
    await http()
      .post('/api/v1/eap/contracts')
      .set(...bearer(world.admin))
      .send({
        vendorId,
        orgUnitId: world.city,
        reference: 'EAP-2026-001',
        startsOn: '2026-01-01',
        endsOn: '2027-12-31',
        services: ['individual_counselling'],
        sessionsPerWorker: 6,
        sessionsTotal: 300,
        pricePerSessionCents: 40_000,
      })
      .expect(201);
    const draft = await http()
      .post('/api/v1/eap/referrals')
      .set(...bearer(world.counsellorA))
      .send({
        workerId: worker.workerId,
        vendorId,
        service: 'individual_counselling',
        urgency: 'routine',
        contactPreference: { channel: 'worker_initiates' },
        summary: '近期家庭压力较大，希望有几次个体咨询。',
      })
      .expect(201);
    eapReferral = draft.body.id as string;

    const held = await app.createWorkerUser(world.admin.token, world.enterpriseA);
    await http()
      .post('/api/v1/me/consents')
      .set(...bearer(held))
      .send({ purpose: 'assessment', granted: true })
      .expect(201);
    await http()
      .post('/api/v1/me/assessments')
      .set(...bearer(held))
      .send({ instrumentCode: 'PHQ-9', answers: PHQ9.severe.map((a, i) => (i === 8 ? 2 : a)) })
      .expect(201);
    await app.runJobs();
    await app.runJobs();
    heldRequest = (
      await http()
        .post('/api/v1/me/deletion-requests')
        .set(...bearer(held))
        .send({ note: '我想删除我的所有数据' })
        .expect(201)
    ).body.id as string;
    browser = await WebBrowser.launch();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('a counsellor records the EAP consent given on paper from the preview, and the referral can then be sent', async () => {
    const page = await browser.page(DESKTOP);
    await signIn(page, app.url, world.counsellorA.username);
    await page.goto(`${app.url}/staff/eap/${eapReferral}`);
    await settled(page);
    await page.getByText('职工尚未同意向这家机构转介').waitFor();
    await page.getByRole('button', { name: '登记书面同意' }).click();
    const dialog = page.getByRole('dialog');
    // The service and what the contract covers are shown before anything is recorded.
    await dialog.getByText('本次转介的服务项目：个体咨询').waitFor();
    expect(await dialog.getByText('合同 EAP-2026-001 涵盖的服务：个体咨询').count()).toBe(1);
    await dialog.getByLabel('备注').fill('纸质同意书编号 2026-017');
    await dialog
      .getByRole('button', { name: '登 记' })
      .or(dialog.getByRole('button', { name: '登记' }))
      .click();
    await page.getByText('已登记').first().waitFor();
    await page.getByText('职工尚未同意向这家机构转介').waitFor({ state: 'detached' });
    await page.getByLabel('我已逐项核对以上内容，确认只发送这些').check();
    await page.getByRole('button', { name: '发送给服务机构' }).click();
    await page.getByText('已发送给服务机构').first().waitFor();

    await page.goto(`${app.url}/staff/workers/${worker.workerId}`);
    await settled(page);
    const history = page.locator('.ant-card').filter({ hasText: '同意与撤回记录' });
    await history.getByText('纸质同意书编号 2026-017').waitFor();
    const row = history.locator('tr').filter({ hasText: '纸质同意书编号 2026-017' });
    expect(await row.textContent()).toContain(`EAP 转介（安心 EAP 服务中心）`);
    expect(await row.textContent()).toContain(`${world.counsellorA.username} · 书面`);
    expect(await history.getByText('EAP 转介（安心 EAP 服务中心）：已同意').count()).toBe(1);
    expect(browser.errorsOf(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it('a worker asks for a correction on the phone; the counsellor approves it by name; the worker sees it done', async () => {
    const phone = await browser.page(PHONE);
    await signIn(phone, app.url, worker.username);
    await phone.goto(`${app.url}/me/rights-requests`);
    await settled(phone);
    await phone.getByText('你还没有提交过申请。').waitFor();
    await phone.getByLabel('要更正的项目').click();
    await phone.getByTitle('岗位').click();
    await phone.getByLabel('正确的内容').fill('质检员');
    await phone.getByRole('button', { name: '提交更正申请' }).click();
    await phone.getByText('岗位 改为“质检员”').waitFor();
    expect(await phone.getByText('审核中').count()).toBe(1);

    const desk = await browser.page(DESKTOP);
    await signIn(desk, app.url, world.counsellorA.username);
    await desk.goto(`${app.url}/staff/rights`);
    await settled(desk);
    const row = desk.locator('tr').filter({ hasText: workerName });
    await row.getByText('岗位 改为“质检员”').waitFor();
    await row.getByRole('link', { name: /审核/ }).click();
    await desk.getByRole('heading', { name: `${workerName} 的更正信息申请` }).waitFor();
    await desk.getByRole('button', { name: '批准并更正档案' }).click();
    await desk.getByRole('button', { name: /确\s?定|OK/ }).click();
    await desk.getByText('已批准并执行').first().waitFor();
    const profile = await http()
      .get(`/api/v1/workers/${worker.workerId}`)
      .set(...bearer(world.admin))
      .expect(200);
    expect(profile.body.jobTitle).toBe('质检员');

    // The deletion of a worker with an open crisis case is held, and the page says why.
    await desk.goto(`${app.url}/staff/rights/${heldRequest}`);
    await settled(desk);
    await desk.getByText('须依法保留，暂不能删除').waitFor();
    expect(await desk.getByRole('button', { name: '批准并删除数据' }).isDisabled()).toBe(true);
    await desk.getByLabel('写给职工的原因').fill('危机干预记录须保存三年，期满后可再次申请。');
    await desk.getByRole('button', { name: '不予批准' }).click();
    await desk.getByText('已通知职工不予批准').first().waitFor();

    await phone.reload();
    await settled(phone);
    await phone.getByText('已完成').waitFor();
    // Who looked at my record, in plain words: the counsellor who reviewed the request.
    await phone.getByText(`${world.counsellorA.username}（心理咨询师）查看了你的申请`).first().waitFor();
    expect(browser.errorsOf(phone)).toEqual([]);
    expect(browser.errorsOf(desk)).toEqual([]);
    await phone.close();
    await desk.close();
  }, 120_000);

  it('shows every new page at phone and desktop width without serious accessibility violations', async () => {
    const problems = await tour(
      browser,
      app.url,
      { worker: [worker.username, PASSWORD], counsellor: [world.counsellorA.username, PASSWORD] },
      [
        { name: 'worker-rights', who: 'worker', path: '/me/rights-requests', shows: '谁查看过我的档案' },
        { name: 'counsellor-rights', who: 'counsellor', path: '/staff/rights', shows: '更正与删除申请' },
        {
          name: 'counsellor-rights-held',
          who: 'counsellor',
          path: `/staff/rights/${heldRequest}`,
          shows: '删除会做什么',
        },
        {
          name: 'counsellor-worker-consents',
          who: 'counsellor',
          path: `/staff/workers/${worker.workerId}`,
          shows: '同意与撤回记录',
        },
      ],
    );
    expect(problems).toEqual([]);
  }, 300_000);
});
