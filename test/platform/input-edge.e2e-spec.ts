import { inHours } from '../support/population.js';
import { bearer, TestApp, type TestUser } from '../support/test-app.js';
import { createVendor, dayFrom } from '../eap/support.js';

/**
 * What the adversarial probes sent, kept as regression tests: impossible dates and ISO 8601 forms `new Date()`
 * cannot read, JSON nested deep enough to overflow class-transformer, whitespace-only required text, a number in
 * a query string. Every one is a 400 naming the problem, never a 500 or a false 409.
 */
describe('input at the edge', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;

  beforeAll(async () => {
    t = await TestApp.start({ EAP_WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' });
    w = await t.world();
  });
  afterAll(() => t.close());

  const post = (user: TestUser, url: string, body: unknown) => t.http().post(url).set(...bearer(user)).send(body as object);
  const refusedNaming = (field: string) => (response: { status: number; body: { message: string } }) => {
    expect(response.status).toBe(400);
    expect(response.body.message).toContain(field);
  };

  describe('impossible calendar days on EAP contracts', () => {
    it.each([
      ['endsOn', '9999-99-99'],
      ['startsOn', '2026-13-01'],
      ['startsOn', '2026-02-29'],
      ['endsOn', '2027-00-10'],
    ])('POST with %s %s → 400', async (field, value) => {
      const vendor = await createVendor(t, w.admin);
      const now = await t.advanceClock(0);
      const body = { vendorId: vendor.id, orgUnitId: w.city, reference: `REF-${field}-${value}`, startsOn: dayFrom(now, 0), endsOn: dayFrom(now, 300), services: ['hotline'], sessionsPerWorker: 3, sessionsTotal: 10, pricePerSessionCents: 100 };
      refusedNaming(field)(await post(w.admin, '/api/v1/eap/contracts', { ...body, [field]: value }));
    });

    it('PATCH with endsOn 2027-00-10 → 400, and a leap day is a day', async () => {
      const vendor = await createVendor(t, w.admin);
      const created = await post(w.admin, '/api/v1/eap/contracts', { vendorId: vendor.id, orgUnitId: w.city, reference: 'REF-PATCH', startsOn: '2027-03-01', endsOn: '2028-02-29', services: ['hotline'], sessionsPerWorker: 3, sessionsTotal: 10, pricePerSessionCents: 100 }).expect(201);
      refusedNaming('endsOn')(await t.http().patch(`/api/v1/eap/contracts/${created.body.id}`).set(...bearer(w.admin)).send({ endsOn: '2027-00-10' }));
    });
  });

  describe('instants: RFC 3339 only', () => {
    const unreadable = ['2026-05-04T03Z', '2026-W19-1T10:00:00Z', '20260520T100000Z', '2026-124T10:00:00Z', '+002026-05-04T10:00:00Z', '2026-05-04T10:00:00,5Z', '2026-05-04T24:00:00Z', '2026-02-29T10:00:00Z'];

    it.each(unreadable)('a counselling slot ending %s → 400', async (endsAt) => {
      refusedNaming('endsAt')(await post(w.counsellorA, '/api/v1/counselling/slots', { startsAt: await inHours(t, 24), endsAt, mode: 'online' }));
    });

    it('a week-date start is a 400, not a false SLOT_OVERLAP', async () => {
      const response = await post(w.counsellorA, '/api/v1/counselling/slots', { startsAt: '2026-W19-1T10:00:00Z', endsAt: await inHours(t, 25), mode: 'online' });
      refusedNaming('startsAt')(response);
    });

    it('an education event ending on a week date → 400', async () => {
      const body = { kind: 'lecture', title: '讲座', orgUnitId: w.enterpriseA, startsAt: await inHours(t, 48), endsAt: '2026-W19-7T10:00:00Z', place: '礼堂', capacity: 10 };
      refusedNaming('endsAt')(await post(w.counsellorA, '/api/v1/education/events', body));
    });

    it('a group meeting in the basic format → 400', async () => {
      const group = await post(w.counsellorA, '/api/v1/groups', { name: '边界小组', topic: 'other', rules: '保密', orgUnitId: w.enterpriseA, facilitatorId: w.counsellorA.id, capacity: 5 }).expect(201);
      refusedNaming('startsAt')(await post(w.counsellorA, `/api/v1/groups/${group.body.id}/meetings`, { startsAt: '20260520T100000Z', endsAt: await inHours(t, 26), place: '活动室', topic: '主题' }));
    });

    it('a list query from a week date → 400; an offset is read as the instant it names', async () => {
      refusedNaming('from')(await t.http().get('/api/v1/counselling/slots').query({ from: '2026-W10-1' }).set(...bearer(w.counsellorA)));
      refusedNaming('from')(await t.http().get('/api/v1/education/events').query({ from: '2026-W10-1' }).set(...bearer(w.counsellorA)));
      const startsAt = new Date(Date.parse(await inHours(t, 72)));
      const local = new Date(startsAt.getTime() + 8 * 3600_000).toISOString().replace('Z', '+08:00');
      const slot = await post(w.counsellorA, '/api/v1/counselling/slots', { startsAt: local, endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(), mode: 'online' }).expect(201);
      expect(slot.body.startsAt).toBe(startsAt.toISOString());
    });
  });

  it('refuses JSON nested 2,000 levels deep with 400 on any route, before validation', async () => {
    const deep = '{"a":'.repeat(2000) + '1' + '}'.repeat(2000);
    for (const url of ['/api/v1/counselling/slots', '/api/v1/auth/login']) {
      const response = await t.http().post(url).set(...bearer(w.counsellorA)).set('Content-Type', 'application/json').send(deep);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('JSON_TOO_DEEP');
    }
    const array = '['.repeat(3000) + ']'.repeat(3000);
    expect((await t.http().post('/api/v1/groups').set(...bearer(w.counsellorA)).set('Content-Type', 'application/json').send(array)).status).toBe(400);
  });

  it.each(['   ', '\u3000\u3000', '\u200b\t\n'])('refuses whitespace-only required text (%j)', async (blank) => {
    refusedNaming('name')(await post(w.admin, '/api/v1/eap/vendors', { name: blank, services: ['hotline'] }));
    refusedNaming('summary')(await post(w.counsellorA, '/api/v1/eap/referrals', { workerId: w.counsellorA.id, vendorId: w.counsellorA.id, service: 'hotline', urgency: 'routine', contactPreference: { channel: 'phone', detail: '13800138000' }, summary: blank }));
    refusedNaming('title')(await post(w.counsellorA, '/api/v1/education/events', { kind: 'lecture', title: blank, orgUnitId: w.enterpriseA, startsAt: await inHours(t, 48), endsAt: await inHours(t, 49), place: '礼堂', capacity: 10 }));
  });

  it('reads the deliveries limit from the query string', async () => {
    const vendor = await createVendor(t, w.admin);
    const endpoint = await post(w.admin, `/api/v1/eap/vendors/${vendor.id}/webhook-endpoints`, { url: 'http://127.0.0.1:9/hooks' }).expect(201);
    await t.http().get(`/api/v1/eap/webhook-endpoints/${endpoint.body.id}/deliveries`).query({ limit: 5 }).set(...bearer(w.admin)).expect(200);
    refusedNaming('limit')(await t.http().get(`/api/v1/eap/webhook-endpoints/${endpoint.body.id}/deliveries`).query({ limit: 501 }).set(...bearer(w.admin)));
    refusedNaming('limit')(await t.http().get(`/api/v1/eap/webhook-endpoints/${endpoint.body.id}/deliveries`).query({ limit: 'five' }).set(...bearer(w.admin)));
  });
});
