import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, TimestampColumn } from '../../platform/database/columns.js';

/**
 * A refresh token, stored as a SHA-256 of its secret. Tokens of one login form a family: rotating issues the next
 * member; presenting a rotated-away token again revokes the whole family (it was stolen or replayed).
 */
@Entity('refresh_tokens')
export class RefreshToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('idx_refresh_tokens_user')
  @IdColumn({ name: 'user_id' })
  userId: string;

  @Index('idx_refresh_tokens_family')
  @IdColumn({ name: 'family_id' })
  familyId: string;

  @Column({ name: 'secret_hash', type: 'varchar', length: 64 })
  secretHash: string;

  @TimestampColumn({ name: 'expires_at' })
  expiresAt: Date;

  @TimestampColumn({ name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}
