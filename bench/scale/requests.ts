// Timed GET requests against a running server, a fixed number in flight (a closed loop): shared by the
// `scale` suite (in its own process) and the `api` suite's load generator (bench/api-load.ts).
// Latency is the client's, from sending the request to the last byte of the body.

export interface RequestPlan {
  base: string;
  /** The path of the i-th request (warm-up requests come first, then the measured ones). */
  path: (i: number) => string;
  concurrency: number;
  /** Requests before measuring, `warmupConcurrency` at a time (default: `concurrency`). */
  warmup: number;
  warmupConcurrency?: number;
  /** Measure this many requests… */
  requests?: number;
  /** …or start requests for this many seconds (when `requests` is not given). */
  seconds?: number;
  /** Per request, ms (default 30 s): a request past it counts as an error. */
  timeoutMs?: number;
}

export interface RequestFailure {
  path: string;
  status: number | null;
  message: string;
}

export interface RequestRun {
  /** Latencies of the successful (2xx) measured requests, ms, in completion order. */
  times: number[];
  /** Measured requests that failed: non-2xx status, a network error or a timeout. */
  errors: number;
  /** Up to five failures, for the report. */
  failures: RequestFailure[];
  /** Measured requests completed (successes + errors). */
  completed: number;
  /** Seconds from the first measured request to the last response. */
  wall: number;
}

export interface LatencySummary {
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  rps: number;
}

/** Nearest-rank percentile of ascending `sorted` (NaN when empty). */
export const percentile = (sorted: number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;

export function summarise(run: RequestRun): LatencySummary {
  const sorted = [...run.times].sort((a, b) => a - b);
  return {
    requests: run.completed,
    errors: run.errors,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: sorted.length ? sorted.reduce((s, t) => s + t, 0) / sorted.length : NaN,
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
    rps: run.wall > 0 ? run.completed / run.wall : 0,
  };
}

/** One GET, body read to the end: its latency in ms, or how it failed. */
async function get(
  url: string,
  timeoutMs: number,
): Promise<{ ms: number; failure: null } | { ms: number; failure: Omit<RequestFailure, 'path'> }> {
  const t = performance.now();
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const body = await r.arrayBuffer();
    const ms = performance.now() - t;
    if (r.ok) return { ms, failure: null };
    return { ms, failure: { status: r.status, message: Buffer.from(body).toString('utf8').slice(0, 300) } };
  } catch (e) {
    return { ms: performance.now() - t, failure: { status: null, message: (e as Error).message } };
  }
}

/** `concurrency` loops that each send the next request when their last one is answered. */
async function closedLoop(
  concurrency: number,
  more: (started: number) => boolean,
  one: (i: number) => Promise<void>,
): Promise<void> {
  let started = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (more(started)) await one(started++);
    }),
  );
}

export async function runRequests(plan: RequestPlan): Promise<RequestRun> {
  const timeoutMs = plan.timeoutMs ?? 30_000;
  await closedLoop(
    plan.warmupConcurrency ?? plan.concurrency,
    (n) => n < plan.warmup,
    async (i) => {
      await get(plan.base + plan.path(i), timeoutMs);
    },
  );
  const run: RequestRun = { times: [], errors: 0, failures: [], completed: 0, wall: 0 };
  const t0 = performance.now();
  const deadline = t0 + (plan.seconds ?? 10) * 1000;
  const count = plan.requests;
  const more = count !== undefined ? (n: number) => n < count : () => performance.now() < deadline;
  await closedLoop(plan.concurrency, more, async (i) => {
    const path = plan.path(plan.warmup + i);
    const r = await get(plan.base + path, timeoutMs);
    run.completed++;
    if (r.failure === null) run.times.push(r.ms);
    else {
      run.errors++;
      if (run.failures.length < 5) run.failures.push({ path, ...r.failure });
    }
  });
  run.wall = (performance.now() - t0) / 1000;
  return run;
}
