import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn } from '../../../platform/database/columns.js';
import { Meeting } from './meeting.entity.js';

export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

@Entity('peer_group_attendance')
@Index('uq_peer_group_attendance_meeting_member', ['meetingId', 'memberId'], { unique: true })
@Index('idx_peer_group_attendance_member', ['memberId'])
export class Attendance {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'meeting_id' })
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Meeting;

  @IdColumn({ name: 'member_id' })
  memberId: string;

  @Column({ type: 'varchar', length: 10 })
  status: AttendanceStatus;

  @IdColumn({ name: 'recorded_by' })
  recordedBy: string;

  @CreatedAtColumn()
  createdAt: Date;
}
