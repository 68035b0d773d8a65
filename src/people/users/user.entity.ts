import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../../platform/auth/permissions.js';
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

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
