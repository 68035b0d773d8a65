import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, TimestampColumn, UpdatedAtColumn } from '../../platform/database/columns.js';
import { encryptedJson } from '../../platform/crypto/field-cipher.js';
import type { SigningSecret } from '../shared/signing-secret.js';
import { EapVendor } from '../vendors/vendor.entity.js';

export type EndpointStatus = 'active' | 'disabled';

/** Where a vendor receives our webhooks, with the secrets we sign them with (encrypted: we need them to sign). */
@Entity('eap_webhook_endpoints')
@Index('idx_eap_webhook_endpoints_vendor', ['vendorId'])
export class EapWebhookEndpoint {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'vendor_id' })
  vendorId: string;

  @ManyToOne(() => EapVendor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vendor_id' })
  vendor?: EapVendor;

  @Column({ type: 'varchar', length: 2000 })
  url: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  description: string | null;

  @Column({ type: 'text', transformer: encryptedJson })
  secrets: SigningSecret[];

  @Column({ type: 'varchar', length: 10, default: 'active' })
  status: EndpointStatus;

  @TimestampColumn({ name: 'disabled_at', nullable: true })
  disabledAt: Date | null;

  /** e.g. `gone` (the endpoint answered 410), `manual`. */
  @Column({ name: 'disabled_reason', type: 'varchar', length: 200, nullable: true })
  disabledReason: string | null;

  @IdColumn({ name: 'created_by' })
  createdBy: string;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
