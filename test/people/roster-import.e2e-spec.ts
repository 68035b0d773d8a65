import { TestApp, bearer } from '../support/test-app.js';

describe('roster import from CSV', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
  });
  afterAll(() => t.close());

  const upload = (csv: string, orgUnitId?: string) => {
    const request = t.http().post('/api/v1/workers/import').set(...bearer(w.admin)).attach('file', Buffer.from(csv, 'utf8'), 'roster.csv');
    return orgUnitId ? request.field('orgUnitId', orgUnitId) : request;
  };

  it('imports a valid roster in one go', async () => {
    const csv = 'name,employeeNo,gender,birthYear,phone,specialPost\n李娜,R001,female,1990,13800000001,shift\n赵强,R002,male,1985,,hazardous\n';
    const response = await upload(csv, w.enterpriseA).expect(201);
    expect(response.body).toEqual({ imported: 2 });
    const found = await t.http().get('/api/v1/workers').query({ q: 'R002' }).set(...bearer(w.counsellorA)).expect(200);
    expect(found.body.items).toEqual([expect.objectContaining({ name: '赵强' })]);
  });

  it('writes nothing when any row is invalid, and reports every problem by row and field', async () => {
    const csv = 'name,employeeNo,gender,birthYear\n周杰,R101,male,1980\n,R102,female,1991\n吴敏,R103,unknown,1850\n郑爽,R101,female,1992\n';
    const response = await upload(csv, w.enterpriseA).expect(400);
    expect(response.body.code).toBe('IMPORT_INVALID');
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, field: 'name' }),
        expect.objectContaining({ row: 4, field: 'gender' }),
        expect.objectContaining({ row: 4, field: 'birthYear' }),
        expect.objectContaining({ row: 5, field: 'employeeNo' }),
      ]),
    );
    const found = await t.http().get('/api/v1/workers').query({ q: 'R101' }).set(...bearer(w.counsellorA)).expect(200);
    expect(found.body.total).toBe(0);
  });

  it('refuses rows for units outside the importer’s scope, writing nothing', async () => {
    const enterpriseAdmin = await t.createUser(w.admin.token, 'admin', w.enterpriseA);
    const csv = `name,orgUnitId\n甲,${w.enterpriseA}\n乙,${w.enterpriseB}\n`;
    const response = await t.http().post('/api/v1/workers/import').set(...bearer(enterpriseAdmin)).attach('file', Buffer.from(csv), 'r.csv').expect(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ row: 3, field: 'orgUnitId' })]);
    const found = await t.http().get('/api/v1/workers').query({ q: '甲' }).set(...bearer(w.counsellorA)).expect(200);
    expect(found.body.total).toBe(0);
    // a refused import writes nothing, not even an audit row of an import: only the successful one is on the record
    const imports = await t.sql("SELECT seq FROM audit_events WHERE action = 'worker.import'");
    expect(imports).toHaveLength(1);
  });

  it('refuses a search with a control character with a 400 naming the field (PostgreSQL cannot compare NUL)', async () => {
    const response = await t.http().get('/api/v1/workers').query({ q: '王\u0000' }).set(...bearer(w.counsellorA)).expect(400);
    expect(JSON.stringify(response.body)).toContain('q must not contain control characters');
  });

  it('refuses an employee number that already exists, an unknown column, malformed CSV and a missing file', async () => {
    await t.createWorker(w.admin.token, w.enterpriseA, { employeeNo: 'R900' });
    const existing = await upload('name,employeeNo\n钱七,R900\n', w.enterpriseA).expect(400);
    expect(existing.body.errors).toEqual([expect.objectContaining({ row: 2, field: 'employeeNo' })]);
    const unknown = await upload('name,salary\n孙八,1000\n', w.enterpriseA).expect(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ row: 2, field: 'salary' })]);
    const malformed = await upload('name,employeeNo\n"unterminated,R1\n', w.enterpriseA).expect(400);
    expect(malformed.body.code).toBe('IMPORT_MALFORMED_CSV');
    const missing = await t.http().post('/api/v1/workers/import').set(...bearer(w.admin)).expect(400);
    expect(missing.body.code).toBe('IMPORT_FILE_REQUIRED');
  });

  it('is for admins only', async () => {
    await t.http().post('/api/v1/workers/import').set(...bearer(w.counsellorA)).attach('file', Buffer.from('name\nx\n'), 'r.csv').expect(403);
  });

  it('checks a roster without writing anything on a dry run: the valid count, or every row problem', async () => {
    const dry = (csv: string) => upload(csv, w.enterpriseA).field('dryRun', 'true');
    const good = await dry('name,employeeNo\n钱多,D001\n孙少,D002\n').expect(201);
    expect(good.body).toEqual({ imported: 0, dryRun: true, valid: 2 });
    await upload('name,employeeNo\n老员工,D900\n', w.enterpriseA).expect(201);
    // Existing employee numbers are checked too, as the real import would.
    const bad = await dry('name,employeeNo\n钱多,D001\n重复,D900\n').expect(400);
    expect(bad.body.code).toBe('IMPORT_INVALID');
    expect(bad.body.errors).toEqual([expect.objectContaining({ row: 3, field: 'employeeNo' })]);
    const found = await t.http().get('/api/v1/workers').query({ q: 'D001' }).set(...bearer(w.counsellorA)).expect(200);
    expect(found.body.total).toBe(0);
  });
});
