import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toBool = ({ value }: { value: unknown }) =>
  typeof value === 'boolean' ? value : ['true', '1', 'yes'].includes(String(value).toLowerCase());
const toInt = ({ value }: { value: unknown }) => (value === '' || value === undefined ? value : Number(value));
/** Unset (empty) means "only in development". */
const toBoolOrDevelopment = ({ value, obj }: { value: unknown; obj: Record<string, unknown> }) =>
  value === '' || value === undefined ? obj.NODE_ENV === 'development' : toBool({ value });

/** Every setting the app reads, validated once at start-up. Defaults live in config/defaults.json. */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT: number;

  @IsString()
  @Matches(/^(postgres|postgresql):\/\/.+|^sqlite:.+/, {
    message: 'DATABASE_URL must be postgres://… or sqlite:<path> / DATABASE_URL 须为 postgres://… 或 sqlite:<路径>',
  })
  DATABASE_URL: string;

  @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters / JWT_SECRET 至少 32 个字符' })
  JWT_SECRET: string;

  @IsString()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'DATA_KEY must be 32 bytes in base64 / DATA_KEY 须为 base64 编码的 32 字节' })
  DATA_KEY: string;

  /** Retired field-encryption keys (comma-separated base64), kept so old ciphertext stays readable. */
  @IsOptional() @IsString()
  DATA_KEYS_RETIRED?: string;

  @IsString() @MinLength(32, { message: 'AUDIT_KEY must be at least 32 characters / AUDIT_KEY 至少 32 个字符' })
  AUDIT_KEY: string;

  @IsString() @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters / ADMIN_PASSWORD 至少 12 个字符' })
  ADMIN_PASSWORD: string;

  @Transform(toInt) @IsInt() @Min(60) ACCESS_TOKEN_TTL_SECONDS: number;
  @Transform(toInt) @IsInt() @Min(300) REFRESH_TOKEN_TTL_SECONDS: number;
  @Transform(toInt) @IsInt() @Min(1) LOGIN_MAX_FAILURES: number;
  @Transform(toInt) @IsInt() @Min(1) LOGIN_LOCK_MINUTES: number;
  @Transform(toInt) @IsInt() @Min(1) LOGIN_THROTTLE_LIMIT: number;
  @Transform(toInt) @IsInt() @Min(1) LOGIN_THROTTLE_TTL_SECONDS: number;
  @Transform(toInt) @IsInt() @Min(1) API_THROTTLE_LIMIT: number;
  /** Requests per minute per EAP vendor through its API keys. */
  @Transform(toInt) @IsInt() @Min(1) VENDOR_API_THROTTLE_LIMIT: number;

  /** `low` only for tests: argon2 with small memory so suites stay fast. */
  @IsIn(['standard', 'low'])
  PASSWORD_HASH_COST: 'standard' | 'low';

  /** Seed the root unit and admin on an empty database; off only for tools that inspect the schema. */
  @Transform(toBool) @IsBoolean() BOOTSTRAP_ON_START: boolean;
  @Transform(toBool) @IsBoolean() JOBS_ENABLED: boolean;
  @Transform(toInt) @IsInt() @Min(10) JOBS_POLL_MS: number;
  @Transform(toInt) @IsInt() @Min(1) JOBS_LEASE_SECONDS: number;

  /** Mounts /api/v1/test/* (manual clock, job draining) for the e2e suite. Refused in production. */
  @Transform(toBool) @IsBoolean() TEST_HOOKS: boolean;

  @IsString() SMTP_URL: string;
  @IsString() MAIL_FROM: string;
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL: string;
  /** Help lines shown with a crisis result: `number label;number label`. */
  @IsString() HELP_LINES: string;
  /**
   * Crisis rules per instrument, replacing the shipped defaults of the instruments named (JSON, e.g.
   * `{"PHQ-9":[{"kind":"item_above","item":9,"above":0},{"kind":"total_at_least","atLeast":20}],"K10":[]}`).
   * Empty: every instrument keeps the defaults in its data file. Checked at start-up.
   */
  @IsString() ASSESSMENT_CRISIS_RULES: string;
  @IsString() DATA_DIR: string;

  /**
   * EAP webhooks to loopback and private addresses (the SSRF guard off), for the example vendor on 127.0.0.1. Unset:
   * allowed in development only; the e2e suite sets it; refused in production.
   */
  @Transform(toBoolOrDevelopment) @IsBoolean() EAP_WEBHOOK_ALLOW_PRIVATE_NETWORKS: boolean;
  /** How long one webhook delivery attempt may take (connect and response). */
  @Transform(toInt) @IsInt() @Min(100) @Max(60_000) EAP_WEBHOOK_TIMEOUT_MS: number;
}

export class ConfigurationError extends Error {}

/** Validates raw settings; throws one error that names every bad variable. */
export function validateConfig(raw: Record<string, unknown>): AppConfig {
  const config = plainToInstance(AppConfig, raw, { enableImplicitConversion: false });
  const errors = validateSync(config, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigurationError(`配置无效 / Invalid configuration:\n${lines.join('\n')}`);
  }
  if (config.NODE_ENV === 'production') assertStrongSecrets(config);
  if (config.NODE_ENV === 'production' && config.TEST_HOOKS) {
    throw new ConfigurationError('生产环境不得启用 TEST_HOOKS / TEST_HOOKS is refused in production');
  }
  if (config.NODE_ENV === 'production' && config.EAP_WEBHOOK_ALLOW_PRIVATE_NETWORKS) {
    throw new ConfigurationError(
      '生产环境不得向内网或本机地址发送 Webhook / EAP_WEBHOOK_ALLOW_PRIVATE_NETWORKS is refused in production',
    );
  }
  return config;
}

function assertStrongSecrets(config: AppConfig): void {
  const weak = (['JWT_SECRET', 'AUDIT_KEY', 'ADMIN_PASSWORD'] as const).filter((name) =>
    /^(.)\1+$|changeme|password|secret|12345/i.test(config[name]),
  );
  if (weak.length > 0) {
    throw new ConfigurationError(`生产环境拒绝弱密钥 / Weak secrets refused in production: ${weak.join(', ')}`);
  }
}
