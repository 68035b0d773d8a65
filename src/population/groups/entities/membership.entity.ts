import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, TimestampColumn } from '../../../platform/database/columns.js';
import type { MembershipStatus } from '../domain/group-rules.js';
import { PeerGroup } from './peer-group.entity.js';

/**
 * A worker's membership of a group. Fellow members know each other only by `display_name`; the worker id is for the
 * facilitator and counsellors in scope. A display name stays reserved in its group, so nobody can take over a former
 * member's name.
 */
@Entity('peer_group_members')
@Index('uq_peer_group_members_group_worker', ['groupId', 'workerId'], { unique: true })
@Index('uq_peer_group_members_group_display_name', ['groupId', 'displayName'], { unique: true })
@Index('idx_peer_group_members_group_status', ['groupId', 'status'])
@Index('idx_peer_group_members_worker', ['workerId'])
export class Membership {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'group_id' })
  groupId: string;

  @ManyToOne(() => PeerGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: PeerGroup;

  @IdColumn({ name: 'worker_id' })
  workerId: string;

  /** The worker's unit when they asked to join. */
  @IdColumn({ name: 'org_unit_id' })
  orgUnitId: string;

  @Column({ name: 'display_name', type: 'varchar', length: 40 })
  displayName: string;

  @Column({ type: 'varchar', length: 10 })
  status: MembershipStatus;

  @Column({ name: 'rules_version_accepted', type: 'integer' })
  rulesVersionAccepted: number;

  @TimestampColumn({ name: 'rules_accepted_at' })
  rulesAcceptedAt: Date;

  @IdColumn({ name: 'decided_by', nullable: true })
  decidedBy: string | null;

  @TimestampColumn({ name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @TimestampColumn({ name: 'joined_at', nullable: true })
  joinedAt: Date | null;

  @TimestampColumn({ name: 'left_at', nullable: true })
  leftAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}
