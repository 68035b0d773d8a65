import { type Page } from 'playwright-core';
import { PHQ9 } from '../population/support.js';
import { CLOCK_START, TestApp, bearer, type TestUser } from '../support/test-app.js';
import {
  DESKTOP,
  PHONE,
  WebBrowser,
  screenshot,
  seriousViolations,
  settled,
  signIn,
  tabTo,
} from './browser.js';

/**
 * The main journeys of issue #10 in a real browser (Debian's Chromium through playwright-core) against the real
 * built app on a fresh database: a worker's crisis result shows help at once and "contact me now" reaches the
 * counsellors, the counsellor sees the crisis case in the queue, acknowledges it and writes a safety plan the worker
 * then sees; a service-desk request answered; the official's dashboard, an admin creating a unit; keyboard-only
 * sign-in and assessment. The pages are the built web app (web/dist) served by the NestJS app at `/`.
 */
describe('web: main journeys in Chromium', () => {
  let app: TestApp;
  let browser: WebBrowser;
  let world: Awaited<ReturnType<TestApp['world']>>;
  let worker: TestUser;
  let workerName: string;

  const nameOf = async (user: TestUser) =>
    (
      await app
        .http()
        .get(`/api/v1/workers/${user.workerId}`)
        .set(...bearer(world.admin))
        .expect(200)
    ).body.name as string;

  beforeAll(async () => {
    app = await TestApp.start();
    world = await app.world();
    worker = await app.createWorkerUser(world.admin.token, world.enterpriseA);
    workerName = await nameOf(worker);
    browser = await WebBrowser.launch();
  }, 120_000);

  afterEach(() => browser?.closePages());

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function noErrors(page: Page) {
    expect(browser.errorsOf(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  }

  it('a worker gives consent, takes the PHQ-9 with item 9 above 0 and sees help at once (375 px)', async () => {
    const page = await browser.page(PHONE);
    await signIn(page, app.url, worker.username);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(page.url()).toBe(`${app.url}/me`);

    await page.getByRole('menuitem', { name: '知情同意' }).or(page.getByLabel('打开菜单')).first().click();
    await page.getByRole('menuitem', { name: '知情同意' }).click();
    await page.getByRole('button', { name: '我同意参加心理健康测评' }).click();
    await page.getByText('已记录你的同意').waitFor();

    await page.goto(`${app.url}/me/assessments`);
    await page
      .getByRole('link', { name: '开始患者健康问卷（PHQ-9）' })
      .or(page.getByRole('link', { name: /开始.*PHQ-9/ }))
      .first()
      .click();
    await page.getByRole('button', { name: '开始作答' }).click();
    for (const [index, answer] of PHQ9.item9Only.entries()) {
      await page.getByText(`第 ${index + 1} 题，共 9 题`).waitFor();
      await page
        .locator('section[aria-labelledby="question-heading"]')
        .getByRole('radio')
        .nth(answer)
        .check();
      if (index === 8) await screenshot(page, 'journey-worker-question-375');
      await page.getByRole('button', { name: index === 8 ? '提交' : '下一题' }).click();
    }
    const help = page.getByRole('alert').filter({ hasText: '我们在这里陪着你' });
    await help.waitFor();
    await expect(help.getByRole('link', { name: /12351/ }).getAttribute('href')).resolves.toBe('tel:12351');
    await expect(help.getByRole('link', { name: /12356/ }).getAttribute('href')).resolves.toBe('tel:12356');
    expect(await page.getByText('得分').count()).toBe(0);
    await screenshot(page, 'journey-worker-crisis-help-375');
    // The crisis result opens a case through the outbox (the job poller is off in tests).
    await app.runJobs();
    await app.runJobs();
    await help.getByRole('button', { name: '请尽快联系我' }).click();
    await page.getByRole('status').filter({ hasText: '已收到你的请求' }).waitFor();
    // The hotlines stay where they were.
    await help.getByRole('link', { name: /12351/ }).waitFor();
    await screenshot(page, 'journey-worker-contact-me-sent-375');
    await noErrors(page);
    // The result opened a case; asking to be contacted joins it (one person, one open case) instead of a second one.
    const cases = await app.sql<{ id: string; source_type: string; level: string }>(
      'SELECT id, source_type, level FROM crisis_cases WHERE worker_id = $1',
      [worker.workerId],
    );
    expect(cases.map(({ source_type, level }) => ({ source_type, level }))).toEqual([{ source_type: 'assessment', level: 'urgent' }]);
    const sources = await app.sql<{ source_type: string }>('SELECT source_type FROM crisis_case_triggers WHERE case_id = $1 ORDER BY joined', [cases[0].id]);
    expect(sources.map((x) => x.source_type)).toEqual(['assessment', 'self_help']);
  });

  it('the counsellor sees the crisis case in the queue, overdue after its deadline, acknowledges it and writes a safety plan (1280 px)', async () => {
    const page = await browser.page(DESKTOP);
    // The browser's clock a day and a half after the result: past the urgent case's 24-hour deadline.
    await page.clock.setFixedTime(new Date(new Date(CLOCK_START).getTime() + 36 * 3_600_000));
    await signIn(page, app.url, world.counsellorA.username);
    expect(new URL(page.url()).pathname).toBe('/staff/crisis');
    // One case of the worker: the crisis result's, which "contact me now" joined.
    const rows = page.getByRole('row').filter({ hasText: workerName });
    const row = rows.filter({ hasText: '测评结果提示危机' });
    await row.getByText('另有 1 个来源并入').waitFor();
    await row.getByText('紧急', { exact: true }).waitFor();
    await row.getByText(/已超时/).waitFor();
    await page.getByRole('alert').filter({ hasText: '1 个危机个案已超过响应时限仍未确认' }).waitFor();
    await screenshot(page, 'journey-counsellor-crisis-queue-1280');
    await noErrors(page);

    await row.getByRole('button', { name: `确认接手 ${workerName} 的危机个案` }).click();
    await page.getByText(`已确认接手 ${workerName} 的危机个案`).waitFor();
    await row.getByText('已确认').first().waitFor();
    const queue = await app
      .http()
      .get('/api/v1/crisis-cases')
      .set(...bearer(world.counsellorA))
      .expect(200);
    const item = (
      queue.body.items as Array<{ id: string; workerId: string; state: string; assigneeId: string | null }>
    ).filter((c) => c.workerId === worker.workerId);
    expect(item.map((c) => c.state)).toEqual(['acknowledged']);
    expect(item[0].assigneeId).toBe(world.counsellorA.id);
    await page.getByRole('alert').filter({ hasText: '个危机个案已超过响应时限仍未确认' }).waitFor({ state: 'detached' });

    // The case page: its history, then start work and write a safety plan.
    await row.getByRole('link', { name: `打开 ${workerName} 的危机个案` }).click();
    await page.getByRole('heading', { name: `${workerName} 的危机个案`, level: 1 }).waitFor();
    await page.getByText('测评结果提示危机').first().waitFor();
    await page.getByRole('heading', { name: '开案原因' }).waitFor();
    await page.getByRole('heading', { name: '联系方式' }).waitFor();
    await page.getByRole('button', { name: '开始处置' }).click();
    await page.getByText('个案已更新为“处置中”').waitFor();
    await page.getByRole('button', { name: '编写安全计划' }).click();
    await page.getByLabel(/预警信号/).fill('夜里睡不着，反复想到工作上的事');
    await page.getByLabel(/可以求助的亲友/).fill('姐姐 13800000000');
    await page.getByRole('button', { name: '保存为新版本' }).click();
    await page.getByText('已保存安全计划').waitFor();
    await page.getByRole('link', { name: '13800000000' }).waitFor();
    await screenshot(page, 'journey-counsellor-case-1280');
    await noErrors(page);

    // Another enterprise's counsellor does not see it.
    const other = await browser.page(DESKTOP);
    await signIn(other, app.url, world.counsellorB.username);
    await other.getByText('目前没有需要处理的危机个案。').waitFor();
    expect(await other.getByText(workerName).count()).toBe(0);
  });

  it('the worker sees the safety plan in their record, with the hotlines, and downloads their data (375 px)', async () => {
    const page = await browser.page(PHONE);
    await signIn(page, app.url, worker.username);
    await page.goto(`${app.url}/me/record`);
    await page.getByRole('heading', { name: '我的安全计划' }).waitFor();
    await page.getByText('夜里睡不着，反复想到工作上的事').waitFor();
    await expect(page.getByRole('link', { name: /12351/ }).first().getAttribute('href')).resolves.toBe(
      'tel:12351',
    );
    await screenshot(page, 'journey-worker-safety-plan-375');
    await noErrors(page);

    // 下载我的数据: a readable copy of everything kept about them.
    await page.goto(`${app.url}/me/data`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载可阅读的网页版' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('my-data.html');
    await page.getByText('已开始下载').waitFor();
    await noErrors(page);
  });

  it('service desk: a worker submits a request, the counsellor replies, the worker sees the reply', async () => {
    const phone = await browser.page(PHONE);
    await signIn(phone, app.url, worker.username);
    await phone.goto(`${app.url}/me/requests`);
    await phone.getByRole('button', { name: '提交新的诉求' }).click();
    await phone.getByLabel('诉求类别').click();
    await phone.locator('.ant-select-item-option').filter({ hasText: '职场人际冲突' }).click();
    await phone.getByLabel('遇到了什么情况').fill('和班组长关系紧张，想找人聊聊怎么沟通');
    await phone.getByRole('button', { name: '提交诉求' }).click();
    const sent = phone.getByRole('status').filter({ hasText: '已提交，受理编号' });
    await sent.waitFor();
    const reference = /XG-\d{8}-\d{4,}/.exec(await sent.innerText())?.[0];
    expect(reference).toBeTruthy();
    await screenshot(phone, 'journey-worker-request-sent-375');
    await noErrors(phone);

    const desk = await browser.page(DESKTOP);
    await signIn(desk, app.url, world.counsellorA.username);
    await desk.goto(`${app.url}/staff/desk`);
    await desk.getByRole('link', { name: reference! }).click();
    await desk.getByRole('heading', { name: `诉求 ${reference}`, level: 1 }).waitFor();
    await desk.getByText('和班组长关系紧张').waitFor();
    await desk
      .getByLabel('回复内容（职工可见）')
      .fill('你好，已收到。明天上午十点工会心理咨询师会给你打电话。');
    await desk.getByRole('button', { name: '回复职工' }).last().click();
    await desk.getByText('已回复职工').first().waitFor();
    await screenshot(desk, 'journey-counsellor-desk-request-1280');
    await noErrors(desk);

    await phone.reload();
    await phone.getByText('工会回复').waitFor();
    await phone.getByText('明天上午十点工会心理咨询师会给你打电话').waitFor();
    await noErrors(phone);
  });

  it('EAP: the counsellor drafts a referral, checks exactly what the vendor will receive, and sends it', async () => {
    const vendor = await app
      .http()
      .post('/api/v1/eap/vendors')
      .set(...bearer(world.admin))
      .send({ name: '网页测试 EAP 中心', services: ['individual_counselling'] })
      .expect(201);
    await app
      .http()
      .post('/api/v1/eap/contracts')
      .set(...bearer(world.admin))
      .send({
        vendorId: vendor.body.id,
        orgUnitId: world.city,
        reference: 'EAP-WEB-01',
        startsOn: '2026-01-01',
        endsOn: '2027-12-31',
        services: ['individual_counselling'],
        sessionsPerWorker: 6,
        sessionsTotal: 100,
        pricePerSessionCents: 30_000,
      })
      .expect(201);
    const referred = await app.createWorkerUser(world.admin.token, world.enterpriseA);
    await app
      .http()
      .post('/api/v1/me/consents')
      .set(...bearer(referred))
      .send({ purpose: 'eap_referral', granted: true, recipientId: vendor.body.id })
      .expect(201);

    const page = await browser.page(DESKTOP);
    await signIn(page, app.url, world.counsellorA.username);
    await page.goto(`${app.url}/staff/eap/new?worker=${referred.workerId}`);
    await page.getByLabel('服务机构', { exact: true }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '网页测试 EAP 中心' }).click();
    await page.getByLabel('服务项目', { exact: true }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '个体咨询' }).click();
    await page.getByLabel('写给服务机构的说明').fill('近两个月睡眠差，工作压力大，希望得到专业咨询。');
    await page.getByRole('button', { name: '保存草稿并预览' }).click();
    const preview = page.locator('.ant-card').filter({ hasText: '发送前核对' });
    await preview.getByText('近两个月睡眠差，工作压力大，希望得到专业咨询。').waitFor();
    await preview.getByText('EAP-WEB-01').waitFor();
    await preview.getByText(/SHA-256: [0-9a-f]{64}/).waitFor();
    await screenshot(page, 'journey-counsellor-eap-preview-1280');
    await noErrors(page);
    await preview.getByRole('checkbox', { name: '我已逐项核对以上内容，确认只发送这些' }).check();
    await preview.getByRole('button', { name: '发送给服务机构' }).click();
    await page.getByText('已发送给服务机构').first().waitFor();
    const sent = await app
      .http()
      .get('/api/v1/eap/referrals')
      .query({ workerId: referred.workerId })
      .set(...bearer(world.counsellorA))
      .expect(200);
    expect((sent.body as Array<{ status: string }>).map((r) => r.status)).toEqual(['sent']);
  });

  it('with the keyboard only: a worker submits a desk request, a counsellor takes on a crisis case', async () => {
    const third = await app.createWorkerUser(world.admin.token, world.enterpriseA);
    const thirdName = await nameOf(third);
    const phone = await browser.page(PHONE);
    await signIn(phone, app.url, third.username);
    await phone.goto(`${app.url}/me/requests`);
    await settled(phone);
    await tabTo(phone, (e) => e.tag === 'button' && e.text === '提交新的诉求', 40);
    await phone.keyboard.press('Enter');
    await tabTo(phone, (e) => e.role === 'combobox');
    await phone.keyboard.type('加班');
    await phone.keyboard.press('Enter');
    await tabTo(phone, (e) => e.tag === 'textarea');
    await phone.keyboard.type('加班太多，想了解自己的权益');
    await tabTo(phone, (e) => e.tag === 'button' && e.text === '提交诉求');
    await phone.keyboard.press('Enter');
    await phone.getByRole('status').filter({ hasText: '已提交，受理编号' }).waitFor();
    await phone.getByRole('heading', { name: '权益：加班与下班后工作消息', level: 1 }).waitFor();
    await noErrors(phone);

    // Earlier cases taken on (through the API), so the one acknowledge button is this worker's.
    const open = await app
      .http()
      .get('/api/v1/crisis-cases')
      .query({ state: 'open' })
      .set(...bearer(world.counsellorA))
      .expect(200);
    for (const c of open.body.items as Array<{ id: string }>)
      await app
        .http()
        .post(`/api/v1/crisis-cases/${c.id}/acknowledge`)
        .set(...bearer(world.counsellorA))
        .expect(200);
    await app
      .http()
      .post('/api/v1/me/help')
      .set(...bearer(third))
      .send({})
      .expect(201);
    const desk = await browser.page(DESKTOP);
    await signIn(desk, app.url, world.counsellorA.username);
    await desk.getByRole('row').filter({ hasText: thirdName }).filter({ hasText: '职工主动求助' }).waitFor();
    await tabTo(desk, (e) => e.tag === 'button' && e.text === '确认接手', 60);
    await desk.keyboard.press('Enter');
    await desk.getByText(`已确认接手 ${thirdName} 的危机个案`).waitFor();
    const [taken] = await app.sql<{ state: string; assignee_id: string }>(
      "SELECT state, assignee_id FROM crisis_cases WHERE worker_id = $1 AND source_type = 'self_help'",
      [third.workerId],
    );
    expect(taken).toEqual({ state: 'acknowledged', assignee_id: world.counsellorA.id });
  });

  it('an official sees a dashboard with suppressed cells, filters it by unit and exports it', async () => {
    const page = await browser.page(DESKTOP);
    await signIn(page, app.url, world.official.username);
    expect(new URL(page.url()).pathname).toBe('/official/dashboard');
    await page.getByRole('heading', { name: '数据看板', level: 1 }).waitFor();
    // A handful of workers answered the PHQ-9: every small cell is withheld and says so, never 0.
    const table = page.getByRole('table');
    await table.getByText('已隐藏').first().waitFor();
    await screenshot(page, 'journey-official-dashboard-1280');
    await noErrors(page);
    const units = await app
      .http()
      .get('/api/v1/org-units')
      .set(...bearer(world.admin))
      .expect(200);
    const enterpriseA = (units.body as Array<{ id: string; name: string }>).find(
      (u) => u.id === world.enterpriseA,
    )!;
    await page.getByLabel('选择单位').click();
    await page.locator('.ant-select-tree-title').filter({ hasText: enterpriseA.name }).click();
    await table.getByText('已隐藏').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    await noErrors(page);

    // The English switch: the app's words and antd's own change together; the choice is kept on this device.
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.getByText('About privacy').first().waitFor();
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { document: { documentElement: { lang: string } } }).document
            .documentElement.lang,
      ),
    ).toBe('en');
    await page.getByText('中文', { exact: true }).click();
    await page.getByRole('heading', { name: '数据看板', level: 1 }).waitFor();
  });

  it('says in Chinese what went wrong and what to do when sign-in fails', async () => {
    const page = await browser.page(PHONE);
    await page.goto(`${app.url}/login`);
    await page.getByLabel('用户名').fill(worker.username);
    await page.getByLabel('密码').fill('not-the-password');
    await page.locator('button[type="submit"]').click();
    const alert = page.getByRole('alert').filter({ hasText: '用户名或密码错误' });
    await alert.waitFor();
    await alert.getByText('请检查用户名和密码后重新输入').waitFor();
    expect(await alert.getByText('Wrong username or password').count()).toBe(0);
    await screenshot(page, 'journey-login-error-375');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('an admin creates a unit under the city union', async () => {
    const units = await app
      .http()
      .get('/api/v1/org-units')
      .set(...bearer(world.admin))
      .expect(200);
    const city = (units.body as Array<{ id: string; name: string }>).find((u) => u.id === world.city)!;
    const page = await browser.page(DESKTOP);
    await signIn(page, app.url, 'admin', 'Admin-Password-1');
    expect(new URL(page.url()).pathname).toBe('/admin/units');
    await page.getByRole('tree').getByText(city.name, { exact: true }).click();
    await page.getByLabel('下级单位名称').fill('网页新建的企业工会');
    await page.getByRole('button', { name: '新建', exact: true }).click();
    await page.getByText('已新建“网页新建的企业工会”').waitFor();
    await page.getByRole('tree').getByText('网页新建的企业工会').waitFor();
    const after = await app
      .http()
      .get('/api/v1/org-units')
      .set(...bearer(world.admin))
      .expect(200);
    expect(
      (after.body as Array<{ name: string; parentId: string }>).find((u) => u.name === '网页新建的企业工会')
        ?.parentId,
    ).toBe(world.city);
    await noErrors(page);
  });

  it('keeps a session over a reload by rotating the refresh token, and signs out', async () => {
    type Storage = { sessionStorage: { getItem(key: string): string | null } };
    const refreshToken = (page: Page) =>
      page.evaluate(() => (globalThis as unknown as Storage).sessionStorage.getItem('xingang.refreshToken'));
    const page = await browser.page(DESKTOP);
    await signIn(page, app.url, world.supervisor.username);
    await page.getByRole('heading', { name: '危机个案', level: 1 }).waitFor();
    const before = await refreshToken(page);
    await page.reload();
    await page.getByRole('heading', { name: '危机个案', level: 1 }).waitFor();
    const after = await refreshToken(page);
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${app.url}/login`);
    expect(await refreshToken(page)).toBeNull();
    await app.http().post('/api/v1/auth/refresh').send({ refreshToken: after }).expect(401);
  });

  it('signs in and takes an assessment with the keyboard only', async () => {
    const second = await app.createWorkerUser(world.admin.token, world.enterpriseB);
    await app
      .http()
      .post('/api/v1/me/consents')
      .set(...bearer(second))
      .send({ purpose: 'assessment', granted: true })
      .expect(201);
    const page = await browser.page(PHONE);
    await page.goto(`${app.url}/login`);
    // The username field has the focus on arrival.
    await page.waitForFunction(
      () =>
        (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document
          .activeElement?.id === 'username',
    );
    await page.keyboard.type(second.username);
    await tabTo(page, (e) => e.type === 'password');
    await page.keyboard.type('Test-Password-1');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${app.url}/me`);

    await page.goto(`${app.url}/me/assessments/GAD-7`);
    // A keyboard user waits for the page to load before tabbing through it.
    await page.getByRole('button', { name: '开始作答' }).waitFor();
    await tabTo(page, (e) => e.tag === 'button' && e.text === '开始作答');
    await page.keyboard.press('Enter');
    for (let index = 0; index < 7; index++) {
      await page.getByText(`第 ${index + 1} 题，共 7 题`).waitFor();
      await tabTo(page, (e) => e.type === 'radio' && e.name === `item-${index + 1}`);
      await page.keyboard.press('Space');
      if (index === 0) await page.keyboard.press('ArrowDown'); // the second answer for the first item
      await tabTo(page, (e) => e.tag === 'button' && (e.text === '下一题' || e.text === '提交'));
      await page.keyboard.press('Enter');
    }
    await page.getByRole('heading', { name: '谢谢你完成测评' }).waitFor();
    const record = await app
      .http()
      .get('/api/v1/me/record')
      .set(...bearer(second))
      .expect(200);
    const gad7 = (
      record.body.assessments as Array<{ instrumentCode: string; results: Array<{ totalScore: number }> }>
    ).find((a) => a.instrumentCode === 'GAD-7');
    expect(gad7?.results.map((r) => r.totalScore)).toEqual([1]);
    await noErrors(page);
  });
});
