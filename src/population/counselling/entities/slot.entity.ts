import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, TimestampColumn } from '../../../platform/database/columns.js';
import type { SessionMode, SlotStatus } from '../domain/appointment-rules.js';

/**
 * A counsellor's published availability. Whether it is taken is not stored here: the appointment that holds it
 * does (`counselling_appointments.held_slot_id`, unique), so a slot cannot be held twice even under a race.
 */
@Entity('counselling_slots')
@Index('idx_counselling_slots_counsellor_starts', ['counsellorId', 'startsAt'])
@Index('idx_counselling_slots_unit_starts', ['orgUnitId', 'startsAt'])
export class CounsellingSlot {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'counsellor_id' })
  counsellorId: string;

  /** The counsellor's unit: workers of its subtree may book. */
  @IdColumn({ name: 'org_unit_id' })
  orgUnitId: string;

  @TimestampColumn({ name: 'starts_at' })
  startsAt: Date;

  @TimestampColumn({ name: 'ends_at' })
  endsAt: Date;

  @Column({ type: 'varchar', length: 10 })
  mode: SessionMode;

  /** Where, for `in_person`. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  place: string | null;

  @Column({ type: 'varchar', length: 10, default: 'open' })
  status: SlotStatus;

  @CreatedAtColumn()
  createdAt: Date;
}
