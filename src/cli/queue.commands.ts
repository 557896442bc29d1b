// The job-queue commands: `docket worker` takes ingest and clustering jobs until SIGINT/SIGTERM,
// `docket jobs` shows the queues (counts per state, retried jobs, the dead-letter queue), and
// `docket ingest --queue` enqueues documents instead of ingesting them here (enqueueInputs).
import type { Command } from 'commander';
import { createApp, openJobQueue } from '../app.js';
import { NO_QUEUE_MESSAGE, type Config } from '../config.js';
import { ConfigError, ValidationError } from '../domain/errors.js';
import type { InputItem, SkippedInput } from '../domain/incoming.js';
import { readInputs } from '../ingest/read-inputs.js';
import { createLogger } from '../logger.js';
import type { IngestJob, JobQueue, JobReport } from '../ports/queue.port.js';
import { WorkerService } from '../services/worker.service.js';

export { NO_QUEUE_MESSAGE };

/** Documents handed to the queue per call while reading inputs. */
const ENQUEUE_BATCH = 200;

export interface EnqueueReport {
  read: number;
  enqueued: number;
  /** Documents whose content already has a job in the queue (or came twice in this run). */
  alreadyQueued: number;
  skipped: SkippedInput[];
  jobIds: string[];
}

/** Read inputs into ingest jobs, in batches; every input is counted as enqueued, already queued or skipped. */
export async function enqueueInputs(
  queue: Pick<JobQueue, 'enqueueIngest'>,
  items: AsyncIterable<InputItem> | Iterable<InputItem>,
  opts: { published?: string | undefined } = {},
): Promise<EnqueueReport> {
  const report: EnqueueReport = { read: 0, enqueued: 0, alreadyQueued: 0, skipped: [], jobIds: [] };
  let batch: IngestJob[] = [];
  const flush = async (): Promise<void> => {
    if (!batch.length) return;
    const results = await queue.enqueueIngest(batch);
    batch = [];
    for (const r of results) {
      if (r.id) {
        report.enqueued++;
        report.jobIds.push(r.id);
      } else report.alreadyQueued++;
    }
  };
  for await (const item of items) {
    report.read++;
    if (item.kind === 'skipped') report.skipped.push(item.skipped);
    else {
      batch.push({ doc: item.doc, published: opts.published ?? null });
      if (batch.length >= ENQUEUE_BATCH) await flush();
    }
  }
  await flush();
  return report;
}

/** The queue URL, or the error that says how to configure one. */
export function requireQueue(config: Config): string {
  if (!config.queue) throw new ConfigError(NO_QUEUE_MESSAGE);
  return config.queue;
}

const positiveInt = (value: string, name: string, max: number): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new ValidationError(`${name}: expected a whole number from 1 to ${max}, got "${value}"`, [
      { path: name, message: `expected 1–${max}` },
    ]);
  return n;
};

/** `docket ingest --queue`: enqueue what ingest would read, and say what happened to each input. */
export async function ingestToQueue(
  paths: string[],
  opts: { published?: string | undefined; json?: boolean | undefined },
  config: Config,
): Promise<void> {
  const log = createLogger(config.logLevel).child('enqueue');
  const queue = await openJobQueue(config, log, 'client');
  try {
    const report = await enqueueInputs(queue, readInputs(paths, { maxBytes: config.maxInputBytes }), {
      published: opts.published,
    });
    if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else {
      process.stdout.write(
        `Read ${report.read} · enqueued ${report.enqueued} · ${report.alreadyQueued} already queued · ${report.skipped.length} skipped\n`,
      );
      for (const s of report.skipped) process.stdout.write(`  skipped ${s.input}: ${s.reason}\n`);
    }
    if (report.read > 0 && report.skipped.length === report.read) process.exitCode = 1;
  } finally {
    await queue.stop();
  }
}

const STATES = ['created', 'retry', 'active', 'completed', 'failed', 'cancelled'] as const;

export function registerQueueCommands(program: Command, configOf: (cmd: Command) => Config): void {
  program
    .command('worker')
    .description(
      'Take ingest and clustering jobs from the shared PostgreSQL queue until stopped (SIGINT or SIGTERM).',
    )
    .option('--concurrency <n>', 'ingest jobs held at a time (default: DOCKET_WORKER_CONCURRENCY or 4)')
    .addHelpText(
      'after',
      '\nExamples:\n  DOCKET_DB=postgres://docket@db:5432/docket docket worker\n  docket worker --concurrency 8\n',
    )
    .action(async (o: { concurrency?: string }, cmd: Command) => {
      const config = configOf(cmd);
      const concurrency =
        o.concurrency !== undefined
          ? positiveInt(o.concurrency, '--concurrency', 64)
          : config.workerConcurrency;
      requireQueue(config);
      const log = createLogger(config.logLevel).child('worker');
      const app = await createApp(config, log);
      let queue: Awaited<ReturnType<typeof openJobQueue>>;
      try {
        queue = await openJobQueue(config, log, 'worker');
      } catch (e) {
        await app.close();
        throw e;
      }
      const worker = new WorkerService({
        storage: app.storage,
        gazetteer: app.gazetteer,
        clusters: app.clusters,
      });
      const totals = { ingested: 0, alreadyStored: 0, clustered: 0, failed: 0 };
      const onJob = (r: JobReport): void => {
        if (!r.ok) totals.failed++;
        else if (r.kind === 'cluster') totals.clustered++;
        else if (r.detail.created) totals.ingested++;
        else totals.alreadyStored++;
        const fields = { kind: r.kind, job: r.id, attempt: r.attempt, ms: r.ms, ...r.detail, totals };
        if (r.ok) log.info(`${r.kind} job done`, fields);
        else log.warn(`${r.kind} job failed`, fields);
      };
      const signal = new Promise<string>((resolve) => {
        for (const s of ['SIGINT', 'SIGTERM'] as const)
          process.once(s, () => {
            resolve(s);
            // a second signal while stopping ends the process at once
            process.once(s, () => process.exit(130));
          });
      });
      const onTake = (kind: string, ids: string[]): void => log.debug(`${kind} jobs taken`, { jobs: ids });
      await queue.work(worker.handlers(), { concurrency, onJob, onTake });
      log.info('worker started', { worker: queue.worker, concurrency });
      const got = await signal;
      log.info('worker stopping: finishing the jobs it holds', { signal: got });
      try {
        await queue.stop();
      } finally {
        await app.close();
      }
      log.info('worker stopped', { worker: queue.worker, totals });
    });

  program
    .command('jobs')
    .description('Show the job queues: jobs per state, retried jobs, and the dead-letter queue.')
    .option('--json', 'print JSON')
    .option('--dead <n>', 'how many dead-letter jobs to list, newest first', '10')
    .option('--requeue-dead <n>', 'put up to n dead-letter jobs, oldest first, back on their queues first')
    .addHelpText(
      'after',
      '\nExamples:\n  docket jobs\n  docket jobs --dead 50 --json\n  docket jobs --requeue-dead 100     # after mending what made them fail\n',
    )
    .action(async (o: { json?: boolean; dead: string; requeueDead?: string }, cmd: Command) => {
      const config = configOf(cmd);
      const dead = o.dead === '0' ? 0 : positiveInt(o.dead, '--dead', 10_000);
      const requeue =
        o.requeueDead === undefined ? 0 : positiveInt(o.requeueDead, '--requeue-dead', 1_000_000);
      const queue = await openJobQueue(config, createLogger(config.logLevel).child('jobs'), 'client');
      try {
        if (requeue) {
          const n = await queue.requeueDead(requeue);
          process.stderr.write(`requeued ${n} dead-letter job(s)\n`);
        }
        const counts = await queue.counts();
        const deadJobs = dead ? await queue.deadLetters(dead) : [];
        if (o.json) {
          process.stdout.write(`${JSON.stringify({ queues: counts, dead: deadJobs }, null, 2)}\n`);
          return;
        }
        process.stdout.write(
          `${'queue'.padEnd(22)}${STATES.map((s) => s.padStart(11)).join('')}${'retried'.padStart(9)}\n`,
        );
        for (const q of counts)
          process.stdout.write(
            `${q.queue.padEnd(22)}${STATES.map((s) => String(q.counts[s] ?? 0).padStart(11)).join('')}${String(q.retried).padStart(9)}\n`,
          );
        if (dead) {
          process.stdout.write(`\nDead-letter jobs (newest ${dead}): ${deadJobs.length}\n`);
          for (const d of deadJobs)
            process.stdout.write(`  ${d.id}  ${d.queue}  ${d.createdOn}  ${d.origin}\n    ${d.error}\n`);
        }
      } finally {
        await queue.stop();
      }
    });
}
