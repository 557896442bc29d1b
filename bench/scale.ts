// `npm run bench -- scale`: Docket past one machine's worth of data.
//   queries  — load N synthetic events (default 1,000,000) into SQLite and into PostgreSQL, start the
//              real server (`docket serve`) on each, and time the main API filters from this process:
//              p50/p95/p99 and requests/s at a fixed concurrency.
//   workers  — ingest the same articles through the job queue with 1, 2 and 4 `docket worker`
//              processes on one PostgreSQL, and report articles/s for each.
// Options: --part queries|workers|all, --events N, --pg URL, --requests N, --concurrency N,
//          --workers 1,2,4, --articles N. Loaded databases are kept (and reused) under the system temp
//          folder, keyed by N; delete them with --fresh.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sourceIdFor } from '../src/adapters/storage-shared.js';
import type { SaveItem } from '../src/ports/storage.port.js';
import { fmt, loadSynthetic, requireBuild, serve, stop } from './scale/record.js';
import { runRequests, summarise } from './scale/requests.js';
import { EVENTS_PER_SOURCE, SCALE_COUNTRIES, syntheticSources } from './scale/synthetic.js';
import { mulberry32 } from './cluster/lib.js';

export interface ScaleOptions {
  opt: (name: string) => string | undefined;
  flag: (name: string) => boolean;
}

function pgUrl(o: ScaleOptions): string {
  return (
    o.opt('pg') ??
    process.env.DOCKET_BENCH_PG_URL ??
    process.env.DOCKET_TEST_PG_URL ??
    'postgres://postgres@127.0.0.1:5432/test'
  );
}

function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('schema', schema);
  return u.toString();
}

async function pgReachable(url: string): Promise<string | null> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
}

interface Timing {
  name: string;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
}

/** `requests` GETs of the paths `make(i)` gives, `concurrency` at a time, after a short warm-up. */
async function time(
  base: string,
  name: string,
  make: (i: number) => string,
  requests: number,
  concurrency: number,
): Promise<Timing> {
  // ten warm-up requests one at a time, with paths past the measured ones
  const path = (i: number): string => make(i < 10 ? requests + i : i - 10);
  const run = await runRequests({ base, path, concurrency, warmup: 10, warmupConcurrency: 1, requests });
  const failed = run.failures[0];
  if (failed) throw new Error(`${name}: GET ${failed.path} → ${failed.status ?? 'error'} ${failed.message}`);
  const t = summarise(run);
  return { name, p50: t.p50, p95: t.p95, p99: t.p99, rps: t.rps };
}

/** The main API filters, each with parameters that vary per request (seeded, the same on each database). */
function queries(events: number): [string, (i: number) => string][] {
  const sources = Math.ceil(events / EVENTS_PER_SOURCE);
  const rnd = mulberry32(99);
  const r = (i: number, salt: number): number => mulberry32(i * 7919 + salt)();
  const day = (x: number): string =>
    new Date(Date.parse('2022-01-01') + Math.floor(x * 1000) * 86_400_000).toISOString().slice(0, 10);
  const ids = Array.from({ length: 256 }, () => {
    const s = Math.floor(rnd() * sources);
    const [item] = [...syntheticSources(1, 7, s)] as [SaveItem];
    return `${sourceIdFor(item.source.sha256)}.e${1 + Math.floor(rnd() * EVENTS_PER_SOURCE)}`;
  });
  const cc = (i: number): string => SCALE_COUNTRIES[Math.floor(r(i, 1) * SCALE_COUNTRIES.length)]!.cc;
  return [
    ['list, newest first', () => '/api/events?limit=50'],
    [
      'country + 90 days',
      (i) => {
        const from = day(r(i, 2));
        return `/api/events?country=${cc(i)}&from=${from}&to=${day(r(i, 2) + 0.09)}&limit=50`;
      },
    ],
    [
      'event type',
      (i) => `/api/events?type=${encodeURIComponent(r(i, 3) < 0.5 ? 'Battles' : 'Protests')}&limit=50`,
    ],
    [
      'actor',
      (i) =>
        `/api/events?actor=${encodeURIComponent(['wagner', 'houthis', 'arakan', 'jnim'][i % 4]!)}&limit=50`,
    ],
    [
      'bounding box 10°',
      (i) => {
        const c = SCALE_COUNTRIES[i % SCALE_COUNTRIES.length]!;
        return `/api/events?bbox=${c.lon - 5},${c.lat - 5},${c.lon + 5},${c.lat + 5}&limit=50`;
      },
    ],
    ['full text', (i) => `/api/events?q=Town${Math.floor(r(i, 4) * 5000)}&limit=50`],
    ['one event', (i) => `/api/events/${ids[i % ids.length]}`],
    ['timeline of a country', (i) => `/api/timeline?country=${cc(i)}`],
  ];
}

async function queryPart(o: ScaleOptions): Promise<void> {
  const events = Number(o.opt('events') ?? 1_000_000);
  const requests = Number(o.opt('requests') ?? 200);
  const concurrency = Number(o.opt('concurrency') ?? 4);
  const backends: { name: string; db: string }[] = [];
  const file = join(tmpdir(), `docket-scale-${events}.db`);
  if (o.flag('fresh')) for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  backends.push({ name: 'SQLite', db: file });
  const pg = pgUrl(o);
  const problem = await pgReachable(pg);
  if (problem) console.log(`PostgreSQL at ${pg} not reachable (${problem}): measuring SQLite only`);
  else {
    const schema = `docket_scale_${events}`;
    if (o.flag('fresh')) await dropSchema(pg, schema);
    backends.push({ name: 'PostgreSQL', db: withSchema(pg, schema) });
  }
  const results = new Map<string, Timing[]>();
  for (const b of backends) {
    console.log(`\n${b.name}: ${b.db.startsWith('postgres') ? b.db : file}`);
    await loadSynthetic(b.db, events);
    const { base, child } = await serve(b.db);
    try {
      const list: Timing[] = [];
      for (const [name, make] of queries(events)) {
        const t = await time(base, name, make, requests, concurrency);
        console.log(
          `  ${name.padEnd(24)} p50 ${t.p50.toFixed(1).padStart(7)} ms  p95 ${t.p95.toFixed(1).padStart(7)} ms  p99 ${t.p99.toFixed(1).padStart(7)} ms  ${t.rps.toFixed(0).padStart(5)} req/s`,
        );
        list.push(t);
      }
      results.set(b.name, list);
    } finally {
      await stop(child);
    }
  }
  console.log(
    `\n| query (${fmt(events)} events, ${requests} requests, concurrency ${concurrency}) | ${backends.map((b) => `${b.name} p50 / p95 / p99 ms`).join(' | ')} |`,
  );
  console.log(`|---|${backends.map(() => '---').join('|')}|`);
  const names = queries(1).map(([n]) => n);
  for (const name of names)
    console.log(
      `| ${name} | ${backends
        .map((b) => {
          const t = results.get(b.name)!.find((x) => x.name === name)!;
          return `${t.p50.toFixed(1)} / ${t.p95.toFixed(1)} / ${t.p99.toFixed(1)}`;
        })
        .join(' | ')} |`,
    );
}

export async function scale(o: ScaleOptions): Promise<void> {
  requireBuild();
  const part = o.opt('part') ?? 'all';
  if (part === 'queries' || part === 'all') await queryPart(o);
  if (part === 'workers' || part === 'all') {
    const { workerPart } = await import('./scale-workers.js');
    await workerPart(o, pgUrl(o));
  }
}
