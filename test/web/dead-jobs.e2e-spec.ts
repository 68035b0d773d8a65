import { PASSWORD, TestApp, bearer } from '../support/test-app.js';
import { DESKTOP, WebBrowser, screenshot, seriousViolations, signIn } from './browser.js';

/** 任务队列 in Chromium: a root admin sees an email that gave up (its error, its attempts) and runs it again. */
describe('web: dead jobs for the root administrator', () => {
  let app: TestApp;
  let browser: WebBrowser;

  beforeAll(async () => {
    app = await TestApp.start({ SMTP_URL: 'smtp://127.0.0.1:9' });
    browser = await WebBrowser.launch();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lists a job that used up its attempts and retries it', async () => {
    const admin = await app.admin();
    await app.http().post('/api/v1/users').set(...bearer(admin)).send({ username: 'gave.up', password: PASSWORD, role: 'counsellor', orgUnitId: admin.orgUnitId, email: 'gave.up@example.org' }).expect(201);
    await app.sql("UPDATE jobs SET attempts = max_attempts - 1 WHERE type = 'mail.send'");
    await app.runJobs(); // the last attempt fails: the relay on port 9 refuses
    const [job] = await app.sql<{ id: string; status: string }>("SELECT id, status FROM jobs WHERE type = 'mail.send'");
    expect(job.status).toBe('dead');

    const page = await browser.page(DESKTOP);
    await signIn(page, app.url, 'admin', 'Admin-Password-1');
    await page.getByRole('menuitem', { name: '任务队列' }).click();
    await page.getByRole('heading', { name: '任务队列', level: 1 }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'mail.send' });
    await row.getByText('发送邮件').waitFor();
    await row.getByText('10 / 10 次').waitFor();
    await screenshot(page, 'admin-dead-jobs-1280');
    expect(await seriousViolations(page)).toEqual([]);

    await row.getByRole('button', { name: '重新执行' }).click();
    await page.getByRole('button', { name: '确定' }).or(page.getByRole('button', { name: '确认' })).first().click();
    await page.getByText('已重新排队，将很快执行').waitFor();
    await page.getByText('没有已放弃的任务。').waitFor();
    const [after] = await app.sql<{ status: string; attempts: number }>('SELECT status, attempts FROM jobs WHERE id = $1', [job.id]);
    expect(after).toEqual({ status: 'pending', attempts: 0 });
    expect(browser.errorsOf(page)).toEqual([]);
  });
});
