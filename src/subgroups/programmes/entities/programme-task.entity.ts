import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encrypted } from '../../../platform/crypto/field-cipher.js';
import { CreatedAtColumn, IdColumn, TimestampColumn } from '../../../platform/database/columns.js';
import type { TaskKind, TaskOutcome, TaskStatus } from '../domain/programme-rules.js';

/** Work an activity gives its responsible counsellor: one check-in per enrolled worker, or one task per activity. */
@Entity('programme_tasks')
@Index('idx_programme_tasks_assignee', ['assigneeId', 'status', 'dueAt'])
@Index('uq_programme_tasks_activity_worker', ['activityId', 'workerId'], { unique: true })
export class ProgrammeTask {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'programme_id' })
  programmeId: string;

  @IdColumn({ name: 'activity_id' })
  activityId: string;

  @IdColumn({ name: 'assignee_id' })
  assigneeId: string;

  /** The worker to check in with; null for a task about the whole activity. */
  @IdColumn({ name: 'worker_id', nullable: true })
  workerId: string | null;

  @Column({ type: 'varchar', length: 20 })
  kind: TaskKind;

  @TimestampColumn({ name: 'due_at' })
  dueAt: Date;

  @Column({ type: 'varchar', length: 10, default: 'open' })
  status: TaskStatus;

  @Column({ type: 'varchar', length: 12, nullable: true })
  outcome: TaskOutcome | null;

  /** The counsellor's note, encrypted at rest. */
  @Column({ type: 'text', nullable: true, transformer: encrypted })
  note: string | null;

  @TimestampColumn({ name: 'completed_at', nullable: true })
  completedAt: Date | null;

  @IdColumn({ name: 'completed_by', nullable: true })
  completedBy: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
