// `docket migrate` through the built CLI: a real SQLite record (the demo corpus, clustered, with review
// actions in its history) copied into a fresh SQLite file and, when DOCKET_TEST_PG_URL is set, into a
// fresh PostgreSQL schema — then read back through the same commands and compared.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../src/domain/incident.js';
import type { Page } from '../../src/ports/storage.port.js';
import type { MigrateReport } from '../../src/services/migrate.service.js';
import { CLI, ROOT, runCli, type CliRun } from '../cli.js';
import { dropPgSchema, freshPgSchemaUrl, TEST_PG_URL, tempDir, warnPgSkipped } from '../helpers.js';

const DEMO = join(ROOT, 'demo/corpus/reports.jsonl');

let dir: string;
let source: string;
const schemas: string[] = [];
const cli = (db: string, ...args: string[]): Promise<CliRun> =>
  runCli(args, { env: { DOCKET_DB: db, DOCKET_USER: 'tester' }, cwd: dir });

async function ok(db: string, ...args: string[]): Promise<string> {
  const r = await cli(db, ...args);
  expect(r.code, `docket ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

/** What a user sees of a record: counts, every event, every incident, the whole history. */
async function view(
  db: string,
): Promise<{ stats: unknown; events: string; incidents: unknown; history: unknown }> {
  return {
    stats: JSON.parse(await ok(db, 'stats')) as unknown,
    events: await ok(db, 'export', '--format', 'jsonl'),
    incidents: (JSON.parse(await ok(db, 'incidents', '--json', '--limit', '500')) as Page<Incident>).items,
    history: JSON.parse(await ok(db, 'history', '--json', '--limit', '500')) as unknown,
  };
}

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  dir = tempDir('docket-migrate-');
  source = join(dir, 'source.db');
  await ok(source, 'ingest', DEMO);
  const page = JSON.parse(await ok(source, 'incidents', '--json', '--limit', '500')) as Page<Incident>;
  expect(page.items.length).toBeGreaterThan(3);
  const [first, second] = page.items;
  await ok(source, 'review', 'accept', first!.id, '--why', 'two independent local sources');
  await ok(source, 'review', 'regrade', second!.id, 'contested', '--why', 'the outlets disagree on the toll');
  await ok(source, 'review', 'rate-outlet', 'Levant Wire', 'B');
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  for (const s of schemas) await dropPgSchema(s);
});

function expectExactCopy(report: MigrateReport): void {
  expect(report.mismatches).toEqual([]);
  expect(report.verify.alteredSources).toEqual([]);
  expect(report.verify.brokenHistory).toEqual([]);
  const tables = report.source.map((t) => t.table);
  for (const t of ['sources', 'events', 'claims', 'incidents', 'history']) expect(tables).toContain(t);
  expect(report.source.find((t) => t.table === 'sources')?.rows).toBe(41);
  expect(report.target).toEqual(report.source);
  expect(report.rows).toBe(report.source.reduce((n, t) => n + t.rows, 0));
}

describe('docket migrate', () => {
  it('copies an SQLite record into a fresh SQLite file with equal counts and hashes, and the copy reads the same', async () => {
    const target = join(dir, 'copy.db');
    const report = JSON.parse(
      await ok(source, 'migrate', '--to', 'sqlite', target, '--json'),
    ) as MigrateReport;
    expectExactCopy(report);
    expect(await view(target)).toEqual(await view(source));
  });

  it('refuses a target that already holds a record, and leaves it as it was', async () => {
    const target = join(dir, 'busy.db');
    await ok(target, 'ingest', DEMO);
    const before = await view(target);
    const r = await cli(source, 'migrate', '--to', 'sqlite', target);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/empty/);
    expect(await view(target)).toEqual(before);
  });

  it('names what is wrong with the target', async () => {
    const r = await cli(source, 'migrate', '--to', 'postgres', 'not-a-url');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/PostgreSQL URL/);
  });

  describe.skipIf(!TEST_PG_URL)('into PostgreSQL', () => {
    it('round-trips SQLite → PostgreSQL → SQLite with equal counts and content hashes', async () => {
      const { url, schema } = freshPgSchemaUrl('docket_migrate');
      schemas.push(schema);
      const there = JSON.parse(
        await ok(source, 'migrate', '--to', 'postgres', url, '--json'),
      ) as MigrateReport;
      expectExactCopy(there);
      expect(await view(url)).toEqual(await view(source));

      const back = join(dir, 'back.db');
      const home = JSON.parse(await ok(url, 'migrate', '--to', 'sqlite', back, '--json')) as MigrateReport;
      expectExactCopy(home);
      expect(home.source).toEqual(there.source);
      expect(await view(back)).toEqual(await view(source));
    });
  });
  if (!TEST_PG_URL) warnPgSkipped('docket migrate into PostgreSQL');
});
