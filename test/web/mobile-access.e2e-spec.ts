import { randomInt } from 'node:crypto';
import { type Page } from 'playwright-core';
import { SmsSink } from '../../scripts/lib/sms-sink.js';
import { HOUR, MINUTE } from '../../src/platform/clock/clock.js';
import { PHQ9 } from '../population/support.js';
import { publishSlot } from '../support/population.js';
import { TestApp, bearer, type TestUser } from '../support/test-app.js';
import { DESKTOP, PHONE, WebBrowser, screenshot, seriousViolations, settled, signIn } from './browser.js';

const KEY = 'sink-key';
const SECRET = 'sink-secret-that-signs-both-ways';
const mobile = (prefix: string) => `${prefix}${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
/** As the phone (Asia/Shanghai) shows a time: `2026年12月3日 09:05`. */
const beijing = (iso: string) => {
  const part = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return { date: `${part.year}年${part.month}月${part.day}日`, time: `${part.hour}:${part.minute}` };
};

/**
 * Issue #20 in Chromium: a delivery rider opens a unit's join link on a phone, verifies the number with the code the
 * SMS sink received, consents purpose by purpose, takes a PHQ-9, and is confirmed by the unit's admin; the rider
 * later signs in with the phone alone; a worker who joined by phone gets the appointment reminder by SMS and opens the
 * appointment on the phone.
 */
describe('web: serving workers anywhere (self-join, SMS sign-in)', () => {
  let app: TestApp;
  let sink: SmsSink;
  let browser: WebBrowser;
  let world: Awaited<ReturnType<TestApp['world']>>;
  let unitAdmin: TestUser;

  beforeAll(async () => {
    sink = new SmsSink({ key: KEY, secret: SECRET });
    const sinkUrl = await sink.start();
    app = await TestApp.start({ SMS_GATEWAY_URL: `${sinkUrl}/send`, SMS_GATEWAY_KEY: KEY, SMS_GATEWAY_SECRET: SECRET });
    world = await app.world();
    unitAdmin = await app.createUser(world.admin.token, 'admin', world.enterpriseA);
    browser = await WebBrowser.launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await sink?.stop();
  });

  async function noErrors(page: Page) {
    expect(browser.errorsOf(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  }


  /** Presses 获取验证码, lets the job queue text it, and reads the code from the sink. */
  async function codeFromSink(page: Page, phone: string): Promise<string> {
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByText(/验证码已发送/).waitFor();
    await app.runJobs();
    const code = sink.latestCode(phone);
    expect(code).toMatch(/^\d{6}$/);
    return code!;
  }

  /** Texts to the number after the first `seen`, running the job queue a few rounds at most (a job may enqueue the send). */
  async function newTextsTo(phone: string, seen: number): Promise<string[]> {
    for (let round = 0; round < 5 && sink.to(phone).length <= seen; round++) await app.runJobs();
    return sink.to(phone).slice(seen).map((m) => m.text);
  }

  it('a delivery rider joins from the link on a phone, takes a PHQ-9, and the unit admin confirms the membership', async () => {
    const link = await app.http().post('/api/v1/join-links').set(...bearer(unitAdmin)).send({ orgUnitId: world.enterpriseA, label: '城东配送站海报' }).expect(201);
    const url = (link.body as { url: string }).url;
    const token = url.split('/').at(-1)!;
    const phone = `137${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;

    const page = await browser.page(PHONE);
    await page.goto(`${app.url}/join/${token}`);
    await settled(page);
    await page.getByRole('heading', { level: 1, name: /加入/ }).waitFor();
    await page.getByLabel('手机号').fill(phone);
    const code = await codeFromSink(page, phone);
    await page.getByLabel('短信验证码').fill(code);
    await page.getByLabel('姓名').fill('骑手小李');
    await page.getByLabel('所在企业或平台（可选）').fill('某外卖平台 城东站');
    await page.getByRole('checkbox', { name: /心理健康测评结果/ }).check();
    await screenshot(page, 'join-form-375');
    await noErrors(page);
    await page.getByRole('button', { name: '提交并入会' }).click();
    await page.waitForURL(`${app.url}/me`);
    await page.getByText(/已加入/).first().waitFor();

    // Self-help at once: a PHQ-9 (consent for assessments was given on the form).
    await page.goto(`${app.url}/me/assessments`);
    await page.getByRole('link', { name: /开始.*PHQ-9/ }).first().click();
    await page.getByRole('button', { name: '开始作答' }).click();
    for (const [index, answer] of PHQ9.moderate.entries()) {
      await page.getByText(`第 ${index + 1} 题，共 9 题`).waitFor();
      await page.locator('section[aria-labelledby="question-heading"]').getByRole('radio').nth(answer).check();
      await page.getByRole('button', { name: index === 8 ? '提交' : '下一题' }).click();
    }
    await page.getByText(/得分/).first().waitFor();
    await screenshot(page, 'join-first-result-375');
    const results = await app.sql<{ n: number }>('SELECT COUNT(*) AS n FROM assessment_results r JOIN workers w ON w.id = r.worker_id WHERE w.name = $1', ['骑手小李']);
    expect(Number(results[0].n)).toBe(1);

    // The unit's admin sees the rider in the queue and confirms.
    const adminPage = await browser.page(DESKTOP);
    await signIn(adminPage, app.url, unitAdmin.username);
    await adminPage.goto(`${app.url}/admin/join-requests`);
    await settled(adminPage);
    const row = adminPage.getByRole('row').filter({ hasText: '骑手小李' });
    await row.getByText('外卖骑手').waitFor();
    await row.getByText(`${phone.slice(0, 3)}****${phone.slice(-4)}`).waitFor();
    await screenshot(adminPage, 'join-requests-1280');
    await noErrors(adminPage);
    await row.getByRole('button', { name: '确认入会' }).click();
    await adminPage.getByText('已确认入会').first().waitFor();
    const membership = await app.sql<{ membership: string }>("SELECT membership FROM workers WHERE name = '骑手小李'");
    expect(membership[0].membership).toBe('member');
  });

  it('the rider signs in later with the phone and a code; the admin prints the poster and sees the texts sent', async () => {
    const phone = `136${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
    const worker = await app.createWorkerUser(world.admin.token, world.enterpriseA, { phone, name: '快递员老周' });
    const page = await browser.page(PHONE);
    await page.goto(`${app.url}/login`);
    await page.getByRole('tab', { name: '手机验证码登录' }).click();
    await page.getByLabel('手机号').fill(phone);
    const code = await codeFromSink(page, phone);
    await page.getByLabel('短信验证码').fill(code);
    await screenshot(page, 'login-phone-375');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(`${app.url}/me`);
    const me = await app.http().get(`/api/v1/workers/${worker.workerId}`).set(...bearer(world.admin)).expect(200);
    expect((me.body as { name: string }).name).toBe('快递员老周');
    await noErrors(page);

    await app.http().post('/api/v1/join-links').set(...bearer(unitAdmin)).send({ orgUnitId: world.enterpriseA, label: '城西快递驿站海报' }).expect(201);
    const adminPage = await browser.page(DESKTOP);
    await signIn(adminPage, app.url, unitAdmin.username);
    await adminPage.goto(`${app.url}/admin/join-links`);
    await settled(adminPage);
    const row = adminPage.getByRole('row').filter({ hasText: '城西快递驿站海报' });
    await row.waitFor();
    const download = adminPage.waitForEvent('download');
    await row.getByRole('button', { name: '下载海报（PDF）' }).click();
    expect((await download).suggestedFilename()).toBe('join-poster.pdf');
    await screenshot(adminPage, 'join-links-1280');
    await noErrors(adminPage);
    await adminPage.goto(`${app.url}/admin/sms`);
    await settled(adminPage);
    await adminPage.getByText(`${phone.slice(0, 3)}****${phone.slice(-4)}`).first().waitFor();
    await noErrors(adminPage);
  });

  it('a worker who joined by phone books counselling, gets the reminder by SMS a day before, and opens the appointment on the phone', async () => {
    // Joined by phone (no email anywhere), with the counselling consent given on the form.
    const link = await app.http().post('/api/v1/join-links').set(...bearer(unitAdmin)).send({ orgUnitId: world.enterpriseA, label: '网约车司机之家' }).expect(201);
    const token = (link.body as { url: string }).url.split('/').at(-1)!;
    const phone = mobile('135');
    await app.http().post(`/api/v1/join/${token}/sms-code`).send({ phone }).expect(202);
    await newTextsTo(phone, 0);
    const joinCode = sink.latestCode(phone);
    const joined = await app
      .http()
      .post(`/api/v1/join/${token}`)
      .send({ phone, code: joinCode, name: '司机老陈', occupationGroup: 'ride_hailing_driver', employer: '某网约车平台', consents: { assessment: false, counselling: true, research: false } })
      .expect(201);
    const worker = { token: (joined.body as { accessToken: string }).accessToken };

    // The worker books a counsellor's in-person slot 30 hours ahead: the reminder is due 24 hours before it.
    const slotId = await publishSlot(app, world.counsellorA, 30, '城东司机之家 2 楼咨询室');
    const booked = await app.http().post('/api/v1/me/counselling/appointments').set(...bearer(worker)).send({ slotId }).expect(201);
    const appointment = booked.body as { startsAt: string; endsAt: string };
    await app.runJobs();
    const seen = sink.to(phone).length;
    expect(seen).toBe(1); // only the join code: the reminder is not due yet

    const now = await app.advanceClock(6 * HOUR + MINUTE);
    const texts = await newTextsTo(phone, seen);
    // The lock screen learns only that something is about to start: no time, place, counsellor or the word 心理.
    expect(texts).toEqual(['【心港】您有一项预约即将开始，请登录心港查看时间与方式。回复TD退订']);

    // The text carries no link: the worker signs in with the phone and opens the reminder from the inbox.
    const page = await browser.page(PHONE);
    // The phone's clock reads the app's (test) time and ticks on, so "upcoming" on the page means what it does on the server.
    await page.clock.install({ time: now });
    await page.goto(`${app.url}/login`);
    await page.getByRole('tab', { name: '手机验证码登录' }).click();
    await page.getByLabel('手机号').fill(phone);
    await page.getByLabel('短信验证码').fill(await codeFromSink(page, phone));
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(`${app.url}/me`);
    await page.getByRole('button', { name: /打开通知（1 条未读）/ }).click();
    await page.waitForURL(`${app.url}/notifications`);
    const notice = page.getByRole('listitem').filter({ hasText: '心理咨询预约提醒' });
    await notice.getByText(/城东司机之家 2 楼咨询室/).waitFor();
    await notice.getByRole('button', { name: '查看' }).click();
    await page.waitForURL(`${app.url}/me/counselling`);
    const start = beijing(appointment.startsAt);
    const mine = page.getByRole('listitem').filter({ hasText: `${start.date} ${start.time}–${beijing(appointment.endsAt).time}` });
    await mine.getByText(`${world.counsellorA.username} · 面谈 · 城东司机之家 2 楼咨询室`).waitFor();
    await mine.getByRole('button', { name: '改约' }).waitFor();
    await screenshot(page, 'appointment-reminder-375');
    await noErrors(page);
  });
});
