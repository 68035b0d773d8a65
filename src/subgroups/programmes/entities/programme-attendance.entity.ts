import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn } from '../../../platform/database/columns.js';

export type AttendanceStatus = 'present' | 'absent';

/** Who came to a group session or was reached by a check-in; the key (activity, worker) serves participation counts. */
@Entity('programme_attendance')
@Index('idx_programme_attendance_worker', ['workerId'])
export class ProgrammeAttendance {
  @PrimaryColumn({ name: 'activity_id', type: 'uuid' })
  activityId: string;

  @PrimaryColumn({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  @IdColumn({ name: 'programme_id' })
  programmeId: string;

  @Column({ type: 'varchar', length: 8 })
  status: AttendanceStatus;

  @IdColumn({ name: 'recorded_by' })
  recordedBy: string;

  @CreatedAtColumn()
  createdAt: Date;
}
