import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PHQ9 } from '../population/support.js';
import { ADMIN_PASSWORD, TestApp, bearer, type TestUser } from '../support/test-app.js';
import {
  DESKTOP,
  PHONE,
  WebBrowser,
  screenshot,
  seriousViolations,
  settled,
  signIn,
  type AxeViolation,
} from './browser.js';

/** Slower than this on a test machine and a page is too slow for the demo data as well. */
const PAGE_BUDGET_MS = 10_000;

interface PageCase {
  name: string;
  who: 'worker' | 'counsellor' | 'official' | 'admin';
  path: string;
  /** Text the page shows once loaded. */
  shows: string;
}

/**
 * Every main page at phone (375 px) and desktop (1280 px) width, on a small world with data on every page:
 * a screenshot of each in test-output/screenshots/, no serious or critical axe-core violation, no console error
 * (a CSP refusal would be one), and each page ready within the budget.
 */
describe('web: every main page, phone and desktop', () => {
  let app: TestApp;
  let browser: WebBrowser;
  let world: Awaited<ReturnType<TestApp['world']>>;
  let worker: TestUser;
  const cases: PageCase[] = [];
  /** The app's clock (the test clock, moved by the seed): the browser is set to it so dates line up. */
  let serverNow: Date;

  /** Ids of seeded records whose pages are shown (a case, a referral, desk and EAP requests). */
  const ids: Record<'crisisCase' | 'referral' | 'request' | 'eapReferral', string> & { reference: string } = {
    crisisCase: '',
    referral: '',
    request: '',
    eapReferral: '',
    reference: '',
  };

  /** 点, the service desk and EAP: a crisis case with a referral, a worker's request, a vendor, a contract, a draft. */
  async function seedTiers(other: TestUser): Promise<void> {
    const http = () => app.http();
    const staff = bearer(world.counsellorA);
    await app.runJobs();
    await app.runJobs();
    const queue = await http()
      .get('/api/v1/crisis-cases')
      .set(...staff)
      .expect(200);
    ids.crisisCase = (queue.body.items as Array<{ id: string; workerId: string }>).find(
      (c) => c.workerId === other.workerId,
    )!.id;
    const referral = await http()
      .post('/api/v1/referrals')
      .set(...staff)
      .send({
        caseId: ids.crisisCase,
        providerType: 'hospital',
        providerName: '市精神卫生中心',
        reason: '需要评估用药',
      })
      .expect(201);
    ids.referral = referral.body.id as string;
    const request = await http()
      .post('/api/v1/me/requests')
      .set(...bearer(worker))
      .send({ category: 'family', summary: '家里老人生病，最近压力很大，想聊聊。' })
      .expect(201);
    ids.request = request.body.id as string;
    ids.reference = request.body.reference as string;
    const vendor = await http()
      .post('/api/v1/eap/vendors')
      .set(...bearer(world.admin))
      .send({ name: '安心 EAP 服务中心', services: ['individual_counselling', 'hotline'], regions: ['北京'] })
      .expect(201);
    await http()
      .post('/api/v1/eap/contracts')
      .set(...bearer(world.admin))
      .send({
        vendorId: vendor.body.id,
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
    const eap = await http()
      .post('/api/v1/eap/referrals')
      .set(...staff)
      .send({
        workerId: worker.workerId,
        vendorId: vendor.body.id,
        service: 'individual_counselling',
        urgency: 'routine',
        contactPreference: { channel: 'worker_initiates' },
        summary: '近期家庭压力较大，希望有几次个体咨询。',
      })
      .expect(201);
    ids.eapReferral = eap.body.id as string;
  }

  async function seed(): Promise<void> {
    const http = () => app.http();
    for (const purpose of ['assessment', 'counselling']) {
      await http()
        .post('/api/v1/me/consents')
        .set(...bearer(worker))
        .send({ purpose, granted: true })
        .expect(201);
    }
    await http()
      .post('/api/v1/me/assessments')
      .set(...bearer(worker))
      .send({ instrumentCode: 'PHQ-9', answers: PHQ9.moderate })
      .expect(201);
    await app.advanceClock(14 * 86_400_000);
    await http()
      .post('/api/v1/me/assessments')
      .set(...bearer(worker))
      .send({ instrumentCode: 'PHQ-9', answers: PHQ9.minimal })
      .expect(201);
    await http()
      .post('/api/v1/me/assessments')
      .set(...bearer(worker))
      .send({ instrumentCode: 'GAD-7', answers: [1, 1, 0, 1, 0, 0, 1] })
      .expect(201);
    // Another worker's crisis result, for the queue.
    const other = await app.createWorkerUser(world.admin.token, world.enterpriseA);
    await http()
      .post('/api/v1/me/consents')
      .set(...bearer(other))
      .send({ purpose: 'assessment', granted: true })
      .expect(201);
    await http()
      .post('/api/v1/me/assessments')
      .set(...bearer(other))
      .send({ instrumentCode: 'PHQ-9', answers: PHQ9.severe.map((a, i) => (i === 8 ? 2 : a)) })
      .expect(201);
    await seedTiers(other);

    const now = await app.advanceClock(0);
    const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000).toISOString();
    const staff = bearer(world.counsellorA);
    const slots: string[] = [];
    for (const hours of [26, 50, 74]) {
      const slot = await http()
        .post('/api/v1/counselling/slots')
        .set(...staff)
        .send({ startsAt: at(hours), endsAt: at(hours + 1), mode: 'in_person', place: '工会心理咨询室' })
        .expect(201);
      slots.push(slot.body.id as string);
    }
    await http()
      .post('/api/v1/me/counselling/appointments')
      .set(...bearer(worker))
      .send({ slotId: slots[0] })
      .expect(201);
    await http()
      .post('/api/v1/campaigns')
      .set(...staff)
      .send({
        title: '2026 年冬季职工心理健康普查',
        instrumentCodes: ['PHQ-9', 'GAD-7'],
        targetUnitIds: [world.enterpriseA],
        opensAt: at(-1),
        closesAt: at(24 * 14),
      })
      .expect(201);
    const course = await http()
      .post('/api/v1/education/courses')
      .set(...staff)
      .send({ title: '压力与情绪调适', summary: '五节短课，每节十分钟', orgUnitId: world.enterpriseA })
      .expect(201);
    await http()
      .post(`/api/v1/education/courses/${course.body.id}/lessons`)
      .set(...staff)
      .send({ title: '认识压力', kind: 'text', body: '压力是身体对变化的正常反应……' })
      .expect(201);
    await http()
      .post(`/api/v1/education/courses/${course.body.id}/status`)
      .set(...staff)
      .send({ status: 'published' })
      .expect(200);
    await http()
      .post('/api/v1/education/events')
      .set(...staff)
      .send({
        kind: 'lecture',
        title: '职场压力与情绪管理讲座',
        orgUnitId: world.enterpriseA,
        startsAt: at(48),
        endsAt: at(50),
        place: '工会大礼堂',
        capacity: 80,
      })
      .expect(201);
    await http()
      .post('/api/v1/groups')
      .set(...staff)
      .send({
        name: '新手爸妈互助小组',
        topic: 'new_parents',
        rules: '尊重每一位成员；组内分享的内容不外传。',
        orgUnitId: world.enterpriseA,
        facilitatorId: world.counsellorA.id,
        capacity: 12,
      })
      .expect(201);
  }

  beforeAll(async () => {
    app = await TestApp.start();
    world = await app.world();
    worker = await app.createWorkerUser(world.admin.token, world.enterpriseA);
    await seed();
    serverNow = await app.advanceClock(0);
    cases.push(
      { name: 'worker-home', who: 'worker', path: '/me', shows: '等你参加的测评活动' },
      { name: 'worker-consents', who: 'worker', path: '/me/consents', shows: '撤回同意' },
      { name: 'worker-assessments', who: 'worker', path: '/me/assessments', shows: '自主测评' },
      { name: 'worker-assessment-start', who: 'worker', path: '/me/assessments/PHQ-9', shows: '开始作答' },
      { name: 'worker-record', who: 'worker', path: '/me/record', shows: '历次得分' },
      { name: 'worker-counselling', who: 'worker', path: '/me/counselling', shows: '工会心理咨询室' },
      { name: 'worker-learning', who: 'worker', path: '/me/learning', shows: '压力与情绪调适' },
      { name: 'worker-groups', who: 'worker', path: '/me/groups', shows: '新手爸妈互助小组' },
      { name: 'worker-data', who: 'worker', path: '/me/data', shows: '下载可阅读的网页版' },
      { name: 'worker-requests', who: 'worker', path: '/me/requests', shows: ids.reference },
      { name: 'worker-request', who: 'worker', path: `/me/requests/${ids.request}`, shows: '家里老人生病' },
      {
        name: 'worker-programmes',
        who: 'worker',
        path: '/me/programmes',
        shows: '目前没有邀请你参加的关爱项目',
      },
      { name: 'counsellor-crisis', who: 'counsellor', path: '/staff/crisis', shows: '测评结果提示危机' },
      {
        name: 'counsellor-case',
        who: 'counsellor',
        path: `/staff/cases/${ids.crisisCase}`,
        shows: '的危机个案',
      },
      {
        name: 'counsellor-referral',
        who: 'counsellor',
        path: `/staff/referrals/${ids.referral}`,
        shows: '市精神卫生中心',
      },
      { name: 'counsellor-follow-ups', who: 'counsellor', path: '/staff/follow-ups', shows: '只看我的' },
      { name: 'counsellor-desk', who: 'counsellor', path: '/staff/desk', shows: ids.reference },
      {
        name: 'counsellor-desk-request',
        who: 'counsellor',
        path: `/staff/desk/${ids.request}`,
        shows: '家里老人生病',
      },
      { name: 'counsellor-eap', who: 'counsellor', path: '/staff/eap', shows: '安心 EAP 服务中心' },
      {
        name: 'counsellor-eap-new',
        who: 'counsellor',
        path: `/staff/eap/new?worker=${worker.workerId}`,
        shows: '写给服务机构的说明',
      },
      {
        name: 'counsellor-eap-preview',
        who: 'counsellor',
        path: `/staff/eap/${ids.eapReferral}`,
        shows: '近期家庭压力较大',
      },
      { name: 'counsellor-programmes', who: 'counsellor', path: '/staff/programmes', shows: '亚群体' },
      { name: 'counsellor-workers', who: 'counsellor', path: '/staff/workers', shows: '工号' },
      {
        name: 'counsellor-worker-record',
        who: 'counsellor',
        path: `/staff/workers/${worker.workerId}`,
        shows: '的心理档案',
      },
      {
        name: 'counsellor-campaigns',
        who: 'counsellor',
        path: '/staff/campaigns',
        shows: '2026 年冬季职工心理健康普查',
      },
      {
        name: 'counsellor-calendar',
        who: 'counsellor',
        path: '/staff/calendar',
        shows: '我发布的可预约时段',
      },
      { name: 'official-dashboard', who: 'official', path: '/official/dashboard', shows: '关于隐私保护' },
      { name: 'admin-units', who: 'admin', path: '/admin/units', shows: '单位树' },
      { name: 'admin-users', who: 'admin', path: '/admin/users', shows: '新建用户' },
      { name: 'admin-instruments', who: 'admin', path: '/admin/instruments', shows: 'PHQ-9' },
      { name: 'admin-vendors', who: 'admin', path: '/admin/vendors', shows: '安心 EAP 服务中心' },
      { name: 'admin-contracts', who: 'admin', path: '/admin/contracts', shows: 'EAP-2026-001' },
      { name: 'admin-duty', who: 'admin', path: '/admin/duty', shows: '请先选择单位' },
      { name: 'admin-join-links', who: 'admin', path: '/admin/join-links', shows: '新建入会链接' },
      { name: 'admin-join-requests', who: 'admin', path: '/admin/join-requests', shows: '待确认' },
      { name: 'admin-sms', who: 'admin', path: '/admin/sms', shows: '验证码' },
      { name: 'worker-settings', who: 'worker', path: '/settings', shows: '短信提醒' },
      { name: 'counsellor-settings', who: 'counsellor', path: '/settings', shows: '设置双重验证' },
    );
    browser = await WebBrowser.launch();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ])(
    'renders every main page at %s width',
    async (label, viewport) => {
      const accounts: Record<PageCase['who'], [string, string]> = {
        worker: [worker.username, 'Test-Password-1'],
        counsellor: [world.counsellorA.username, 'Test-Password-1'],
        official: [world.official.username, 'Test-Password-1'],
        admin: ['admin', ADMIN_PASSWORD],
      };
      const problems: Array<{ page: string; violations?: AxeViolation[]; errors?: string[]; slow?: number }> =
        [];
      const timings: Record<string, number> = {};

      const login = await browser.page(viewport);
      await login.goto(`${app.url}/login`);
      await login.getByLabel('用户名').waitFor();
      await screenshot(login, `login-${viewport.width}`);
      const loginViolations = await seriousViolations(login);
      if (loginViolations.length) problems.push({ page: 'login', violations: loginViolations });

      for (const who of ['worker', 'counsellor', 'official', 'admin'] as const) {
        const page = await browser.page(viewport);
        await page.clock.setFixedTime(serverNow);
        await signIn(page, app.url, ...accounts[who]);
        for (const pageCase of cases.filter((c) => c.who === who)) {
          const started = Date.now();
          await page.goto(`${app.url}${pageCase.path}`);
          await settled(page);
          await page.getByText(pageCase.shows).first().waitFor();
          timings[pageCase.name] = Date.now() - started;
          if (timings[pageCase.name] > PAGE_BUDGET_MS)
            problems.push({ page: pageCase.name, slow: timings[pageCase.name] });
          await screenshot(page, `${pageCase.name}-${viewport.width}`);
          const violations = await seriousViolations(page);
          if (violations.length) problems.push({ page: pageCase.name, violations });
        }
        const errors = browser.errorsOf(page);
        if (errors.length) problems.push({ page: `${who} pages`, errors });
        await page.close();
      }
      mkdirSync(join(process.cwd(), 'test-output'), { recursive: true });
      writeFileSync(
        join(process.cwd(), 'test-output', `web-page-timings-${label}.json`),
        `${JSON.stringify(timings, null, 2)}\n`,
      );
      expect(problems).toEqual([]);
    },
    300_000,
  );
});
