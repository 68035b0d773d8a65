import { TestApp, bearer } from '../support/test-app.js';

describe('worker profiles (职工档案)', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
  });
  afterAll(() => t.close());

  it('creates a worker (201 with id) and reads it back with decrypted contact details', async () => {
    const created = await t
      .http()
      .post('/api/v1/workers')
      .set(...bearer(w.counsellorA))
      .send({ name: '王芳', orgUnitId: w.enterpriseA, gender: 'female', birthYear: 1988, phone: '13800138000', notes: '夜班' })
      .expect(201);
    const id = created.body.id as string;
    const read = await t.http().get(`/api/v1/workers/${id}`).set(...bearer(w.counsellorA)).expect(200);
    expect(read.body).toMatchObject({ id, name: '王芳', phone: '13800138000', notes: '夜班', gender: 'female' });
  });

  it('stores contact details and notes encrypted: no plaintext in the table', async () => {
    const id = await t.createWorker(w.counsellorA.token, w.enterpriseA, { phone: '13912345678', notes: '家庭困难' });
    const [row] = await t.sql<{ phone: string; notes: string }>('SELECT phone, notes FROM workers WHERE id = $1', [id]);
    expect(row.phone).toMatch(/^enc:v1:[0-9a-f]{8}:/);
    expect(row.notes).not.toContain('家庭困难');
  });

  it('gives 404 to a counsellor of a sibling union (existence not revealed)', async () => {
    const id = await t.createWorker(w.counsellorA.token, w.enterpriseA);
    const response = await t.http().get(`/api/v1/workers/${id}`).set(...bearer(w.counsellorB)).expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('gives 403 to an official on any individual record', async () => {
    const id = await t.createWorker(w.counsellorA.token, w.enterpriseA);
    await t.http().get(`/api/v1/workers/${id}`).set(...bearer(w.official)).expect(403);
    await t.http().get('/api/v1/workers').set(...bearer(w.official)).expect(403);
  });

  it('lets a supervisor of the parent unit see workers of both enterprises', async () => {
    const a = await t.createWorker(w.counsellorA.token, w.enterpriseA);
    const b = await t.createWorker(w.counsellorB.token, w.enterpriseB);
    await t.http().get(`/api/v1/workers/${a}`).set(...bearer(w.supervisor)).expect(200);
    await t.http().get(`/api/v1/workers/${b}`).set(...bearer(w.supervisor)).expect(200);
  });

  it('refuses bad input with 400 naming the problem', async () => {
    const missingName = await t.http().post('/api/v1/workers').set(...bearer(w.counsellorA)).send({ orgUnitId: w.enterpriseA }).expect(400);
    expect(missingName.body.code).toBe('VALIDATION_FAILED');
    expect(missingName.body.message).toContain('name');
    const unknownField = await t
      .http()
      .post('/api/v1/workers')
      .set(...bearer(w.counsellorA))
      .send({ name: '李雷', orgUnitId: w.enterpriseA, salary: 1 })
      .expect(400);
    expect(unknownField.body.message).toContain('salary');
    await t.http().get('/api/v1/workers/not-a-uuid').set(...bearer(w.counsellorA)).expect(400);
  });

  it('answers 409 on a duplicate employee number in the same unit', async () => {
    await t.createWorker(w.counsellorA.token, w.enterpriseA, { employeeNo: 'E1001' });
    const response = await t
      .http()
      .post('/api/v1/workers')
      .set(...bearer(w.counsellorA))
      .send({ name: '韩梅梅', orgUnitId: w.enterpriseA, employeeNo: 'E1001' })
      .expect(409);
    expect(response.body.code).toBe('EMPLOYEE_NO_TAKEN');
  });

  it('searches by name within scope, paginated', async () => {
    for (let i = 0; i < 3; i++) await t.createWorker(w.counsellorA.token, w.enterpriseA, { name: `搜索测试${i}` });
    await t.createWorker(w.counsellorB.token, w.enterpriseB, { name: '搜索测试B' });
    const page = await t.http().get('/api/v1/workers').query({ q: '搜索测试', pageSize: 2 }).set(...bearer(w.counsellorA)).expect(200);
    expect(page.body.total).toBe(3);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.items[0]).not.toHaveProperty('phone');
  });

  it('updates a worker and refuses moving them out of scope', async () => {
    const id = await t.createWorker(w.counsellorA.token, w.enterpriseA);
    await t.http().patch(`/api/v1/workers/${id}`).set(...bearer(w.counsellorA)).send({ employmentStatus: 'transferring' }).expect(200);
    await t.http().patch(`/api/v1/workers/${id}`).set(...bearer(w.counsellorA)).send({ orgUnitId: w.enterpriseB }).expect(404);
  });

  it('lets a worker read their own profile through /me, never through the staff routes', async () => {
    const me = await t.createWorkerUser(w.admin.token, w.enterpriseA, { name: '张伟' });
    const other = await t.createWorker(w.admin.token, w.enterpriseA);
    const own = await t.http().get('/api/v1/me/profile').set(...bearer(me)).expect(200);
    expect(own.body.name).toBe('张伟');
    await t.http().get(`/api/v1/workers/${other}`).set(...bearer(me)).expect(403);
    await t.http().get(`/api/v1/workers/${me.workerId}`).set(...bearer(me)).expect(403);
  });
});
