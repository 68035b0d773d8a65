import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, JsonColumn, TimestampColumn, UpdatedAtColumn } from '../../../platform/database/columns.js';
import type { EligibilityRule } from '../domain/eligibility-rule.js';
import type { ProgrammeStatus } from '../domain/programme-rules.js';
import { Subgroup } from './subgroup.entity.js';

/**
 * A care programme (关爱项目) for one subgroup: owned by a unit (its subtree is the programme's reach and the scope of
 * the staff who run it), with an eligibility rule over profile facts, a plan of activities and outcome measures.
 */
@Entity('care_programmes')
@Index('idx_care_programmes_unit_status', ['orgUnitId', 'status'])
@Index('idx_care_programmes_auto_enrol', ['status', 'autoEnrol'])
export class CareProgramme {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'subgroup_code', type: 'varchar', length: 30 })
  subgroupCode: string;

  @ManyToOne(() => Subgroup, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'subgroup_code' })
  subgroup?: Subgroup;

  @IdColumn({ name: 'org_unit_id' })
  orgUnitId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @JsonColumn()
  eligibility: EligibilityRule;

  /** Membership is sensitive: only clinical staff in scope see who is enrolled; notices name no programme. */
  @Column({ type: 'boolean', default: false })
  sensitive: boolean;

  /** Workers whose profile comes to match the rule are enrolled (and invited) automatically while active. */
  @Column({ name: 'auto_enrol', type: 'boolean', default: false })
  autoEnrol: boolean;

  @Column({ type: 'varchar', length: 10, default: 'draft' })
  status: ProgrammeStatus;

  /** Instrument codes whose change the dashboard shows (e.g. WHO-5, PHQ-9, PSS-10). */
  @JsonColumn({ name: 'outcome_instruments' })
  outcomeInstruments: string[];

  @TimestampColumn({ name: 'activated_at', nullable: true })
  activatedAt: Date | null;

  @TimestampColumn({ name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @IdColumn({ name: 'created_by' })
  createdBy: string;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
