import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, TimestampColumn } from '../../../platform/database/columns.js';

export const SMS_CODE_PURPOSES = ['login', 'join'] as const;
export type SmsCodePurpose = (typeof SMS_CODE_PURPOSES)[number];

/**
 * A one-time code sent by SMS. Only keyed hashes are kept (of the number, the code and the caller's IP): a leaked
 * table gives no codes and no numbers. Short-lived, a few tries, single use.
 */
@Entity('sms_codes')
@Index('idx_sms_codes_phone', ['phoneHash', 'purpose', 'createdAt'])
@Index('idx_sms_codes_ip', ['ipHash', 'createdAt'])
export class SmsCode {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 10 })
  purpose: SmsCodePurpose;

  @Column({ name: 'phone_hash', type: 'varchar', length: 64 })
  phoneHash: string;

  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash: string;

  @Column({ name: 'ip_hash', type: 'varchar', length: 64 })
  ipHash: string;

  @TimestampColumn({ name: 'expires_at' })
  expiresAt: Date;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @TimestampColumn({ name: 'used_at', nullable: true })
  usedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}
