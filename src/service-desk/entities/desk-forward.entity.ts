import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encrypted } from '../../platform/crypto/field-cipher.js';
import { CreatedAtColumn, IdColumn, TimestampColumn } from '../../platform/database/columns.js';

export const FORWARD_STATUSES = ['pending', 'accepted', 'returned'] as const;
export type ForwardStatus = (typeof FORWARD_STATUSES)[number];

/** A forward (转办) from one unit to another, with a deadline and instructions; accepted or returned with a reason. */
@Entity('desk_forwards')
@Index('uq_desk_forwards_request_position', ['requestId', 'position'], { unique: true })
@Index('idx_desk_forwards_to_status', ['toUnitId', 'status'])
export class DeskForward {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'request_id' })
  requestId: string;

  /** 1 for the request's first forward, 2 for the next… (many happen within one instant in tests and batch work). */
  @Column({ type: 'integer' })
  position: number;

  @IdColumn({ name: 'from_unit_id' })
  fromUnitId: string;

  @IdColumn({ name: 'to_unit_id' })
  toUnitId: string;

  @Column({ type: 'text', transformer: encrypted })
  instructions: string;

  /** The receiving unit is to resolve the request by then. */
  @TimestampColumn({ name: 'due_at' })
  dueAt: Date;

  @Column({ type: 'varchar', length: 10 })
  status: ForwardStatus;

  @Column({ name: 'return_reason', type: 'text', nullable: true, transformer: encrypted })
  returnReason: string | null;

  @IdColumn({ name: 'forwarded_by' })
  forwardedBy: string;

  @IdColumn({ name: 'decided_by', nullable: true })
  decidedBy: string | null;

  @TimestampColumn({ name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}
