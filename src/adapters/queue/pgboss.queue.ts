// The job queue on PostgreSQL, with pg-boss ^10: ingest jobs (one per article, keyed by content),
// cluster jobs (a singleton queue: one runs at a time across all workers, and no send is ever dropped),
// and one dead-letter queue per job queue. Retries back off exponentially; a job whose worker died is
// failed by pg-boss's maintenance once it has been active longer than the timeout, then retried.
//
// Workers fetch with their own loop rather than pg-boss's work(): v10's work() sleeps a polling interval
// after every batch even when the queue is full, which caps a worker at a few jobs per second.
import { hostname } from 'node:os';
import PgBoss from 'pg-boss';
import { ConfigError } from '../../domain/errors.js';
import { sourceHash } from '../../integrity.js';
import type {
  ClusterJob,
  DeadJob,
  EnqueueResult,
  IngestJob,
  IngestOutcome,
  JobKind,
  JobQueue,
  JobState,
  QueueCounts,
  WorkHandlers,
  WorkOptions,
} from '../../ports/queue.port.js';

export const QUEUES = {
  ingest: 'docket-ingest',
  cluster: 'docket-cluster',
  ingestDead: 'docket-ingest-dead',
  clusterDead: 'docket-cluster-dead',
} as const;

const DEAD_OF: Record<string, string> = {
  [QUEUES.ingestDead]: QUEUES.ingest,
  [QUEUES.clusterDead]: QUEUES.cluster,
};

export interface PgBossQueueOptions {
  /** postgres://… ; a `?schema=name` parameter puts the jobs in schema `name_jobs`. */
  url: string;
  /** The schema of pg-boss's tables (default: from the URL, see queueSchemaFor). */
  schema?: string;
  retries: number;
  retryDelaySeconds: number;
  timeoutSeconds: number;
  /** Run pg-boss maintenance (expiry of jobs held by dead workers): workers do, one-shot commands do not. */
  supervise?: boolean;
  /** How long an idle worker waits before looking for jobs again (default 1 s). */
  pollSeconds?: number;
  /** Errors pg-boss reports in the background (lost connections). */
  onError?: (e: Error) => void;
}

/** The URL with its password replaced, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(an unparsable URL)';
  }
}

/** The schema of the job tables: `<schema>_jobs` for a URL with ?schema=<schema>, else docket_jobs. */
export function queueSchemaFor(url: string): string {
  let base: string | null = null;
  try {
    base = new URL(url).searchParams.get('schema');
  } catch {
    throw new ConfigError(`job queue: not a PostgreSQL URL: ${redactUrl(url)}`);
  }
  const schema = base ? `${base}_jobs` : 'docket_jobs';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema) || schema.length > 50)
    throw new ConfigError(
      `job queue: schema "${schema}" is not a plain PostgreSQL name of at most 50 characters`,
    );
  return schema;
}

/** A stable job id for an article: a UUID made of its content hash, so the same article is queued once. */
export function ingestJobId(doc: { raw: string | null; text: string }): string {
  const h = sourceHash(doc);
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The message of a job's output as pg-boss stores it: our {message}, or its own {value: {message}}. */
export function errorOf(output: unknown): string {
  if (output && typeof output === 'object') {
    const o = output as { message?: unknown; value?: unknown };
    if (typeof o.message === 'string') return o.message;
    if (
      o.value &&
      typeof o.value === 'object' &&
      typeof (o.value as { message?: unknown }).message === 'string'
    )
      return (o.value as { message: string }).message;
    if (typeof o.value === 'string') return o.value;
  }
  return output === null || output === undefined ? 'unknown error' : JSON.stringify(output);
}

/** What a job was about, for `docket jobs --dead`. */
export function originOf(data: unknown): string {
  const d = data as Partial<IngestJob & ClusterJob> | null;
  if (d?.doc?.origin) return d.doc.origin;
  if (Array.isArray(d?.eventIds)) return `${d.eventIds.length} event(s) to cluster`;
  return 'unknown';
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Waiting cluster jobs folded into one run, at most. */
const MERGE_CLUSTER_JOBS = 200;

/** Rows per insert when enqueueing, and the data size at which a chunk is sent early. */
const ENQUEUE_CHUNK = 200;
const ENQUEUE_CHUNK_BYTES = 8 * 1024 * 1024;

interface Sleep {
  promise: Promise<void>;
  wake(): void;
}

function sleep(ms: number): Sleep {
  let wake = (): void => {};
  const promise = new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    wake = () => {
      clearTimeout(t);
      resolve();
    };
  });
  return { promise, wake };
}

export class PgBossQueue implements JobQueue {
  private stopping = false;
  private loops: Promise<void>[] = [];
  private readonly sleeps = new Set<Sleep>();
  /** Jobs this process holds (id → queue), failed at stop when they outlive the grace period. */
  private readonly active = new Map<string, string>();
  readonly worker = `${hostname()}:${process.pid}`;

  private constructor(
    private readonly boss: PgBoss,
    readonly schema: string,
    private readonly opts: PgBossQueueOptions,
  ) {}

  /** Connect, install or migrate pg-boss's schema, and create the queues (idempotent, safe to race). */
  static async open(opts: PgBossQueueOptions): Promise<PgBossQueue> {
    const schema = opts.schema ?? queueSchemaFor(opts.url);
    let u: URL;
    try {
      u = new URL(opts.url);
    } catch {
      throw new ConfigError(`job queue: not a PostgreSQL URL: ${redactUrl(opts.url)}`);
    }
    u.searchParams.delete('schema');
    const maintenance = Math.max(1, Math.min(60, Math.floor(opts.timeoutSeconds / 3)));
    const boss = new PgBoss({
      connectionString: u.toString(),
      schema,
      application_name: 'docket',
      max: 8,
      schedule: false,
      supervise: opts.supervise ?? false,
      maintenanceIntervalSeconds: maintenance,
      // jobs a dead worker held must come back well before anything is archived
      archiveCompletedAfterSeconds: 3600,
      archiveFailedAfterSeconds: 7 * 86_400,
    });
    boss.on('error', (e: Error) => opts.onError?.(e));
    try {
      await boss.start();
      const retry = {
        retryLimit: opts.retries,
        retryDelay: opts.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: opts.timeoutSeconds,
      };
      await boss.createQueue(QUEUES.ingestDead, { name: QUEUES.ingestDead, policy: 'standard' });
      await boss.createQueue(QUEUES.clusterDead, { name: QUEUES.clusterDead, policy: 'standard' });
      await boss.createQueue(QUEUES.ingest, {
        name: QUEUES.ingest,
        policy: 'standard',
        deadLetter: QUEUES.ingestDead,
        ...retry,
      });
      // singleton: at most one active job; unlike short or stately, it never drops a send
      await boss.createQueue(QUEUES.cluster, {
        name: QUEUES.cluster,
        policy: 'singleton',
        deadLetter: QUEUES.clusterDead,
        ...retry,
      });
    } catch (e) {
      await boss.stop({ graceful: false, close: true }).catch(() => undefined);
      throw new ConfigError(`cannot use the job queue at ${redactUrl(opts.url)}: ${messageOf(e)}`);
    }
    return new PgBossQueue(boss, schema, opts);
  }

  private jobOptions(deadLetter: string) {
    return {
      retryLimit: this.opts.retries,
      retryDelay: this.opts.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: this.opts.timeoutSeconds,
      deadLetter,
    };
  }

  private async sql<T>(text: string, values: unknown[]): Promise<T[]> {
    const result = await this.boss.getDb().executeSql(text, values);
    return (result?.rows ?? []) as T[];
  }

  async enqueueIngest(jobs: IngestJob[]): Promise<EnqueueResult[]> {
    const results: EnqueueResult[] = [];
    const seen = new Set<string>();
    let chunk: { index: number; id: string; job: IngestJob }[] = [];
    let bytes = 0;
    const flush = async (): Promise<void> => {
      if (!chunk.length) return;
      const part = chunk;
      chunk = [];
      bytes = 0;
      const queued = new Set(
        (
          await this.sql<{ id: string }>(
            `SELECT id::text AS id FROM "${this.schema}".job WHERE name = $1 AND id = ANY($2::uuid[])`,
            [QUEUES.ingest, part.map((p) => p.id)],
          )
        ).map((r) => r.id),
      );
      const fresh = part.filter((p) => !queued.has(p.id));
      if (fresh.length)
        await this.boss.insert(
          fresh.map((p) => ({
            id: p.id,
            name: QUEUES.ingest,
            data: p.job,
            ...this.jobOptions(QUEUES.ingestDead),
          })),
        );
      for (const p of part) results[p.index] = { id: queued.has(p.id) ? null : p.id };
    };
    for (const [index, job] of jobs.entries()) {
      const id = ingestJobId(job.doc);
      if (seen.has(id)) {
        results[index] = { id: null };
        continue;
      }
      seen.add(id);
      chunk.push({ index, id, job });
      bytes += job.doc.text.length + (job.doc.raw?.length ?? 0);
      if (chunk.length >= ENQUEUE_CHUNK || bytes >= ENQUEUE_CHUNK_BYTES) await flush();
    }
    await flush();
    return results;
  }

  async enqueueCluster(job: ClusterJob): Promise<void> {
    const eventIds = [...new Set(job.eventIds)].sort();
    if (!eventIds.length) return;
    const id = await this.boss.send(QUEUES.cluster, { eventIds }, this.jobOptions(QUEUES.clusterDead));
    // a null id would mean pg-boss dropped the send: never let that pass silently
    if (!id) throw new Error('the cluster queue refused a job');
  }

  async work(handlers: WorkHandlers, opts: WorkOptions): Promise<void> {
    if (this.loops.length) throw new Error('this queue is already working');
    this.stopping = false;
    this.loops = [this.ingestLoop(handlers, opts), this.clusterLoop(handlers, opts)];
    return Promise.resolve();
  }

  private async idle(): Promise<void> {
    if (this.stopping) return;
    const s = sleep((this.opts.pollSeconds ?? 1) * 1000);
    this.sleeps.add(s);
    await s.promise;
    this.sleeps.delete(s);
  }

  private async fail(kind: JobKind, name: string, id: string, attempt: number, e: unknown): Promise<void> {
    try {
      await this.boss.fail(name, id, { message: messageOf(e), worker: this.worker, attempt });
    } catch (err) {
      // the job stays active and comes back after its timeout
      this.opts.onError?.(new Error(`could not record the failure of ${kind} job ${id}: ${messageOf(err)}`));
    }
  }

  private async ingestLoop(handlers: WorkHandlers, opts: WorkOptions): Promise<void> {
    while (!this.stopping) {
      let jobs: PgBoss.JobWithMetadata<IngestJob>[];
      try {
        jobs = await this.boss.fetch<IngestJob>(QUEUES.ingest, {
          batchSize: Math.max(1, opts.concurrency),
          includeMetadata: true,
        });
      } catch (e) {
        this.opts.onError?.(e as Error);
        jobs = [];
      }
      if (!jobs.length) {
        await this.idle();
        continue;
      }
      for (const job of jobs) this.active.set(job.id, QUEUES.ingest);
      opts.onTake?.(
        'ingest',
        jobs.map((j) => j.id),
      );
      const done = await Promise.all(
        jobs.map(async (job) => {
          const started = Date.now();
          const attempt = job.retryCount + 1;
          try {
            const outcome = await handlers.ingest(job.data);
            return { job, outcome, started, attempt };
          } catch (e) {
            await this.fail('ingest', QUEUES.ingest, job.id, attempt, e);
            this.active.delete(job.id);
            opts.onJob?.({
              kind: 'ingest',
              id: job.id,
              attempt,
              ok: false,
              ms: Date.now() - started,
              detail: { origin: job.data.doc.origin, error: messageOf(e) },
            });
            return null;
          }
        }),
      );
      const ok = done.filter((d): d is NonNullable<typeof d> => d !== null);
      // Clustering is enqueued before the ingest jobs complete: a worker that dies in between leaves
      // them active, and their retry finds the sources stored and enqueues the same events again.
      try {
        await this.enqueueCluster({ eventIds: ok.flatMap((d) => d.outcome.eventIds) });
      } catch (e) {
        for (const d of ok) {
          await this.fail(
            'ingest',
            QUEUES.ingest,
            d.job.id,
            d.attempt,
            `could not enqueue clustering: ${messageOf(e)}`,
          );
          this.active.delete(d.job.id);
        }
        continue;
      }
      for (const d of ok) {
        const detail = this.ingestOutput(d.job.data, d.outcome, d.attempt);
        try {
          await this.boss.complete(QUEUES.ingest, d.job.id, detail);
        } catch (e) {
          this.opts.onError?.(new Error(`could not complete ingest job ${d.job.id}: ${messageOf(e)}`));
        }
        this.active.delete(d.job.id);
        opts.onJob?.({
          kind: 'ingest',
          id: d.job.id,
          attempt: d.attempt,
          ok: true,
          ms: Date.now() - d.started,
          detail,
        });
      }
    }
  }

  private ingestOutput(job: IngestJob, outcome: IngestOutcome, attempt: number): Record<string, unknown> {
    return {
      origin: job.doc.origin,
      sourceId: outcome.sourceId,
      created: outcome.created,
      events: outcome.eventIds.length,
      attempt,
      worker: this.worker,
    };
  }

  private async clusterLoop(handlers: WorkHandlers, opts: WorkOptions): Promise<void> {
    while (!this.stopping) {
      let jobs: PgBoss.JobWithMetadata<ClusterJob>[];
      try {
        // one at a time: the singleton policy refuses a second active job (fetch then returns none)
        jobs = await this.boss.fetch<ClusterJob>(QUEUES.cluster, { batchSize: 1, includeMetadata: true });
      } catch (e) {
        this.opts.onError?.(e as Error);
        jobs = [];
      }
      const job = jobs[0];
      if (!job) {
        await this.idle();
        continue;
      }
      this.active.set(job.id, QUEUES.cluster);
      opts.onTake?.('cluster', [job.id]);
      const started = Date.now();
      const attempt = job.retryCount + 1;
      try {
        // While this job is active no other cluster job can start (singleton), so the ones waiting for
        // their first try are folded into this run and completed with it: one recluster instead of many.
        // Jobs being retried are left alone, so that a job that keeps failing fails on its own.
        const merged = await this.sql<{ id: string; data: ClusterJob }>(
          `SELECT id::text AS id, data FROM "${this.schema}".job
            WHERE name = $1 AND state = 'created' AND start_after < now() AND id <> $2
            ORDER BY created_on, id LIMIT $3`,
          [QUEUES.cluster, job.id, MERGE_CLUSTER_JOBS],
        );
        const eventIds = [...new Set([job.data, ...merged.map((m) => m.data)].flatMap((d) => d.eventIds))];
        const report = await handlers.cluster({ eventIds });
        const detail = {
          ...report,
          events: eventIds.length,
          merged: merged.length,
          attempt,
          worker: this.worker,
        };
        if (merged.length)
          await this.sql(
            `UPDATE "${this.schema}".job SET state = 'completed', completed_on = now(), output = $3::jsonb
              WHERE name = $1 AND id = ANY($2::uuid[]) AND state = 'created'`,
            [
              QUEUES.cluster,
              merged.map((m) => m.id),
              JSON.stringify({ mergedInto: job.id, worker: this.worker }),
            ],
          );
        await this.boss.complete(QUEUES.cluster, job.id, detail);
        opts.onJob?.({ kind: 'cluster', id: job.id, attempt, ok: true, ms: Date.now() - started, detail });
      } catch (e) {
        await this.fail('cluster', QUEUES.cluster, job.id, attempt, e);
        opts.onJob?.({
          kind: 'cluster',
          id: job.id,
          attempt,
          ok: false,
          ms: Date.now() - started,
          detail: { events: job.data.eventIds.length, error: messageOf(e) },
        });
      } finally {
        this.active.delete(job.id);
      }
    }
  }

  async counts(): Promise<QueueCounts[]> {
    const rows = await this.sql<{ name: string; state: JobState; n: number; retried: number }>(
      `SELECT name, state::text AS state, count(*)::int AS n,
              (count(*) FILTER (WHERE retry_count > 0))::int AS retried
         FROM "${this.schema}".job WHERE name = ANY($1) GROUP BY name, state`,
      [Object.values(QUEUES)],
    );
    return Object.values(QUEUES).map((queue) => {
      const mine = rows.filter((r) => r.name === queue);
      return {
        queue,
        counts: Object.fromEntries(mine.map((r) => [r.state, r.n])),
        retried: mine.reduce((n, r) => n + r.retried, 0),
      };
    });
  }

  async deadLetters(limit: number): Promise<DeadJob[]> {
    const rows = await this.sql<{
      id: string;
      name: string;
      data: unknown;
      output: unknown;
      created_on: Date;
    }>(
      `SELECT id::text AS id, name, data, output, created_on FROM "${this.schema}".job
        WHERE name = ANY($1) ORDER BY created_on DESC, id LIMIT $2`,
      [Object.keys(DEAD_OF), Math.max(0, limit)],
    );
    return rows.map((r) => ({
      id: r.id,
      queue: DEAD_OF[r.name] ?? r.name,
      origin: originOf(r.data),
      createdOn: new Date(r.created_on).toISOString(),
      error: errorOf(r.output),
    }));
  }

  async requeueDead(limit: number): Promise<number> {
    const rows = await this.sql<{ id: string; name: string; data: unknown }>(
      `SELECT id::text AS id, name, data FROM "${this.schema}".job
        WHERE name = ANY($1) AND state = 'created' ORDER BY created_on, id LIMIT $2`,
      [Object.keys(DEAD_OF), Math.max(0, limit)],
    );
    let requeued = 0;
    for (const r of rows) {
      // The dead copy is deleted last: if this stops half-way, it is still listed and can be requeued again.
      if (r.name === QUEUES.ingestDead) {
        const job = r.data as IngestJob;
        // the failed original holds the id derived from the article (queued once), so it goes first
        await this.sql(
          `DELETE FROM "${this.schema}".job WHERE name = $1 AND id = $2::uuid AND state = 'failed'`,
          [QUEUES.ingest, ingestJobId(job.doc)],
        );
        await this.enqueueIngest([job]);
      } else await this.enqueueCluster(r.data as ClusterJob);
      await this.boss.deleteJob(r.name, r.id);
      requeued++;
    }
    return requeued;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const s of this.sleeps) s.wake();
    const grace = Math.min(this.opts.timeoutSeconds, 30) * 1000;
    const timer = sleep(grace);
    await Promise.race([Promise.all(this.loops), timer.promise]);
    timer.wake();
    // jobs still running after the grace period go back to the queue now rather than at their timeout
    for (const [id, name] of this.active)
      await this.fail(
        name === QUEUES.cluster ? 'cluster' : 'ingest',
        name,
        id,
        0,
        'worker stopped before the job finished',
      );
    this.loops = [];
    await this.boss.stop({ graceful: false, close: true, wait: true });
  }
}

/** Open the queue for a configuration (a ConfigError naming the URL, without password, when it fails). */
export function openPgBossQueue(opts: PgBossQueueOptions): Promise<PgBossQueue> {
  return PgBossQueue.open(opts);
}
