import { TestApp, bearer } from '../support/test-app.js';

describe('org units', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
  });
  afterAll(() => t.close());

  it('creates a unit (201 with id) and lists units in the caller’s subtree only', async () => {
    const created = await t.http().post('/api/v1/org-units').set(...bearer(w.admin)).send({ name: '某某公司工会', parentId: w.enterpriseA }).expect(201);
    expect(created.body).toMatchObject({ id: expect.any(String), name: '某某公司工会', parentId: w.enterpriseA });
    const seenByA = (await t.http().get('/api/v1/org-units').set(...bearer(w.counsellorA)).expect(200)).body as Array<{ id: string }>;
    const ids = seenByA.map((u) => u.id);
    expect(ids).toEqual(expect.arrayContaining([w.enterpriseA, created.body.id]));
    expect(ids).not.toContain(w.enterpriseB);
    expect(ids).not.toContain(w.city);
  });

  it('renames and moves a unit with its subtree', async () => {
    const unit = await t.createUnit(w.admin.token, w.enterpriseA, '车间工会');
    const child = await t.createUnit(w.admin.token, unit, '班组');
    await t.http().patch(`/api/v1/org-units/${unit}`).set(...bearer(w.admin)).send({ name: '一车间工会', parentId: w.enterpriseB }).expect(200);
    const seenByB = (await t.http().get('/api/v1/org-units').set(...bearer(w.counsellorB)).expect(200)).body as Array<{ id: string; name: string; depth: number }>;
    const moved = seenByB.find((u) => u.id === unit);
    expect(moved?.name).toBe('一车间工会');
    expect(seenByB.find((u) => u.id === child)?.depth).toBe(moved!.depth + 1);
    const seenByA = (await t.http().get('/api/v1/org-units').set(...bearer(w.counsellorA)).expect(200)).body as Array<{ id: string }>;
    expect(seenByA.map((u) => u.id)).not.toContain(child);
  });

  it('refuses moving a unit under its own descendant (409)', async () => {
    const unit = await t.createUnit(w.admin.token, w.enterpriseA);
    const child = await t.createUnit(w.admin.token, unit);
    const response = await t.http().patch(`/api/v1/org-units/${unit}`).set(...bearer(w.admin)).send({ parentId: child }).expect(409);
    expect(response.body.code).toBe('MOVE_INTO_OWN_SUBTREE');
  });

  it('refuses unit management to non-admins (403) and unknown parents (404)', async () => {
    await t.http().post('/api/v1/org-units').set(...bearer(w.counsellorA)).send({ name: 'x', parentId: w.enterpriseA }).expect(403);
    await t.http().post('/api/v1/org-units').set(...bearer(w.admin)).send({ name: 'x', parentId: '00000000-0000-4000-8000-000000000000' }).expect(404);
    await t.http().post('/api/v1/org-units').set(...bearer(w.admin)).send({ parentId: w.city }).expect(400);
  });

  it('keeps a sub-unit admin inside their subtree', async () => {
    const cityAdmin = await t.createUser(w.admin.token, 'admin', w.enterpriseA);
    await t.http().post('/api/v1/org-units').set(...bearer(cityAdmin)).send({ name: 'x', parentId: w.enterpriseB }).expect(404);
    await t.http().post('/api/v1/org-units').set(...bearer(cityAdmin)).send({ name: 'x', parentId: w.enterpriseA }).expect(201);
  });
});
