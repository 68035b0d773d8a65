import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn } from '../../platform/database/columns.js';
import type { Category } from '../domain/categories.js';

export const ROUTING_RULE_INDEX = 'uq_desk_routing_rules_unit_category';

/** Routing as data: requests of workers in `orgUnitId`'s subtree of `category` (`*`: any) go to `targetUnitId`. */
@Entity('desk_routing_rules')
@Index(ROUTING_RULE_INDEX, ['orgUnitId', 'category'], { unique: true })
export class DeskRoutingRule {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'org_unit_id' })
  orgUnitId: string;

  @Column({ type: 'varchar', length: 40 })
  category: Category | '*';

  @IdColumn({ name: 'target_unit_id' })
  targetUnitId: string;

  @IdColumn({ name: 'created_by' })
  createdBy: string;

  @CreatedAtColumn()
  createdAt: Date;
}
