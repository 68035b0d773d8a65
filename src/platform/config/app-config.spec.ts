import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigurationError, parseDayList, validateConfig } from './app-config.js';

/** The shipped defaults plus production secrets: grows with every setting a module adds. */
const defaults = JSON.parse(readFileSync(join(process.cwd(), 'config', 'defaults.json'), 'utf8')) as Record<string, unknown>;
const valid: Record<string, unknown> = {
  ...Object.fromEntries(Object.entries(defaults).map(([key, value]) => [key, String(value)])),
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://u:p@db:5432/xingang',
  JWT_SECRET: 'Zt4q9w8e7r6t5y4u3i2o1p0a9s8d7f6g5h',
  DATA_KEY: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=',
  AUDIT_KEY: 'Qm3n4b5v6c7x8z9l0k1j2h3g4f5d6s7a8p',
  LOOKUP_KEY: 'Lk9j8h7g6f5d4s3a2q1w0e9r8t7y6u5i4o',
  ADMIN_PASSWORD: 'Vq8-long-Admin-pw',
};

describe('validateConfig', () => {
  it('accepts a complete production configuration', () => {
    const config = validateConfig(valid);
    expect(config.PORT).toBe(3000);
    expect(config.JOBS_ENABLED).toBe(true);
    expect(config.REPORTING_MIN_CELL).toBe(10);
  });

  it.each([
    ['JWT_SECRET', 'short', /JWT_SECRET/],
    ['DATA_KEY', 'bm90LTMyLWJ5dGVz', /DATA_KEY/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL/],
    ['PORT', 'eighty', /PORT/],
    ['ADMIN_PASSWORD', 'short', /ADMIN_PASSWORD/],
    ['REPORTING_MIN_CELL', '4', /REPORTING_MIN_CELL/],
  ])('names the bad variable %s', (name, value, pattern) => {
    expect(() => validateConfig({ ...valid, [name]: value })).toThrow(pattern);
  });

  it('refuses weak secrets in production', () => {
    expect(() => validateConfig({ ...valid, JWT_SECRET: 'a'.repeat(40) })).toThrow(ConfigurationError);
    expect(() => validateConfig({ ...valid, ADMIN_PASSWORD: 'password-password' })).toThrow(/ADMIN_PASSWORD/);
  });

  it('accepts retired audit keys as a comma-separated list of full-length keys, and names a short one', () => {
    expect(validateConfig({ ...valid, AUDIT_KEYS_RETIRED: `${'r'.repeat(32)},${'s'.repeat(40)}` }).AUDIT_KEYS_RETIRED).toBe(`${'r'.repeat(32)},${'s'.repeat(40)}`);
    expect(() => validateConfig({ ...valid, AUDIT_KEYS_RETIRED: `${'r'.repeat(32)},short` })).toThrow(/AUDIT_KEYS_RETIRED/);
  });

  it('refuses test hooks in production', () => {
    expect(() => validateConfig({ ...valid, TEST_HOOKS: 'true' })).toThrow(/TEST_HOOKS/);
  });

  it('refuses EAP webhooks to private networks in production, allows them in development', () => {
    expect(validateConfig(valid).EAP_WEBHOOK_ALLOW_PRIVATE_NETWORKS).toBe(false);
    expect(() => validateConfig({ ...valid, EAP_WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' })).toThrow(/EAP_WEBHOOK_ALLOW_PRIVATE_NETWORKS/);
    expect(validateConfig({ ...valid, NODE_ENV: 'development', EAP_WEBHOOK_ALLOW_PRIVATE_NETWORKS: '' }).EAP_WEBHOOK_ALLOW_PRIVATE_NETWORKS).toBe(true);
    expect(validateConfig({ ...valid, NODE_ENV: 'test', EAP_WEBHOOK_ALLOW_PRIVATE_NETWORKS: '' }).EAP_WEBHOOK_ALLOW_PRIVATE_NETWORKS).toBe(false);
    expect(validateConfig({ ...valid, NODE_ENV: 'test', EAP_WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' }).EAP_WEBHOOK_ALLOW_PRIVATE_NETWORKS).toBe(true);
  });
});

describe('individual-tier settings', () => {
  it('parses rising day lists and refuses zero, repeats and falling lists', () => {
    expect(parseDayList('7,30,90')).toEqual([7, 30, 90]);
    expect(parseDayList('14')).toEqual([14]);
    expect(parseDayList('0,7')).toBeNull();
    expect(parseDayList('7,7')).toBeNull();
    expect(parseDayList('30,7')).toBeNull();
    expect(parseDayList('7, 30')).toBeNull();
    expect(parseDayList('')).toBeNull();
  });

  it('names a bad follow-up list and deadlines that do not rise with urgency', () => {
    expect(() => validateConfig({ ...valid, REFERRAL_FOLLOW_UP_DAYS: '30,7' })).toThrow(/REFERRAL_FOLLOW_UP_DAYS/);
    expect(() => validateConfig({ ...valid, INCIDENT_RESCREEN_DAYS: 'soon' })).toThrow(/INCIDENT_RESCREEN_DAYS/);
    expect(() => validateConfig({ ...valid, CRISIS_DEADLINE_IMMINENT_MINUTES: '2000' })).toThrow(/CRISIS_DEADLINE/);
    expect(() => validateConfig({ ...valid, BREAK_GLASS_MINUTES: '0' })).toThrow(/BREAK_GLASS_MINUTES/);
  });

  it('ships the issue defaults: 1 h, 24 h, 72 h; follow-ups at 7, 30, 90 days; re-screening at 7 and 30 days', () => {
    const config = validateConfig(valid);
    expect([config.CRISIS_DEADLINE_IMMINENT_MINUTES, config.CRISIS_DEADLINE_URGENT_MINUTES, config.CRISIS_DEADLINE_CONCERN_MINUTES]).toEqual([60, 1440, 4320]);
    expect(parseDayList(config.REFERRAL_FOLLOW_UP_DAYS)).toEqual([7, 30, 90]);
    expect(parseDayList(config.INCIDENT_RESCREEN_DAYS)).toEqual([7, 30]);
    expect(config.BREAK_GLASS_MINUTES).toBe(240);
  });
});
