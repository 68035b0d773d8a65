import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Worker } from '../../../people/workers/worker.entity.js';
import { encrypted } from '../../../platform/crypto/field-cipher.js';
import { CreatedAtColumn, IdColumn, TimestampColumn, UpdatedAtColumn } from '../../../platform/database/columns.js';
import type { CrisisLevel } from '../../shared/levels.js';
import type { CaseSource } from '../domain/case-sources.js';
import type { CaseState } from '../domain/case-state.js';

/**
 * 心理危机个案: one crisis case of one worker. Opened exactly once per source (the unique index on source type and id:
 * an assessment result, a counselling appointment, a service-desk request), triaged by level with a response
 * deadline, assigned to an on-duty counsellor, and escalated through the job queue until someone acknowledges it.
 */
@Entity('crisis_cases')
@Index('uq_crisis_cases_source', ['sourceType', 'sourceId'], { unique: true })
// The queue reads in (queue_rank, due_at, id) order straight off these, so a page stops after its rows: active cases;
// one state; one assignee's. A worker's cases for the record.
@Index('idx_crisis_cases_active_queue', ['active', 'queueRank', 'dueAt', 'id'])
@Index('idx_crisis_cases_state_queue', ['state', 'queueRank', 'dueAt', 'id'])
@Index('idx_crisis_cases_assignee_queue', ['assigneeId', 'active', 'queueRank', 'dueAt', 'id'])
@Index('idx_crisis_cases_worker', ['workerId', 'createdAt'])
// The crisis dashboard: cases opened in a year.
@Index('idx_crisis_cases_report', ['createdAt', 'workerId'])
export class CrisisCase {
  /** Set by the service (an INSERT that ignores a duplicate source needs the id up front). */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @IdColumn({ name: 'worker_id' })
  workerId: string;

  @ManyToOne(() => Worker, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'worker_id' })
  worker?: Worker;

  /** The worker's unit when the case opened: where assignment and escalation start. */
  @IdColumn({ name: 'org_unit_id' })
  orgUnitId: string;

  @Column({ type: 'varchar', length: 10 })
  level: CrisisLevel;

  @Column({ type: 'varchar', length: 20 })
  state: CaseState;

  /** False once closed: the queue reads active cases by deadline through one index. */
  @Column({ type: 'boolean' })
  active: boolean;

  /** Unacknowledged first by urgency (0–2), then the rest (3); see queue-rank.ts. Set with every state or level change. */
  @Column({ name: 'queue_rank', type: 'integer', default: 3 })
  queueRank: number;

  /** When the case must be acknowledged (from the level; see deadlines.ts). */
  @TimestampColumn({ name: 'due_at' })
  dueAt: Date;

  @IdColumn({ name: 'assignee_id', nullable: true })
  assigneeId: string | null;

  @Column({ name: 'source_type', type: 'varchar', length: 20 })
  sourceType: CaseSource;

  /** The result, appointment or request that opened it; null when opened by hand or by a worker's request for help. */
  @Column({ name: 'source_id', type: 'varchar', length: 64, nullable: true })
  sourceId: string | null;

  /** Why it was opened, in the words of whoever opened it (encrypted). */
  @Column({ type: 'text', nullable: true, transformer: encrypted })
  summary: string | null;

  /** The case's own notes on reaching the worker (best time to call, who answers), encrypted. */
  @Column({ name: 'contact_note', type: 'text', nullable: true, transformer: encrypted })
  contactNote: string | null;

  /** The user who opened it; null when the system did (an event). */
  @IdColumn({ name: 'opened_by', nullable: true })
  openedBy: string | null;

  @TimestampColumn({ name: 'acknowledged_at', nullable: true })
  acknowledgedAt: Date | null;

  @IdColumn({ name: 'acknowledged_by', nullable: true })
  acknowledgedBy: string | null;

  /** Escalations so far, and the unit whose supervisors the last one reached. */
  @Column({ name: 'escalation_step', type: 'integer', default: 0 })
  escalationStep: number;

  @IdColumn({ name: 'escalated_unit_id', nullable: true })
  escalatedUnitId: string | null;

  /** When the pending escalation check runs: the deadline, then one more deadline per escalation; null once acknowledged. */
  @TimestampColumn({ name: 'next_escalation_at', nullable: true })
  nextEscalationAt: Date | null;

  @TimestampColumn({ name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
