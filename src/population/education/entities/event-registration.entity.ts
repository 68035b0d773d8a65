import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, TimestampColumn } from '../../../platform/database/columns.js';
import type { RegistrationStatus } from '../domain/registration-rules.js';
import { EducationEvent } from './education-event.entity.js';

/** A worker's place at an event: seated, waiting, cancelled or attended, with their feedback after attending. */
@Entity('edu_event_registrations')
@Index('uq_edu_registrations_event_worker', ['eventId', 'workerId'], { unique: true })
@Index('idx_edu_registrations_event_status_position', ['eventId', 'status', 'position'])
@Index('idx_edu_registrations_worker', ['workerId'])
@Index('idx_edu_registrations_unit_event', ['orgUnitId', 'eventId'])
export class EventRegistration {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'event_id' })
  eventId: string;

  @ManyToOne(() => EducationEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: EducationEvent;

  @IdColumn({ name: 'worker_id' })
  workerId: string;

  /** The worker's unit when registering (reports attribute by it). */
  @IdColumn({ name: 'org_unit_id' })
  orgUnitId: string;

  @Column({ type: 'varchar', length: 12 })
  status: RegistrationStatus;

  /** Order of (re)joining, per event: the waiting list is served lowest first. */
  @Column({ type: 'integer' })
  position: number;

  @TimestampColumn({ name: 'checked_in_at', nullable: true })
  checkedInAt: Date | null;

  @IdColumn({ name: 'checked_in_by', nullable: true })
  checkedInBy: string | null;

  /** 1–5, given after attending. */
  @Column({ type: 'integer', nullable: true })
  rating: number | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  comment: string | null;

  @TimestampColumn({ name: 'feedback_at', nullable: true })
  feedbackAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}
