import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toBool = ({ value }: { value: unknown }) =>
  typeof value === 'boolean' ? value : ['true', '1', 'yes'].includes(String(value).toLowerCase());
const toInt = ({ value }: { value: unknown }) => (value === '' || value === undefined ? value : Number(value));
/** A comma-separated list of whole days (ascending order is checked where the list is parsed). */
const DAY_LIST = /^\d{1,4}(,\d{1,4}){0,9}$/;
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

  /**
   * Earlier JWT signing secrets (comma-separated), still accepted for tokens they signed, so a rotation signs nobody
   * out: keep one until ACCESS_TOKEN_TTL_SECONDS has passed since the switch, then remove it.
   */
  @IsOptional() @IsString()
  JWT_SECRETS_RETIRED?: string;

  /** Rows re-encrypted per step of the key-rotation job (one table column at a time). */
  @Transform(toInt) @IsInt() @Min(1) @Max(10_000) KEY_ROTATION_BATCH: number;

  @IsString() @MinLength(32, { message: 'AUDIT_KEY must be at least 32 characters / AUDIT_KEY 至少 32 个字符' })
  AUDIT_KEY: string;

  /**
   * Earlier audit keys (comma-separated), kept so rows and checkpoints they signed still verify: every row and
   * checkpoint names its key's id. Keep each as long as the audit rows it signed (docs/operations.md, rotate keys).
   */
  @IsOptional() @IsString()
  @Matches(/^\s*$|^[^,]{32,}(,[^,]{32,})*$/, { message: 'AUDIT_KEYS_RETIRED must be comma-separated keys of at least 32 characters / AUDIT_KEYS_RETIRED 须为逗号分隔、每个至少 32 个字符的密钥' })
  AUDIT_KEYS_RETIRED?: string;

  @IsString() @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters / ADMIN_PASSWORD 至少 12 个字符' })
  ADMIN_PASSWORD: string;

  @Transform(toInt) @IsInt() @Min(60) ACCESS_TOKEN_TTL_SECONDS: number;
  @Transform(toInt) @IsInt() @Min(300) REFRESH_TOKEN_TTL_SECONDS: number;
  @Transform(toInt) @IsInt() @Min(1) LOGIN_MAX_FAILURES: number;
  @Transform(toInt) @IsInt() @Min(1) LOGIN_LOCK_MINUTES: number;
  @Transform(toInt) @IsInt() @Min(1) LOGIN_THROTTLE_LIMIT: number;
  @Transform(toInt) @IsInt() @Min(1) LOGIN_THROTTLE_TTL_SECONDS: number;
  /** Token refreshes per minute per refresh-token family (one signed-in session). */
  @Transform(toInt) @IsInt() @Min(1) REFRESH_THROTTLE_LIMIT: number;
  /** Sign-ins and refreshes per minute from one IP address together: an office of 300 behind one NAT fits. */
  @Transform(toInt) @IsInt() @Min(1) SESSION_IP_THROTTLE_LIMIT: number;
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
  /** A claimed job's lease, timed by the database's clock and renewed by a heartbeat while the job runs. */
  @Transform(toInt) @IsInt() @Min(1) JOBS_LEASE_SECONDS: number;
  /** How often the audit sequencer links committed audit rows into the chain (one instance at a time). */
  @Transform(toInt) @IsInt() @Min(100) @Max(60_000) AUDIT_SEQUENCER_MS: number;
  /** At most this often a signed checkpoint of the chain's head is written to AUDIT_CHECKPOINT_DIR (0: every round). */
  @Transform(toInt) @IsInt() @Min(0) @Max(3600) AUDIT_CHECKPOINT_SECONDS: number;
  /** The checkpoint sink outside the database: a directory (shared by all instances; ship it off the database host). */
  @IsString() @MinLength(1) AUDIT_CHECKPOINT_DIR: string;

  // Operations (docs/operations.md): metrics, shutdown, backups, retention.
  /** Bearer token that /metrics requires; empty: /metrics is served only on METRICS_PORT (or not at all). */
  @IsString() @Matches(/^$|^.{16,}$/, { message: 'METRICS_TOKEN must be empty or at least 16 characters / METRICS_TOKEN 为空或至少 16 个字符' })
  METRICS_TOKEN: string;
  /** A separate port that serves only /metrics (no token), bound to METRICS_HOST; 0: off. */
  @Transform(toInt) @IsInt() @Min(0) @Max(65535) METRICS_PORT: number;
  @IsString() METRICS_HOST: string;
  /** On SIGTERM, how long in-flight requests and the running job may take before the process exits anyway. */
  @Transform(toInt) @IsInt() @Min(0) @Max(600_000) SHUTDOWN_GRACE_MS: number;
  /** Where `npm run backup` and scheduled backups write. */
  @IsString() BACKUP_DIR: string;
  /** Cron expression of scheduled backups (e.g. `0 30 2 * * *`, 02:30 daily); empty: none. */
  @IsString() BACKUP_SCHEDULE: string;
  /** How many backups to keep in BACKUP_DIR (older ones are deleted after each backup). */
  @Transform(toInt) @IsInt() @Min(1) @Max(10_000) BACKUP_KEEP: number;
  /** Retention in days (0: keep for ever); applied daily by the retention job. The audit log is never purged. */
  @Transform(toInt) @IsInt() @Min(0) @Max(36_500) RETENTION_NOTIFICATION_DAYS: number;
  @Transform(toInt) @IsInt() @Min(0) @Max(36_500) RETENTION_SIGN_IN_DAYS: number;
  /** Done jobs are deleted this many days after they finished (dead jobs stay until an admin retries them). */
  @Transform(toInt) @IsInt() @Min(0) @Max(36_500) RETENTION_FINISHED_JOB_DAYS: number;
  @Transform(toInt) @IsInt() @Min(0) @Max(36_500) RETENTION_WEBHOOK_DELIVERY_DAYS: number;
  @Transform(toInt) @IsInt() @Min(0) @Max(36_500) RETENTION_DESK_TEXT_DAYS: number;
  /** Rows changed per retention batch (one transaction and one audit row each). */
  @Transform(toInt) @IsInt() @Min(1) @Max(100_000) RETENTION_BATCH: number;

  /** Mounts /api/v1/test/* (manual clock, job draining) for the e2e suite. Refused in production. */
  @Transform(toBool) @IsBoolean() TEST_HOOKS: boolean;

  @IsString() SMTP_URL: string;
  @IsString() MAIL_FROM: string;
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL: string;
  /** Requests slower than this are logged (warn), beside every 5xx (error); no other request is. */
  @Transform(toInt) @IsInt() @Min(1) LOG_SLOW_REQUEST_MS: number;
  /** Help lines shown with a crisis result: `number label;number label`. */
  @IsString() HELP_LINES: string;
  /**
   * Crisis rules per instrument, replacing the shipped defaults of the instruments named (JSON, e.g.
   * `{"PHQ-9":[{"kind":"item_above","item":9,"above":0},{"kind":"total_at_least","atLeast":20}],"K10":[]}`).
   * Empty: every instrument keeps the defaults in its data file. Checked at start-up.
   */
  @IsString() ASSESSMENT_CRISIS_RULES: string;

  /** Response deadline of a crisis case per triage level, in minutes (1 h, 24 h, 72 h by default). */
  @Transform(toInt) @IsInt() @Min(1) CRISIS_DEADLINE_IMMINENT_MINUTES: number;
  @Transform(toInt) @IsInt() @Min(1) CRISIS_DEADLINE_URGENT_MINUTES: number;
  @Transform(toInt) @IsInt() @Min(1) CRISIS_DEADLINE_CONCERN_MINUTES: number;
  /** How long a break-the-glass grant lasts (minutes; at most a day). */
  @Transform(toInt) @IsInt() @Min(1) @Max(1440) BREAK_GLASS_MINUTES: number;
  /** Follow-ups after a referral is sent, in days after sending, ascending (e.g. `7,30,90`). */
  @Matches(DAY_LIST, { message: 'REFERRAL_FOLLOW_UP_DAYS must be ascending whole days, e.g. 7,30,90 / 须为递增的天数，如 7,30,90' })
  REFERRAL_FOLLOW_UP_DAYS: string;
  /** Re-screening of the workers affected by a critical incident, in days after it (e.g. `7,30`). */
  @Matches(DAY_LIST, { message: 'INCIDENT_RESCREEN_DAYS must be ascending whole days, e.g. 7,30 / 须为递增的天数，如 7,30' })
  INCIDENT_RESCREEN_DAYS: string;
  /** How many days each incident re-screening campaign stays open. */
  @Transform(toInt) @IsInt() @Min(1) @Max(60) INCIDENT_RESCREEN_WINDOW_DAYS: number;

  /**
   * Minimum cell size k of published aggregates (dashboards, reports): a count below k is withheld, with
   * complementary suppression (src/platform/reporting/suppression.ts). Never below 5.
   */
  @Transform(toInt) @IsInt() @Min(5) REPORTING_MIN_CELL: number;
  @IsString() DATA_DIR: string;

  // Service desk (12351 and online requests): working time, deadlines, reopening, figures. Checked at start-up.
  /** IANA time zone of the desk's working hours and of the reference numbers' dates. */
  @IsString() DESK_TIMEZONE: string;
  /** Daily working window, `HH:MM-HH:MM`. */
  @IsString() DESK_WORKING_HOURS: string;
  /** ISO weekdays the desk works, `1,2,3,4,5` (Monday = 1). */
  @IsString() DESK_WORKING_DAYS: string;
  /** Public holidays (法定节假日), `YYYY-MM-DD,…`; and make-up working days (调休) on weekends. */
  @IsString() DESK_HOLIDAYS: string;
  @IsString() DESK_EXTRA_WORKING_DAYS: string;
  /** A request is to be answered (受理) within this much working time. */
  @Transform(toInt) @IsInt() @Min(1) @Max(100_000) DESK_ANSWER_WORKING_MINUTES: number;
  /** The first reply to the worker is due within this many working days (a working day is the daily window). */
  @Transform(toInt) @IsInt() @Min(1) @Max(60) DESK_FIRST_REPLY_WORKING_DAYS: number;
  /** A crisis request is answered within these minutes of clock time, working hours or not. */
  @Transform(toInt) @IsInt() @Min(1) @Max(1440) DESK_CRISIS_ANSWER_MINUTES: number;
  /** A supervised (督办) request still overdue after this much working time is escalated one level up. */
  @Transform(toInt) @IsInt() @Min(1) @Max(100_000) DESK_ESCALATE_AFTER_WORKING_MINUTES: number;
  /** Default deadline of a forward (转办) when the sender gives none, in working days. */
  @Transform(toInt) @IsInt() @Min(1) @Max(60) DESK_FORWARD_WORKING_DAYS: number;
  /** A worker may reopen a resolved or closed request within this many days. */
  @Transform(toInt) @IsInt() @Min(0) @Max(365) DESK_REOPEN_DAYS: number;
  /** Minimum cell size of desk figures shown to officials. */
  @Transform(toInt) @IsInt() @Min(5) @Max(1000) DESK_FIGURES_MIN_CELL: number;
  /**
   * EAP webhooks to loopback and private addresses (the SSRF guard off), for the example vendor on 127.0.0.1. Unset:
   * allowed in development only; the e2e suite sets it; refused in production.
   */
  @Transform(toBoolOrDevelopment) @IsBoolean() EAP_WEBHOOK_ALLOW_PRIVATE_NETWORKS: boolean;
  /** How long one webhook delivery attempt may take (connect and response). */
  @Transform(toInt) @IsInt() @Min(100) @Max(60_000) EAP_WEBHOOK_TIMEOUT_MS: number;

  // 智慧工会: SMS, phone sign-in, self-join, staff two-factor (issue #20).
  /** Key of the blind index over phone numbers (lookups of encrypted numbers); never rotate without a rebuild. */
  @IsString() @MinLength(32, { message: 'LOOKUP_KEY must be at least 32 characters / LOOKUP_KEY 至少 32 个字符' })
  LOOKUP_KEY: string;
  /** The HTTP SMS gateway (empty: no texts are sent; each is recorded as refused with `no_gateway`). */
  @IsString() SMS_GATEWAY_URL: string;
  @IsString() SMS_GATEWAY_KEY: string;
  /** Signs our requests to the gateway and verifies its receipts and replies (HMAC-SHA256). */
  @IsString() SMS_GATEWAY_SECRET: string;
  /** Texts per number per hour and per day (codes and notices together); more are refused, never queued. */
  @Transform(toInt) @IsInt() @Min(1) @Max(100) SMS_NUMBER_HOURLY_LIMIT: number;
  @Transform(toInt) @IsInt() @Min(1) @Max(500) SMS_NUMBER_DAILY_LIMIT: number;
  /** Notice kinds (prefixes, comma-separated) that also go by SMS, e.g. `counselling.reminder,desk.request_replied`. */
  @IsString() SMS_NOTIFICATION_KINDS: string;
  /** 线上心理疏导: crisis-language phrases (`;`-separated) replacing the shipped list; empty keeps it (docs/mobile-access.md). */
  @IsString() ONLINE_CRISIS_PHRASES: string;
  /** The time zone of counsellors' office hours for online messages (IANA). */
  @IsString() ONLINE_COUNSELLING_TIMEZONE: string;
  /** A sign-in or join code: lifetime, wrong tries before it is void, and the wait before a new one for a number. */
  @Transform(toInt) @IsInt() @Min(60) @Max(1800) SMS_CODE_TTL_SECONDS: number;
  @Transform(toInt) @IsInt() @Min(1) @Max(10) SMS_CODE_MAX_ATTEMPTS: number;
  @Transform(toInt) @IsInt() @Min(10) @Max(600) SMS_CODE_COOLDOWN_SECONDS: number;
  /** Codes one IP address may request per hour (a flood from one address reaches few numbers). */
  @Transform(toInt) @IsInt() @Min(1) @Max(10_000) SMS_CODE_IP_HOURLY_LIMIT: number;
  /** `required`: admins and supervisors must sign in with a TOTP code (set up at their next sign-in). */
  @IsIn(['optional', 'required']) STAFF_2FA: 'optional' | 'required';
  /** The address workers open (join links and posters), e.g. `https://xingang.example-union.cn`. */
  @IsString() @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, { message: 'PUBLIC_URL must be http(s)://host[/path] / PUBLIC_URL 须为 http(s)://主机' })
  PUBLIC_URL: string;
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
  assertIndividualTier(config);
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

/** `7,30,90` → [7, 30, 90]; null for a list with a zero day or one that does not strictly rise. */
export function parseDayList(value: string): number[] | null {
  if (!DAY_LIST.test(value)) return null;
  const days = value.split(',').map(Number);
  return days.every((day, i) => day > 0 && (i === 0 || day > days[i - 1])) ? days : null;
}

/** Settings of the individual tier that are more than one value: lists rise, deadlines rise with urgency. */
function assertIndividualTier(config: AppConfig): void {
  const problems: string[] = [];
  for (const name of ['REFERRAL_FOLLOW_UP_DAYS', 'INCIDENT_RESCREEN_DAYS'] as const) {
    if (parseDayList(config[name]) === null) problems.push(`  ${name}: 须为递增的正整数天数 / must be whole days > 0 in rising order`);
  }
  if (!(config.CRISIS_DEADLINE_IMMINENT_MINUTES <= config.CRISIS_DEADLINE_URGENT_MINUTES && config.CRISIS_DEADLINE_URGENT_MINUTES <= config.CRISIS_DEADLINE_CONCERN_MINUTES)) {
    problems.push('  CRISIS_DEADLINE_*_MINUTES: 期限须满足 imminent ≤ urgent ≤ concern / deadlines must satisfy imminent ≤ urgent ≤ concern');
  }
  if (problems.length > 0) throw new ConfigurationError(`配置无效 / Invalid configuration:\n${problems.join('\n')}`);
}

function assertStrongSecrets(config: AppConfig): void {
  const weak = (['JWT_SECRET', 'AUDIT_KEY', 'ADMIN_PASSWORD'] as const).filter((name) =>
    /^(.)\1+$|changeme|password|secret|12345/i.test(config[name]),
  );
  if (weak.length > 0) {
    throw new ConfigurationError(`生产环境拒绝弱密钥 / Weak secrets refused in production: ${weak.join(', ')}`);
  }
}
