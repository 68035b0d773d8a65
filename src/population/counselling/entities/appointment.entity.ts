import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, TimestampColumn } from '../../../platform/database/columns.js';
import type { AppointmentStatus, SessionMode } from '../domain/appointment-rules.js';
import { CounsellingSlot } from './slot.entity.js';

export const HELD_SLOT_INDEX = 'uq_counselling_appointments_held_slot';

/**
 * A worker's booking of a slot. Time, mode and place are copied from the slot so a counsellor's calendar is one
 * indexed range scan. Rescheduling closes this row (`rescheduled`) and opens a new one that points back to it.
 */
@Entity('counselling_appointments')
@Index(HELD_SLOT_INDEX, ['heldSlotId'], { unique: true })
@Index('idx_counselling_appointments_counsellor_starts', ['counsellorId', 'startsAt'])
@Index('idx_counselling_appointments_worker_starts', ['workerId', 'startsAt'])
@Index('idx_counselling_appointments_slot', ['slotId'])
// The counselling-use dashboard: appointments of a year.
@Index('idx_counselling_appointments_report', ['startsAt', 'workerId', 'status'])
export class Appointment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'slot_id' })
  slotId: string;

  @ManyToOne(() => CounsellingSlot, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'slot_id' })
  slot?: CounsellingSlot;

  /**
   * The slot while this appointment holds it (booked, attended, no-show); NULL once cancelled or moved. Unique:
   * the database refuses a second holder, which is what makes double booking impossible.
   */
  @IdColumn({ name: 'held_slot_id', nullable: true })
  heldSlotId: string | null;

  @IdColumn({ name: 'worker_id' })
  workerId: string;

  /** The worker's unit when booking. */
  @IdColumn({ name: 'org_unit_id' })
  orgUnitId: string;

  @IdColumn({ name: 'counsellor_id' })
  counsellorId: string;

  @TimestampColumn({ name: 'starts_at' })
  startsAt: Date;

  @TimestampColumn({ name: 'ends_at' })
  endsAt: Date;

  @Column({ type: 'varchar', length: 10 })
  mode: SessionMode;

  @Column({ type: 'varchar', length: 300, nullable: true })
  place: string | null;

  @Column({ type: 'varchar', length: 12 })
  status: AppointmentStatus;

  @IdColumn({ name: 'booked_by' })
  bookedBy: string;

  @IdColumn({ name: 'cancelled_by', nullable: true })
  cancelledBy: string | null;

  @TimestampColumn({ name: 'cancelled_at', nullable: true })
  cancelledAt: Date | null;

  @IdColumn({ name: 'rescheduled_from_id', nullable: true })
  rescheduledFromId: string | null;

  @IdColumn({ name: 'rescheduled_to_id', nullable: true })
  rescheduledToId: string | null;

  @IdColumn({ name: 'attendance_marked_by', nullable: true })
  attendanceMarkedBy: string | null;

  @TimestampColumn({ name: 'attendance_marked_at', nullable: true })
  attendanceMarkedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}
