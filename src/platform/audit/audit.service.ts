import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { Clock } from '../clock/clock.js';
import { dbTime, param } from '../database/db-time.js';
import { DIALECT } from '../database/dialect.js';
import { Transactions } from '../database/transactions.js';
import type { AppConfig } from '../config/app-config.js';
import { rowMac } from './audit-chain.js';
import { AuditKeyring } from './audit-keyring.js';
import { AuditEvent, type AuditOutcome } from './audit-event.entity.js';
import type { AuditEventDto, AuditQueryDto, AuditVerificationDto } from './audit.dto.js';
import { AuditVerifier } from './audit-verifier.service.js';

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

const INSERT_COLUMNS = ['seq', 'at', 'actor_id', 'actor_role', 'action', 'resource_type', 'resource_id', 'worker_id', 'ip', 'outcome', 'detail', 'key_id', 'mac'];

interface PendingRow {
  actor: Actor;
  entry: AuditEntry;
  at: Date;
}

/**
 * Writes audit rows. Each row gets its `seq` from the database and its own MAC at insert, in the caller's
 * transaction and without any lock shared across the cluster; AuditSequencer links committed rows into the chain
 * afterwards (a Certificate Transparency log's split between accepting an entry and integrating it).
 */
@Injectable()
export class AuditService {
  private readonly keys: AuditKeyring;

  /** Rows recorded in an open transaction, inserted together just before it commits. */
  private readonly deferred = new WeakMap<QueryRunner, PendingRow[]>();

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
    @InjectDataSource() dataSource: DataSource,
    private readonly verifier: AuditVerifier,
  ) {
    this.keys = AuditKeyring.fromConfig(config);
    dataSource.subscribers.push({
      beforeTransactionCommit: (event) => this.flushDeferred(event.queryRunner),
      afterTransactionRollback: (event) => void this.deferred.delete(event.queryRunner),
    });
  }

  /**
   * Records in the caller's transaction: the row commits or rolls back with the change. Rows of one transaction are
   * inserted together just before its COMMIT (one statement however many).
   */
  async record(manager: EntityManager, actor: Actor, entry: AuditEntry): Promise<void> {
    const row = { actor, entry, at: this.clock.now() };
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) return this.transactions.run((m) => this.insert(m, [row]));
    const rows = this.deferred.get(runner) ?? [];
    rows.push(row);
    this.deferred.set(runner, rows);
  }

  private async flushDeferred(runner: QueryRunner): Promise<void> {
    const rows = this.deferred.get(runner);
    if (!rows || rows.length === 0) return;
    this.deferred.delete(runner);
    await this.insert(runner.manager, rows);
  }

  /**
   * Audits a pure read (no change to commit with it). Concurrent reads are group-committed: their rows go into one
   * transaction and one INSERT, and each read's promise resolves only once its row is durable, so no data is
   * returned before its disclosure is on the record.
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
          await this.transactions.run((manager) => this.insert(manager, batch));
          for (const item of batch) item.resolve();
        } catch (error) {
          for (const item of batch) item.reject(error);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  /**
   * Inserts rows with their seq and MAC: one statement to draw the seqs (PostgreSQL's sequence, which never waits
   * for another transaction; SQLite's single writer), one INSERT. The MAC covers the seq, so a row cannot be moved.
   */
  private async insert(manager: EntityManager, items: PendingRow[]): Promise<void> {
    const seqs = await nextSeqs(manager, items.length);
    const values: unknown[] = [];
    for (const [i, { actor, entry, at }] of items.entries()) {
      const row = {
        seq: seqs[i],
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
      const { seq, actorId, actorRole, action, resourceType, resourceId, workerId, ip, outcome, detail } = row;
      values.push(seq, dbTime(at), actorId, actorRole, action, resourceType, resourceId, workerId, ip, outcome, detail === null ? null : JSON.stringify(detail), this.keys.currentId, rowMac(this.keys.current, row));
    }
    // Raw, not manager.insert: TypeORM leaves a generated key out of its INSERT, and the MAC covers the seq drawn.
    const tuples = items.map((_, i) => `(${INSERT_COLUMNS.map((__, j) => param(i * INSERT_COLUMNS.length + j + 1)).join(', ')})`);
    await manager.query(`INSERT INTO audit_events (${INSERT_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`, values);
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

  /** POST /audit/verify: links what has committed, then checks every row, the chain and the checkpoints. */
  async verifyFor(actor: Actor): Promise<AuditVerificationDto> {
    const result = await this.verifier.verify();
    await this.recordRead(actor, { action: 'audit.verify', resourceType: 'audit', outcome: result.intact ? 'success' : 'failure' });
    return result;
  }
}

/** `count` new seqs, in order, inside the caller's transaction. */
async function nextSeqs(manager: EntityManager, count: number): Promise<number[]> {
  if (DIALECT === 'postgres') {
    const rows = await manager.query<Array<{ seq: string }>>(
      `SELECT nextval(pg_get_serial_sequence('audit_events', 'seq')) AS seq FROM generate_series(1, $1)`,
      [count],
    );
    return rows.map((row) => Number(row.seq)).sort((a, b) => a - b);
  }
  // SQLite: one writer at a time, so the AUTOINCREMENT high-water mark cannot move under us (it never reuses a seq).
  const [mark] = await manager.query<Array<{ seq: number }>>(`SELECT seq FROM sqlite_sequence WHERE name = 'audit_events'`);
  const from = Number(mark?.seq ?? 0);
  return Array.from({ length: count }, (_, i) => from + i + 1);
}
