import { PASSWORD, TestApp, bearer } from '../support/test-app.js';
import { activate, createProgramme, enrol } from '../subgroups/support.js';
import { WebBrowser, settled, signIn } from './browser.js';
import { tour } from './tour.js';

/**
 * Issue #18, 线: an enterprise counsellor's 关爱项目 page lists the city union's programme her workers are enrolled in
 * (it used to be empty), and the programme page names her workers, not another enterprise's. At both widths.
 */
describe('web: the counsellor follows the programmes covering her workers', () => {
  let app: TestApp;
  let browser: WebBrowser;

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lists the city programme and names only her own enrolled workers, at phone and desktop width', async () => {
    app = await TestApp.start();
    const world = await app.world();
    const mine = await app.createWorker(world.admin.token, world.enterpriseA, { name: '倒班职工甲' });
    await app.createWorker(world.admin.token, world.enterpriseB, { name: '别家职工乙' });
    const programmeId = await createProgramme(app, world.supervisor, {
      orgUnitId: world.city,
      title: '全市倒班职工心理关爱计划',
    });
    await activate(app, world.supervisor, programmeId);
    await enrol(app, world.supervisor, programmeId);
    const members = await app
      .http()
      .get(`/api/v1/programmes/${programmeId}/enrolments`)
      .set(...bearer(world.counsellorA))
      .expect(200);
    expect(members.body.items.map((m: { workerId: string }) => m.workerId)).toEqual([mine]);
    browser = await WebBrowser.launch();
    const problems = await tour(browser, app.url, { counsellor: [world.counsellorA.username, PASSWORD] }, [
      {
        name: 'counsellor-my-programmes',
        who: 'counsellor',
        path: '/staff/programmes',
        shows: '全市倒班职工心理关爱计划',
      },
      {
        name: 'counsellor-programme',
        who: 'counsellor',
        path: `/staff/programmes/${programmeId}`,
        shows: '倒班职工甲',
      },
    ]);
    expect(problems).toEqual([]);
    const page = await browser.page({ width: 1280, height: 800 });
    await signIn(page, app.url, world.counsellorA.username);
    await page.goto(`${app.url}/staff/programmes/${programmeId}`);
    await settled(page);
    await page.getByText('倒班职工甲').waitFor();
    expect(await page.getByText('别家职工乙').count()).toBe(0);
    await page.close();
  }, 300_000);
});
