import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * “线”上的职工亚群体: the subgroups care programmes serve. Data, not code: the four of the seed article are inserted
 * by the migration that creates this table (leader_cadres 领导干部, women 妇女, career_change 职业生涯变动,
 * special_posts 特殊岗位); a later migration may add a row. `sensitive` is the default for new programmes.
 */
@Entity('subgroups')
export class Subgroup {
  @PrimaryColumn({ type: 'varchar', length: 30 })
  code: string;

  @Column({ name: 'name_zh', type: 'varchar', length: 50 })
  nameZh: string;

  @Column({ name: 'name_en', type: 'varchar', length: 100 })
  nameEn: string;

  /** The task of the 线 subsystem it serves, e.g. 领导干部心理健康维护. */
  @Column({ name: 'task_zh', type: 'varchar', length: 100 })
  taskZh: string;

  @Column({ name: 'task_en', type: 'varchar', length: 200 })
  taskEn: string;

  /** Whether membership of its programmes is itself sensitive by default (e.g. pregnancy, a redundancy list). */
  @Column({ type: 'boolean', default: false })
  sensitive: boolean;

  @Column({ type: 'integer', default: 0 })
  position: number;
}
