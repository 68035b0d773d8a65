import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DIALECT } from './dialect.js';

/**
 * On SQLite, reads go through a second, read-only connection: WAL lets it see the last committed state while the
 * writer works, so a read never waits for (or sees inside) another request's transaction.
 */
export async function openSqliteReader(writer: DataSource): Promise<DataSource | null> {
  const options = writer.options;
  if (options.type !== 'better-sqlite3' || options.database === ':memory:') return null;
  return new DataSource({ ...options, readonly: true, enableWAL: false, prepareDatabase: undefined, migrations: [], subscribers: [] }).initialize();
}

/** Work to do once a transaction has committed (never when it rolls back), keyed by the transaction's manager. */
const afterCommitQueues = new WeakMap<EntityManager, Array<() => void>>();

/**
 * Runs `effect` after the transaction of `manager` commits (a push to browsers, waking the job runner). Outside a
 * transaction run by `Transactions` it runs at once. Effects must not throw into the caller: errors are swallowed.
 */
export function afterCommit(manager: EntityManager, effect: () => void): void {
  const queue = afterCommitQueues.get(manager);
  if (queue) queue.push(effect);
  else runQuietly(effect);
}

function runQuietly(effect: () => void): void {
  try {
    effect();
  } catch {
    // an after-commit effect is best effort; the committed change stands
  }
}

async function withAfterCommit<T>(start: (work: (manager: EntityManager) => Promise<T>) => Promise<T>, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  let effects: Array<() => void> = [];
  const result = await start((manager) => {
    effects = [];
    afterCommitQueues.set(manager, effects);
    return work(manager);
  });
  for (const effect of effects) runQuietly(effect);
  return result;
}

/**
 * One way to run a unit of work. TypeORM's better-sqlite3 driver shares one connection, so two overlapping
 * transactions would nest as savepoints of each other; on SQLite we queue them. PostgreSQL runs them concurrently
 * on pooled connections.
 */
/** Units of work one group commit takes at most (the audit's read batches take 500; a submit does more). */
const MAX_GROUP = 100;

interface GroupedWork {
  work: (manager: EntityManager) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

@Injectable()
export class Transactions implements OnApplicationShutdown {
  private tail: Promise<unknown> = Promise.resolve();
  private reader: Promise<DataSource | null> | null = null;
  private readonly grouped: GroupedWork[] = [];
  private grouping = false;

  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    const reader = await this.reader;
    if (reader?.isInitialized) await reader.destroy();
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const transaction = (w: (manager: EntityManager) => Promise<T>) => this.dataSource.transaction(w);
    if (DIALECT === 'postgres') return withAfterCommit(transaction, work);
    const next = this.tail.then(() => withAfterCommit(transaction, work));
    this.tail = next.catch(() => undefined);
    return next;
  }

  /**
   * A write many requests make at once (a submit): group-committed on SQLite, where writes are serialised anyway
   * and each COMMIT is a flush to disk; on PostgreSQL each in its own pooled transaction, concurrently. There, a
   * group measured no cheaper (a SAVEPOINT and RELEASE cost the round trips of the BEGIN and COMMIT they replace,
   * docs/performance.md), ran an instance's groups one after another on one connection, and would take row locks of
   * many workers (the dashboard counts) in one transaction, in an order another instance's group could cross.
   */
  runGrouped<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return DIALECT === 'postgres' ? this.run(work) : this.runInGroup(work);
  }

  /**
   * Group commit: units of work arriving together share one transaction (one BEGIN and one COMMIT, one flush to
   * disk), each in its own savepoint, so one that fails is rolled back alone (with its audit rows and after-commit
   * effects) and answers its own error, while the others commit. Every promise settles only after the COMMIT: no
   * caller is told its work is done before it is durable, and if the COMMIT fails, every unit of the group fails.
   */
  runInGroup<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.grouped.push({ work, resolve: resolve as (value: unknown) => void, reject });
      void this.drainGrouped();
    });
  }

  private async drainGrouped(): Promise<void> {
    if (this.grouping) return;
    this.grouping = true;
    try {
      while (this.grouped.length > 0) {
        await new Promise((next) => setImmediate(next)); // let work in flight join this group
        const group = this.grouped.splice(0, MAX_GROUP);
        let outcomes: Outcome[];
        try {
          outcomes = await this.run((manager) => runInSavepoints(manager, group));
        } catch (error) {
          for (const item of group) item.reject(error);
          continue;
        }
        group.forEach((item, i) => {
          const outcome = outcomes[i];
          if (outcome.ok) item.resolve(outcome.value);
          else item.reject(outcome.error);
        });
      }
    } finally {
      this.grouping = false;
    }
  }

  /** Reads of committed state, never queued behind writes (PostgreSQL: the pool; SQLite: the read-only connection). */
  async read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (DIALECT === 'postgres') return work(this.dataSource.manager);
    this.reader ??= openSqliteReader(this.dataSource);
    const reader = await this.reader;
    return reader ? work(reader.manager) : this.run(work);
  }
}

/**
 * Each unit in its own savepoint (TypeORM's nested transaction: the audit's deferred rows are inserted before the
 * RELEASE, and dropped with a ROLLBACK TO). A failure to roll back to a savepoint fails the whole group.
 */
async function runInSavepoints(manager: EntityManager, group: GroupedWork[]): Promise<Outcome[]> {
  const runner = manager.queryRunner!;
  const effects = afterCommitQueues.get(manager) ?? [];
  const outcomes: Outcome[] = [];
  for (const item of group) {
    const mark = effects.length;
    await runner.startTransaction();
    try {
      const value = await item.work(manager);
      await runner.commitTransaction();
      outcomes.push({ ok: true, value });
    } catch (error) {
      await runner.rollbackTransaction();
      effects.length = mark; // its after-commit effects go with it
      outcomes.push({ ok: false, error });
    }
  }
  return outcomes;
}
