import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PreparedRead } from '../../platform/database/prepared-read.js';
import { PreparedQuery } from '../../platform/database/prepared-query.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { Clock } from '../../platform/clock/clock.js';
import { forUpdate, num } from '../../platform/database/sql-helpers.js';
import { Transactions } from '../../platform/database/transactions.js';
import { badRequest, DomainError } from '../../platform/errors/domain-error.js';
import { DomainEvents } from '../../platform/jobs/domain-events.js';
import { AccessScope } from '../access/access-scope.service.js';
import { userNamesOf } from '../names.js';
import type { ConsentEventDto, ConsentsDto, ConsentStateDto, RecordConsentDto } from './consent.dto.js';
import { Consent, type ConsentPurpose } from './consent.entity.js';
import { Worker } from '../workers/worker.entity.js';
import { CONSENT_CHANGED, type ConsentChangedEvent } from './consent-events.js';

const PURPOSE_ZH: Record<ConsentPurpose, string> = {
  assessment: '心理测评',
  counselling: '心理咨询',
  eap_referral: 'EAP 转介',
  research: '研究',
};

/** 403 with a code naming the purpose, e.g. CONSENT_REQUIRED_ASSESSMENT. */
export const consentRequired = (purpose: ConsentPurpose, recipientId?: string) =>
  new DomainError(
    403,
    `CONSENT_REQUIRED_${purpose.toUpperCase()}`,
    `职工尚未同意“${PURPOSE_ZH[purpose]}”用途的个人信息处理`,
    `The worker has not consented to ${purpose}${recipientId ? ` for ${recipientId}` : ''}`,
    { purpose, ...(recipientId ? { recipientId } : {}) },
  );

const toEventDto = (c: Consent, recordedByName: string | null): ConsentEventDto => ({
  id: c.id,
  purpose: c.purpose,
  recipientId: c.recipientId || null,
  granted: c.granted,
  onPaper: c.onPaper,
  recordedBy: c.recordedBy,
  recordedByName,
  note: c.note,
  at: c.createdAt.toISOString(),
});

/** Separate consent per purpose (PIPL): every module asks here before it processes a worker's data. */
/** The latest consent of a worker for a purpose (and recipient): checked on every submit, so prepared (one index range). */
const LATEST_CONSENT = new PreparedQuery<{ granted: boolean | number }>(
  `SELECT c.granted AS granted FROM consents c
   WHERE c.worker_id = :workerId AND c.purpose = :purpose AND c.recipient_id = :recipientId ORDER BY c.seq DESC LIMIT 1`,
);
const HISTORY = new PreparedRead(Consent, 'e.worker_id = :workerId ORDER BY e.seq DESC');

@Injectable()
export class ConsentsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  record(actor: Actor, workerId: string, input: RecordConsentDto): Promise<ConsentEventDto> {
    return this.transactions.run(async (manager) => {
      await this.scope.requireWorker(manager, actor, workerId);
      return this.recordWithin(manager, actor, workerId, input);
    });
  }

  /**
   * In the caller's transaction, for a flow that already resolved the worker (self-join records the new member's
   * consents with their profile): the same row, audit and event as `record`.
   */
  async recordWithin(manager: EntityManager, actor: Actor, workerId: string, input: RecordConsentDto): Promise<ConsentEventDto> {
    this.validate(actor, input);
    const consent = manager.create(Consent, {
      seq: await this.nextSeq(manager, workerId),
      workerId,
      purpose: input.purpose,
      recipientId: input.recipientId ?? '',
      granted: input.granted,
      recordedBy: actor.userId,
      onPaper: actor.role !== 'worker' && input.onPaper === true,
      note: input.note ?? null,
      createdAt: this.clock.now(),
    });
    await manager.save(consent);
    await this.audit.record(manager, actor, {
      action: input.granted ? 'consent.grant' : 'consent.withdraw',
      resourceType: 'consent',
      resourceId: consent.id,
      workerId,
      detail: { purpose: input.purpose, recipientId: input.recipientId ?? null, onPaper: consent.onPaper },
    });
    const changed: ConsentChangedEvent = { workerId, purpose: input.purpose, recipientId: input.recipientId ?? null, granted: input.granted };
    await this.events.publish(manager, CONSENT_CHANGED, { ...changed });
    return toEventDto(consent, (await userNamesOf(manager, [actor.userId])).get(actor.userId) ?? null);
  }

  async list(actor: Actor, workerId: string): Promise<ConsentsDto> {
    const consents = await this.transactions.read(async (manager) => {
      await this.scope.requireWorker(manager, actor, workerId);
      return this.history(manager, workerId);
    });
    await this.audit.recordRead(actor, { action: 'consent.read', resourceType: 'consent', workerId });
    return consents;
  }

  /** Exported: the consents of a worker the caller has already been allowed to see. */
  async history(manager: EntityManager, workerId: string): Promise<ConsentsDto> {
    const rows = await HISTORY.many(manager, { workerId });
    const current = new Map<string, ConsentStateDto>();
    for (const row of rows) {
      const key = `${row.purpose}|${row.recipientId}`;
      if (!current.has(key)) current.set(key, { purpose: row.purpose, recipientId: row.recipientId || null, granted: row.granted, since: row.createdAt.toISOString() });
    }
    const names = await userNamesOf(manager, rows.map((r) => r.recordedBy));
    return { current: [...current.values()], history: rows.map((r) => toEventDto(r, names.get(r.recordedBy) ?? null)) };
  }

  async isGranted(manager: EntityManager, workerId: string, purpose: ConsentPurpose, recipientId = ''): Promise<boolean> {
    const [latest] = await LATEST_CONSENT.rows(manager, { workerId, purpose, recipientId });
    return latest !== undefined && (latest.granted === true || latest.granted === 1);
  }

  /**
   * The worker's next consent number. On PostgreSQL the worker's row is locked first, so two consents recorded at
   * once are numbered one after the other (SQLite runs writes one at a time already).
   */
  private async nextSeq(manager: EntityManager, workerId: string): Promise<number> {
    await forUpdate(manager.createQueryBuilder(Worker, 'w').select('w.id').where('w.id = :workerId', { workerId })).getOne();
    const row = await manager.createQueryBuilder(Consent, 'c').select('MAX(c.seq)', 'last').where('c.worker_id = :workerId', { workerId }).getRawOne<{ last: unknown }>();
    return num(row?.last) + 1;
  }

  /** Throws 403 CONSENT_REQUIRED_<PURPOSE> unless the worker's standing consent is a grant. */
  async require(manager: EntityManager, workerId: string, purpose: ConsentPurpose, recipientId?: string): Promise<void> {
    if (!(await this.isGranted(manager, workerId, purpose, recipientId ?? ''))) throw consentRequired(purpose, recipientId);
  }

  private validate(actor: Actor, input: RecordConsentDto): void {
    if (input.purpose === 'eap_referral' && !input.recipientId) {
      throw badRequest('RECIPIENT_REQUIRED', 'EAP 转介同意须指定服务机构（recipientId）', 'eap_referral consent needs recipientId (the vendor)');
    }
    if (input.purpose !== 'eap_referral' && input.recipientId) {
      throw badRequest('RECIPIENT_NOT_ALLOWED', '只有 EAP 转介同意需要指定接收方', 'Only eap_referral consent takes a recipientId');
    }
    if (actor.role !== 'worker' && input.granted && input.onPaper !== true) {
      throw badRequest(
        'ON_PAPER_REQUIRED',
        '工作人员只能登记职工书面给出的同意（onPaper: true）',
        'Staff may only record consent the worker gave on paper (onPaper: true)',
      );
    }
  }
}
