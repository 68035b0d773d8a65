import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, TimestampColumn } from '../../../platform/database/columns.js';

/** A unit's published way in (入会链接 / 海报): anyone with the link may join that unit; revoked links stop at once. */
@Entity('join_links')
@Index('idx_join_links_unit', ['orgUnitId', 'createdAt'])
export class JoinLink {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'org_unit_id' })
  orgUnitId: string;

  /** The unguessable part of the URL (`/join/<token>`), 128 bits. */
  @Index('uq_join_links_token', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  token: string;

  /** Where it is posted, e.g. `配送站海报` (the unit's own note). */
  @Column({ type: 'varchar', length: 100 })
  label: string;

  @IdColumn({ name: 'created_by' })
  createdBy: string;

  @TimestampColumn({ name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}
