import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, TimestampColumn } from '../../../platform/database/columns.js';
import { PeerGroup } from './peer-group.entity.js';

export const MEETING_STATUSES = ['scheduled', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

@Entity('peer_group_meetings')
@Index('idx_peer_group_meetings_group_starts', ['groupId', 'startsAt'])
export class Meeting {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'group_id' })
  groupId: string;

  @ManyToOne(() => PeerGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: PeerGroup;

  @TimestampColumn({ name: 'starts_at' })
  startsAt: Date;

  @TimestampColumn({ name: 'ends_at' })
  endsAt: Date;

  @Column({ type: 'varchar', length: 300, nullable: true })
  place: string | null;

  @Column({ name: 'online_url', type: 'varchar', length: 1000, nullable: true })
  onlineUrl: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  topic: string | null;

  @Column({ type: 'varchar', length: 10, default: 'scheduled' })
  status: MeetingStatus;

  @IdColumn({ name: 'created_by' })
  createdBy: string;

  @CreatedAtColumn()
  createdAt: Date;
}
