import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, JsonColumn, UpdatedAtColumn } from '../../platform/database/columns.js';
import { encryptedJson } from '../../platform/crypto/field-cipher.js';
import type { EapService } from '../shared/eap-services.js';
import type { SigningSecret } from '../shared/signing-secret.js';

/** An EAP vendor (服务机构) the union contracts with. Global: contracts tie it to units. */
@Entity('eap_vendors')
@Index('uq_eap_vendors_name', ['name'], { unique: true })
export class EapVendor {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Services it offers (EAP_SERVICES codes). */
  @JsonColumn()
  services: EapService[];

  /** Regions it serves, free text (e.g. 北京市, 河北省石家庄市). */
  @JsonColumn()
  regions: string[];

  @Column({ name: 'contact_name', type: 'varchar', length: 100, nullable: true })
  contactName: string | null;

  @Column({ name: 'contact_email', type: 'varchar', length: 200, nullable: true })
  contactEmail: string | null;

  @Column({ name: 'contact_phone', type: 'varchar', length: 40, nullable: true })
  contactPhone: string | null;

  /** An inactive vendor receives no new referrals; its keys still work for what it already has. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Secrets the vendor signs its webhooks to us with (Standard Webhooks), encrypted: we need them to verify. */
  @Column({ name: 'inbound_secrets', type: 'text', nullable: true, transformer: encryptedJson })
  inboundSecrets: SigningSecret[] | null;

  @IdColumn({ name: 'created_by' })
  createdBy: string;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
