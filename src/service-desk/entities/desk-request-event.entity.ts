import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encrypted } from '../../platform/crypto/field-cipher.js';
import { CreatedAtColumn, IdColumn, JsonColumn, TimestampColumn } from '../../platform/database/columns.js';
import type { RequestStatus } from '../domain/request-state.js';

export const TRAIL_KINDS = [
  'received',
  'routed',
  'acknowledged',
  'replied',
  'note',
  'triaged',
  'linked',
  'crisis_reported',
  'crisis_case_opened',
  'forwarded',
  'forward_accepted',
  'forward_returned',
  'supervised',
  'escalated',
  'resolved',
  'closed',
  'rated',
  'reopened',
] as const;
export type TrailKind = (typeof TRAIL_KINDS)[number];

/** Kinds the worker sees in their own view (with the text only for replies and the resolution). */
export const WORKER_VISIBLE_KINDS: readonly TrailKind[] = ['received', 'acknowledged', 'replied', 'forwarded', 'forward_accepted', 'resolved', 'closed', 'rated', 'reopened'];

/**
 * The trail of a request (办理记录): one row per thing that happened to it (every forward, reply, return,
 * supervision and status change), written in the same transaction as the change. Free text (a reply, an internal
 * note, a forward's instructions, a return's reason) is encrypted at rest. Rows are only ever appended.
 */
@Entity('desk_request_events')
@Index('uq_desk_request_events_request_seq', ['requestId', 'seq'], { unique: true })
export class DeskRequestEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'request_id' })
  requestId: string;

  /** Position in the request's trail (1, 2, …): many rows share one instant, so time alone cannot order them. */
  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 30 })
  kind: TrailKind;

  /** Null for the system (a deadline check). */
  @IdColumn({ name: 'actor_id', nullable: true })
  actorId: string | null;

  @Column({ name: 'from_status', type: 'varchar', length: 20, nullable: true })
  fromStatus: RequestStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 20, nullable: true })
  toStatus: RequestStatus | null;

  @IdColumn({ name: 'from_unit_id', nullable: true })
  fromUnitId: string | null;

  @IdColumn({ name: 'to_unit_id', nullable: true })
  toUnitId: string | null;

  @Column({ type: 'text', nullable: true, transformer: encrypted })
  body: string | null;

  /** A reply (or the resolution) the worker reads; internal notes and reasons never are. */
  @Column({ name: 'to_worker', type: 'boolean', default: false })
  toWorker: boolean;

  @TimestampColumn({ name: 'due_at', nullable: true })
  dueAt: Date | null;

  /** Ids and codes only (e.g. overdue obligations, the routing rule applied). */
  @JsonColumn({ nullable: true })
  detail: Record<string, unknown> | null;

  @CreatedAtColumn()
  createdAt: Date;
}
