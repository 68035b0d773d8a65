import { openCase, queueOf } from '../individual/support.js';
import { PHQ9, submitOwn } from '../population/support.js';
import { bearer, TestApp, type TestUser } from '../support/test-app.js';

const DAY = 86_400_000;
type Preview = {
  records: { table: string; column: string; action: string; moves: number; stays: number }[];
  consents: { purpose: string; keep: boolean | null; merge: boolean | null; result: boolean | null }[];
  warnings: string[];
};
type Merge = { id: string; state: string; keepId: string; mergeId: string; canUndo: boolean; narrowedConsents: number; disabledAccounts: number };

describe('职工档案: duplicate profiles, merge and undo (issue #20)', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;
  let unitAdmin: TestUser;
  const name = `重复职工${Date.now() % 100_000}`;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
    unitAdmin = await t.createUser(w.admin.token, 'admin', w.enterpriseA);
  });
  afterAll(() => t?.close());

  const consent = (user: TestUser, purpose: string, granted: boolean) =>
    t.http().post('/api/v1/me/consents').set(...bearer(user)).send({ purpose, granted }).expect(201);
  const currentConsents = async (workerId: string) =>
    ((await t.http().get(`/api/v1/workers/${workerId}/consents`).set(...bearer(w.counsellorA)).expect(200)).body as { current: { purpose: string; granted: boolean }[] }).current;

  /** Every row that points at either profile, in every table the merge knows of (timestamps of edits left out). */
  async function snapshot(records: Preview['records'], ids: string[]): Promise<Record<string, string[]>> {
    const out: Record<string, string[]> = {};
    const clean = (row: Record<string, unknown>) => JSON.stringify(Object.entries(row).filter(([k]) => k !== 'updated_at').sort(([a], [b]) => a.localeCompare(b)));
    // The audit log and the merge journal record the merge and its undo: they are history, not the profiles' data.
    for (const { table, column } of records.filter((r) => r.action !== 'keep')) {
      out[`${table}.${column}`] = (await t.sql<Record<string, unknown>>(`SELECT * FROM ${table} WHERE ${column} IN ($1, $2)`, ids)).map(clean).sort();
    }
    out.workers = (await t.sql<Record<string, unknown>>('SELECT * FROM workers WHERE id IN ($1, $2)', ids)).map(clean).sort();
    return out;
  }

  it('finds duplicates in scope, merges every record into the kept profile without widening consent, and undoes it exactly', async () => {
    // The union's roster profile (employee number) and the same person self-joined by phone (a second account).
    const keep = await t.createWorkerUser(w.admin.token, w.enterpriseA, { name, birthYear: 1990, employeeNo: `E${Date.now() % 1e6}` });
    const dup = await t.createWorkerUser(w.admin.token, w.enterpriseA, { name, birthYear: 1990, phone: '13912345678' });
    const elsewhere = await t.createWorker(w.admin.token, w.enterpriseB, { name, birthYear: 1990 });

    // Both took a PHQ-9; research: granted on the kept profile, withdrawn on the duplicate.
    for (const user of [keep, dup]) {
      await consent(user, 'assessment', true);
      await submitOwn(t, user, 'PHQ-9', PHQ9.moderate).expect(201);
    }
    await consent(keep, 'research', true);
    await consent(dup, 'research', true);
    await consent(dup, 'research', false);
    // An open crisis case on each profile.
    const caseKeep = (await openCase(t, w.counsellorA, keep.workerId!).expect(201)).body as { id: string };
    const caseDup = (await openCase(t, w.counsellorA, dup.workerId!).expect(201)).body as { id: string };

    // Search: the unit admin sees the pair in their unit only; the city's root admin also sees the pair across units.
    const pairs = (await t.http().get('/api/v1/worker-duplicates').set(...bearer(unitAdmin)).expect(200)).body as { a: { id: string }; b: { id: string }; reasons: string[] }[];
    const ours = pairs.filter((p) => [p.a.id, p.b.id].includes(keep.workerId!));
    expect(ours).toHaveLength(1);
    expect(ours[0].reasons).toEqual(['name_birth_year']);
    expect(pairs.some((p) => [p.a.id, p.b.id].includes(elsewhere))).toBe(false);
    const cityPairs = (await t.http().get('/api/v1/worker-duplicates').query({ orgUnitId: w.city }).set(...bearer(w.supervisor)).expect(200)).body as { a: { id: string }; b: { id: string } }[];
    expect(cityPairs.filter((p) => [p.a.id, p.b.id].includes(elsewhere))).toHaveLength(2);
    await t.http().get('/api/v1/worker-duplicates').set(...bearer(w.counsellorA)).expect(403);

    // Refusals: into itself 400; a profile outside the actor's subtree 404 (preview and merge alike).
    expect((await t.http().post('/api/v1/worker-merges').set(...bearer(unitAdmin)).send({ keepId: keep.workerId, mergeId: keep.workerId }).expect(400)).body.code).toBe('MERGE_SAME_WORKER');
    await t.http().post('/api/v1/worker-merges').set(...bearer(unitAdmin)).send({ keepId: keep.workerId, mergeId: elsewhere }).expect(404);
    await t.http().get('/api/v1/worker-merges/preview').query({ keepId: elsewhere, mergeId: dup.workerId }).set(...bearer(unitAdmin)).expect(404);

    // The side-by-side preview: what moves, what stays (the kept profile already has a PHQ-9 latest for the year),
    // the narrower consent, and the warning that both have an open crisis case.
    const preview = (await t.http().get('/api/v1/worker-merges/preview').query({ keepId: keep.workerId, mergeId: dup.workerId }).set(...bearer(unitAdmin)).expect(200)).body as Preview;
    const row = (table: string) => preview.records.find((r) => r.table === table && r.column === 'worker_id');
    expect(row('assessment_results')).toMatchObject({ action: 'move', moves: 1, stays: 0 });
    expect(row('assessment_latest')).toMatchObject({ moves: 0, stays: 1 });
    expect(row('crisis_cases')).toMatchObject({ moves: 1, stays: 0 });
    expect(row('users')).toMatchObject({ action: 'account', moves: 0, stays: 1 });
    expect(row('consents')).toMatchObject({ action: 'consents' });
    expect(row('audit_events')).toMatchObject({ action: 'keep' });
    expect(preview.consents.find((c) => c.purpose === 'research')).toEqual({ purpose: 'research', recipientId: null, keep: true, merge: false, result: false });
    expect(preview.consents.find((c) => c.purpose === 'assessment')).toMatchObject({ keep: true, merge: true, result: true });
    expect(preview.warnings).toEqual(['BOTH_OPEN_CRISIS_CASES']);

    // Coverage: every column of the schema that points at a worker is one the merge handles (a new table cannot be
    // forgotten: its column shows up here or this fails).
    expect(await workerColumns(t)).toEqual(preview.records.map((r) => `${r.table}.${r.column}`).sort());

    const before = await snapshot(preview.records, [keep.workerId!, dup.workerId!]);
    const merged = (await t.http().post('/api/v1/worker-merges').set(...bearer(unitAdmin)).send({ keepId: keep.workerId, mergeId: dup.workerId, reason: '同一人：自助入会与工会名册' }).expect(201)).body as Merge;
    expect(merged).toMatchObject({ state: 'merged', canUndo: true, narrowedConsents: 1, disabledAccounts: 1 });

    // The tombstone answers 404 naming the kept profile; the kept profile has the phone it lacked and both open cases.
    const gone = await t.http().get(`/api/v1/workers/${dup.workerId}`).set(...bearer(unitAdmin)).expect(404);
    expect(gone.body).toMatchObject({ code: 'WORKER_MERGED', mergedIntoId: keep.workerId });
    const kept = (await t.http().get(`/api/v1/workers/${keep.workerId}`).set(...bearer(unitAdmin)).expect(200)).body as { phone: string; employeeNo: string };
    expect(kept.phone).toBe('13912345678');
    const [stored] = await t.sql<{ phone: string }>('SELECT phone FROM workers WHERE id = $1', [keep.workerId]);
    expect(stored.phone).toMatch(/^enc:/); // encrypted at rest like any number
    const cases = (await queueOf(t, w.counsellorA)).filter((c) => [caseKeep.id, caseDup.id].includes(c.id));
    expect(cases.map((c) => c.workerId)).toEqual([keep.workerId, keep.workerId]);
    expect(cases.every((c) => c.state !== 'closed')).toBe(true);
    // Consent narrowed, never widened; the duplicate's account can no longer sign in; the kept one can.
    expect((await currentConsents(keep.workerId!)).find((c) => c.purpose === 'research')?.granted).toBe(false);
    await t.http().get('/api/v1/me/profile').set(...bearer(dup)).expect(401);
    await t.http().get('/api/v1/me/profile').set(...bearer(keep)).expect(200);
    const [results] = await t.sql<{ n: number | string }>('SELECT COUNT(*) AS n FROM assessment_results WHERE worker_id = $1', [keep.workerId]);
    expect(Number(results.n)).toBe(2);
    // No longer a duplicate; merging the tombstone again is 404; audited for both profiles.
    const after = (await t.http().get('/api/v1/worker-duplicates').set(...bearer(unitAdmin)).expect(200)).body as { a: { id: string }; b: { id: string } }[];
    expect(after.some((p) => [p.a.id, p.b.id].includes(dup.workerId!))).toBe(false);
    await t.http().post('/api/v1/worker-merges').set(...bearer(unitAdmin)).send({ keepId: keep.workerId, mergeId: dup.workerId }).expect(404);
    const audit = await t.sql<{ worker_id: string }>("SELECT worker_id FROM audit_events WHERE action = 'worker.merge' AND resource_id = $1 ORDER BY seq", [merged.id]);
    expect(audit.map((a) => a.worker_id)).toEqual([keep.workerId, dup.workerId]);
    // Outside the unit the merge does not exist.
    await t.http().post(`/api/v1/worker-merges/${merged.id}/undo`).set(...bearer(await t.createUser(w.admin.token, 'admin', w.enterpriseB))).expect(404);
    const listed = (await t.http().get('/api/v1/worker-merges').query({ workerId: keep.workerId }).set(...bearer(unitAdmin)).expect(200)).body as Merge[];
    expect(listed.map((m) => m.id)).toEqual([merged.id]);

    // Undo: exactly what moved goes back; every row of both profiles is as it was.
    const undone = (await t.http().post(`/api/v1/worker-merges/${merged.id}/undo`).set(...bearer(unitAdmin)).expect(200)).body as Merge;
    expect(undone).toMatchObject({ state: 'undone', canUndo: false });
    expect(await snapshot(preview.records, [keep.workerId!, dup.workerId!])).toEqual(before);
    expect((await t.http().post(`/api/v1/worker-merges/${merged.id}/undo`).set(...bearer(unitAdmin)).expect(409)).body.code).toBe('MERGE_ALREADY_UNDONE');
    await t.http().get(`/api/v1/workers/${dup.workerId}`).set(...bearer(unitAdmin)).expect(200);
    expect((await currentConsents(keep.workerId!)).find((c) => c.purpose === 'research')?.granted).toBe(true);
    await t.login(dup.username);
  });

  it('finds the same mobile number and refuses an undo after the undo period', async () => {
    const phone = '13700001111';
    const first = await t.createWorker(w.admin.token, w.enterpriseA, { name: '王师傅', phone });
    const second = await t.createWorker(w.admin.token, w.enterpriseA, { name: '王某某', phone: '137 0000 1111' });
    const pairs = (await t.http().get('/api/v1/worker-duplicates').set(...bearer(unitAdmin)).expect(200)).body as { a: { id: string; phone: string }; b: { id: string }; reasons: string[] }[];
    const pair = pairs.find((p) => [p.a.id, p.b.id].sort().join() === [first, second].sort().join());
    expect(pair?.reasons).toEqual(['phone']);
    expect(pair?.a.phone).toBe('137****1111');
    const merged = (await t.http().post('/api/v1/worker-merges').set(...bearer(w.supervisor)).send({ keepId: first, mergeId: second }).expect(201)).body as Merge;
    await t.advanceClock(31 * DAY);
    expect((await t.http().post(`/api/v1/worker-merges/${merged.id}/undo`).set(...bearer(w.supervisor)).expect(409)).body.code).toBe('MERGE_UNDO_EXPIRED');
    await t.http().get(`/api/v1/workers/${second}`).set(...bearer(w.supervisor)).expect(404);
  });
});

/** `table.column` for every column of the schema named worker_id / *_worker_id or a foreign key to workers. */
async function workerColumns(t: TestApp): Promise<string[]> {
  const found = new Set<string>();
  if (process.env.DATABASE_URL?.startsWith('postgres')) {
    for (const r of await t.sql<{ t: string; c: string }>(
      "SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() AND (column_name = 'worker_id' OR column_name LIKE '%\\_worker\\_id')",
    ))
      found.add(`${r.t}.${r.c}`);
    for (const r of await t.sql<{ t: string; c: string }>(
      `SELECT kcu.table_name AS t, kcu.column_name AS c FROM information_schema.referential_constraints rc
         JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = rc.constraint_name AND kcu.constraint_schema = rc.constraint_schema
         JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = rc.unique_constraint_name AND ccu.constraint_schema = rc.unique_constraint_schema
        WHERE ccu.table_name = 'workers' AND kcu.table_schema = current_schema()`,
    ))
      found.add(`${r.t}.${r.c}`);
  } else {
    for (const { name } of await t.sql<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
      for (const c of await t.sql<{ name: string }>(`SELECT name FROM pragma_table_info('${name}')`)) if (/(^|_)worker_id$/.test(c.name)) found.add(`${name}.${c.name}`);
      for (const fk of await t.sql<{ table: string; from: string }>(`SELECT "table", "from" FROM pragma_foreign_key_list('${name}')`)) if (fk.table === 'workers') found.add(`${name}.${fk.from}`);
    }
  }
  found.delete('workers.merged_into_id');
  return [...found].sort();
}
