import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Worker } from '../../../people/workers/worker.entity.js';
import { IdColumn, TimestampColumn } from '../../../platform/database/columns.js';

/**
 * A maintained summary for the screening dashboards: each worker's latest result per instrument and calendar year
 * (UTC), upserted in the transaction that inserts the result (see assessment-latest.ts), so a dashboard reads one
 * row per worker instead of ranking every result of the year. Holds ids, a time and a band: no identifying data.
 */
@Entity('assessment_latest')
// The dashboards: one instrument and year, covering (worker, time, band).
@Index('idx_assessment_latest_report', ['instrumentCode', 'year', 'workerId', 'at', 'band'])
export class AssessmentLatest {
  @PrimaryColumn({ name: 'instrument_code', type: 'varchar', length: 20 })
  instrumentCode: string;

  @PrimaryColumn({ type: 'integer' })
  year: number;

  @PrimaryColumn({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  @ManyToOne(() => Worker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'worker_id' })
  worker?: Worker;

  @IdColumn({ name: 'result_id' })
  resultId: string;

  /** The result's created_at. */
  @TimestampColumn()
  at: Date;

  @Column({ type: 'varchar', length: 30, nullable: true })
  band: string | null;
}
