import type { EntityManager } from 'typeorm';

/**
 * Whether staff hold a current certification (e.g. `crisis_intervention`), as a seam between tiers that sit side by
 * side: the subgroup tier's training module keeps certifications and binds this token to its CertificationsService
 * (globally, see src/subgroups/training/certification-seam.module.ts); the individual tier (crisis cases) injects
 * `CertificationCheck` to prefer certified counsellors without importing the subgroup tier.
 *
 * Current at `at`: issued at or before `at`, expiring after it, not revoked.
 */
export abstract class CertificationCheck {
  abstract isCertified(manager: EntityManager, userId: string, type: string, at: Date): Promise<boolean>;

  /** The users among `userIds` certified in `type` at `at`, in one query. */
  abstract certifiedAmong(manager: EntityManager, userIds: readonly string[], type: string, at: Date): Promise<Set<string>>;
}
