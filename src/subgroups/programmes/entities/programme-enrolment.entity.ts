import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, TimestampColumn } from '../../../platform/database/columns.js';
import type { EnrolmentStatus } from '../domain/programme-rules.js';

export type EnrolmentSource = 'bulk' | 'auto';

/**
 * A worker in a programme. The key (programme, worker) makes enrolment idempotent: bulk and automatic enrolment
 * insert set-wise and skip workers already there, whatever their status (a declined worker is not invited again).
 */
@Entity('programme_enrolments')
@Index('idx_programme_enrolments_status', ['programmeId', 'status', 'workerId'])
@Index('idx_programme_enrolments_worker', ['workerId'])
// The programme-participation dashboard: invitations of a year.
@Index('idx_programme_enrolments_report', ['createdAt', 'workerId', 'status'])
export class ProgrammeEnrolment {
  @PrimaryColumn({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @PrimaryColumn({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  /** The worker's unit when enrolled. */
  @IdColumn({ name: 'org_unit_id' })
  orgUnitId: string;

  @Column({ type: 'varchar', length: 12 })
  status: EnrolmentStatus;

  @Column({ type: 'varchar', length: 8 })
  source: EnrolmentSource;

  /** When the invitation reached the worker's inbox; null until then, or for workers without an account. */
  @TimestampColumn({ name: 'invitation_sent_at', nullable: true })
  invitationSentAt: Date | null;

  /** When the worker accepted or declined (or staff withdrew, or the programme closed). */
  @TimestampColumn({ name: 'status_changed_at', nullable: true })
  statusChangedAt: Date | null;

  @IdColumn({ name: 'status_changed_by', nullable: true })
  statusChangedBy: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
