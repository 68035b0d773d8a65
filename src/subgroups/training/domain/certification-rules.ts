/** Certification and continuing-education arithmetic: pure, so the edges are tested without a database. */

export interface CertificationDates {
  issuedAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export type CertificationState = 'current' | 'expiring' | 'expired' | 'revoked' | 'not_yet_valid';

/** A certification is flagged as expiring this many days before its end. */
export const EXPIRING_WITHIN_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * `months` calendar months after `issuedAt` (UTC, same time of day). A day the target month lacks becomes its last
 * day: 31 January + 1 month = 28 (or 29) February; 29 February + 12 months = 28 February.
 */
export function expiryOf(issuedAt: Date, months: number): Date {
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`validity must be a whole number of months, got ${months}`);
  const year = issuedAt.getUTCFullYear();
  const month = issuedAt.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(issuedAt.getUTCDate(), lastDay);
  return new Date(Date.UTC(year, month, day, issuedAt.getUTCHours(), issuedAt.getUTCMinutes(), issuedAt.getUTCSeconds(), issuedAt.getUTCMilliseconds()));
}

/** Valid at `at`: issued at or before it, expiring strictly after it, not revoked (a revocation counts from then on). */
export function isCurrent(cert: CertificationDates, at: Date): boolean {
  return cert.issuedAt <= at && at < cert.expiresAt && (cert.revokedAt === null || at < cert.revokedAt);
}

export function certificationState(cert: CertificationDates, at: Date): CertificationState {
  if (cert.revokedAt !== null && cert.revokedAt <= at) return 'revoked';
  if (at < cert.issuedAt) return 'not_yet_valid';
  if (at >= cert.expiresAt) return 'expired';
  return cert.expiresAt.getTime() - at.getTime() <= EXPIRING_WITHIN_DAYS * DAY_MS ? 'expiring' : 'current';
}

/** Continuing-education years follow Beijing time (UTC+8, no daylight saving). */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The CE year a moment belongs to. */
export function ceYearOf(at: Date): number {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).getUTCFullYear();
}

/** [from, to): 1 January 00:00 Beijing time of `year` up to that of the next year, as instants. */
export function ceYearRange(year: number): { from: Date; to: Date } {
  return { from: new Date(Date.UTC(year, 0, 1) - BEIJING_OFFSET_MS), to: new Date(Date.UTC(year + 1, 0, 1) - BEIJING_OFFSET_MS) };
}

/** Hours (up to one decimal) as the whole minutes stored; minutes back as hours with one decimal. */
export const hoursToMinutes = (hours: number) => Math.round(hours * 60);
export const minutesToHours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/** Whether an assessment score passes. */
export const passes = (score: number, passingScore: number) => score >= passingScore;
