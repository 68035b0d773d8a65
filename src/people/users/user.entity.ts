import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../../platform/auth/permissions.js';
import { encrypted } from '../../platform/crypto/field-cipher.js';
import { CreatedAtColumn, IdColumn, TimestampColumn, UpdatedAtColumn } from '../../platform/database/columns.js';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_users_username', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 200 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  @Index('idx_users_org_unit')
  @IdColumn({ name: 'org_unit_id' })
  orgUnitId: string;

  /** Set for worker accounts: the worker profile this login belongs to. */
  @Index('uq_users_worker', { unique: true })
  @IdColumn({ name: 'worker_id', nullable: true })
  workerId: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  email: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'failed_logins', type: 'integer', default: 0 })
  failedLogins: number;

  @TimestampColumn({ name: 'locked_until', nullable: true })
  lockedUntil: Date | null;

  /** Staff two-factor (TOTP, RFC 6238): the shared secret, encrypted; set up first, enabled once a code matched. */
  @Column({ name: 'totp_secret', type: 'text', nullable: true, transformer: encrypted })
  totpSecret: string | null;

  @TimestampColumn({ name: 'totp_enabled_at', nullable: true })
  totpEnabledAt: Date | null;

  /** The last 30-second step a code was accepted for: a code seen once (shoulder-surfed, phished) is refused after. */
  @Column({ name: 'totp_last_step', type: 'integer', nullable: true })
  totpLastStep: number | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
