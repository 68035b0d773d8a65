import { randomBytes } from 'node:crypto';
import { ADMIN_PASSWORD, TEST_ENV, TestApp } from '../support/test-app.js';
import { DESKTOP, WebBrowser, screenshot, seriousViolations, settled, signIn } from './browser.js';

/** The root administrator's data-key rotation page: what is left under the retired key, start, and the all-clear. */
describe('web: data-key rotation', () => {
  let app: TestApp;
  let browser: WebBrowser;

  beforeAll(async () => {
    app = await TestApp.start();
    const admin = await app.admin();
    await app.createWorker(admin.token, admin.orgUnitId, { phone: '13800138000', notes: '旧密钥加密的备注' });
    await app.restart({ DATA_KEY: randomBytes(32).toString('base64'), DATA_KEYS_RETIRED: TEST_ENV.DATA_KEY });
    browser = await WebBrowser.launch();
    // Two app starts and a browser: as long as the other browser files allow on a busy 2-core machine.
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app.close();
  });

  it('shows the values still under the retired key, starts the rotation and then says the old key can be removed', async () => {
    const page = await browser.page(DESKTOP);
    await signIn(page, app.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${app.url}/admin/key-rotation`);
    await settled(page);
    await page.getByText('仍有数据使用旧密钥').waitFor();
    await page.getByRole('cell', { name: 'workers.phone' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'admin-key-rotation-1280');

    await page.getByRole('button', { name: '开始轮换' }).click();
    await page.getByText('轮换进行中').waitFor();
    await app.runJobs();
    await page.getByRole('button', { name: '刷新' }).click();
    await page.getByText('没有任何数据再使用旧密钥').waitFor();
    expect(await page.getByRole('button', { name: '开始轮换' }).isDisabled()).toBe(true);
    expect(browser.errorsOf(page)).toEqual([]);
  });
});
