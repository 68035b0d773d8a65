import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, TimestampColumn } from '../../../platform/database/columns.js';

/** `new`: a profile made at joining; `phone`: the verified number was on a roster, so that profile was linked. */
export const JOIN_MATCHES = ['new', 'phone'] as const;
export type JoinMatch = (typeof JOIN_MATCHES)[number];

/** `linked` needs no decision (the roster already has them); `pending` waits in the unit's queue. */
export const JOIN_REQUEST_STATES = ['pending', 'confirmed', 'declined', 'linked'] as const;
export type JoinRequestState = (typeof JOIN_REQUEST_STATES)[number];

/** One self-join, and the union's decision on membership (入会确认). */
@Entity('join_requests')
@Index('idx_join_requests_unit_status', ['orgUnitId', 'status', 'createdAt'])
export class JoinRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('idx_join_requests_worker')
  @IdColumn({ name: 'worker_id' })
  workerId: string;

  @IdColumn({ name: 'org_unit_id' })
  orgUnitId: string;

  @IdColumn({ name: 'join_link_id' })
  joinLinkId: string;

  @Column({ type: 'varchar', length: 10 })
  matched: JoinMatch;

  /** A roster profile in the same unit with the employee number the person gave: staff check and merge if same. */
  @IdColumn({ name: 'possible_duplicate_of', nullable: true })
  possibleDuplicateOf: string | null;

  @Column({ type: 'varchar', length: 20 })
  status: JoinRequestState;

  @IdColumn({ name: 'decided_by', nullable: true })
  decidedBy: string | null;

  @TimestampColumn({ name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
