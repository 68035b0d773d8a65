import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { Actor } from '../auth/actor.js';
import { Clock } from '../clock/clock.js';
import { DIALECT } from '../database/dialect.js';
import { Transactions } from '../database/transactions.js';
import type { AppConfig } from '../config/app-config.js';
import { chainHash, findChainBreak, GENESIS_HASH, type ChainBreak } from './audit-chain.js';
import { AuditEvent, type AuditOutcome } from './audit-event.entity.js';
import type { AuditEventDto, AuditQueryDto, AuditVerificationDto } from './audit.dto.js';

export interface AuditEntry {
  action: string;
  resourceType: string;
  resourceId?: string | null;
  workerId?: string | null;
  outcome?: AuditOutcome;
  detail?: Record<string, unknown> | null;
}

export const toAuditEventDto = (a: AuditEvent): AuditEventDto => ({
  seq: Number(a.seq),
  at: a.at.toISOString(),
  actorId: a.actorId,
  actorRole: a.actorRole,
  action: a.action,
  resourceType: a.resourceType,
  resourceId: a.resourceId,
  workerId: a.workerId,
  ip: a.ip,
  outcome: a.outcome,
  detail: a.detail,
});

interface PendingRow {
  actor: Actor;
  entry: AuditEntry;
  at: Date;
}

/** Any constant: the PostgreSQL advisory lock that serialises appends to the chain across app instances. */
const AUDIT_CHAIN_LOCK = 7_274_626_001;

@Injectable()
export class AuditService {
  private readonly key: string;

  /** Rows recorded in an open transaction, appended to the chain just before it commits. */
  private readonly deferred = new WeakMap<QueryRunner, PendingRow[]>();

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.key = config.get('AUDIT_KEY', { infer: true });
    dataSource.subscribers.push({
      beforeTransactionCommit: (event) => this.flushDeferred(event.queryRunner),
      afterTransactionRollback: (event) => void this.deferred.delete(event.queryRunner),
    });
  }

  /**
   * Records in the caller's transaction: the row commits or rolls back with the change. It joins the chain just
   * before COMMIT, so the chain's lock (PostgreSQL) is held for the last moment of a transaction, not all of it.
   */
  async record(manager: EntityManager, actor: Actor, entry: AuditEntry): Promise<void> {
    const row = { actor, entry, at: this.clock.now() };
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) return this.append(manager, [row]);
    const rows = this.deferred.get(runner) ?? [];
    rows.push(row);
    this.deferred.set(runner, rows);
  }

  private async flushDeferred(runner: QueryRunner): Promise<void> {
    const rows = this.deferred.get(runner);
    if (!rows || rows.length === 0) return;
    this.deferred.delete(runner);
    await this.append(runner.manager, rows);
  }

  /**
   * Audits a pure read (no change to commit with it). Concurrent reads are group-committed: their rows go into one
   * transaction and one append to the chain, and each read's promise resolves only once its row is durable, so no
   * data is returned before its disclosure is on the record.
   */
  recordRead(actor: Actor, entry: AuditEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pendingReads.push({ actor, entry, at: this.clock.now(), resolve, reject });
      void this.drainReads();
    });
  }

  private readonly pendingReads: Array<PendingRow & { resolve: () => void; reject: (error: unknown) => void }> = [];
  private draining = false;

  private async drainReads(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.pendingReads.length > 0) {
        await new Promise((next) => setImmediate(next)); // let reads in flight join this batch
        const batch = this.pendingReads.splice(0, 500);
        try {
          await this.transactions.run((manager) => this.append(manager, batch));
          for (const item of batch) item.resolve();
        } catch (error) {
          for (const item of batch) item.reject(error);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  /** Chains rows after the current head: one lock, one head read and one INSERT however many rows. */
  private async append(manager: EntityManager, items: PendingRow[]): Promise<void> {
    if (DIALECT === 'postgres') await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    const last = await manager
      .getRepository(AuditEvent)
      .createQueryBuilder('a')
      .select(['a.seq', 'a.hash'])
      .orderBy('a.seq', 'DESC')
      .limit(1)
      .getOne();
    let seq = last?.seq ?? 0;
    let prevHash = last?.hash ?? GENESIS_HASH;
    const rows = items.map(({ actor, entry, at }) => {
      const row = {
        seq: ++seq,
        at,
        actorId: actor.userId,
        actorRole: actor.role,
        action: entry.action,
        resourceType: entry.resourceType,
        resourceId: entry.resourceId ?? null,
        workerId: entry.workerId ?? null,
        ip: actor.ip,
        outcome: entry.outcome ?? 'success',
        detail: entry.detail ?? null,
      };
      const hash = chainHash(this.key, prevHash, row);
      const chained = { ...row, prevHash, hash };
      prevHash = hash;
      return chained;
    });
    // insert, not save: save would first SELECT by the explicit primary key. (TypeORM types JSON columns narrowly.)
    await manager.insert(AuditEvent, rows as QueryDeepPartialEntity<AuditEvent>[]);
  }

  /** Audit search for administrators (the verification itself is audited too). */
  search(actor: Actor, query: AuditQueryDto): Promise<AuditEventDto[]> {
    return this.transactions.run(async (manager) => {
      const qb = manager.getRepository(AuditEvent).createQueryBuilder('a').orderBy('a.seq', 'DESC').limit(query.limit ?? 100);
      if (query.workerId) qb.andWhere('a.worker_id = :workerId', { workerId: query.workerId });
      if (query.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
      if (query.action) qb.andWhere('a.action = :action', { action: query.action });
      if (query.from) qb.andWhere('a.at >= :from', { from: new Date(query.from) });
      if (query.to) qb.andWhere('a.at < :to', { to: new Date(query.to) });
      if (query.before) qb.andWhere('a.seq < :before', { before: query.before });
      const rows = await qb.getMany();
      await this.record(manager, actor, { action: 'audit.search', resourceType: 'audit', detail: { results: rows.length } });
      return rows.map(toAuditEventDto);
    });
  }

  /** Rows about one worker by anyone but `exceptActorId`, newest first (the worker's access report). */
  aboutWorker(manager: EntityManager, workerId: string, exceptActorId: string, limit: number): Promise<AuditEvent[]> {
    return manager
      .getRepository(AuditEvent)
      .createQueryBuilder('a')
      .where('a.worker_id = :workerId', { workerId })
      .andWhere('(a.actor_id IS NULL OR a.actor_id <> :exceptActorId)', { exceptActorId })
      .orderBy('a.seq', 'DESC')
      .limit(limit)
      .getMany();
  }

  async verifyFor(actor: Actor): Promise<AuditVerificationDto> {
    const result = await this.transactions.read((manager) => this.verify(manager));
    await this.recordRead(actor, { action: 'audit.verify', resourceType: 'audit', outcome: result.break ? 'failure' : 'success' });
    return { intact: !result.break, rows: result.rows, brokenAt: result.break?.seq ?? null, reason: result.break?.reason ?? null };
  }

  /** Verifies the whole chain in pages, so memory stays flat on a large table. */
  async verify(manager: EntityManager, pageSize = 5000): Promise<{ rows: number; break: ChainBreak | null }> {
    let start = { seq: 0, hash: GENESIS_HASH };
    let rows = 0;
    for (;;) {
      const page = await manager
        .getRepository(AuditEvent)
        .createQueryBuilder('a')
        .where('a.seq > :after', { after: start.seq })
        .orderBy('a.seq', 'ASC')
        .limit(pageSize)
        .getMany();
      if (page.length === 0) return { rows, break: null };
      const broken = findChainBreak(this.key, page, start);
      if (broken) return { rows: rows + page.length, break: broken };
      rows += page.length;
      const last = page[page.length - 1];
      start = { seq: last.seq, hash: last.hash };
    }
  }
}
