import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, TimestampColumn } from '../../../platform/database/columns.js';

/**
 * 值班表: a counsellor (or supervisor) on duty for a unit's crisis cases between two times. The unit's subtree is
 * covered too, unless a unit nearer the worker has someone on duty.
 */
@Entity('duty_shifts')
@Index('idx_duty_shifts_unit_ends', ['orgUnitId', 'endsAt'])
@Index('idx_duty_shifts_user', ['userId', 'startsAt'])
export class DutyShift {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'org_unit_id' })
  orgUnitId: string;

  @IdColumn({ name: 'user_id' })
  userId: string;

  @TimestampColumn({ name: 'starts_at' })
  startsAt: Date;

  @TimestampColumn({ name: 'ends_at' })
  endsAt: Date;

  @IdColumn({ name: 'created_by' })
  createdBy: string;

  @CreatedAtColumn()
  createdAt: Date;
}
