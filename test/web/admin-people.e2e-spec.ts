import { ADMIN_PASSWORD, PASSWORD, TestApp, bearer, type TestUser } from '../support/test-app.js';
import { DESKTOP, WebBrowser, seriousViolations, settled, signIn } from './browser.js';
import { tour } from './tour.js';

/**
 * Issue #18, administration in the browser: the roster import shows every row error before anything is written,
 * then imports the corrected file; a worker is added and edited; a counsellor becomes a supervisor of the city and
 * gets a new password; the audit log finds what happened, shows one record and verifies the chain. Then the new
 * pages at both widths.
 */
describe('web: admin of workers, accounts and the audit log', () => {
  let app: TestApp;
  let browser: WebBrowser;
  let world: Awaited<ReturnType<TestApp['world']>>;
  let counsellor: TestUser;
  const http = () => app.http();

  beforeAll(async () => {
    app = await TestApp.start();
    world = await app.world();
    counsellor = await app.createUser(world.admin.token, 'counsellor', world.enterpriseA);
    await app.createWorker(world.admin.token, world.enterpriseA, { name: '老职工', employeeNo: 'A900' });
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

  it('checks a roster first and shows every row error with nothing written, then imports the corrected file', async () => {
    const page = await browser.page(DESKTOP);
    await signIn(page, app.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${app.url}/admin/workers/import`);
    await settled(page);
    const csv = (rows: string) => ({
      name: 'roster.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`name,orgUnitId,employeeNo,gender\n${rows}`),
    });
    await page
      .locator('input[type="file"]')
      .setInputFiles(
        csv(
          `林晓,${world.enterpriseA},A001,female\n,${world.enterpriseA},A002,male\n何平,${world.enterpriseA},A900,robot\n`,
        ),
      );
    await page.getByRole('button', { name: '检查（不写入）' }).click();
    await page.getByText('发现 3 处错误，未写入任何数据').waitFor();
    const problems = page.locator('.ant-table-tbody tr');
    expect(await problems.count()).toBe(3);
    expect(await problems.nth(0).textContent()).toContain('3name');
    expect(await page.getByText('工号已存在').count()).toBe(1);
    expect(await page.getByRole('button', { name: /导入 0 名职工/ }).isDisabled()).toBe(true);
    const none = await http()
      .get('/api/v1/workers')
      .query({ q: 'A001' })
      .set(...bearer(world.admin))
      .expect(200);
    expect(none.body.total).toBe(0);

    await page
      .locator('input[type="file"]')
      .setInputFiles(csv(`林晓,${world.enterpriseA},A001,female\n何平,${world.enterpriseA},A003,male\n`));
    await page.getByRole('button', { name: '检查（不写入）' }).click();
    await page.getByText('检查通过：2 行都可以导入，尚未写入任何数据。').waitFor();
    await page.getByRole('button', { name: '导入 2 名职工' }).click();
    await page.getByText('已导入 2 名职工').waitFor();

    await page.goto(`${app.url}/admin/workers`);
    await settled(page);
    await page.getByLabel('按姓名或工号搜索').fill('林晓');
    await page.getByLabel('按姓名或工号搜索').press('Enter');
    const row = page.locator('tr').filter({ hasText: 'A001' });
    await row.getByText(await unitName(world.enterpriseA)).waitFor();
    await row.getByRole('button', { name: '修改 林晓' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('岗位', { exact: true }).fill('焊工');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText('已保存 林晓 的档案').waitFor();
    await row.getByText('焊工').waitFor();
    expect(browser.errorsOf(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it('makes a counsellor a supervisor of the city, resets the password, and finds it in the verified audit log', async () => {
    const page = await browser.page(DESKTOP);
    await signIn(page, app.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${app.url}/admin/users`);
    await settled(page);
    await page.getByLabel('按用户名或姓名筛选').fill(counsellor.username);
    await page.getByRole('button', { name: `修改 ${counsellor.username}` }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('角色').click();
    await page.getByTitle('督导').click();
    await dialog.getByLabel('单位').click();
    await page.getByTitle(await unitName(world.city)).click();
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText(`已保存账号 ${counsellor.username}`).waitFor();
    const row = page.locator('tr').filter({ hasText: counsellor.username });
    await row.getByText('督导').waitFor();

    await row.getByRole('button', { name: `重置密码 ${counsellor.username}` }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('新密码').fill('Brand-New-Password-9');
    await dialog.getByRole('button', { name: /重\s?置/ }).click();
    await page.getByText(`已重置 ${counsellor.username} 的密码`).waitFor();
    await http()
      .post('/api/v1/auth/login')
      .send({ username: counsellor.username, password: PASSWORD })
      .expect(401);
    const me = await http()
      .post('/api/v1/auth/login')
      .send({ username: counsellor.username, password: 'Brand-New-Password-9' })
      .expect(200);
    expect(me.body.accessToken).toBeTruthy();

    await page.goto(`${app.url}/admin/audit`);
    await settled(page);
    await page.getByLabel('操作（如 worker.read）').fill('user.update');
    await page.getByRole('button', { name: /筛\s?选/ }).click();
    const events = page.locator('.ant-table-tbody tr').filter({ hasText: 'user.update' });
    await events.first().waitFor();
    expect(await events.count()).toBe(2);
    await events.first().getByRole('button', { name: 'user.update' }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText(/审计记录 #\d+/).waitFor();
    expect(await drawer.textContent()).toContain('"password"');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '校验日志链' }).click();
    await page.getByText(/日志链完整：已校验 \d+ 条/).waitFor();
    await page.getByText(/与库外的 \d+ 个签名检查点一致/).waitFor();
    expect(browser.errorsOf(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it('shows every new page at phone and desktop width without serious accessibility violations', async () => {
    const problems = await tour(browser, app.url, { admin: ['admin', ADMIN_PASSWORD] }, [
      { name: 'admin-workers', who: 'admin', path: '/admin/workers', shows: '老职工' },
      { name: 'admin-roster-import', who: 'admin', path: '/admin/workers/import', shows: '可用的列' },
      { name: 'admin-users-edit', who: 'admin', path: '/admin/users', shows: '重置密码' },
      { name: 'admin-audit', who: 'admin', path: '/admin/audit', shows: 'user.create' },
    ]);
    expect(problems).toEqual([]);
  }, 300_000);
});
