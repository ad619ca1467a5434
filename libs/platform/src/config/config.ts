import { plainToInstance, Transform } from 'class-transformer';
import { DEFAULT_TIME_ZONE } from '@careops/care';
import { OperatorError } from '../boot/boot';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, validateSync } from 'class-validator';

/** A configuration problem found at boot: printed as one line naming the variable, never a stack. */
export class ConfigError extends OperatorError {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value);

/**
 * Every environment variable the API and the worker read, with its default (README "Configuration").
 * DATABASE_URL has no default here: the launcher (`npm start`) provides the embedded server's.
 */
export class AppConfig {
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  /** The application's own login (no table ownership, no BYPASSRLS). Unset: derived from DATABASE_URL. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_APP_URL must be a postgres:// URL' })
  DATABASE_APP_URL?: string;

  /** HS256 key of the access tokens; the same on every API instance. */
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET!: string;

  /**
   * Keys of the resident ID-number encryption (AES-256-GCM), `version:base64` comma-separated;
   * the highest version encrypts, every listed one decrypts (rotation: add a key, re-encrypt, drop the old).
   */
  @Matches(/^\d+:[A-Za-z0-9+/_-]{43}=?(,\d+:[A-Za-z0-9+/_-]{43}=?)*$/, {
    message: 'ID_ENCRYPTION_KEYS must be version:base64-of-32-bytes pairs, comma-separated (npm start generates one)',
  })
  ID_ENCRYPTION_KEYS!: string;

  /** Key of the ID-number HMAC used to find the same person twice (base64, ≥ 32 bytes). */
  @Matches(/^[A-Za-z0-9+/_-]{43,}={0,2}$/, { message: 'ID_HMAC_KEY must be base64 of at least 32 bytes (npm start generates one)' })
  ID_HMAC_KEY!: string;

  @Transform(toInt)
  @IsInt({ message: 'ACCESS_TOKEN_TTL_SECONDS must be an integer between 60 and 900' })
  @Min(60, { message: 'ACCESS_TOKEN_TTL_SECONDS must be an integer between 60 and 900' })
  @Max(900, { message: 'ACCESS_TOKEN_TTL_SECONDS must be an integer between 60 and 900' })
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt({ message: 'REFRESH_TOKEN_TTL_DAYS must be an integer between 1 and 90' })
  @Min(1, { message: 'REFRESH_TOKEN_TTL_DAYS must be an integer between 1 and 90' })
  @Max(90, { message: 'REFRESH_TOKEN_TTL_DAYS must be an integer between 1 and 90' })
  REFRESH_TOKEN_TTL_DAYS = 14;

  @Transform(toInt)
  @IsInt({ message: 'LOGIN_RATE_LIMIT_PER_MINUTE must be an integer ≥ 1' })
  @Min(1, { message: 'LOGIN_RATE_LIMIT_PER_MINUTE must be an integer ≥ 1' })
  LOGIN_RATE_LIMIT_PER_MINUTE = 20;

  @Transform(toInt)
  @IsInt({ message: 'PORT must be an integer between 1 and 65535' })
  @Min(1, { message: 'PORT must be an integer between 1 and 65535' })
  @Max(65535, { message: 'PORT must be an integer between 1 and 65535' })
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  /**
   * Where people reach this deployment: the QR code on an issued document opens
   * `${PUBLIC_BASE_URL}/verify?code=<number>`. Unset: the API's own origin, http://localhost:PORT.
   */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, { message: 'PUBLIC_BASE_URL must be an http(s) URL such as https://careops.example.cn' })
  PUBLIC_BASE_URL?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
  })
  LOG_LEVEL = 'info';

  /** HTTP worker processes of the API (Node cluster, one port); each has its own pool and caches. */
  @Transform(toInt)
  @IsInt({ message: 'API_WORKERS must be an integer between 1 and 64' })
  @Min(1, { message: 'API_WORKERS must be an integer between 1 and 64' })
  @Max(64, { message: 'API_WORKERS must be an integer between 1 and 64' })
  API_WORKERS = 1;

  /** pages of the one Chromium rendering PDFs at once (0 = the number of cores). */
  @Transform(toInt)
  @IsInt({ message: 'PDF_POOL_SIZE must be an integer between 0 and 32' })
  @Min(0, { message: 'PDF_POOL_SIZE must be an integer between 0 and 32' })
  @Max(32, { message: 'PDF_POOL_SIZE must be an integer between 0 and 32' })
  PDF_POOL_SIZE = 0;

  /** Renders that may wait for a page; beyond this the API answers 503 with Retry-After. */
  @Transform(toInt)
  @IsInt({ message: 'PDF_MAX_QUEUE must be an integer between 0 and 10000' })
  @Min(0, { message: 'PDF_MAX_QUEUE must be an integer between 0 and 10000' })
  @Max(10_000, { message: 'PDF_MAX_QUEUE must be an integer between 0 and 10000' })
  PDF_MAX_QUEUE = 50;

  /** The budget of one render, in milliseconds. */
  @Transform(toInt)
  @IsInt({ message: 'PDF_TIMEOUT_MS must be an integer of milliseconds between 1000 and 600000' })
  @Min(1000, { message: 'PDF_TIMEOUT_MS must be an integer of milliseconds between 1000 and 600000' })
  @Max(600_000, { message: 'PDF_TIMEOUT_MS must be an integer of milliseconds between 1000 and 600000' })
  PDF_TIMEOUT_MS = 30_000;

  /** Renders one Chromium serves before it is replaced by a fresh one. */
  @Transform(toInt)
  @IsInt({ message: 'PDF_RECYCLE_AFTER must be an integer ≥ 1' })
  @Min(1, { message: 'PDF_RECYCLE_AFTER must be an integer ≥ 1' })
  PDF_RECYCLE_AFTER = 500;

  @Transform(toInt)
  @IsInt({ message: 'DATABASE_POOL_SIZE must be an integer between 1 and 200' })
  @Min(1, { message: 'DATABASE_POOL_SIZE must be an integer between 1 and 200' })
  @Max(200, { message: 'DATABASE_POOL_SIZE must be an integer between 1 and 200' })
  DATABASE_POOL_SIZE = 10;

  @Transform(toInt)
  @IsInt({ message: 'DATABASE_CONNECT_TIMEOUT_MS must be an integer of milliseconds (≥ 100)' })
  @Min(100, { message: 'DATABASE_CONNECT_TIMEOUT_MS must be an integer of milliseconds (≥ 100)' })
  DATABASE_CONNECT_TIMEOUT_MS = 5000;

  @Transform(toInt)
  @IsInt({ message: 'SHUTDOWN_TIMEOUT_MS must be an integer of milliseconds (≥ 0)' })
  @Min(0, { message: 'SHUTDOWN_TIMEOUT_MS must be an integer of milliseconds (≥ 0)' })
  SHUTDOWN_TIMEOUT_MS = 10000;

  /** Embed per-document subsets of Noto Sans CJK (fast) or let Chromium embed the system font (slow; for comparison). */
  @IsIn(['true', 'false'], { message: 'PDF_FONT_SUBSET must be true or false' })
  PDF_FONT_SUBSET = 'true';

  @IsIn(['true', 'false'], { message: 'MIGRATIONS_RUN must be true or false' })
  MIGRATIONS_RUN = 'true';

  /** Five-field cron of the nightly data-health check (worker), in APP_TIMEZONE. */
  @Matches(/^(\S+\s+){4}\S+$/, { message: 'DATA_HEALTH_CRON must be a five-field cron expression' })
  DATA_HEALTH_CRON = '0 3 * * *';

  /** docs/api.md: calendar dates are the facility's; this is the default of facilities and jobs. */
  @Matches(/^[A-Za-z_]+(\/[A-Za-z_+-]+)*$/, { message: 'APP_TIMEZONE must be an IANA time zone such as Asia/Shanghai' })
  APP_TIMEZONE = DEFAULT_TIME_ZONE;

  /** docs/rules.md §4a: months between routine ability assessments 常规评估. */
  @Transform(toInt)
  @IsInt({ message: 'REASSESSMENT_MONTHS must be an integer between 1 and 60' })
  @Min(1, { message: 'REASSESSMENT_MONTHS must be an integer between 1 and 60' })
  @Max(60, { message: 'REASSESSMENT_MONTHS must be an integer between 1 and 60' })
  REASSESSMENT_MONTHS = 12;

  /** docs/rules.md §4a: a hospital leave of at least this many days calls for an 即时评估. */
  @Transform(toInt)
  @IsInt({ message: 'REASSESSMENT_HOSPITAL_DAYS must be an integer between 1 and 365' })
  @Min(1, { message: 'REASSESSMENT_HOSPITAL_DAYS must be an integer between 1 and 365' })
  @Max(365, { message: 'REASSESSMENT_HOSPITAL_DAYS must be an integer between 1 and 365' })
  REASSESSMENT_HOSPITAL_DAYS = 7;

  /** docs/rules.md §4a: when true, both assessors of a scored assessment must be staff holding a valid 评估员 certificate. */
  @IsIn(['true', 'false'], { message: 'ASSESSORS_MUST_BE_CERTIFIED must be true or false' })
  ASSESSORS_MUST_BE_CERTIFIED = 'false';

  /** docs/rules.md §9: a leave of at least this many consecutive days is not charged for items such as meals. */
  @Transform(toInt)
  @IsInt({ message: 'BILLING_MIN_LEAVE_DAYS must be an integer between 1 and 31' })
  @Min(1, { message: 'BILLING_MIN_LEAVE_DAYS must be an integer between 1 and 31' })
  @Max(31, { message: 'BILLING_MIN_LEAVE_DAYS must be an integer between 1 and 31' })
  BILLING_MIN_LEAVE_DAYS = 3;

  /** docs/rules.md §9: a deposit is capped at this many times the resident's current monthly fees. */
  @Transform(toInt)
  @IsInt({ message: 'BILLING_DEPOSIT_CAP_MONTHS must be an integer between 0 and 120' })
  @Min(0, { message: 'BILLING_DEPOSIT_CAP_MONTHS must be an integer between 0 and 120' })
  @Max(120, { message: 'BILLING_DEPOSIT_CAP_MONTHS must be an integer between 0 and 120' })
  BILLING_DEPOSIT_CAP_MONTHS = 12;

  /** docs/rules.md §9: a month's bill is due on this day of the next month. */
  @Transform(toInt)
  @IsInt({ message: 'BILLING_DUE_DAY must be an integer between 1 and 28' })
  @Min(1, { message: 'BILLING_DUE_DAY must be an integer between 1 and 28' })
  @Max(28, { message: 'BILLING_DUE_DAY must be an integer between 1 and 28' })
  BILLING_DUE_DAY = 10;

  /** docs/rules.md §9: the payee printed on bills (缴费通知单), if set. */
  @IsOptional()
  @MaxLength(100, { message: 'BILLING_PAYEE must be at most 100 characters' })
  BILLING_PAYEE?: string;

  /** docs/rules.md §9: the bank account printed on bills (开户行及账号), if set. */
  @IsOptional()
  @MaxLength(200, { message: 'BILLING_BANK_ACCOUNT must be at most 200 characters' })
  BILLING_BANK_ACCOUNT?: string;

  @IsOptional()
  @IsIn(['development', 'production', 'test'], { message: 'NODE_ENV must be development, production or test' })
  NODE_ENV?: string;
}

/** Reads and validates the environment; throws ConfigError naming every wrong or missing variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig()).concat(
    'DATABASE_URL',
    'DATABASE_APP_URL',
    'JWT_SECRET',
    'ID_ENCRYPTION_KEYS',
    'ID_HMAC_KEY',
    'NODE_ENV',
    'PUBLIC_BASE_URL',
    'BILLING_PAYEE',
    'BILLING_BANK_ACCOUNT',
  );
  const input: Record<string, string> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const config = plainToInstance(AppConfig, input);
  const errors = validateSync(config).filter((e) => e.property !== 'DATABASE_URL' || input['DATABASE_URL']);
  const problems = errors.flatMap((e) => {
    const messages = Object.values(e.constraints ?? {});
    const unique = [...new Set(messages)];
    const got = input[e.property];
    const secret = /URL|SECRET|PASSWORD|KEY/.test(e.property);
    return unique.map((m) => (got === undefined || secret ? m : `${m} (got "${got}")`));
  });
  if (!input['JWT_SECRET']) {
    const i = problems.indexOf('JWT_SECRET must be at least 32 characters');
    if (i >= 0) problems[i] = 'JWT_SECRET is required (at least 32 characters; npm start generates one)';
  }
  if (!input['DATABASE_URL']) problems.unshift('DATABASE_URL is required (a postgres:// URL)');
  const deduped = [...new Set(problems)];
  if (deduped.length > 0) throw new ConfigError(deduped);
  const local = ['127.0.0.1', '0.0.0.0', '::', '::1'].includes(config.HOST) ? 'localhost' : config.HOST;
  config.PUBLIC_BASE_URL = (config.PUBLIC_BASE_URL ?? `http://${local}:${config.PORT}`).replace(/\/+$/, '');
  return config;
}
