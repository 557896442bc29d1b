// Opening PostgreSQL: the URL (with its optional ?schema=name), a pg pool whose every connection uses
// that schema, value parsers that give the same JSON types as SQLite, connection failures as
// ConfigErrors that never show the password, and the advisory-lock keys writers share.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { ConfigError } from '../../domain/errors.js';
import type { DB } from './postgres.tables.js';

export interface PgTarget {
  /** The URL handed to pg: the given one without the `schema` parameter. */
  connectionString: string;
  schema: string;
  /** The URL as given, without its password: safe for messages and logs. */
  display: string;
}

/** Unquoted identifiers only, so that the schema name needs no escaping anywhere. */
const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** The URL without its password, also when it does not parse. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return url.replace(/(\/\/[^/@:]*):[^/@]*@/, '$1@');
  }
}

export function parsePgUrl(url: string): PgTarget {
  const display = redactUrl(url);
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ConfigError(`${display} is not a valid PostgreSQL URL (postgres://user@host:5432/database)`);
  }
  const schema = u.searchParams.get('schema') ?? 'public';
  if (!SCHEMA_NAME.test(schema))
    throw new ConfigError(
      `${display}: schema "${schema}" is not a plain name (letters, digits and _, not starting with a digit)`,
    );
  u.searchParams.delete('schema');
  return { connectionString: u.toString(), schema, display };
}

const INT8_OID = 20;

/**
 * bigint (COUNT(*), the sources rowid) as a JS number, as SQLite gives it: pg's default is a string,
 * which would change the JSON of a backup. Every count and rowid here is far below 2^53.
 */
const getTypeParser = ((oid: number, format?: 'text' | 'binary') =>
  oid === INT8_OID && format !== 'binary'
    ? (v: string): number => Number(v)
    : (pg.types.getTypeParser(oid, format) as (
        v: string,
      ) => unknown)) as pg.CustomTypesConfig['getTypeParser'];

export function createPool(target: PgTarget): pg.Pool {
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    // Every pooled connection resolves table names in the chosen schema (and pg_catalog) only.
    options: `-c search_path="${target.schema}"`,
    types: { getTypeParser },
    max: 10,
    connectionTimeoutMillis: 10_000,
  });
  // An idle connection the server closed is dropped by the pool; without a listener it would crash the process.
  pool.on('error', () => undefined);
  return pool;
}

/** What is wrong, in words, from a pg or network error; the password never appears. */
function reasonOf(e: unknown, password: string): string {
  const err = e as { code?: string; message?: string; errors?: { message?: string }[] };
  let reason: string;
  switch (err.code) {
    case 'ECONNREFUSED':
      reason = 'connection refused (is the server running and accepting TCP connections there?)';
      break;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      reason = 'host not found';
      break;
    case 'ETIMEDOUT':
      reason = 'connection timed out';
      break;
    default:
      reason = err.message || err.errors?.[0]?.message || err.code || String(e);
  }
  return password ? reason.split(password).join('***') : reason;
}

/** A pool that has made one connection, or a ConfigError saying where and what failed. */
export async function connect(target: PgTarget): Promise<Kysely<DB>> {
  const pool = createPool(target);
  try {
    const client = await pool.connect();
    client.release();
  } catch (e) {
    await pool.end().catch(() => undefined);
    let password = '';
    try {
      password = decodeURIComponent(new URL(target.connectionString).password);
    } catch {
      // no password to hide
    }
    throw new ConfigError(`cannot connect to PostgreSQL at ${target.display}: ${reasonOf(e, password)}`);
  }
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

/** FNV-1a, 32 bits, signed: a stable advisory-lock key from a name. */
function fnv32(s: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(s, 'utf8')) h = Math.imul(h ^ byte, 0x01000193);
  return h | 0;
}

/**
 * Advisory-lock keys (two-int form) for one schema: schemas on one server do not wait for each
 * other. `source` keys take the first 32 bits of a SHA-256.
 */
export function lockKeys(schema: string): { migrate: number; history: number; source: number } {
  return {
    migrate: fnv32(`docket:migrate:${schema}`),
    history: fnv32(`docket:history:${schema}`),
    source: fnv32(`docket:source:${schema}`),
  };
}

export const shaLockKey = (sha256: string): number => parseInt(sha256.slice(0, 8), 16) | 0;
