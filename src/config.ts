// One configuration schema, validated once at start (zod). Every key is listed in the README.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from './domain/errors.js';

const bool = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'].includes(v), 'expected true or false')
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const schema = z.object({
  DOCKET_DB: z.string().min(1).default('docket.db'),
  DOCKET_HOST: z.string().min(1).default('127.0.0.1'),
  DOCKET_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  DOCKET_CACHE_DIR: z.string().min(1).optional(),
  DOCKET_MAX_INPUT_MB: z.coerce.number().positive().max(1024).default(10),
  DOCKET_DEMO: bool.default(true),
  DOCKET_USER: z.string().trim().min(1).optional(),
  DOCKET_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  DOCKET_QUEUE: z.string().trim().min(1).optional(),
  DOCKET_JOB_RETRIES: z.coerce.number().int().min(0).max(100).default(3),
  DOCKET_JOB_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  DOCKET_JOB_TIMEOUT_SECONDS: z.coerce.number().int().min(2).max(86_399).default(600),
  DOCKET_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  DOCKET_SESSION_HOURS: z.coerce.number().positive().max(8760).default(12),
  DOCKET_PUBLIC_READS: bool.default(true),
});

export interface Config {
  /** SQLite database file, or a PostgreSQL URL (postgres://…). */
  db: string;
  host: string;
  port: number;
  /** Where the gazetteer index is cached. */
  cacheDir: string;
  /** Inputs larger than this are skipped. */
  maxInputBytes: number;
  /** Load the demo corpus into an empty database on `docket serve`. */
  demo: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Who the CLI's review actions are attributed to (null: the system user). */
  user: string | null;
  /** PostgreSQL URL of the shared job queue (null: no queue; ingest runs in-process). */
  queue: string | null;
  /** Retries of a failed or timed-out job (exponential backoff) before it moves to the dead-letter queue. */
  jobRetries: number;
  /** Delay before the first retry; it doubles with each further retry. */
  jobRetryDelaySeconds: number;
  /** A job active longer than this (its worker died or hangs) is failed and retried. */
  jobTimeoutSeconds: number;
  /** Ingest jobs one `docket worker` takes at a time. */
  workerConcurrency: number;
  /** How long a browser session lasts after login. */
  sessionHours: number;
  /** Anonymous requests may read the record (false: reads need a session or an API token too). */
  publicReads: boolean;
}

/** What commands that need the job queue say when none is configured. */
export const NO_QUEUE_MESSAGE = 'no job queue: set DOCKET_QUEUE or use a PostgreSQL DOCKET_DB';

/** A URL with its password replaced by "***" (anything else unchanged): for printing settings. */
export function withoutPassword(value: string): string {
  try {
    const u = new URL(value);
    if (!u.password) return value;
    u.password = '***';
    return u.toString();
  } catch {
    return value;
  }
}

/** The configuration in force, safe to show: database and queue URLs without their passwords. */
export function shownConfig(c: Config): Config {
  return { ...c, db: withoutPassword(c.db), queue: c.queue === null ? null : withoutPassword(c.queue) };
}

/** What an admin sees of the settings: the keys with their defaults and meanings, and the values in force. */
export function settingsOf(c: Config): { inForce: Config; keys: typeof CONFIG_KEYS } {
  return { inForce: shownConfig(c), keys: CONFIG_KEYS };
}

/** True when `db` names a PostgreSQL server rather than an SQLite file. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(db);
}

/** The config keys with their defaults and meaning (printed by `docket config`, listed in the README). */
export const CONFIG_KEYS: { key: string; default: string; meaning: string }[] = [
  {
    key: 'DOCKET_DB',
    default: 'docket.db',
    meaning:
      'SQLite database file (created with its folder when missing), or a PostgreSQL URL (postgres://user@host:5432/db; add ?schema=name to use a schema other than public)',
  },
  { key: 'DOCKET_HOST', default: '127.0.0.1', meaning: 'address `docket serve` listens on' },
  { key: 'DOCKET_PORT', default: '8080', meaning: 'port `docket serve` listens on (0 = any free port)' },
  {
    key: 'DOCKET_CACHE_DIR',
    default: '$XDG_CACHE_HOME/docket or ~/.cache/docket',
    meaning: 'where the gazetteer index is built once and cached',
  },
  { key: 'DOCKET_MAX_INPUT_MB', default: '10', meaning: 'inputs larger than this are skipped with a reason' },
  {
    key: 'DOCKET_DEMO',
    default: 'true',
    meaning: 'load the demo corpus into an empty database on `docket serve`',
  },
  {
    key: 'DOCKET_USER',
    default: 'the system user',
    meaning: "who the CLI's review actions are attributed to; --by overrides",
  },
  { key: 'DOCKET_LOG_LEVEL', default: 'info', meaning: 'debug, info, warn, error or silent' },
  {
    key: 'DOCKET_QUEUE',
    default: 'DOCKET_DB when it is a PostgreSQL URL, else none',
    meaning: 'PostgreSQL URL of the job queue that `docket worker`, `ingest --queue` and `watch` share',
  },
  {
    key: 'DOCKET_JOB_RETRIES',
    default: '3',
    meaning:
      'retries of a failed or timed-out job, with exponential backoff, before it moves to the dead-letter queue (`docket jobs --dead`)',
  },
  {
    key: 'DOCKET_JOB_RETRY_DELAY_SECONDS',
    default: '5',
    meaning: 'delay before the first retry of a job; it doubles with each further retry (with jitter)',
  },
  {
    key: 'DOCKET_JOB_TIMEOUT_SECONDS',
    default: '600',
    meaning:
      'a job active longer than this (its worker died or hangs) is failed and retried; must exceed the longest clustering run',
  },
  {
    key: 'DOCKET_WORKER_CONCURRENCY',
    default: '4',
    meaning: 'ingest jobs one `docket worker` takes at a time; --concurrency overrides',
  },
  {
    key: 'DOCKET_SESSION_HOURS',
    default: '12',
    meaning: 'how long a browser session lasts after logging in, in hours (up to 8760)',
  },
  {
    key: 'DOCKET_PUBLIC_READS',
    default: 'true',
    meaning: 'anonymous visitors may read the record; false: reading needs a login or an API token too',
  },
];

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = schema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('DOCKET_') && v !== '')),
  );
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid configuration: ${issues}`);
  }
  const c = parsed.data;
  const cacheDir = c.DOCKET_CACHE_DIR ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'docket');
  return {
    db: c.DOCKET_DB,
    host: c.DOCKET_HOST,
    port: c.DOCKET_PORT,
    cacheDir,
    maxInputBytes: Math.round(c.DOCKET_MAX_INPUT_MB * 1024 * 1024),
    demo: c.DOCKET_DEMO,
    logLevel: c.DOCKET_LOG_LEVEL,
    user: c.DOCKET_USER ?? null,
    queue: c.DOCKET_QUEUE ?? (isPostgresUrl(c.DOCKET_DB) ? c.DOCKET_DB : null),
    jobRetries: c.DOCKET_JOB_RETRIES,
    jobRetryDelaySeconds: c.DOCKET_JOB_RETRY_DELAY_SECONDS,
    jobTimeoutSeconds: c.DOCKET_JOB_TIMEOUT_SECONDS,
    workerConcurrency: c.DOCKET_WORKER_CONCURRENCY,
    sessionHours: c.DOCKET_SESSION_HOURS,
    publicReads: c.DOCKET_PUBLIC_READS,
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  };
}
