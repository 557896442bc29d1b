// Shared test helpers: the real gazetteer (built once by global-setup), temporary folders.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import type { InputItem } from '../src/domain/incoming.js';
import { openGazetteer, type SqliteGazetteer } from '../src/gazetteer/sqlite.gazetteer.js';

let gazetteer: SqliteGazetteer | null = null;

export async function testGazetteer(): Promise<SqliteGazetteer> {
  gazetteer ??= await openGazetteer(loadConfig().cacheDir);
  return gazetteer;
}

export function tempDir(prefix = 'docket-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * The PostgreSQL server integration tests use, from DOCKET_TEST_PG_URL (`.ci/run` sets it to the local
 * server). Null when unset: suites that need it are skipped and say so.
 */
export const TEST_PG_URL: string | null = process.env.DOCKET_TEST_PG_URL?.trim() || null;

/** Print once per suite why a PostgreSQL suite is skipped. */
export function warnPgSkipped(suite: string): void {
  if (!TEST_PG_URL)
    console.warn(
      `[${suite}] skipped: set DOCKET_TEST_PG_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run it`,
    );
}

/** A URL for a fresh, uniquely named schema on the test server (created by whoever opens it first). */
export function freshPgSchemaUrl(prefix = 'docket_t'): { url: string; schema: string } {
  if (!TEST_PG_URL) throw new Error('DOCKET_TEST_PG_URL is not set');
  const schema = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const u = new URL(TEST_PG_URL);
  u.searchParams.set('schema', schema);
  return { url: u.toString(), schema };
}

/** Drop a test schema and everything in it. */
export async function dropPgSchema(schema: string): Promise<void> {
  if (!TEST_PG_URL) return;
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema.replace(/"/g, '')}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** Plain-text reports as ingest items: [outlet, published, text] each, origins r0, r1, … */
export function textItems(reports: readonly (readonly [string, string, string])[]): InputItem[] {
  return reports.map(([outlet, published, text], i) => ({
    kind: 'document',
    doc: {
      origin: `r${i}`,
      text,
      raw: null,
      mediaType: 'text/plain',
      outlet,
      url: null,
      title: null,
      published,
    },
  }));
}
