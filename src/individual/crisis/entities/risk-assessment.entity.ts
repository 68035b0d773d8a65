import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encryptedJson } from '../../../platform/crypto/field-cipher.js';
import { CreatedAtColumn, IdColumn } from '../../../platform/database/columns.js';
import type { CrisisLevel } from '../../shared/levels.js';
import type { RiskFindings } from '../domain/risk-triage.js';

export interface RiskDetails extends RiskFindings {
  /** The counsellor's rationale and observations. */
  note: string | null;
}

/**
 * A counsellor's structured risk assessment (see risk-triage.ts). The findings are encrypted; the judgement (a
 * level) and the level it suggested stay readable, so the case's level history can be explained.
 */
@Entity('crisis_risk_assessments')
@Index('idx_crisis_risk_assessments_case', ['caseId', 'createdAt'])
export class RiskAssessment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'case_id' })
  caseId: string;

  @IdColumn({ name: 'worker_id' })
  workerId: string;

  @IdColumn({ name: 'assessed_by' })
  assessedBy: string;

  @Column({ type: 'text', transformer: encryptedJson })
  details: RiskDetails;

  @Column({ name: 'suggested_level', type: 'varchar', length: 10 })
  suggestedLevel: CrisisLevel;

  /** The counsellor's overall judgement: becomes the case's level. */
  @Column({ type: 'varchar', length: 10 })
  judgement: CrisisLevel;

  @Column({ name: 'level_before', type: 'varchar', length: 10 })
  levelBefore: CrisisLevel;

  @CreatedAtColumn()
  createdAt: Date;
}
