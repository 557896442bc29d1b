// Ingest as jobs on one PostgreSQL queue (issue #7): two `docket worker` processes share 1,000 articles,
// one is killed (SIGKILL) mid-run, and every article still ends stored exactly once, its events clustered,
// nothing failed or lost. Also: a job that always fails lands in the dead-letter queue and `docket jobs`
// lists it; clustering never runs twice at once. Needs `npm run build` and DOCKET_TEST_PG_URL.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgBossQueue, QUEUES, queueSchemaFor } from '../../src/adapters/queue/pgboss.queue.js';
import { openStorage } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/domain/errors.js';
import { extract } from '../../src/pipeline/extract.js';
import { readInputs } from '../../src/ingest/read-inputs.js';
import type { IngestJob } from '../../src/ports/queue.port.js';
import { WorkerService } from '../../src/services/worker.service.js';
import {
  dropPgSchema,
  freshPgSchemaUrl,
  TEST_PG_URL,
  tempDir,
  testGazetteer,
  warnPgSkipped,
} from '../helpers.js';
import { CLI, cliEnv, ROOT, runCli, type CliRun } from '../cli.js';

warnPgSkipped('workers.int.test');

// --- 1,000 self-written, templated reports: 16 towns in four countries, four kinds of event, 90 days

const TOWNS = [
  'Hajin',
  'Raqqa',
  'Idlib',
  'Aleppo',
  'Mosul',
  'Kirkuk',
  'Tikrit',
  'Fallujah',
  'Kidal',
  'Gao',
  'Timbuktu',
  'Mopti',
  'Goma',
  'Bunia',
  'Beni',
  'Butembo',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const OUTLETS = ['Valley Courier', 'Desert Wire', 'River Post', 'Plains Herald', 'Harbour Times'];
const TEMPLATES: ((town: string, day: string, n: number, k: number) => string)[] = [
  (t, d, n, k) =>
    `Drones struck a fuel depot in ${t} on ${d}, killing ${n} people, local officials said. Residents said ${k} homes nearby lost power.`,
  (t, d, n, k) =>
    `Gunmen attacked an army checkpoint near ${t} on ${d}, killing ${n} soldiers, a military spokesman said. The assailants fled on ${(k % 9) + 2} motorcycles.`,
  (t, d, n, k) =>
    `Artillery shells hit a market in ${t} on ${d}, wounding ${n} civilians, a hospital director told reporters. Traders said ${k} stalls were destroyed.`,
  (t, d, n, k) =>
    `Hundreds of people protested in ${t} on ${d} against the rising price of bread, organisers said. Police estimated the crowd at ${k * 10 + 200} and arrested ${n}.`,
];

interface Article {
  text: string;
  published: string;
  outlet: string;
  title: string;
}

function articles(count: number): Article[] {
  return Array.from({ length: count }, (_, i) => {
    const town = TOWNS[i % TOWNS.length]!;
    const template = TEMPLATES[Math.floor(i / TOWNS.length) % TEMPLATES.length]!;
    const published = new Date(Date.UTC(2024, 0, 3) + (i % 90) * 86_400_000);
    const day = DAYS[(published.getUTCDay() - 1 - (i % 5) + 7) % 7]!;
    return {
      text: template(town, day, 2 + (i % 23), 10 + i),
      published: published.toISOString().slice(0, 10),
      outlet: OUTLETS[i % OUTLETS.length]!,
      title: `Report ${i + 1} from ${town}`,
    };
  });
}

// --- processes

/** This process's environment without DOCKET_* settings other than the gazetteer cache. */
const baseEnv = cliEnv;

/** The CLI with exactly this environment. */
function docket(args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return runCli(args, { env: env as Record<string, string>, cwd: ROOT, inherit: false });
}

interface Worker {
  child: ChildProcessWithoutNullStreams;
  /** Ingest jobs this worker logged as done. */
  done: number;
  stderr: string;
  exited: Promise<number | null>;
  onLine?: (line: string) => void;
}

function startWorker(env: NodeJS.ProcessEnv): Worker {
  const child = spawn(process.execPath, [CLI, 'worker'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  const w: Worker = {
    child,
    done: 0,
    stderr: '',
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
  };
  let partial = '';
  child.stdout.resume();
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    w.stderr += d;
    const lines = (partial + d).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (line.includes('"ingest job done"')) w.done++;
      w.onLine?.(line);
    }
  });
  return w;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function jobRows(client: pg.Client, schema: string) {
  const { rows } = await client.query<{ name: string; state: string; n: number; retried: number }>(
    `SELECT name, state::text AS state, count(*)::int AS n, (count(*) FILTER (WHERE retry_count > 0))::int AS retried
       FROM "${schema}".job GROUP BY name, state`,
  );
  return rows;
}

describe.skipIf(!TEST_PG_URL)('workers sharing one PostgreSQL queue', () => {
  const schemas: string[] = [];
  let client: pg.Client;

  beforeAll(async () => {
    client = new pg.Client({ connectionString: TEST_PG_URL! });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    for (const s of schemas) {
      await dropPgSchema(s);
      await dropPgSchema(`${s}_jobs`);
    }
  });

  it('processes 1,000 articles exactly once with two workers, one of them killed mid-run', async () => {
    const dir = tempDir('docket-workers-');
    const { url, schema } = freshPgSchemaUrl('docket_w');
    schemas.push(schema);
    const jobsSchema = queueSchemaFor(url);
    const db = url;
    const env = baseEnv({
      DOCKET_DB: db,
      DOCKET_QUEUE: url,
      DOCKET_LOG_LEVEL: 'info',
      DOCKET_JOB_TIMEOUT_SECONDS: '6',
      DOCKET_JOB_RETRY_DELAY_SECONDS: '1',
      DOCKET_JOB_RETRIES: '3',
      DOCKET_WORKER_CONCURRENCY: '8',
    });

    const input = articles(1000);
    expect(new Set(input.map((a) => a.text)).size).toBe(1000);
    const file = join(dir, 'reports.jsonl');
    writeFileSync(file, input.map((a) => JSON.stringify(a)).join('\n') + '\n');

    // what a single in-process extraction makes of the same articles
    const gazetteer = await testGazetteer();
    const expectedEvents = input.reduce(
      (n, a) => n + extract({ ...a, url: null }, { gazetteer }).events.length,
      0,
    );
    expect(expectedEvents).toBeGreaterThan(0);

    const enqueued = await docket(['ingest', '--queue', '--json', file], env);
    expect(enqueued.code, enqueued.stderr).toBe(0);
    expect(JSON.parse(enqueued.stdout)).toMatchObject({
      read: 1000,
      enqueued: 1000,
      alreadyQueued: 0,
      skipped: [],
    });
    // the same inputs again are already queued, not queued twice
    const again = await docket(['ingest', '--queue', '--json', file], env);
    expect(JSON.parse(again.stdout)).toMatchObject({ enqueued: 0, alreadyQueued: 1000 });

    // A worker that died after storing 20 sources but before finishing their jobs: the sources are
    // there, their jobs are still queued, and nothing has enqueued their events for clustering.
    const prestored = 20;
    const early = await openStorage({ ...loadConfig(baseEnv({})), db });
    try {
      const dead = new WorkerService({
        storage: early,
        gazetteer,
        clusters: { update: () => Promise.reject(new Error('not here')) },
      });
      let n = 0;
      for await (const item of readInputs([file], { maxBytes: 1024 * 1024 })) {
        if (item.kind !== 'document' || n++ >= prestored) break;
        expect((await dead.ingestJob({ doc: item.doc })).created).toBe(true);
      }
    } finally {
      await early.close();
    }

    const started = Date.now();
    const a = startWorker({ ...env, DOCKET_LOG_LEVEL: 'debug' });
    const b = startWorker(env);
    // kill worker A after it has done some jobs, right as it takes a batch (it holds those jobs)
    const killed = new Promise<number>((resolve) => {
      a.onLine = (line) => {
        if (a.done >= 120 && line.includes('"ingest jobs taken"') && a.child.exitCode === null) {
          a.onLine = undefined;
          a.child.kill('SIGKILL');
          resolve(a.done);
        }
      };
    });
    const doneBeforeKill = await Promise.race([killed, sleep(60_000).then(() => -1)]);
    expect(doneBeforeKill, `worker A never reached 120 jobs:\n${a.stderr.slice(-2000)}`).toBeGreaterThan(0);
    expect(await a.exited).toBeNull();
    const killedAt = Date.now();

    // wait until nothing is left to do in either queue
    let rows: Awaited<ReturnType<typeof jobRows>> = [];
    for (;;) {
      rows = await jobRows(client, jobsSchema);
      const pending = rows.filter(
        (r) =>
          [QUEUES.ingest, QUEUES.cluster].includes(r.name as never) &&
          ['created', 'retry', 'active'].includes(r.state),
      );
      const completed = rows.find((r) => r.name === QUEUES.ingest && r.state === 'completed')?.n ?? 0;
      if (!pending.length && completed === 1000) break;
      if (Date.now() - started > 85_000)
        throw new Error(`workers did not finish: ${JSON.stringify(rows)}\n${b.stderr.slice(-2000)}`);
      await sleep(250);
    }
    const wall = Date.now() - started;

    b.child.kill('SIGTERM');
    expect(await b.exited).toBe(0);
    expect(b.stderr).toContain('"worker stopped"');

    // the queues: nothing failed, nothing dead, the dead worker's jobs were retried
    const count = (name: string, state: string) =>
      rows.find((r) => r.name === name && r.state === state)?.n ?? 0;
    for (const name of Object.values(QUEUES)) expect(count(name, 'failed'), name).toBe(0);
    expect(rows.filter((r) => r.name === QUEUES.ingestDead || r.name === QUEUES.clusterDead)).toEqual([]);
    const retried = rows.filter((r) => r.name === QUEUES.ingest).reduce((n, r) => n + r.retried, 0);
    const retriedCluster = rows.filter((r) => r.name === QUEUES.cluster).reduce((n, r) => n + r.retried, 0);
    expect(retried, `${JSON.stringify(rows)}\n${a.stderr.slice(-1500)}`).toBeGreaterThan(0);

    // every job completed once; its output says whether it stored the source or found it stored
    const { rows: outputs } = await client.query<{ created: boolean; worker: string; attempt: number }>(
      `SELECT (output->>'created')::boolean AS created, output->>'worker' AS worker, (output->>'attempt')::int AS attempt
         FROM "${jobsSchema}".job WHERE name = $1 AND state = 'completed'`,
      [QUEUES.ingest],
    );
    expect(outputs).toHaveLength(1000);
    const createdByJobs = outputs.filter((o) => o.created).length;
    expect(outputs.filter((o) => o.attempt > 1).length).toBe(retried);

    // `docket jobs` shows the same
    const jobs = await docket(['jobs', '--json'], env);
    expect(jobs.code, jobs.stderr).toBe(0);
    const listed = JSON.parse(jobs.stdout) as {
      queues: { queue: string; counts: Record<string, number>; retried: number }[];
      dead: unknown[];
    };
    expect(listed.queues.find((q) => q.queue === QUEUES.ingest)).toMatchObject({
      counts: { completed: 1000 },
      retried,
    });
    expect(listed.dead).toEqual([]);

    // the record: 1,000 sources, none twice, the events a single extraction gives, all clustered
    const storage = await openStorage({ ...loadConfig(baseEnv({})), db });
    try {
      const stats = await storage.stats();
      expect(stats.sources).toBe(1000);
      expect(stats.reports).toBe(1000);
      expect(stats.events).toBe(expectedEvents);
      const sources = await storage.listSources({}, { limit: 1000, offset: 0 });
      expect(sources.total).toBe(1000);
      expect(new Set(sources.items.map((s) => s.sha256)).size).toBe(1000);
      expect(new Set(sources.items.map((s) => s.origin)).size).toBe(1000);
      // the sources stored before (and any the killed worker stored without finishing) were found stored
      expect(createdByJobs).toBeLessThanOrEqual(1000 - prestored);
      const eventIds: string[] = [];
      for await (const e of storage.iterateEvents({})) eventIds.push(e.id);
      expect(new Set(eventIds).size).toBe(expectedEvents);
      const incidents = await storage.incidents.incidentsOfEvents(eventIds);
      const members = new Set(incidents.flatMap((i) => i.members.map((m) => m.eventId)));
      expect(eventIds.filter((id) => !members.has(id))).toEqual([]);
      // and every event was handed to clustering by a completed cluster job (none lost on the way)
      const { rows: clusterJobs } = await client.query<{ ids: string[] }>(
        `SELECT ARRAY(SELECT jsonb_array_elements_text(data->'eventIds')) AS ids
           FROM "${jobsSchema}".job WHERE name = $1 AND state = 'completed'`,
        [QUEUES.cluster],
      );
      const handed = new Set(clusterJobs.flatMap((r) => r.ids));
      expect(eventIds.filter((id) => !handed.has(id))).toEqual([]);
    } finally {
      await storage.close();
    }
    console.log(
      `[workers.int.test] storage PostgreSQL · ${wall} ms from start to drained ` +
        `(${Date.now() - killedAt > 0 ? killedAt - started : 0} ms to the kill) · worker A did ${doneBeforeKill} jobs before SIGKILL · ` +
        `retried ingest jobs ${retried}, cluster jobs ${retriedCluster} · jobs that found their source stored ${1000 - createdByJobs}`,
    );
  });

  it('moves a job that always fails to the dead-letter queue after its retries, lists it, and requeues it on demand', async () => {
    const { url, schema } = freshPgSchemaUrl('docket_d');
    schemas.push(schema);
    const queue = await PgBossQueue.open({
      url,
      retries: 2,
      retryDelaySeconds: 1,
      timeoutSeconds: 10,
      supervise: true,
      pollSeconds: 0.2,
    });
    const doc: IngestJob['doc'] = {
      origin: 'broken.txt',
      text: 'A report that no handler can read.',
      raw: null,
      mediaType: 'text/plain',
      outlet: null,
      url: null,
      title: null,
      published: '2024-03-01',
    };
    let attempts = 0;
    try {
      expect((await queue.enqueueIngest([{ doc }]))[0]?.id).toBeTruthy();
      await queue.work(
        {
          ingest: () => {
            attempts++;
            return Promise.reject(new Error(`could not be processed: attempt ${attempts} failed`));
          },
          cluster: () => Promise.resolve({}),
        },
        { concurrency: 2 },
      );
      const until = Date.now() + 30_000;
      while (!(await queue.deadLetters(5)).length && Date.now() < until) await sleep(200);
    } finally {
      await queue.stop();
    }
    expect(attempts).toBe(3);
    const env = baseEnv({
      DOCKET_DB: join(tempDir(), 'unused.db'),
      DOCKET_QUEUE: url,
      DOCKET_LOG_LEVEL: 'silent',
    });
    const listed = await docket(['jobs', '--json', '--dead', '5'], env);
    expect(listed.code, listed.stderr).toBe(0);
    const out = JSON.parse(listed.stdout) as {
      queues: { queue: string; counts: Record<string, number> }[];
      dead: { queue: string; origin: string; error: string }[];
    };
    expect(out.dead).toEqual([
      expect.objectContaining({
        queue: QUEUES.ingest,
        origin: 'broken.txt',
        error: 'could not be processed: attempt 3 failed',
      }),
    ]);
    expect(out.queues.find((q) => q.queue === QUEUES.ingest)?.counts).toEqual({ failed: 1 });
    const text = await docket(['jobs'], env);
    expect(text.stdout).toMatch(/Dead-letter jobs \(newest 10\): 1/);
    expect(text.stdout).toContain('broken.txt');

    // the cause mended, the operator requeues it: the job runs again and succeeds, the dead letter is gone
    const requeued = await docket(['jobs', '--json', '--requeue-dead', '10'], env);
    expect(requeued.code, requeued.stderr).toBe(0);
    expect(requeued.stderr).toContain('requeued 1 dead-letter job(s)');
    const after = JSON.parse(requeued.stdout) as typeof out;
    expect(after.dead).toEqual([]);
    expect(after.queues.find((q) => q.queue === QUEUES.ingest)?.counts).toEqual({ created: 1 });
    const again = await PgBossQueue.open({
      url,
      retries: 2,
      retryDelaySeconds: 1,
      timeoutSeconds: 10,
      pollSeconds: 0.2,
    });
    const done: string[] = [];
    try {
      await again.work(
        {
          ingest: (job) => {
            done.push(job.doc.origin);
            return Promise.resolve({ sourceId: 'src_x', created: true, eventIds: [] });
          },
          cluster: () => Promise.resolve({}),
        },
        { concurrency: 1 },
      );
      const until = Date.now() + 15_000;
      while (!done.length && Date.now() < until) await sleep(100);
      while (Date.now() < until) {
        const c = (await again.counts()).find((q) => q.queue === QUEUES.ingest)?.counts;
        if (c?.completed === 1) break;
        await sleep(100);
      }
      expect((await again.counts()).find((q) => q.queue === QUEUES.ingest)?.counts).toEqual({ completed: 1 });
    } finally {
      await again.stop();
    }
    expect(done).toEqual(['broken.txt']);
  });

  it('never runs two cluster jobs at once, across workers, and never drops one', async () => {
    const { url, schema } = freshPgSchemaUrl('docket_c');
    schemas.push(schema);
    const open = () =>
      PgBossQueue.open({ url, retries: 1, retryDelaySeconds: 1, timeoutSeconds: 30, pollSeconds: 0.05 });
    const [q1, q2] = [await open(), await open()];
    let running = 0;
    let most = 0;
    let runs = 0;
    const seen: string[] = [];
    const cluster = async (job: { eventIds: string[] }) => {
      running++;
      runs++;
      most = Math.max(most, running);
      await sleep(80);
      seen.push(...job.eventIds);
      running--;
      return {};
    };
    const expected = Array.from({ length: 20 }, (_, i) => `src_x.e${i}`);
    try {
      const handlers = { ingest: () => Promise.reject(new Error('none')), cluster };
      await q1.work(handlers, { concurrency: 1 });
      await q2.work(handlers, { concurrency: 1 });
      // jobs keep arriving while clustering runs: waiting ones are folded into the next run
      for (const id of expected) {
        await q1.enqueueCluster({ eventIds: [id] });
        await sleep(30);
      }
      const until = Date.now() + 20_000;
      while (new Set(seen).size < expected.length && Date.now() < until) await sleep(50);
    } finally {
      await Promise.all([q1.stop(), q2.stop()]);
    }
    expect(most).toBe(1);
    expect(runs).toBeGreaterThan(2);
    expect(runs).toBeLessThan(expected.length);
    expect([...new Set(seen)].sort()).toEqual([...expected].sort());
    const counts = await (async () => {
      const q = await open();
      try {
        return await q.counts();
      } finally {
        await q.stop();
      }
    })();
    expect(counts.find((c) => c.queue === QUEUES.cluster)?.counts).toEqual({ completed: expected.length });
  });
});

describe('job queue configuration errors', () => {
  it('names the queue URL without its password when PostgreSQL cannot be reached', async () => {
    const attempt = PgBossQueue.open({
      url: 'postgres://docket:s3cret@127.0.0.1:1/docket',
      retries: 1,
      retryDelaySeconds: 1,
      timeoutSeconds: 10,
    });
    await expect(attempt).rejects.toBeInstanceOf(ConfigError);
    await expect(attempt).rejects.toThrow(/127\.0\.0\.1:1/);
    await expect(attempt).rejects.not.toThrow(/s3cret/);
  });

  it('says how to configure a queue when there is none', async () => {
    const env = baseEnv({ DOCKET_DB: join(tempDir(), 'x.db'), DOCKET_LOG_LEVEL: 'silent' });
    for (const args of [['worker'], ['jobs'], ['ingest', '--queue', 'nothing.txt']]) {
      const r = await docket(args, env);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toContain('no job queue: set DOCKET_QUEUE or use a PostgreSQL DOCKET_DB');
    }
  });
});
