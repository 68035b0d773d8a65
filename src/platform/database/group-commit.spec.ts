import { DataSource, type EntityManager } from 'typeorm';
import { createScratchDatabase, type ScratchDatabase } from '../../../scripts/lib/scratch-database.js';
import { DIALECT } from './dialect.js';
import { afterCommit, Transactions } from './transactions.js';

const p = (i: number) => (DIALECT === 'postgres' ? `$${i}` : '?');

/**
 * Transactions.runInGroup (the mechanism runGrouped uses on SQLite) on a real database (in-memory SQLite, or a scratch PostgreSQL database under DATABASE_URL): units queued together share one transaction, each
 * in its own savepoint; a failing one is rolled back alone, with its after-commit effects; nothing settles before
 * the COMMIT. (test/population/assessment-group-commit.e2e-spec.ts runs the submits through it.)
 */
describe('group commit (Transactions.runInGroup)', () => {
  let scratch: ScratchDatabase | null = null;
  let dataSource: DataSource;
  let transactions: Transactions;
  let begins: number;

  beforeAll(async () => {
    if (DIALECT === 'postgres') {
      scratch = await createScratchDatabase(process.env.DATABASE_URL, 'group_commit');
      dataSource = await new DataSource({ type: 'postgres', url: scratch.url }).initialize();
    } else {
      dataSource = await new DataSource({ type: 'better-sqlite3', database: ':memory:' }).initialize();
    }
    await dataSource.query('CREATE TABLE items (v INTEGER PRIMARY KEY)');
    dataSource.subscribers.push({ afterTransactionStart: () => void (begins += 1) });
    transactions = new Transactions(dataSource);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await scratch?.drop();
  });
  beforeEach(async () => {
    await dataSource.query('DELETE FROM items');
    begins = 0;
  });

  const values = async () => (await dataSource.query<Array<{ v: number }>>('SELECT v FROM items ORDER BY v')).map((r) => r.v);
  const insert = (v: number, effects: number[]) => async (manager: EntityManager) => {
    await manager.query(`INSERT INTO items (v) VALUES (${p(1)})`, [v]);
    afterCommit(manager, () => effects.push(v));
    return v;
  };

  it('one unit failing mid-group fails alone: the others commit in the same transaction, their effects run', async () => {
    await dataSource.query('INSERT INTO items (v) VALUES (3)');
    begins = 0;
    const effects: number[] = [];
    const runners = new Set<unknown>();
    const unit = (v: number) => async (manager: EntityManager) => {
      runners.add(manager.queryRunner);
      return insert(v, effects)(manager);
    };
    // All queued in one tick, so they form one group; 3 already exists, so its INSERT fails inside the group.
    const outcomes = await Promise.allSettled([1, 2, 3, 4, 5].map((v) => transactions.runInGroup(unit(v))));

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(Error);
    expect(await values()).toEqual([1, 2, 3, 4, 5]);
    expect(effects).toEqual([1, 2, 4, 5]);
    expect(runners.size).toBe(1); // one transaction's connection
    expect(begins).toBe(1 + 5); // one BEGIN, one SAVEPOINT per unit
  });

  it('a unit that throws after writing leaves none of its writes', async () => {
    const effects: number[] = [];
    const failing = async (manager: EntityManager) => {
      await insert(20, effects)(manager);
      throw new Error('refused after writing');
    };
    const [a, b, c] = await Promise.allSettled([transactions.runInGroup(insert(10, effects)), transactions.runInGroup(failing), transactions.runInGroup(insert(30, effects))]);
    expect([a.status, b.status, c.status]).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await values()).toEqual([10, 30]);
    expect(effects).toEqual([10, 30]);
  });

  it('settles nothing before the COMMIT; a failed COMMIT fails every unit of the group', async () => {
    const effects: number[] = [];
    const settled: string[] = [];
    // A deferred foreign key is checked only at COMMIT: the group's COMMIT fails although every unit succeeded.
    await dataSource.query('CREATE TABLE IF NOT EXISTS parents (id INTEGER PRIMARY KEY)');
    await dataSource.query('CREATE TABLE IF NOT EXISTS children (parent INTEGER REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED)');
    if (DIALECT === 'sqlite') await dataSource.query('PRAGMA foreign_keys = ON');
    const orphan = async (manager: EntityManager) => {
      await manager.query('INSERT INTO children (parent) VALUES (99)');
      return 0;
    };
    const group = [transactions.runInGroup(insert(40, effects)), transactions.runInGroup(orphan)].map((p, i) =>
      p.then(
        () => settled.push(`ok ${i}`),
        () => settled.push(`failed ${i}`),
      ),
    );
    await Promise.all(group);
    if (DIALECT === 'sqlite') await dataSource.query('PRAGMA foreign_keys = OFF');
    expect(settled.sort()).toEqual(['failed 0', 'failed 1']);
    expect(await values()).toEqual([]);
    expect(effects).toEqual([]);
  });
});
