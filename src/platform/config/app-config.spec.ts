import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigurationError, validateConfig } from './app-config.js';

/** The shipped defaults plus production secrets: grows with every setting a module adds. */
const defaults = JSON.parse(readFileSync(join(process.cwd(), 'config', 'defaults.json'), 'utf8')) as Record<string, unknown>;
const valid: Record<string, unknown> = {
  ...Object.fromEntries(Object.entries(defaults).map(([key, value]) => [key, String(value)])),
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://u:p@db:5432/xingang',
  JWT_SECRET: 'Zt4q9w8e7r6t5y4u3i2o1p0a9s8d7f6g5h',
  DATA_KEY: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=',
  AUDIT_KEY: 'Qm3n4b5v6c7x8z9l0k1j2h3g4f5d6s7a8p',
  ADMIN_PASSWORD: 'Vq8-long-Admin-pw',
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

  it('refuses EAP webhooks to private networks in production, allows them in development', () => {
    expect(validateConfig(valid).EAP_WEBHOOK_ALLOW_PRIVATE_NETWORKS).toBe(false);
    expect(() => validateConfig({ ...valid, EAP_WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' })).toThrow(/EAP_WEBHOOK_ALLOW_PRIVATE_NETWORKS/);
    expect(validateConfig({ ...valid, NODE_ENV: 'development', EAP_WEBHOOK_ALLOW_PRIVATE_NETWORKS: '' }).EAP_WEBHOOK_ALLOW_PRIVATE_NETWORKS).toBe(true);
    expect(validateConfig({ ...valid, NODE_ENV: 'test', EAP_WEBHOOK_ALLOW_PRIVATE_NETWORKS: '' }).EAP_WEBHOOK_ALLOW_PRIVATE_NETWORKS).toBe(false);
    expect(validateConfig({ ...valid, NODE_ENV: 'test', EAP_WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' }).EAP_WEBHOOK_ALLOW_PRIVATE_NETWORKS).toBe(true);
  });
});
