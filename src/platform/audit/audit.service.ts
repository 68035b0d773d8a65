import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
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

/** Any constant: the PostgreSQL advisory lock that serialises appends to the chain across app instances. */
const AUDIT_CHAIN_LOCK = 7_274_626_001;

@Injectable()
export class AuditService {
  private readonly key: string;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
  ) {
    this.key = config.get('AUDIT_KEY', { infer: true });
  }

  /** Appends to the chain inside the caller's transaction, so the row commits or rolls back with the change. */
  async record(manager: EntityManager, actor: Actor, entry: AuditEntry): Promise<void> {
    if (DIALECT === 'postgres') await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    const last = await manager
      .getRepository(AuditEvent)
      .createQueryBuilder('a')
      .select(['a.seq', 'a.hash'])
      .orderBy('a.seq', 'DESC')
      .limit(1)
      .getOne();
    const row = {
      seq: (last?.seq ?? 0) + 1,
      at: this.clock.now(),
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
    const prevHash = last?.hash ?? GENESIS_HASH;
    // insert, not save: save would first SELECT by the explicit primary key. (TypeORM types JSON columns narrowly.)
    await manager.insert(AuditEvent, { ...row, prevHash, hash: chainHash(this.key, prevHash, row) } as QueryDeepPartialEntity<AuditEvent>);
  }

  /** An audited event with no other change to commit with it (a read, a refused attempt). */
  recordAlone(actor: Actor, entry: AuditEntry): Promise<void> {
    return this.transactions.run((manager) => this.record(manager, actor, entry));
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

  async verifyFor(actor: Actor): Promise<AuditVerificationDto> {
    const result = await this.transactions.read((manager) => this.verify(manager));
    await this.recordAlone(actor, { action: 'audit.verify', resourceType: 'audit', outcome: result.break ? 'failure' : 'success' });
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
