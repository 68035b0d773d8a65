import { TestApp } from '../support/test-app.js';

/** The start-up back-fill of the phone blind index: finds only rows never looked at, through the index. */
describe('phone blind index back-fill', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('indexes older rows at start, marks numbers that are not mobiles as looked at, and leaves nothing to find next time', async () => {
    const { token, orgUnitId } = await t.admin();
    const mobile = await t.createWorker(token, orgUnitId, { phone: '13912345678' });
    const landline = await t.createWorker(token, orgUnitId, { phone: '010-62345678' });
    const hashOf = async (id: string) => (await t.sql<{ phone_hash: string | null }>('SELECT phone_hash FROM workers WHERE id = $1', [id]))[0].phone_hash;
    const saved = await hashOf(mobile);
    expect(saved).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashOf(landline)).toBe('');

    // Rows as they were before the index existed.
    await t.sql('UPDATE workers SET phone_hash = NULL WHERE id IN ($1, $2)', [mobile, landline]);
    const unindexed = () => t.sql('SELECT id FROM workers WHERE phone IS NOT NULL AND phone_hash IS NULL');
    expect(await unindexed()).toHaveLength(2);
    await t.restart();
    expect(await hashOf(mobile)).toBe(saved);
    expect(await hashOf(landline)).toBe('');
    expect(await unindexed()).toHaveLength(0);
    if (!process.env.DATABASE_URL?.startsWith('postgres')) {
      const plan = await t.sql<{ detail: string }>('EXPLAIN QUERY PLAN SELECT id FROM workers WHERE phone IS NOT NULL AND phone_hash IS NULL');
      expect(plan.map((p) => p.detail).join(' ')).toContain('USING INDEX idx_workers_phone_hash');
    }
  });
});
