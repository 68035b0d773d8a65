import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, JsonColumn, UpdatedAtColumn } from '../../../platform/database/columns.js';
import type { CertificationType, TeachingMethod, TrainingAudience, TrainingTopic } from '../domain/training-catalogue.js';

export type TrainingCourseStatus = 'active' | 'archived';

/**
 * A training course for union cadres and counsellors (干部培养): a topic, how it is taught, its sessions; passing its
 * assessment may grant a certification for a number of months.
 */
@Entity('training_courses')
@Index('idx_training_courses_unit', ['orgUnitId', 'status'])
export class TrainingCourse {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Organising unit: staff of its subtree take part; organisers of this subtree manage it. */
  @IdColumn({ name: 'org_unit_id' })
  orgUnitId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 30 })
  topic: TrainingTopic;

  @JsonColumn()
  methods: TeachingMethod[];

  @Column({ type: 'varchar', length: 20 })
  audience: TrainingAudience;

  /** Score (0–100) an assessment must reach to pass. */
  @Column({ name: 'passing_score', type: 'integer', default: 60 })
  passingScore: number;

  /** Granted on passing, valid this many months; null: the course certifies nothing. */
  @Column({ name: 'certification_type', type: 'varchar', length: 30, nullable: true })
  certificationType: CertificationType | null;

  @Column({ name: 'certification_months', type: 'integer', nullable: true })
  certificationMonths: number | null;

  @Column({ type: 'varchar', length: 10, default: 'active' })
  status: TrainingCourseStatus;

  @IdColumn({ name: 'created_by' })
  createdBy: string;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
