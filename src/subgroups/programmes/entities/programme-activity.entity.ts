import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, JsonColumn, TimestampColumn } from '../../../platform/database/columns.js';
import type { ActivityKind, ActivityStatus, ScreeningPhase } from '../domain/programme-rules.js';

/**
 * One step of a programme's plan, on its schedule: a screening (a campaign through the assessments module), linked
 * education (an existing course or event), a group session or individual check-ins. When due, it produces tasks for
 * its responsible counsellor and tells the enrolled workers.
 */
@Entity('programme_activities')
@Index('idx_programme_activities_programme', ['programmeId', 'scheduledAt'])
export class ProgrammeActivity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'programme_id' })
  programmeId: string;

  @Column({ type: 'varchar', length: 15 })
  kind: ActivityKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @TimestampColumn({ name: 'scheduled_at' })
  scheduledAt: Date;

  /** The counsellor or supervisor its tasks go to (their scope holds the programme's unit). */
  @IdColumn({ name: 'responsible_id' })
  responsibleId: string;

  @Column({ type: 'varchar', length: 10, default: 'scheduled' })
  status: ActivityStatus;

  /** Screening: instruments, phase (baseline/follow-up) and the campaign created for it. */
  @JsonColumn({ name: 'instrument_codes', nullable: true })
  instrumentCodes: string[] | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  phase: ScreeningPhase | null;

  @IdColumn({ name: 'campaign_id', nullable: true })
  campaignId: string | null;

  /** Education: the linked course or event. */
  @IdColumn({ name: 'course_id', nullable: true })
  courseId: string | null;

  @IdColumn({ name: 'event_id', nullable: true })
  eventId: string | null;

  @IdColumn({ name: 'created_by' })
  createdBy: string;

  @CreatedAtColumn()
  createdAt: Date;
}
