import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, UpdatedAtColumn } from '../../platform/database/columns.js';

/**
 * A union unit in the hierarchy (provincial federation → city → county → enterprise union). `path` is the
 * materialised path `/<rootId>/…/<id>/`, so "this unit and everything below it" is one indexed prefix match.
 */
@Entity('org_units')
export class OrgUnit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @IdColumn({ name: 'parent_id', nullable: true })
  parentId: string | null;

  @Index('idx_org_units_path')
  @Column({ type: 'varchar', length: 2000 })
  path: string;

  @Column({ type: 'integer' })
  depth: number;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
