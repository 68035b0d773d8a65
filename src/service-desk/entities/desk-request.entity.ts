import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { newRecordKey } from '../../platform/reporting/cell-key.js';
import { RecordKeyColumn } from '../../platform/reporting/record-key-column.js';
import { encrypted } from '../../platform/crypto/field-cipher.js';
import { CreatedAtColumn, IdColumn, TimestampColumn, UpdatedAtColumn } from '../../platform/database/columns.js';
import type { Category, Channel, Urgency } from '../domain/categories.js';
import type { RequestStatus } from '../domain/request-state.js';

export const REFERENCE_INDEX = 'uq_desk_requests_reference';

/**
 * A help request (职工诉求) from any channel: a 12351 call, a worker's online request, a walk-in. Caller details and
 * free text are encrypted at rest. `subjectUnitId` is whose request it is (the worker's unit, or for an anonymous
 * caller the unit that took the call): figures count by it. `handlingUnitId` is who must act now: routing sets it,
 * forwarding moves it. Deadline and supervision columns are kept current in the same transaction as every change.
 */
@Entity('desk_requests')
@Index(REFERENCE_INDEX, ['reference'], { unique: true })
/** Covers the queue's filter and order, so the page is chosen from the index alone (then 50 rows are read). */
@Index('idx_desk_requests_queue', ['handlingUnitId', 'status', 'nextDueAt', 'createdAt', 'id'])
@Index('idx_desk_requests_subject_created', ['subjectUnitId', 'createdAt'])
@Index('idx_desk_requests_worker_created', ['workerId', 'createdAt'])
@Index('idx_desk_requests_supervising', ['supervisingUnitId', 'status'])
export class DeskRequest {
  /** Fixed random key for the dashboards' cell-key perturbation (never read back, never changed). */
  @RecordKeyColumn()
  recordKey: number = newRecordKey();

  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** `XG-20261125-0042`: what the worker quotes. */
  @Column({ type: 'varchar', length: 24 })
  reference: string;

  @Column({ type: 'varchar', length: 20 })
  channel: Channel;

  @Column({ type: 'varchar', length: 40 })
  category: Category;

  @Column({ type: 'varchar', length: 12 })
  urgency: Urgency;

  @Column({ type: 'boolean', default: false })
  crisis: boolean;

  @Column({ type: 'varchar', length: 20 })
  status: RequestStatus;

  /** Null for an anonymous caller until linked to a worker profile. */
  @IdColumn({ name: 'worker_id', nullable: true })
  workerId: string | null;

  @Column({ name: 'caller_name', type: 'text', nullable: true, transformer: encrypted })
  callerName: string | null;

  @Column({ name: 'callback_number', type: 'text', nullable: true, transformer: encrypted })
  callbackNumber: string | null;

  @Column({ type: 'text', transformer: encrypted })
  summary: string;

  @IdColumn({ name: 'subject_unit_id' })
  subjectUnitId: string;

  @IdColumn({ name: 'handling_unit_id' })
  handlingUnitId: string;

  /** The user who logged it (the worker's own account for an online request). */
  @IdColumn({ name: 'created_by' })
  createdBy: string;

  @TimestampColumn({ name: 'answer_due_at', nullable: true })
  answerDueAt: Date | null;

  @TimestampColumn({ name: 'answered_at', nullable: true })
  answeredAt: Date | null;

  /** Seconds from receipt to answer (for figures: one column, no date arithmetic per dialect). */
  @Column({ name: 'answer_seconds', type: 'integer', nullable: true })
  answerSeconds: number | null;

  /** Set while a reply to the worker is owed. */
  @TimestampColumn({ name: 'reply_due_at', nullable: true })
  replyDueAt: Date | null;

  @TimestampColumn({ name: 'first_reply_at', nullable: true })
  firstReplyAt: Date | null;

  /** Set while a forwarded request must be resolved by the forward's deadline. */
  @TimestampColumn({ name: 'resolve_due_at', nullable: true })
  resolveDueAt: Date | null;

  /** The earliest unmet deadline: the queue's order, and when the next deadline check runs. */
  @TimestampColumn({ name: 'next_due_at', nullable: true })
  nextDueAt: Date | null;

  @TimestampColumn({ name: 'resolved_at', nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'resolve_seconds', type: 'integer', nullable: true })
  resolveSeconds: number | null;

  @TimestampColumn({ name: 'closed_at', nullable: true })
  closedAt: Date | null;

  /** Shown to the worker. */
  @Column({ type: 'text', nullable: true, transformer: encrypted })
  resolution: string | null;

  /** The worker's rating, 1–5. */
  @Column({ type: 'integer', nullable: true })
  satisfaction: number | null;

  @Column({ name: 'feedback_comment', type: 'text', nullable: true, transformer: encrypted })
  feedbackComment: string | null;

  @Column({ name: 'reopen_count', type: 'integer', default: 0 })
  reopenCount: number;

  /** Rows in the trail so far (the next row's `seq` is this plus one; the request row is locked while it grows). */
  @Column({ name: 'trail_length', type: 'integer', default: 0 })
  trailLength: number;

  @Column({ name: 'forward_count', type: 'integer', default: 0 })
  forwardCount: number;

  /** First time it went overdue (kept: figures count requests that were ever overdue). */
  @TimestampColumn({ name: 'overdue_at', nullable: true })
  overdueAt: Date | null;

  /** 0: not supervised; 1: supervised by the parent of the handling unit; +1 per escalation up the tree. */
  @Column({ name: 'supervision_level', type: 'integer', default: 0 })
  supervisionLevel: number;

  @IdColumn({ name: 'supervising_unit_id', nullable: true })
  supervisingUnitId: string | null;

  @TimestampColumn({ name: 'escalated_at', nullable: true })
  escalatedAt: Date | null;

  /** The crisis case opened for it in the individual tier (once that tier is on main). */
  @IdColumn({ name: 'crisis_case_id', nullable: true })
  crisisCaseId: string | null;

  /** When the retention job cleared its free text (RETENTION_DESK_TEXT_DAYS after closing); the row and figures stay. */
  @TimestampColumn({ name: 'text_removed_at', nullable: true })
  textRemovedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
