import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encryptedJson } from '../../../platform/crypto/field-cipher.js';
import { CreatedAtColumn, IdColumn } from '../../../platform/database/columns.js';
import type { CrisisLevel } from '../../shared/levels.js';
import type { CaseSource } from '../domain/case-sources.js';
import type { TriggerDetail } from '../domain/trigger-detail.js';

/**
 * Why a case exists: the source that opened it and every later one that joined it (one person, one open case: a new
 * crisis result, help request or desk request for a worker with an active case adds a row here instead of a second
 * case). Unique per source, so a repeated delivery of the same event joins once. What was said or answered is
 * encrypted.
 */
@Entity('crisis_case_triggers')
@Index('uq_crisis_case_triggers_source', ['sourceType', 'sourceId'], { unique: true })
@Index('idx_crisis_case_triggers_case', ['caseId', 'createdAt'])
export class CaseTrigger {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'case_id' })
  caseId: string;

  @Column({ name: 'source_type', type: 'varchar', length: 20 })
  sourceType: CaseSource;

  /** The result, appointment or request; null for a worker's request for help or a counsellor's opening. */
  @Column({ name: 'source_id', type: 'varchar', length: 64, nullable: true })
  sourceId: string | null;

  /** The level this source asked for (the case keeps the most urgent). */
  @Column({ type: 'varchar', length: 10 })
  level: CrisisLevel;

  /** False for the source that opened the case. */
  @Column({ type: 'boolean' })
  joined: boolean;

  @Column({ type: 'text', transformer: encryptedJson })
  detail: TriggerDetail;

  @CreatedAtColumn()
  createdAt: Date;
}
