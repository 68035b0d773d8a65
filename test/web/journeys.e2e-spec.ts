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
 * built app on a fresh database: a worker's crisis result shows help at once, the counsellor sees it in the crisis
 * queue and acknowledges it, the official's dashboard, an admin creating a unit; keyboard-only sign-in and
 * assessment. The pages are the built web app (web/dist) served by the NestJS app at `/`.
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
    // Until POST /me/help exists (issue #4), the page says a counsellor will make contact.
    await help.getByText('心理服务人员会联系你').waitFor();
    expect(await page.getByText('得分').count()).toBe(0);
    await screenshot(page, 'journey-worker-crisis-help-375');
    await noErrors(page);
  });

  it('the counsellor sees the crisis in the queue, overdue after a day, and acknowledges it (1280 px)', async () => {
    const page = await browser.page(DESKTOP);
    // The browser's clock a day and a half after the result: the alert is past the 24-hour response target.
    await page.clock.setFixedTime(new Date(new Date(CLOCK_START).getTime() + 36 * 3_600_000));
    await signIn(page, app.url, world.counsellorA.username);
    expect(new URL(page.url()).pathname).toBe('/staff/crisis');
    const row = page.getByRole('row').filter({ hasText: workerName });
    await row.waitFor();
    await row.getByText('第 9 题大于 0').waitFor();
    await row.getByText(/已超时/).waitFor();
    await page.getByRole('alert').filter({ hasText: '1 条危机预警已超过 24 小时未确认' }).waitFor();
    await screenshot(page, 'journey-counsellor-crisis-queue-1280');
    await noErrors(page);

    await row.getByRole('button', { name: `确认 ${workerName} 的危机预警` }).click();
    await page.getByText(`已确认 ${workerName} 的危机预警`).waitFor();
    await page.getByText('目前没有需要处理的危机预警。').waitFor();
    const alerts = await app
      .http()
      .get('/api/v1/risk-alerts')
      .set(...bearer(world.counsellorA))
      .expect(200);
    const alert = (alerts.body.items as Array<{ workerId: string; acknowledgedBy: string | null }>).find(
      (a) => a.workerId === worker.workerId,
    );
    expect(alert?.acknowledgedBy).toBe(world.counsellorA.id);

    // Another enterprise's counsellor does not see it.
    const other = await browser.page(DESKTOP);
    await signIn(other, app.url, world.counsellorB.username);
    await other.getByText('目前没有需要处理的危机预警。').waitFor();
    await other.getByText('全部', { exact: true }).click();
    await settled(other);
    expect(await other.getByText(workerName).count()).toBe(0);
  });

  it('an official sees the dashboard page (the report routes of issue #9 are served: no "coming soon" notice)', async () => {
    const page = await browser.page(DESKTOP);
    await signIn(page, app.url, world.official.username);
    expect(new URL(page.url()).pathname).toBe('/official/dashboard');
    await page.getByRole('heading', { name: '数据看板', level: 1 }).waitFor();
    await page.getByText('关于隐私保护').first().waitFor();
    await page.getByText('已隐藏').first().waitFor();
    expect(await page.getByText('报表功能即将上线').count()).toBe(0);
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
    await page.getByRole('heading', { name: '危机预警', level: 1 }).waitFor();
    const before = await refreshToken(page);
    await page.reload();
    await page.getByRole('heading', { name: '危机预警', level: 1 }).waitFor();
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
