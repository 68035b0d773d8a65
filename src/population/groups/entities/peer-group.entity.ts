import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, JsonColumn, UpdatedAtColumn } from '../../../platform/database/columns.js';
import type { Audience } from '../../shared/audience.js';
import type { GroupStatus, GroupTopic } from '../domain/group-rules.js';

/** A 自助团体 (peer self-help group) with a trained facilitator, for the workers of a unit's subtree. */
@Entity('peer_groups')
@Index('idx_peer_groups_unit_status', ['orgUnitId', 'status'])
@Index('idx_peer_groups_facilitator', ['facilitatorId'])
export class PeerGroup {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'org_unit_id' })
  orgUnitId: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 30 })
  topic: GroupTopic;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** 团体公约: what members accept on joining (confidentiality, respect, no advice-giving…). */
  @Column({ type: 'text' })
  rules: string;

  /** Bumped when the rules change; each member records the version they accepted. */
  @Column({ name: 'rules_version', type: 'integer', default: 1 })
  rulesVersion: number;

  /** The trained facilitator: a counsellor or supervisor whose subtree holds the group's unit. */
  @IdColumn({ name: 'facilitator_id' })
  facilitatorId: string;

  @Column({ type: 'integer' })
  capacity: number;

  @JsonColumn()
  audience: Audience;

  @Column({ type: 'varchar', length: 10, default: 'open' })
  status: GroupStatus;

  @IdColumn({ name: 'created_by' })
  createdBy: string;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
