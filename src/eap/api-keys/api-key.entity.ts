import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, TimestampColumn } from '../../platform/database/columns.js';
import { EapVendor } from '../vendors/vendor.entity.js';

/** A vendor's API key: only its SHA-256 is kept; the key itself was shown once when issued. */
@Entity('eap_api_keys')
@Index('uq_eap_api_keys_hash', ['keyHash'], { unique: true })
@Index('idx_eap_api_keys_vendor', ['vendorId'])
export class EapApiKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'vendor_id' })
  vendorId: string;

  @ManyToOne(() => EapVendor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vendor_id' })
  vendor?: EapVendor;

  @Column({ type: 'varchar', length: 100 })
  label: string;

  @Column({ name: 'key_hash', type: 'varchar', length: 64 })
  keyHash: string;

  /** The key's first characters, to recognise it (e.g. `xg_vendor_AbC12x`). */
  @Column({ name: 'display_prefix', type: 'varchar', length: 24 })
  displayPrefix: string;

  /** Set when the key was rotated: it keeps working until then, so the vendor can switch without downtime. */
  @TimestampColumn({ name: 'expires_at', nullable: true })
  expiresAt: Date | null;

  @TimestampColumn({ name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @IdColumn({ name: 'revoked_by', nullable: true })
  revokedBy: string | null;

  /** The key that replaced this one in a rotation. */
  @IdColumn({ name: 'replaced_by_id', nullable: true })
  replacedById: string | null;

  /** Updated at most once an hour, so authentication stays a read. */
  @TimestampColumn({ name: 'last_used_at', nullable: true })
  lastUsedAt: Date | null;

  @IdColumn({ name: 'created_by' })
  createdBy: string;

  @CreatedAtColumn()
  createdAt: Date;
}
