import { ConfigurationError, validateConfig } from './app-config.js';

const valid = {
  NODE_ENV: 'production',
  PORT: '3000',
  DATABASE_URL: 'postgres://u:p@db:5432/xingang',
  JWT_SECRET: 'Zt4q9w8e7r6t5y4u3i2o1p0a9s8d7f6g5h',
  DATA_KEY: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=',
  AUDIT_KEY: 'Qm3n4b5v6c7x8z9l0k1j2h3g4f5d6s7a8p',
  ADMIN_PASSWORD: 'Vq8-long-Admin-pw',
  ACCESS_TOKEN_TTL_SECONDS: '900',
  REFRESH_TOKEN_TTL_SECONDS: '86400',
  LOGIN_MAX_FAILURES: '5',
  LOGIN_LOCK_MINUTES: '15',
  LOGIN_THROTTLE_LIMIT: '10',
  LOGIN_THROTTLE_TTL_SECONDS: '60',
  API_THROTTLE_LIMIT: '600',
  PASSWORD_HASH_COST: 'standard',
  BOOTSTRAP_ON_START: 'true',
  JOBS_ENABLED: 'true',
  JOBS_POLL_MS: '500',
  JOBS_LEASE_SECONDS: '60',
  TEST_HOOKS: 'false',
  SMTP_URL: '',
  MAIL_FROM: 'x@y',
  LOG_LEVEL: 'info',
  HELP_LINES: '12351 hotline',
  DATA_DIR: 'data',
};

describe('validateConfig', () => {
  it('accepts a complete production configuration', () => {
    const config = validateConfig(valid);
    expect(config.PORT).toBe(3000);
    expect(config.JOBS_ENABLED).toBe(true);
  });

  it.each([
    ['JWT_SECRET', 'short', /JWT_SECRET/],
    ['DATA_KEY', 'bm90LTMyLWJ5dGVz', /DATA_KEY/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL/],
    ['PORT', 'eighty', /PORT/],
    ['ADMIN_PASSWORD', 'short', /ADMIN_PASSWORD/],
  ])('names the bad variable %s', (name, value, pattern) => {
    expect(() => validateConfig({ ...valid, [name]: value })).toThrow(pattern);
  });

  it('refuses weak secrets in production', () => {
    expect(() => validateConfig({ ...valid, JWT_SECRET: 'a'.repeat(40) })).toThrow(ConfigurationError);
    expect(() => validateConfig({ ...valid, ADMIN_PASSWORD: 'password-password' })).toThrow(/ADMIN_PASSWORD/);
  });

  it('refuses test hooks in production', () => {
    expect(() => validateConfig({ ...valid, TEST_HOOKS: 'true' })).toThrow(/TEST_HOOKS/);
  });
});
