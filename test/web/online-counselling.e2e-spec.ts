import { type Page } from 'playwright-core';
import { HOUR, MINUTE } from '../../src/platform/clock/clock.js';
import { grantConsent, inHours } from '../support/population.js';
import { type TestApp, bearer, type TestUser } from '../support/test-app.js';
import { DESKTOP, PHONE, type WebBrowser, screenshot, settled, signIn } from './browser.js';
import { WebWorld, type World } from './world.js';

const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: '00:00', to: '24:00' }));

/**
 * Issue #20, 线上心理疏导 in Chromium: a worker on a phone and their counsellor at a desk exchange messages in an
 * online appointment's conversation (each side sees the other's by server push, well before the minute's safety-net
 * reload, with read receipts); a crisis phrase is flagged for the counsellor, who opens a crisis case from the
 * message; outside office hours the worker gets the automatic reply with the 我现在就有危险 button.
 */
describe('web: online counselling (线上心理疏导)', () => {
  let web: WebWorld;
  let app: TestApp;
  let browser: WebBrowser;
  let world: World;
  let worker: TestUser;
  let conversationId: string;

  beforeAll(async () => {
    web = await WebWorld.start();
    ({ app, world, browser } = web);
    worker = await app.createWorkerUser(world.admin.token, world.enterpriseA, { name: '骑手小王' });
    await grantConsent(app, worker);
    await app.http().put('/api/v1/online-counselling/office-hours').set(...bearer(world.counsellorA)).send({ windows: ALL_WEEK }).expect(200);
    const slot = await app
      .http()
      .post('/api/v1/counselling/slots')
      .set(...bearer(world.counsellorA))
      .send({ startsAt: await inHours(app, 1), endsAt: await inHours(app, 2), mode: 'online' })
      .expect(201);
    await app.http().post('/api/v1/me/counselling/appointments').set(...bearer(worker)).send({ slotId: slot.body.id }).expect(201);
    await app.runJobs();
    await app.advanceClock(HOUR - 5 * MINUTE);
    const mine = await app.http().get('/api/v1/me/online-counselling/conversations').set(...bearer(worker)).expect(200);
    conversationId = mine.body[0].id as string;
  }, 120_000);

  afterAll(() => web?.close());

  const noErrors = (page: Page) => web.noErrors(page);

  it('a worker and a counsellor exchange messages live; a crisis phrase is flagged and the counsellor opens a case from it', async () => {
    const phone = await browser.page(PHONE);
    await signIn(phone, app.url, worker.username);
    await phone.goto(`${app.url}/me/online-counselling`);
    await settled(phone);
    await phone.getByRole('link', { name: '打开' }).first().click();
    await phone.getByRole('textbox', { name: '输入消息…' }).waitFor();

    const desk = await browser.page(DESKTOP);
    await signIn(desk, app.url, world.counsellorA.username);
    await desk.goto(`${app.url}/staff/online-counselling`);
    await settled(desk);
    await desk.getByText('与 骑手小王 的会话').waitFor();
    await desk.getByRole('link', { name: '打开' }).first().click();
    await desk.getByRole('textbox', { name: '输入消息…' }).waitFor();

    // The worker writes; the counsellor's open thread shows it when pushed (there is no fast poll any more).
    await phone.getByRole('textbox', { name: '输入消息…' }).fill('最近跑单太累，晚上睡不着');
    await phone.getByRole('button', { name: '发送' }).click();
    await phone.getByText('最近跑单太累，晚上睡不着').waitFor();
    await desk.getByText('最近跑单太累，晚上睡不着').waitFor({ timeout: 10_000 });
    // The counsellor has read it: the worker's message turns 已读 on the phone.
    await phone.getByText('已读').waitFor({ timeout: 10_000 });

    await desk.getByRole('textbox', { name: '输入消息…' }).fill('谢谢你告诉我，我们一起想想办法');
    await desk.getByRole('button', { name: '发送' }).click();
    await phone.getByText('谢谢你告诉我，我们一起想想办法').waitFor({ timeout: 10_000 });
    await screenshot(phone, 'online-counselling-worker-375');
    await noErrors(phone);

    // A crisis phrase: flagged for the counsellor only.
    await phone.getByRole('textbox', { name: '输入消息…' }).fill('有时候真的不想活了');
    await phone.getByRole('button', { name: '发送' }).click();
    await phone.getByText('有时候真的不想活了').waitFor();
    expect(await phone.getByText('风险用语提示').count()).toBe(0);
    await desk.getByText('风险用语提示').waitFor({ timeout: 10_000 });
    await screenshot(desk, 'online-counselling-counsellor-flag');
    await desk.getByRole('button', { name: '开启危机个案' }).click();
    await desk.getByText('已开启危机个案').waitFor({ timeout: 10_000 });
    await noErrors(desk);
    await app.runJobs();
    const cases = await app.sql<{ source_type: string; assignee_id: string }>('SELECT source_type, assignee_id FROM crisis_cases WHERE worker_id = $1', [worker.workerId]);
    expect(cases).toEqual([{ source_type: 'online_counselling', assignee_id: world.counsellorA.id }]);
  }, 180_000);

  it('outside office hours the worker gets the automatic reply with the help lines and 我现在就有危险', async () => {
    await app.http().put('/api/v1/online-counselling/office-hours').set(...bearer(world.counsellorA)).send({ windows: [] }).expect(200);
    const phone = await browser.page(PHONE);
    await signIn(phone, app.url, worker.username);
    await phone.goto(`${app.url}/me/online-counselling/${conversationId}`);
    await phone.getByRole('textbox', { name: '输入消息…' }).waitFor();
    await phone.getByText('咨询师现在不在线', { exact: false }).waitFor();
    await phone.getByRole('textbox', { name: '输入消息…' }).fill('现在有人吗');
    await phone.getByRole('button', { name: '发送' }).click();
    await phone.getByText(/【自动回复】/).waitFor();
    await phone.getByRole('button', { name: /我现在就有危险/ }).waitFor();
    await screenshot(phone, 'online-counselling-auto-reply-375');
    await noErrors(phone);
  }, 120_000);
});
