// `npm run bench -- api`: latency and throughput of the HTTP API on a 100,000-event SQLite record
// (issue #6). Builds the record once (the scale suite's synthetic sources, then one full clustering
// so that events have incident grades) into a file kept under the system temp folder or at --db, starts
// the real server on it (`docket serve`, from `npm run build`), and loads it from a second Node process
// (bench/api-load.ts), one scenario after another: a warm-up, then --requests N or --seconds D (default
// 10 s) at --concurrency C (default 8). Parameters vary per request (countries, dates, boxes, ids,
// cursors taken from the record), so that no single cached answer flatters a result. Prints a table and
// writes bench/results/api.json (or --out FILE). Filtered lists and cluster queries have a target:
// p95 under 50 ms. A scenario whose endpoint or parameter the server does not have (404, 400, or a
// parameter it ignores) is reported as unavailable.
// Options: --events N, --db FILE, --fresh, --concurrency C, --requests N, --seconds D, --warmup N,
//          --only key,key, --out FILE, --seed N.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { openStorage } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { GRADES } from '../src/domain/incident.js';
import { EVENT_TYPES } from '../src/domain/types.js';
import { ClusterService } from '../src/services/cluster.service.js';
import type { LoadCrash, LoadJob, LoadMessage, LoadResult } from './api-load.js';
import { mulberry32 } from './cluster/lib.js';
import { fmt, loadSynthetic, requireBuild, ROOT, serve, stop } from './scale/record.js';
import type { LatencySummary, RequestFailure } from './scale/requests.js';
import { SCALE_ACTORS, SCALE_COUNTRIES } from './scale/synthetic.js';
import type { ScaleOptions } from './scale.js';

/** The target of issue #6, for filtered lists and cluster queries. */
const TARGET_P95_MS = 50;
/** Paths per scenario (cycled when a run asks for more). */
const POOL = 2000;
/** The synthetic record's days: sources published over three years from 2022-01-01. */
const DAY0 = Date.parse('2022-01-01');
const DAYS = 1095;

type Options = ScaleOptions;

interface RecordInfo {
  db: string;
  events: number;
  incidents: number;
  /** Seconds the build took (when this run reused the file: the run that built it). */
  loadSeconds: number;
  clusterSeconds: number;
  builtAt: string;
  reused: boolean;
}

export interface Scenario {
  key: string;
  name: string;
  /** One of its requests, for the table. */
  example: string;
  /** The p95 target applies (filtered lists and clusters). */
  target: boolean;
  paths: string[];
  /** Why it is not measured (the endpoint or a parameter is missing). */
  unavailable?: string;
  note?: string;
}

interface ScenarioResult {
  key: string;
  name: string;
  example: string;
  status: 'measured' | 'unavailable';
  note: string | null;
  targetP95Ms: number | null;
  meetsTarget: boolean | null;
  distinctPaths: number;
  summary: LatencySummary | null;
  failures: RequestFailure[];
  /**
   * Cores busy during the run, warm-up included (Linux only): the server, the load generator, and every
   * other process of the machine; and the server's CPU time per request, ms (its work, without waiting).
   */
  serverCpu: number | null;
  loaderCpu: number | null;
  otherCpu: number | null;
  serverCpuMsPerRequest: number | null;
}

const day = (n: number): string => new Date(DAY0 + n * 86_400_000).toISOString().slice(0, 10);
const enc = encodeURIComponent;
const r2 = (x: number): number => Math.round(x * 100) / 100;
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** A box of `w` × `h` degrees around (lon, lat), inside the world. */
function box(lon: number, lat: number, w: number, h: number): string {
  return [
    clamp(r2(lon - w / 2), -180, 180),
    clamp(r2(lat - h / 2), -90, 90),
    clamp(r2(lon + w / 2), -180, 180),
    clamp(r2(lat + h / 2), -90, 90),
  ].join(',');
}

// --- the record -----------------------------------------------------------------------------------

async function buildRecord(db: string, events: number, fresh: boolean): Promise<RecordInfo> {
  const meta = `${db}.build.json`;
  if (fresh) for (const f of [db, `${db}-wal`, `${db}-shm`, meta]) rmSync(f, { force: true });
  console.log(`record: ${db}`);
  const load = await loadSynthetic(db, events);
  const storage = await openStorage(loadConfig(process.env, { db }));
  let clusterSeconds = 0;
  let incidents: number;
  try {
    incidents = (await storage.incidents.listIncidents({}, { limit: 1, offset: 0 })).total;
    if (incidents === 0) {
      // grades come from incidents: one full clustering, as `docket cluster` runs it
      const t0 = performance.now();
      const r = await new ClusterService({ incidents: storage.incidents }).update(
        null,
        'bench',
        'api benchmark record',
      );
      clusterSeconds = (performance.now() - t0) / 1000;
      incidents = r.incidents;
      console.log(`  clustered into ${fmt(incidents)} incidents in ${clusterSeconds.toFixed(1)} s`);
    }
  } finally {
    await storage.close();
  }
  const have = load.events;
  if (load.seconds === 0 && clusterSeconds === 0 && !existsSync(meta)) {
    // a record this bench did not build (--db of another file): its build time is unknown
    console.log(`  reusing a record built elsewhere (build time unknown); --fresh rebuilds it`);
    return {
      db,
      events: have,
      incidents,
      loadSeconds: NaN,
      clusterSeconds: NaN,
      builtAt: 'unknown',
      reused: true,
    };
  }
  if (load.seconds > 0 || clusterSeconds > 0) {
    const info: RecordInfo = {
      db,
      events: have,
      incidents,
      loadSeconds: load.seconds,
      clusterSeconds,
      builtAt: new Date().toISOString(),
      reused: false,
    };
    writeFileSync(meta, JSON.stringify(info));
    console.log(
      `  record built in ${(load.seconds + clusterSeconds).toFixed(1)} s (load ${load.seconds.toFixed(1)} s, clustering ${clusterSeconds.toFixed(1)} s)`,
    );
    return info;
  }
  const before = JSON.parse(readFileSync(meta, 'utf8')) as RecordInfo;
  console.log(
    `  reusing the record built ${before.builtAt} in ${(before.loadSeconds + before.clusterSeconds).toFixed(1)} s (load ${before.loadSeconds.toFixed(1)} s, clustering ${before.clusterSeconds.toFixed(1)} s); --fresh rebuilds it`,
  );
  return { ...before, db, events: have, incidents, reused: true };
}

// --- talking to the server ------------------------------------------------------------------------

interface Answer {
  status: number;
  body: unknown;
}

async function getJson(base: string, path: string): Promise<Answer> {
  const r = await fetch(base + path);
  const text = await r.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: kept as text for the message
  }
  return { status: r.status, body };
}

/** The server's own words for a failed request: its error message, or the start of the body. */
function why(a: Answer): string {
  const e = (a.body as { error?: { message?: string } } | null)?.error?.message;
  return `${a.status} ${e ?? String(typeof a.body === 'string' ? a.body : JSON.stringify(a.body)).slice(0, 160)}`;
}

interface EventItem {
  id: string;
  fatalities?: { best?: number | null } | null;
}
interface ListPage {
  items: EventItem[];
  total?: number;
  nextCursor?: string | null;
}
const isPage = (b: unknown): b is ListPage => Array.isArray((b as ListPage | null)?.items);

/** CPU seconds a process has used so far (user + system), from /proc; null elsewhere. */
function cpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return null;
  // fields after the command name's closing parenthesis: utime is the 12th, stime the 13th
  const rest = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(rest[11]) + Number(rest[12]);
  return Number.isFinite(ticks) ? ticks / 100 : null;
}

/** CPU seconds all processes have used so far (the busy part of /proc/stat's first line); null elsewhere. */
function machineCpuSeconds(): number | null {
  if (!existsSync('/proc/stat')) return null;
  const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]!
    .split(/\s+/)
    .map(Number);
  const ticks = [user, nice, system, irq, softirq, steal].reduce<number>((a, b) => a + (b ?? 0), 0);
  return Number.isFinite(ticks) ? ticks / 100 : null;
}

/** CPU used between `start` and `stop()`: by the server, the load generator and the rest of the machine. */
function cpuMeter(server: number | undefined, loader: number | undefined) {
  const read = () => ({ server: cpuSeconds(server), loader: cpuSeconds(loader), all: machineCpuSeconds() });
  const t0 = performance.now();
  const a = read();
  return () => {
    const b = read();
    const seconds = (performance.now() - t0) / 1000;
    const used = (x: number | null, y: number | null): number | null =>
      x !== null && y !== null ? y - x : null;
    const s = used(a.server, b.server);
    const l = used(a.loader, b.loader);
    const all = used(a.all, b.all);
    return {
      seconds: s,
      server: s === null ? null : r2(s / seconds),
      loader: l === null ? null : r2(l / seconds),
      other: s === null || l === null || all === null ? null : r2(Math.max(0, all - s - l) / seconds),
    };
  };
}

/** Peak resident memory of a process, MB, from /proc; null elsewhere. */
function peakRssMb(pid: number | undefined): number | null {
  if (pid === undefined || !existsSync(`/proc/${pid}/status`)) return null;
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : null;
}

// --- scenarios ------------------------------------------------------------------------------------

/**
 * The scenarios with their paths, drawn from the record (seeded): countries, dates, boxes and search
 * words at random, event ids from first lists, cursors from walking pages. Probes each once and marks
 * those the server cannot answer.
 */
export async function scenarios(base: string, seed: number): Promise<Scenario[]> {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const many = (make: () => string): string[] => Array.from({ length: POOL }, make);
  const country = (): (typeof SCALE_COUNTRIES)[number] => pick(SCALE_COUNTRIES);
  const types = Object.keys(EVENT_TYPES);

  // event ids from first lists, each ending at a random day
  const ids: string[] = [];
  for (let i = 0; i < 10; i++) {
    const a = await getJson(base, `/api/events?limit=200&to=${day(Math.floor(rnd() * DAYS))}`);
    if (isPage(a.body)) ids.push(...a.body.items.map((e) => e.id));
  }

  // cursors: the newest-first list walked 100 pages deep, and 20 countries' lists 5 pages deep each
  const cursorPaths: string[] = [];
  let cursorProblem: string | undefined;
  const walk = async (prefix: string, pages: number): Promise<void> => {
    let cursor: string | null | undefined;
    let firstId: string | undefined;
    for (let p = 0; p < pages && cursorProblem === undefined; p++) {
      const path = `${prefix}limit=50${cursor ? `&cursor=${enc(cursor)}` : ''}`;
      const a = await getJson(base, path);
      if (a.status !== 200 || !isPage(a.body)) {
        cursorProblem = `GET ${path}: ${why(a)}`;
        return;
      }
      if (p === 0 && !('nextCursor' in a.body)) {
        cursorProblem = 'the list response has no nextCursor';
        return;
      }
      if (p > 0) {
        if (a.body.items[0]?.id === firstId) {
          cursorProblem = 'cursor ignored: the next page starts with the first page’s first event';
          return;
        }
        cursorPaths.push(path);
      } else firstId = a.body.items[0]?.id;
      cursor = a.body.nextCursor;
      if (!cursor) return;
    }
  };
  await walk('/api/events?', 100);
  for (let i = 0; i < 20; i++) await walk(`/api/events?country=${country().cc}&`, 5);

  const list: Scenario[] = [
    {
      key: 'list',
      name: 'list, newest first',
      example: '/api/events?limit=50',
      target: false,
      paths: ['/api/events?limit=50'],
      note: 'one URL',
    },
    {
      key: 'list-cursor',
      name: 'list, next page by cursor',
      example: '/api/events?limit=50&cursor=…',
      target: false,
      paths: cursorPaths,
      note: 'cursors from walking the list 100 pages deep and 20 countries 5 pages deep',
      ...(cursorProblem !== undefined ? { unavailable: cursorProblem } : {}),
    },
    {
      key: 'country-90d',
      name: 'country + 90 days',
      example: '/api/events?country=CC&from=D&to=D+89&limit=50',
      target: true,
      paths: many(() => {
        const d = Math.floor(rnd() * (DAYS - 90));
        return `/api/events?country=${country().cc}&from=${day(d)}&to=${day(d + 89)}&limit=50`;
      }),
    },
    {
      key: 'type',
      name: 'event type',
      example: '/api/events?type=T&limit=50',
      target: true,
      paths: many(() => `/api/events?type=${enc(pick(types))}&limit=50`),
    },
    {
      key: 'actor',
      name: 'actor',
      example: '/api/events?actor=NAME&limit=50',
      target: true,
      paths: many(() => `/api/events?actor=${enc(pick(SCALE_ACTORS).toLowerCase())}&limit=50`),
    },
    {
      key: 'bbox',
      name: 'bounding box 2–10°',
      example: '/api/events?bbox=W,S,E,N&limit=50',
      target: true,
      paths: many(() => {
        const c = country();
        const s = 2 + rnd() * 8;
        return `/api/events?bbox=${box(c.lon + (rnd() - 0.5) * 4, c.lat + (rnd() - 0.5) * 4, s, s)}&limit=50`;
      }),
    },
    {
      key: 'grade',
      name: 'incident grade',
      example: '/api/events?grade=G&limit=50',
      target: true,
      paths: many(() => `/api/events?grade=${pick(GRADES)}&limit=50`),
    },
    {
      key: 'fatalities',
      name: 'with fatalities',
      example: '/api/events?hasFatalities=true&to=D&limit=50',
      target: true,
      paths: many(() => `/api/events?hasFatalities=true&to=${day(Math.floor(rnd() * DAYS))}&limit=50`),
      note: 'a random end day varies the request',
    },
    {
      key: 'text',
      name: 'full text',
      example: '/api/events?q=Town123&limit=50',
      target: true,
      paths: many(() => `/api/events?q=Town${Math.floor(rnd() * 5000)}&limit=50`),
      note: 'the last word is a prefix: Town1 also matches Town10…Town1999',
    },
    {
      key: 'clusters-world',
      name: 'clusters, world',
      example: '/api/clusters?zoom=3',
      target: true,
      paths: ['/api/clusters?zoom=3'],
      note: 'one URL',
    },
    {
      key: 'clusters-region',
      name: 'clusters, dense region',
      example: '/api/clusters?zoom=6&bbox=W,S,E,N',
      target: true,
      paths: many(() => {
        const c = country();
        return `/api/clusters?zoom=6&bbox=${box(c.lon + (rnd() - 0.5) * 2, c.lat + (rnd() - 0.5) * 2, 8, 8)}`;
      }),
      note: '8° boxes around a country’s centre, where its events are',
    },
    {
      key: 'clusters-country',
      name: 'clusters, one country',
      example: '/api/clusters?zoom=4&country=CC',
      target: true,
      paths: many(() => `/api/clusters?zoom=4&country=${country().cc}`),
    },
    {
      key: 'timeline',
      name: 'timeline of a country',
      example: '/api/timeline?country=CC',
      target: false,
      paths: many(() => `/api/timeline?country=${country().cc}`),
    },
    {
      key: 'event',
      name: 'one event',
      example: '/api/events/:id',
      target: false,
      paths: ids.length ? many(() => `/api/events/${enc(pick(ids))}`) : [],
      ...(ids.length ? {} : { unavailable: 'no event ids: the first lists came back empty' }),
    },
  ];

  for (const s of list) {
    if (s.unavailable !== undefined) continue;
    const a = await getJson(base, s.paths[0]!);
    if (a.status < 200 || a.status >= 300) s.unavailable = `GET ${s.paths[0]}: ${why(a)}`;
  }
  // Parameters the server does not know may be dropped silently (the answer is then the unfiltered list).
  const fat = list.find((s) => s.key === 'fatalities')!;
  if (fat.unavailable === undefined) {
    const a = await getJson(base, '/api/events?hasFatalities=true&limit=200');
    if (isPage(a.body) && a.body.items.some((e) => !((e.fatalities?.best ?? 0) > 0)))
      fat.unavailable = 'hasFatalities is ignored: events without fatalities came back';
  }
  const grade = list.find((s) => s.key === 'grade')!;
  if (grade.unavailable === undefined) {
    const key = (a: Answer): string =>
      isPage(a.body) ? `${a.body.total}:${a.body.items.map((e) => e.id).join(',')}` : '';
    const all = key(await getJson(base, '/api/events?limit=50'));
    const each = await Promise.all(
      GRADES.map(async (g) => key(await getJson(base, `/api/events?grade=${g}&limit=50`))),
    );
    if (each.every((k) => k === all))
      grade.unavailable = 'grade is ignored: every grade gives the unfiltered list';
  }

  const measured = list.filter((s) => s.unavailable === undefined);
  list.push({
    key: 'mixed',
    name: 'mixed (all of the above)',
    example: 'a random scenario, then one of its requests',
    target: false,
    paths: measured.length
      ? Array.from({ length: POOL * 2 }, () => {
          const s = pick(measured);
          return pick(s.paths);
        })
      : [],
    note: `a blend of ${measured.length} scenarios, equally likely`,
    ...(measured.length ? {} : { unavailable: 'no scenario could be measured' }),
  });
  return list;
}

// --- the load generator ---------------------------------------------------------------------------

interface Loader {
  pid: number | undefined;
  run(job: Omit<LoadJob, 'kind' | 'id'>): Promise<LoadResult>;
  close(): Promise<void>;
}

function startLoader(): Loader {
  const child: ChildProcess = fork(join(ROOT, 'bench/api-load.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let next = 0;
  const waiting = new Map<number, { resolve: (r: LoadResult) => void; reject: (e: Error) => void }>();
  child.on('message', (m: LoadResult | LoadCrash) => {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.kind === 'result') w?.resolve(m);
    else w?.reject(new Error(`load generator: ${m.message}`));
  });
  child.on('exit', (code) => {
    for (const w of waiting.values()) w.reject(new Error(`the load generator exited with ${code}`));
    waiting.clear();
  });
  return {
    pid: child.pid,
    run(job) {
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        child.send({ kind: 'run', id, ...job } satisfies LoadMessage);
      });
    },
    close() {
      if (child.exitCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.send({ kind: 'exit' } satisfies LoadMessage);
      });
    },
  };
}

const rounded = (t: LatencySummary): LatencySummary => ({
  ...t,
  p50: r2(t.p50),
  p95: r2(t.p95),
  p99: r2(t.p99),
  mean: r2(t.mean),
  max: r2(t.max),
  rps: Math.round(t.rps * 10) / 10,
});

// --- report ---------------------------------------------------------------------------------------

const ms = (x: number | undefined): string => (x === undefined || Number.isNaN(x) ? '–' : x.toFixed(1));

function verdict(r: ScenarioResult): string {
  if (r.status === 'unavailable') return 'unavailable';
  if (r.meetsTarget === null) return '–';
  return r.meetsTarget ? 'yes' : '**no**';
}

function table(results: ScenarioResult[]): string {
  const rows = [
    `| scenario | request | p50 ms | p95 ms | p99 ms | req/s | requests | errors | p95 < ${TARGET_P95_MS} ms |`,
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const s = r.summary;
    rows.push(
      `| ${r.name} | \`${r.example}\` | ${ms(s?.p50)} | ${ms(s?.p95)} | ${ms(s?.p99)} | ${s ? s.rps.toFixed(0) : '–'} | ${s ? fmt(s.requests) : '–'} | ${s ? s.errors : '–'} | ${verdict(r)} |`,
    );
  }
  return rows.join('\n');
}

async function writeJson(file: string, data: unknown): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  // formatted as `prettier --check` wants it, since the file is committed
  const options = (await resolveConfig(file)) ?? {};
  writeFileSync(file, await format(JSON.stringify(data), { ...options, filepath: file }));
}

export async function apiBench(o: Options): Promise<void> {
  requireBuild();
  const events = Number(o.opt('events') ?? 100_000);
  const db = o.opt('db') ?? join(os.tmpdir(), `docket-api-${events}.db`);
  const concurrency = Number(o.opt('concurrency') ?? 8);
  const requests = o.opt('requests') !== undefined ? Number(o.opt('requests')) : undefined;
  const seconds = requests === undefined ? Number(o.opt('seconds') ?? 10) : undefined;
  const warmup = Number(o.opt('warmup') ?? 100);
  const seed = Number(o.opt('seed') ?? 6);
  const only = o.opt('only')?.split(',');
  const out = o.opt('out') ?? join(ROOT, 'bench/results/api.json');

  const record = await buildRecord(db, events, o.flag('fresh'));
  const loadAtStart = r2(os.loadavg()[0] ?? 0);
  console.log(
    `machine: ${os.cpus().length} cores shared by the server, the load generator and this process; load average ${loadAtStart}`,
  );
  const t0 = performance.now();
  const { base, child: server } = await serve(db);
  console.log(`server: ${base} (pid ${server.pid}), up in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const loader = startLoader();
  const results: ScenarioResult[] = [];
  try {
    const all = await scenarios(base, seed);
    const list = only ? all.filter((s) => only.includes(s.key)) : all;
    const amount = requests !== undefined ? `${fmt(requests)} requests` : `${seconds} s`;
    console.log(
      `load: a second process (pid ${loader.pid}), concurrency ${concurrency}, ${warmup} warm-up requests, then ${amount} per scenario`,
    );
    for (const s of list) {
      const result: ScenarioResult = {
        key: s.key,
        name: s.name,
        example: s.example,
        status: 'unavailable',
        note: s.note ?? null,
        targetP95Ms: s.target ? TARGET_P95_MS : null,
        meetsTarget: null,
        distinctPaths: new Set(s.paths).size,
        summary: null,
        failures: [],
        serverCpu: null,
        loaderCpu: null,
        otherCpu: null,
        serverCpuMsPerRequest: null,
      };
      if (s.unavailable !== undefined) {
        result.note = s.unavailable;
        console.log(`  ${s.name.padEnd(28)} unavailable: ${s.unavailable}`);
        results.push(result);
        continue;
      }
      const cpu = cpuMeter(server.pid, loader.pid);
      const r = await loader.run({
        base,
        paths: s.paths,
        concurrency,
        warmup,
        ...(requests !== undefined ? { requests } : { seconds: seconds! }),
      });
      const used = cpu();
      Object.assign(result, {
        status: 'measured',
        summary: rounded(r.summary),
        failures: r.failures,
        meetsTarget: s.target ? r.summary.p95 < TARGET_P95_MS && r.summary.errors === 0 : null,
        serverCpu: used.server,
        loaderCpu: used.loader,
        otherCpu: used.other,
        serverCpuMsPerRequest:
          used.seconds === null ? null : r2((used.seconds * 1000) / (warmup + r.summary.requests)),
      } satisfies Partial<ScenarioResult>);
      const t = r.summary;
      console.log(
        `  ${s.name.padEnd(28)} p50 ${ms(t.p50).padStart(7)}  p95 ${ms(t.p95).padStart(7)}  p99 ${ms(t.p99).padStart(7)} ms  ${t.rps.toFixed(0).padStart(5)} req/s  ${t.errors} errors  cores: server ${result.serverCpu ?? '?'}, load ${result.loaderCpu ?? '?'}, other ${result.otherCpu ?? '?'}; server ${result.serverCpuMsPerRequest ?? '?'} ms CPU/req${s.target ? `  target ${verdict(result)}` : ''}`,
      );
      for (const f of r.failures.slice(0, 2))
        console.log(`      ${f.status ?? 'error'} ${f.path}: ${f.message}`);
      results.push(result);
    }
  } finally {
    await loader.close();
    const rss = peakRssMb(server.pid);
    await stop(server);
    if (rss !== null) console.log(`server peak RSS ${rss.toFixed(0)} MB`);
  }

  const settings = `concurrency ${concurrency}, ${requests !== undefined ? `${requests} requests` : `${seconds} s`} per scenario after ${warmup} warm-up requests`;
  console.log(`\n${fmt(record.events)} events, ${fmt(record.incidents)} incidents, SQLite; ${settings}\n`);
  console.log(table(results));
  const others = results.map((r) => r.otherCpu).filter((x): x is number => x !== null);
  const otherMax = others.length ? Math.max(...others) : null;
  if (otherMax !== null && otherMax > 0.2)
    console.log(
      `\nnote: other processes kept up to ${otherMax} of ${os.cpus().length} cores busy during a scenario: those figures are slower than an idle machine's`,
    );
  const cpus = os.cpus();
  await writeJson(out, {
    suite: 'api',
    measuredAt: new Date().toISOString(),
    command: `npm run bench -- api ${process.argv.slice(3).join(' ')}`.trim(),
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? null,
      memoryGiB: r2(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      note: 'the server, the load generator and the bench process share these cores',
      loadAverageAtStart: loadAtStart,
      otherCpuMax: otherMax,
    },
    record: {
      storage: 'SQLite',
      events: record.events,
      incidents: record.incidents,
      loadSeconds: Number.isNaN(record.loadSeconds) ? null : r2(record.loadSeconds),
      clusterSeconds: Number.isNaN(record.clusterSeconds) ? null : r2(record.clusterSeconds),
      builtAt: record.builtAt,
      reused: record.reused,
    },
    settings: { concurrency, warmup, requests: requests ?? null, seconds: seconds ?? null, seed },
    targetP95Ms: TARGET_P95_MS,
    scenarios: results,
  });
  console.log(`\nwrote ${relative(process.cwd(), out) || out}`);
}
