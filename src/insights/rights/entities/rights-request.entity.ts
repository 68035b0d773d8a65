import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encrypted } from '../../../platform/crypto/field-cipher.js';
import { CreatedAtColumn, IdColumn, JsonColumn, TimestampColumn } from '../../../platform/database/columns.js';

export const RIGHTS_REQUEST_KINDS = ['correction', 'deletion'] as const;
export type RightsRequestKind = (typeof RIGHTS_REQUEST_KINDS)[number];
export const RIGHTS_REQUEST_STATUSES = ['pending', 'completed', 'refused', 'withdrawn'] as const;
export type RightsRequestStatus = (typeof RIGHTS_REQUEST_STATUSES)[number];
/** Why a request may be refused (PIPL art. 47: retention required by law, e.g. crisis records; or no basis). */
export const REFUSAL_CODES = ['legal_retention', 'inaccurate_request', 'identity_unverified', 'other'] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/**
 * A worker's request to correct or delete their data (个人信息更正、删除), reviewed by a counsellor or supervisor of their
 * unit. Free text is encrypted and cleared when the request completes a deletion; the row stays (ids, kind, status,
 * times) as the record that the right was honoured or why it was refused.
 */
@Entity('rights_requests')
@Index('idx_rights_requests_worker', ['workerId', 'createdAt'])
@Index('idx_rights_requests_unit_status', ['orgUnitId', 'status', 'createdAt'])
export class RightsRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'worker_id' })
  workerId: string;

  /** The worker's unit when asked: whose counsellors review it. */
  @IdColumn({ name: 'org_unit_id' })
  orgUnitId: string;

  @Column({ type: 'varchar', length: 12 })
  kind: RightsRequestKind;

  @Column({ type: 'varchar', length: 12 })
  status: RightsRequestStatus;

  /** Correction: the profile field and the value asked for (encrypted JSON text). */
  @Column({ type: 'text', nullable: true, transformer: encrypted })
  change: string | null;

  /** The worker's explanation (encrypted). */
  @Column({ name: 'worker_note', type: 'text', nullable: true, transformer: encrypted })
  workerNote: string | null;

  @Column({ name: 'refusal_code', type: 'varchar', length: 24, nullable: true })
  refusalCode: RefusalCode | null;

  /** The reviewer's reason, shown to the worker (encrypted). */
  @Column({ name: 'review_note', type: 'text', nullable: true, transformer: encrypted })
  reviewNote: string | null;

  @IdColumn({ name: 'reviewed_by', nullable: true })
  reviewedBy: string | null;

  @TimestampColumn({ name: 'reviewed_at', nullable: true })
  reviewedAt: Date | null;

  /** What each module did on a completed deletion (table → action), for the record. */
  @JsonColumn({ nullable: true })
  outcome: Record<string, string> | null;

  @CreatedAtColumn()
  createdAt: Date;
}
