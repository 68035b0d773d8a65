import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Worker } from '../../../people/workers/worker.entity.js';
import { encryptedJson } from '../../../platform/crypto/field-cipher.js';
import { CreatedAtColumn, IdColumn, JsonColumn, TimestampColumn } from '../../../platform/database/columns.js';

export type AssessmentSource = 'self' | 'staff';

/**
 * One completed instrument: the version it was scored with, the item answers and the derived result, together, so a
 * later change of rules never rewrites history. Scores and band stay queryable (reports, record, alerts); the
 * answers are encrypted. A crisis result is also a risk alert until a counsellor acknowledges it.
 */
@Entity('assessment_results')
@Index('idx_assessment_results_worker_instrument', ['workerId', 'instrumentCode', 'createdAt'])
@Index('idx_assessment_results_crisis', ['crisis', 'createdAt'])
// The screening dashboards: one instrument's results of a year, covering (never reads the row or the answers).
@Index('idx_assessment_results_report', ['instrumentCode', 'createdAt', 'workerId', 'band'])
// Also the participation index; NULL campaign ids never collide, so only campaign answers are unique.
@Index('uq_assessment_results_campaign_answer', ['campaignId', 'workerId', 'instrumentCode'], { unique: true })
export class AssessmentResult {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'worker_id' })
  workerId: string;

  @ManyToOne(() => Worker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'worker_id' })
  worker?: Worker;

  /** The worker's unit when they answered (for aggregates by unit and for routing the alert). */
  @IdColumn({ name: 'org_unit_id' })
  orgUnitId: string;

  @Column({ name: 'instrument_code', type: 'varchar', length: 20 })
  instrumentCode: string;

  @Column({ name: 'instrument_version', type: 'varchar', length: 20 })
  instrumentVersion: string;

  /** One value per item, in item order, as answered (before reverse scoring); null where unanswered (prorated). Encrypted. */
  @Column({ type: 'text', transformer: encryptedJson })
  answers: Array<number | null>;

  /** Raw sum after reverse scoring; null for CBI (no total). */
  @Column({ name: 'total_score', type: 'integer', nullable: true })
  totalScore: number | null;

  /** WHO-5 percentage (raw × 4). */
  @Column({ name: 'percent_score', type: 'integer', nullable: true })
  percentScore: number | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  band: string | null;

  @JsonColumn({ nullable: true })
  subscales: Record<string, number> | null;

  @JsonColumn({ name: 'subscale_bands', nullable: true })
  subscaleBands: Record<string, string> | null;

  @Column({ type: 'boolean' })
  crisis: boolean;

  /** Codes of the crisis rules that fired (e.g. `item_9_above_0`), as configured at the time. */
  @JsonColumn({ name: 'crisis_reasons' })
  crisisReasons: string[];

  @IdColumn({ name: 'campaign_id', nullable: true })
  campaignId: string | null;

  /** `self`: the worker submitted it; `staff`: a counsellor entered it from paper or a session. */
  @Column({ type: 'varchar', length: 10 })
  source: AssessmentSource;

  @IdColumn({ name: 'entered_by' })
  enteredBy: string;

  @TimestampColumn({ name: 'acknowledged_at', nullable: true })
  acknowledgedAt: Date | null;

  @IdColumn({ name: 'acknowledged_by', nullable: true })
  acknowledgedBy: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  /** When a paper form was filled in, as the staff member entering it states; null when answered in the app (= createdAt). */
  @TimestampColumn({ name: 'completed_at', nullable: true })
  completedAt: Date | null;
}

/** Every column but the (encrypted) answers: for lists, which never show answers and need not decrypt them. */
export const summaryColumns = (alias: string): string[] =>
  [
    'id',
    'workerId',
    'orgUnitId',
    'instrumentCode',
    'instrumentVersion',
    'totalScore',
    'percentScore',
    'band',
    'subscales',
    'subscaleBands',
    'crisis',
    'crisisReasons',
    'campaignId',
    'source',
    'enteredBy',
    'acknowledgedAt',
    'acknowledgedBy',
    'createdAt',
    'completedAt',
  ].map((column) => `${alias}.${column}`);
