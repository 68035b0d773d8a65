import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, JsonColumn, TimestampColumn, UpdatedAtColumn } from '../../platform/database/columns.js';
import type { EapService } from '../shared/eap-services.js';
import { EapVendor } from '../vendors/vendor.entity.js';
import type { ContractStatus } from './contract-rules.js';

/**
 * A durable arrangement (制度化, not a one-off project): a union unit contracts a vendor for services for its workers
 * and the units below it, from one day to another (China calendar days, inclusive), with session quotas per worker and
 * in total and a price per session.
 */
@Entity('eap_contracts')
@Index('idx_eap_contracts_vendor_unit', ['vendorId', 'orgUnitId'])
@Index('idx_eap_contracts_unit', ['orgUnitId'])
export class EapContract {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'vendor_id' })
  vendorId: string;

  @ManyToOne(() => EapVendor, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'vendor_id' })
  vendor?: EapVendor;

  /** The contracting union unit; the contract covers its whole subtree. */
  @IdColumn({ name: 'org_unit_id' })
  orgUnitId: string;

  /** The contract number (合同编号), shown to the vendor with each referral. */
  @Column({ type: 'varchar', length: 100 })
  reference: string;

  @Column({ name: 'starts_on', type: 'varchar', length: 10 })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'varchar', length: 10 })
  endsOn: string;

  @JsonColumn()
  services: EapService[];

  @Column({ name: 'sessions_per_worker', type: 'integer' })
  sessionsPerWorker: number;

  @Column({ name: 'sessions_total', type: 'integer' })
  sessionsTotal: number;

  /** In fen (分), CNY. */
  @Column({ name: 'price_per_session_cents', type: 'integer' })
  pricePerSessionCents: number;

  /** Days before the end on which to remind about renewal. */
  @JsonColumn({ name: 'reminder_days' })
  reminderDays: number[];

  @Column({ type: 'varchar', length: 12, default: 'active' })
  status: ContractStatus;

  @TimestampColumn({ name: 'terminated_at', nullable: true })
  terminatedAt: Date | null;

  @IdColumn({ name: 'created_by' })
  createdBy: string;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
