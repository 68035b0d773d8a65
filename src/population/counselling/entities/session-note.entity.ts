import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { encrypted } from '../../../platform/crypto/field-cipher.js';
import { CreatedAtColumn, IdColumn, JsonColumn, TimestampColumn } from '../../../platform/database/columns.js';
import type { ConcernCode, CrisisLevel } from '../domain/concerns.js';
import { Appointment } from './appointment.entity.js';

/**
 * The counsellor's record of a session (咨询记录): free text encrypted at rest, presenting concerns as codes, and
 * whether a crisis case or a referral was started. Readable only by clinical staff in scope.
 */
@Entity('counselling_session_notes')
@Index('uq_counselling_session_notes_appointment', ['appointmentId'], { unique: true })
@Index('idx_counselling_session_notes_worker', ['workerId'])
export class SessionNote {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'appointment_id' })
  appointmentId: string;

  @ManyToOne(() => Appointment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'appointment_id' })
  appointment?: Appointment;

  @IdColumn({ name: 'worker_id' })
  workerId: string;

  @IdColumn({ name: 'counsellor_id' })
  counsellorId: string;

  @Column({ type: 'text', transformer: encrypted })
  notes: string;

  @JsonColumn()
  concerns: ConcernCode[];

  /** Set when the counsellor flagged a crisis (counselling.crisis_flagged was published). */
  @Column({ name: 'crisis_level', type: 'varchar', length: 10, nullable: true })
  crisisLevel: CrisisLevel | null;

  @Column({ name: 'referral_requested', type: 'boolean', default: false })
  referralRequested: boolean;

  @Column({ name: 'referral_note', type: 'text', nullable: true, transformer: encrypted })
  referralNote: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt: Date;
}
