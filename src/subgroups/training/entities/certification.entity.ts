import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, TimestampColumn } from '../../../platform/database/columns.js';
import type { CertificationType } from '../domain/training-catalogue.js';

export type CertificationSource = 'course' | 'manual';

/**
 * A staff member's certification (e.g. crisis_intervention) from `issuedAt` until `expiresAt`. At expiry a durable
 * job flags it to the holder's supervisor (`expiryFlaggedAt`), unless it was renewed or revoked meanwhile.
 */
@Entity('certifications')
@Index('idx_certifications_holder', ['userId', 'type', 'expiresAt'])
@Index('idx_certifications_type_expiry', ['type', 'expiresAt'])
export class Certification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'user_id' })
  userId: string;

  @Column({ type: 'varchar', length: 30 })
  type: CertificationType;

  @TimestampColumn({ name: 'issued_at' })
  issuedAt: Date;

  @TimestampColumn({ name: 'expires_at' })
  expiresAt: Date;

  @Column({ type: 'varchar', length: 8 })
  source: CertificationSource;

  @IdColumn({ name: 'course_id', nullable: true })
  courseId: string | null;

  @IdColumn({ name: 'issued_by' })
  issuedBy: string;

  @TimestampColumn({ name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @IdColumn({ name: 'revoked_by', nullable: true })
  revokedBy: string | null;

  /** When the expiry was flagged to the holder's supervisor. */
  @TimestampColumn({ name: 'expiry_flagged_at', nullable: true })
  expiryFlaggedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}
