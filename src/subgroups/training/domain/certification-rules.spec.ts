import { ceYearOf, ceYearRange, certificationState, expiryOf, hoursToMinutes, isCurrent, minutesToHours, passes } from './certification-rules.js';

const at = (iso: string) => new Date(iso);

describe('certification expiry', () => {
  it('adds calendar months, keeping the time of day', () => {
    expect(expiryOf(at('2026-03-15T09:30:00.000Z'), 24).toISOString()).toBe('2028-03-15T09:30:00.000Z');
    expect(expiryOf(at('2026-11-25T02:00:00.000Z'), 1).toISOString()).toBe('2026-12-25T02:00:00.000Z');
    expect(expiryOf(at('2026-12-10T00:00:00.000Z'), 1).toISOString()).toBe('2027-01-10T00:00:00.000Z');
  });

  it('ends on the last day of a shorter month', () => {
    expect(expiryOf(at('2026-01-31T08:00:00.000Z'), 1).toISOString()).toBe('2026-02-28T08:00:00.000Z');
    expect(expiryOf(at('2028-01-31T08:00:00.000Z'), 1).toISOString()).toBe('2028-02-29T08:00:00.000Z');
    expect(expiryOf(at('2028-02-29T08:00:00.000Z'), 12).toISOString()).toBe('2029-02-28T08:00:00.000Z');
    expect(expiryOf(at('2026-08-31T08:00:00.000Z'), 1).toISOString()).toBe('2026-09-30T08:00:00.000Z');
  });

  it('refuses a validity that is not a whole positive number of months', () => {
    expect(() => expiryOf(at('2026-01-01T00:00:00Z'), 0)).toThrow(RangeError);
    expect(() => expiryOf(at('2026-01-01T00:00:00Z'), 1.5)).toThrow(RangeError);
  });
});

describe('certification state', () => {
  const cert = { issuedAt: at('2026-01-01T00:00:00Z'), expiresAt: at('2027-01-01T00:00:00Z'), revokedAt: null };

  it('is current from issue up to, not including, expiry', () => {
    expect(isCurrent(cert, at('2026-01-01T00:00:00Z'))).toBe(true);
    expect(isCurrent(cert, at('2026-12-31T23:59:59.999Z'))).toBe(true);
    expect(isCurrent(cert, at('2027-01-01T00:00:00Z'))).toBe(false);
    expect(isCurrent(cert, at('2025-12-31T23:59:59.999Z'))).toBe(false);
  });

  it('names the state: not yet valid, current, expiring within 30 days, expired, revoked', () => {
    expect(certificationState(cert, at('2025-12-31T00:00:00Z'))).toBe('not_yet_valid');
    expect(certificationState(cert, at('2026-06-01T00:00:00Z'))).toBe('current');
    expect(certificationState(cert, at('2026-12-01T23:59:59Z'))).toBe('current');
    expect(certificationState(cert, at('2026-12-02T00:00:00Z'))).toBe('expiring');
    expect(certificationState(cert, at('2027-01-01T00:00:00Z'))).toBe('expired');
    const revoked = { ...cert, revokedAt: at('2026-05-01T00:00:00Z') };
    expect(certificationState(revoked, at('2026-04-30T00:00:00Z'))).toBe('current');
    expect(certificationState(revoked, at('2026-05-01T00:00:00Z'))).toBe('revoked');
    expect(isCurrent(revoked, at('2026-04-30T00:00:00Z'))).toBe(true);
    expect(isCurrent(revoked, at('2026-05-01T00:00:00Z'))).toBe(false);
  });
});

describe('continuing-education years and hours', () => {
  it('counts years in Beijing time', () => {
    expect(ceYearOf(at('2026-12-31T15:59:59.999Z'))).toBe(2026);
    expect(ceYearOf(at('2026-12-31T16:00:00.000Z'))).toBe(2027);
    expect(ceYearRange(2027)).toEqual({ from: at('2026-12-31T16:00:00.000Z'), to: at('2027-12-31T16:00:00.000Z') });
  });

  it('stores hours as minutes and reads them back to one decimal', () => {
    expect(hoursToMinutes(1.5)).toBe(90);
    expect(hoursToMinutes(0.5)).toBe(30);
    expect(minutesToHours(90 + 30 + 180)).toBe(5);
    expect(minutesToHours(100)).toBe(1.7);
  });

  it('passes at the passing score, not below', () => {
    expect(passes(60, 60)).toBe(true);
    expect(passes(59, 60)).toBe(false);
  });
});
