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

/**
 * One way to run a unit of work. TypeORM's better-sqlite3 driver shares one connection, so two overlapping
 * transactions would nest as savepoints of each other; on SQLite we queue them. PostgreSQL runs them concurrently
 * on pooled connections.
 */
@Injectable()
export class Transactions implements OnApplicationShutdown {
  private tail: Promise<unknown> = Promise.resolve();
  private reader: Promise<DataSource | null> | null = null;

  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    const reader = await this.reader;
    if (reader?.isInitialized) await reader.destroy();
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (DIALECT === 'postgres') return this.dataSource.transaction(work);
    const next = this.tail.then(() => this.dataSource.transaction(work));
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Reads of committed state, never queued behind writes (PostgreSQL: the pool; SQLite: the read-only connection). */
  async read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (DIALECT === 'postgres') return work(this.dataSource.manager);
    this.reader ??= openSqliteReader(this.dataSource);
    const reader = await this.reader;
    return reader ? work(reader.manager) : this.run(work);
  }
}
