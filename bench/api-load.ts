// The load generator of `npm run bench -- api`: a second Node process (forked by bench/api.ts), so that
// the client's work is not done in the process that measures the build or prints the table. It is
// told over IPC what to send — a base URL, a pool of paths, the concurrency, a warm-up and a number of
// requests or seconds — sends it with keep-alive connections (Node's fetch, undici), and answers with
// the latency summary. One scenario at a time; `{ kind: 'exit' }` ends it.
import { runRequests, summarise, type LatencySummary, type RequestFailure } from './scale/requests.js';

export interface LoadJob {
  kind: 'run';
  id: number;
  base: string;
  /** Request i asks for paths[i % paths.length]; warm-up requests take the first ones. */
  paths: string[];
  concurrency: number;
  warmup: number;
  requests?: number;
  seconds?: number;
  timeoutMs?: number;
}

export type LoadMessage = LoadJob | { kind: 'exit' };

export interface LoadResult {
  kind: 'result';
  id: number;
  summary: LatencySummary;
  failures: RequestFailure[];
}

export interface LoadCrash {
  kind: 'crash';
  id: number;
  message: string;
}

async function run(job: LoadJob): Promise<LoadResult> {
  const r = await runRequests({
    base: job.base,
    path: (i) => job.paths[i % job.paths.length]!,
    concurrency: job.concurrency,
    warmup: job.warmup,
    ...(job.requests !== undefined ? { requests: job.requests } : {}),
    ...(job.seconds !== undefined ? { seconds: job.seconds } : {}),
    ...(job.timeoutMs !== undefined ? { timeoutMs: job.timeoutMs } : {}),
  });
  return { kind: 'result', id: job.id, summary: summarise(r), failures: r.failures };
}

if (!process.send) {
  console.error('bench/api-load.ts is the load generator of `npm run bench -- api`; it runs forked from it');
  process.exit(2);
}

process.on('message', (m: LoadMessage) => {
  if (m.kind === 'exit') process.exit(0);
  run(m).then(
    (result) => process.send!(result),
    (e: unknown) => process.send!({ kind: 'crash', id: m.id, message: String(e) } satisfies LoadCrash),
  );
});
