// A synthetic record in a database, and the real server on it: shared by the `scale` and `api` suites.
//   loadSynthetic — fill SQLite or PostgreSQL with N synthetic events (resumes a partial load)
//   serve         — `docket --db DB serve --port 0 --no-demo` as a child process, resolved with its URL
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openStorage } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { SaveItem } from '../../src/ports/storage.port.js';
import { EVENTS_PER_SOURCE, syntheticSources } from './synthetic.js';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const CLI = join(ROOT, 'dist/cli/main.js');

export const fmt = (n: number): string => n.toLocaleString('en-US');

/** Throws unless `npm run build` has made the CLI the server is started from. */
export function requireBuild(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
}

/** What loadSynthetic did: how many events were there before, how many after, and how long it took. */
export interface LoadReport {
  before: number;
  events: number;
  seconds: number;
}

/**
 * Load `events` synthetic events into the database `db` (SQLite file or PostgreSQL URL); skipped when it
 * already holds them, resumed when it holds part of them.
 */
export async function loadSynthetic(db: string, events: number): Promise<LoadReport> {
  const config = loadConfig(process.env, { db });
  const storage = await openStorage(config);
  try {
    const have = (await storage.stats()).events;
    const sources = Math.ceil(events / EVENTS_PER_SOURCE);
    if (have >= sources * EVENTS_PER_SOURCE) {
      console.log(`  ${fmt(have)} events already loaded`);
      return { before: have, events: have, seconds: 0 };
    }
    const done = Math.floor(have / EVENTS_PER_SOURCE);
    const t0 = performance.now();
    let batch: SaveItem[] = [];
    let n = done;
    for (const item of syntheticSources(sources - done, 7, done)) {
      batch.push(item);
      if (batch.length === 200) {
        await storage.saveExtractions(batch);
        n += batch.length;
        batch = [];
        if (n % 20_000 === 0)
          process.stdout.write(
            `\r  loaded ${fmt(n * EVENTS_PER_SOURCE)} events (${fmt(Math.round(((n - done) * EVENTS_PER_SOURCE) / ((performance.now() - t0) / 1000)))}/s)`,
          );
      }
    }
    if (batch.length) await storage.saveExtractions(batch);
    // planner statistics for the freshly loaded tables (PostgreSQL's autovacuum would get there later)
    if (db.startsWith('postgres')) {
      const { default: pg } = await import('pg');
      const u = new URL(db);
      const schema = u.searchParams.get('schema') ?? 'public';
      u.searchParams.delete('schema');
      const client = new pg.Client({ connectionString: u.toString() });
      await client.connect();
      // VACUUM too: index-only scans need the visibility map that a fresh bulk load lacks
      for (const table of ['events', 'sources']) await client.query(`VACUUM ANALYZE "${schema}"."${table}"`);
      await client.end();
    }
    const s = (performance.now() - t0) / 1000;
    console.log(
      `\r  loaded ${fmt(sources * EVENTS_PER_SOURCE)} events in ${s.toFixed(0)} s (${fmt(Math.round(((sources - done) * EVENTS_PER_SOURCE) / s))} events/s)`,
    );
    return { before: have, events: sources * EVENTS_PER_SOURCE, seconds: s };
  } finally {
    await storage.close();
  }
}

/** `docket serve` on `db`, on a free port; resolves with its base URL once it prints that it listens. */
export function serve(
  db: string,
  env: Record<string, string> = {},
): Promise<{ base: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, '--db', db, 'serve', '--port', '0', '--no-demo'], {
      env: {
        ...process.env,
        DOCKET_DB: db,
        DOCKET_DEMO: 'false',
        DOCKET_LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /Docket listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ base: m[1]!, child });
    });
    child.on('exit', (code) => reject(new Error(`docket serve exited with ${code}: ${out}`)));
  });
}

/** Ends a server started by `serve` and waits until it has exited. */
export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
