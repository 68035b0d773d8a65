import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encryptedJson } from '../../../platform/crypto/field-cipher.js';
import { CreatedAtColumn, IdColumn } from '../../../platform/database/columns.js';

export interface SafetyContact {
  name: string;
  phone: string | null;
}

/** The Stanley–Brown safety plan, in its six steps (plus the reason for living some versions add). */
export interface SafetyPlanContent {
  /** 1. Warning signs that a crisis may be developing. */
  warningSigns: string[];
  /** 2. Internal coping strategies: things to do alone to take the mind off problems. */
  internalCoping: string[];
  /** 3. People and social settings that provide distraction. */
  socialContacts: SafetyContact[];
  /** 4. People to ask for help. */
  peopleToAsk: SafetyContact[];
  /** 5. Professionals and agencies to contact in a crisis (crisis lines are added when shown). */
  professionals: SafetyContact[];
  /** 6. Making the environment safe (means restriction). */
  environmentSafety: string[];
  /** The one thing most important to me and worth living for. */
  reasonsForLiving: string | null;
}

/**
 * A worker's safety plan; each revision is a new version, never an update, so earlier versions stay on record. The
 * content is encrypted. The worker sees the current version on their own record.
 */
@Entity('safety_plans')
@Index('uq_safety_plans_worker_version', ['workerId', 'version'], { unique: true })
export class SafetyPlan {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'worker_id' })
  workerId: string;

  /** The case it was written in. */
  @IdColumn({ name: 'case_id', nullable: true })
  caseId: string | null;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'text', transformer: encryptedJson })
  content: SafetyPlanContent;

  @IdColumn({ name: 'created_by' })
  createdBy: string;

  @CreatedAtColumn()
  createdAt: Date;
}
