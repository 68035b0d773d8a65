import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, JsonColumn, TimestampColumn } from '../../../platform/database/columns.js';
import type { InstrumentFile } from '../instruments/instrument.types.js';

export const INSTRUMENT_VERSION_STATUSES = ['draft', 'published', 'retired'] as const;
export type InstrumentVersionStatus = (typeof INSTRUMENT_VERSION_STATUSES)[number];

/**
 * An instrument file loaded by an admin (or a shipped version an admin retired): draft → published → retired. The
 * file is stored whole, as checked when it was loaded; results keep the version they were scored with, so a retired
 * version still explains its results. Instrument texts are not personal data: stored in clear.
 */
@Entity('instrument_versions')
@Index('uq_instrument_versions_code_version', ['code', 'version'], { unique: true })
export class InstrumentVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20 })
  code: string;

  @Column({ type: 'varchar', length: 20 })
  version: string;

  @Column({ type: 'varchar', length: 10 })
  status: InstrumentVersionStatus;

  /** True for a row that only records the retirement of a shipped file's version. */
  @Column({ type: 'boolean', default: false })
  shipped: boolean;

  @JsonColumn()
  definition: InstrumentFile;

  @IdColumn({ name: 'created_by' })
  createdBy: string;

  @CreatedAtColumn()
  createdAt: Date;

  @TimestampColumn({ name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @IdColumn({ name: 'published_by', nullable: true })
  publishedBy: string | null;

  @TimestampColumn({ name: 'retired_at', nullable: true })
  retiredAt: Date | null;

  @IdColumn({ name: 'retired_by', nullable: true })
  retiredBy: string | null;
}
