import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DIALECT } from './dialect.js';

/**
 * One way to run a unit of work. TypeORM's better-sqlite3 driver shares one connection, so two overlapping
 * transactions would nest as savepoints of each other; on SQLite we queue them. PostgreSQL runs them concurrently
 * on pooled connections.
 */
@Injectable()
export class Transactions {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (DIALECT === 'postgres') return this.dataSource.transaction(work);
    const next = this.tail.then(() => this.dataSource.transaction(work));
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Reads that must see a consistent, committed state (SQLite: not interleaved with an open transaction). */
  read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (DIALECT === 'postgres') return work(this.dataSource.manager);
    return this.run(work);
  }
}
