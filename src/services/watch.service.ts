// `docket watch`: poll RSS/Atom feeds and listed pages, find the articles not seen before, fetch each page,
// read it as an incoming document and hand the new ones to a sink (the job queue, or ingest in-process).
// What has been seen, the validators for conditional GET, failures and the next due time of every feed
// and page are kept in a JSON state file written atomically, so a restart hands on nothing twice.
// A feed or page that fails is reported and the others go on; failed article pages are retried on later
// polls (up to MAX_PAGE_ATTEMPTS), never marked seen before the sink has taken them.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

import { DocketError, InputError, ValidationError, type ValidationIssue } from '../domain/errors.js';
import { parseHtmlDocument } from '../ingest/html.js';
import type { IncomingDocument } from '../domain/incoming.js';
import { parsePlainText } from '../ingest/text.js';
import { sha256 } from '../integrity.js';
import type { Logger } from '../logger.js';
import type { FeedItem, FeedParser, Fetcher, FetchOutcome } from '../ports/feeds.port.js';
import type { IngestJob } from '../ports/queue.port.js';

// ---- configuration ----

const httpUrl = z
  .string({ error: (i) => (i.input === undefined ? 'missing' : 'expected a URL as a string') })
  .trim()
  .refine(isHttpUrl, 'expected an absolute http(s) URL');
const outlet = z.string({ error: 'expected a string' }).trim().min(1, 'must not be empty').optional();
const minutes = z.number({ error: 'expected a number of minutes' }).positive('must be more than 0');

const configSchema = z
  .strictObject({
    feeds: z
      .array(z.strictObject({ url: httpUrl, outlet, everyMinutes: minutes.optional() }), {
        error: 'expected a list of {url, outlet?, everyMinutes?}',
      })
      .default([]),
    urls: z
      .array(z.strictObject({ url: httpUrl, outlet }), { error: 'expected a list of {url, outlet?}' })
      .default([]),
    perHostSeconds: z
      .number({ error: 'expected a number of seconds' })
      .min(0, 'must be 0 or more')
      .max(3600, 'must be an hour or less')
      .default(2),
    defaultEveryMinutes: minutes.default(15),
  })
  .superRefine((c, ctx) => {
    if (c.feeds.length === 0 && c.urls.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['feeds'],
        message: 'nothing to watch: list at least one feed or url',
      });
    for (const list of ['feeds', 'urls'] as const) {
      const seen = new Set<string>();
      c[list].forEach((entry, i) => {
        if (seen.has(entry.url))
          ctx.addIssue({ code: 'custom', path: [list, i, 'url'], message: `${entry.url} is listed twice` });
        seen.add(entry.url);
      });
    }
  });

export type WatchConfig = z.output<typeof configSchema>;

/**
 * The watch configuration in a JSON file's text. Throws ValidationError naming the file and each bad field
 * ("watch.json: feeds[1].url: expected an absolute http(s) URL").
 */
export function parseWatchConfig(file: string, text: string): WatchConfig {
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch (e) {
    throw new ValidationError(`${file}: not valid JSON (${(e as Error).message})`, [
      { path: file, message: 'not valid JSON' },
    ]);
  }
  const r = configSchema.safeParse(data);
  if (r.success) return r.data;
  const issues: ValidationIssue[] = r.error.issues.map((i) => ({
    path: `${file}: ${fieldPath(i.path) || '(top level)'}`,
    message: i.message,
  }));
  throw new ValidationError(issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
}

/** Read and check a watch configuration file. */
export async function loadWatchConfig(file: string): Promise<WatchConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ValidationError(`${file}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`, [
      { path: file, message: 'cannot be read' },
    ]);
  }
  return parseWatchConfig(file, text);
}

/** ["feeds", 0, "url"] → "feeds[0].url". */
function fieldPath(path: PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out;
}

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

// ---- state ----

/** A feed entry whose page could not be fetched or read yet. */
const pendingSchema = z.object({
  key: z.string(),
  url: z.string(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  attempts: z.number(),
  lastError: z.string().nullable(),
});

const sourceStateSchema = z.object({
  etag: z.string().nullable().default(null),
  lastModified: z.string().nullable().default(null),
  /** Listed pages: SHA-256 of the last body handed on (servers without validators). */
  contentHash: z.string().nullable().default(null),
  /** Feeds: keys of the entries handed on (or given up on), oldest first, capped. */
  seen: z.array(z.string()).default([]),
  pending: z.array(pendingSchema).default([]),
  /** Failures of the feed or page itself, in a row. */
  failures: z.number().default(0),
  /** Epoch ms; 0 = due now. */
  nextDue: z.number().default(0),
  lastPolled: z.string().nullable().default(null),
  lastError: z.string().nullable().default(null),
});

const stateSchema = z.object({
  version: z.literal(1),
  feeds: z.record(z.string(), sourceStateSchema).default({}),
  urls: z.record(z.string(), sourceStateSchema).default({}),
});

export type SourceState = z.output<typeof sourceStateSchema>;
export type WatchState = z.output<typeof stateSchema>;
type PendingItem = z.output<typeof pendingSchema>;

const freshSource = (): SourceState => sourceStateSchema.parse({});

/** The state in a file; an empty state when the file does not exist yet. */
export async function loadWatchState(file: string): Promise<WatchState> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, feeds: {}, urls: {} };
    throw new ValidationError(`${file}: ${(e as Error).message}`, [
      { path: file, message: 'cannot be read' },
    ]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch {
    data = undefined;
  }
  const r = stateSchema.safeParse(data);
  if (!r.success)
    throw new ValidationError(
      `${file}: not a docket watch state file (delete it to start over; articles already stored are not stored twice)`,
      [{ path: file, message: 'not a state file' }],
    );
  return r.data;
}

/** Write the state to a temporary file beside it, then rename: a crash never leaves half a file. */
export async function saveWatchState(file: string, state: WatchState): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(state, null, 1)}\n`);
  await rename(tmp, file);
}

// ---- the service ----

/** Takes new articles; `accepted` counts those queued or stored (duplicates of stored ones included). */
export type WatchSink = (jobs: IngestJob[]) => Promise<{ accepted: number }>;

export interface PollFailure {
  url: string;
  reason: string;
}

export interface PollReport {
  /** Feeds fetched this poll (those not yet due are left alone). */
  feedsPolled: number;
  /** Listed pages fetched this poll. */
  urlsPolled: number;
  /** Feeds and pages that answered 304 or the same bytes as before. */
  notModified: number;
  /** Articles read and handed to the sink. */
  newArticles: number;
  /** What the sink accepted. */
  enqueued: number;
  failed: PollFailure[];
  /** Feeds and pages polled whose own fetch failed (article pages not counted). */
  sourcesFailed: number;
}

/** An article page is given up on (marked seen) after this many failed attempts. */
export const MAX_PAGE_ATTEMPTS = 5;
/** Seen keys kept per feed (at least twice the entries the feed shows now). */
export const SEEN_CAP = 1000;
/** The longest back-off of a failing feed or page, unless its normal interval is longer. */
export const BACKOFF_CAP_MS = 6 * 60 * 60 * 1000;

/**
 * When to try a failing feed or page again: its interval doubled with each further failure in a row (the
 * first retry after one interval), at most BACKOFF_CAP_MS (or the interval when longer), and never before
 * the server's Retry-After.
 */
export function backoffMs(failures: number, intervalMs: number, retryAfterMs: number | null): number {
  const exp = intervalMs * 2 ** Math.max(0, Math.min(30, failures - 1));
  return Math.max(retryAfterMs ?? 0, Math.min(Math.max(BACKOFF_CAP_MS, intervalMs), exp));
}

export interface WatchServiceDeps {
  config: WatchConfig;
  stateFile: string;
  fetcher: Fetcher;
  parseFeed: FeedParser;
  sink: WatchSink;
  log: Logger;
  /** Injected clock (tests); default Date.now. */
  now?: () => number;
  /** Waits between polls; resolves early when the signal aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export class WatchService {
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;

  private constructor(
    private readonly deps: WatchServiceDeps,
    private readonly state: WatchState,
  ) {
    this.now = deps.now ?? (() => Date.now());
    this.sleep = deps.sleep ?? abortableSleep;
  }

  /** A watcher with the state of its state file (none yet: everything is new). */
  static async open(deps: WatchServiceDeps): Promise<WatchService> {
    return new WatchService(deps, await loadWatchState(deps.stateFile));
  }

  /** Fetch every feed and page that is due, hand on what is new, save the state. */
  async poll(signal?: AbortSignal): Promise<PollReport> {
    const report: PollReport = {
      feedsPolled: 0,
      urlsPolled: 0,
      notModified: 0,
      newArticles: 0,
      enqueued: 0,
      failed: [],
      sourcesFailed: 0,
    };
    const { config } = this.deps;
    for (const feed of config.feeds) {
      if (signal?.aborted) break;
      const st = (this.state.feeds[feed.url] ??= freshSource());
      if (st.nextDue > this.now()) continue;
      await this.pollFeed(
        feed,
        minutesMs(feed.everyMinutes ?? config.defaultEveryMinutes),
        st,
        report,
        signal,
      );
      await this.save();
    }
    for (const page of config.urls) {
      if (signal?.aborted) break;
      const st = (this.state.urls[page.url] ??= freshSource());
      if (st.nextDue > this.now()) continue;
      await this.pollPage(page, minutesMs(config.defaultEveryMinutes), st, report);
      await this.save();
    }
    this.deps.log.info('poll done', { ...report, failed: report.failed.length });
    return report;
  }

  /** Poll, then sleep until the next feed or page is due, until the signal aborts. */
  async run(signal: AbortSignal, onReport: (r: PollReport) => void = () => undefined): Promise<void> {
    while (!signal.aborted) {
      onReport(await this.poll(signal));
      if (signal.aborted) break;
      await this.sleep(Math.max(1000, this.nextDueAt() - this.now()), signal);
    }
  }

  /** Epoch ms when the next feed or page is due. */
  nextDueAt(): number {
    const { config } = this.deps;
    const dues = [
      ...config.feeds.map((f) => this.state.feeds[f.url]?.nextDue ?? 0),
      ...config.urls.map((u) => this.state.urls[u.url]?.nextDue ?? 0),
    ];
    return dues.length ? Math.min(...dues) : this.now();
  }

  /** A copy of the state (tests, diagnostics). */
  snapshot(): WatchState {
    return structuredClone(this.state);
  }

  private async pollFeed(
    feed: WatchConfig['feeds'][number],
    intervalMs: number,
    st: SourceState,
    report: PollReport,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const log = this.deps.log;
    report.feedsPolled++;
    st.lastPolled = new Date(this.now()).toISOString();
    const out = await this.deps.fetcher.get(feed.url, { etag: st.etag, lastModified: st.lastModified });
    let items: FeedItem[] = [];
    if (out.kind === 'failed') {
      this.sourceFailed(feed.url, st, intervalMs, out.reason, out.retryAfterMs, report);
    } else if (out.kind === 'not-modified') {
      report.notModified++;
      this.sourceOk(st, intervalMs);
    } else {
      try {
        items = this.deps.parseFeed(feed.url, out.body).items;
        st.etag = out.etag;
        st.lastModified = out.lastModified;
        this.sourceOk(st, intervalMs);
      } catch (e) {
        if (!(e instanceof DocketError)) throw e;
        // A broken document: ask for it in full next time.
        st.etag = null;
        st.lastModified = null;
        this.sourceFailed(feed.url, st, intervalMs, reasonOf(e), null, report);
      }
    }

    // Pages that failed before come first, then the entries not seen before.
    const seen = new Set(st.seen);
    const pendingKeys = new Set(st.pending.map((p) => p.key));
    const fresh = items.filter((i) => !seen.has(i.key) && !pendingKeys.has(i.key));
    if (fresh.length) log.info('new feed entries', { feed: feed.url, entries: fresh.length });
    const candidates: PendingItem[] = [
      ...st.pending,
      ...fresh.map((i) => ({
        key: i.key,
        url: i.url,
        title: i.title,
        published: i.published,
        attempts: 0,
        lastError: null,
      })),
    ];

    const ready: { item: PendingItem; job: IngestJob }[] = [];
    const stillPending: PendingItem[] = [];
    const done: string[] = [];
    for (const item of candidates) {
      if (signal?.aborted) {
        stillPending.push(item);
        continue;
      }
      const page = await this.deps.fetcher.get(item.url);
      const result = this.toDocument(item, page, feed.outlet);
      if (typeof result === 'string') {
        item.attempts++;
        item.lastError = result;
        if (item.attempts >= MAX_PAGE_ATTEMPTS) {
          report.failed.push({
            url: item.url,
            reason: `${result} (given up after ${item.attempts} attempts)`,
          });
          log.warn('article given up', {
            feed: feed.url,
            url: item.url,
            reason: result,
            attempts: item.attempts,
          });
          done.push(item.key);
        } else {
          report.failed.push({ url: item.url, reason: result });
          log.warn('article not read', {
            feed: feed.url,
            url: item.url,
            reason: result,
            attempts: item.attempts,
          });
          stillPending.push(item);
        }
        continue;
      }
      ready.push({ item, job: { doc: result, published: result.published } });
    }

    if (ready.length) {
      report.newArticles += ready.length;
      try {
        const { accepted } = await this.deps.sink(ready.map((r) => r.job));
        report.enqueued += accepted;
        done.push(...ready.map((r) => r.item.key));
      } catch (e) {
        const reason = `could not hand on ${ready.length} article(s): ${(e as Error).message}`;
        report.failed.push({ url: feed.url, reason });
        log.error('sink failed', { feed: feed.url, reason });
        stillPending.push(...ready.map((r) => r.item));
      }
    }

    st.pending = stillPending;
    if (done.length) {
      const keep = Math.max(SEEN_CAP, items.length * 2);
      const doneSet = new Set(done);
      st.seen = [...st.seen.filter((k) => !doneSet.has(k)), ...done].slice(-keep);
    }
  }

  private async pollPage(
    page: WatchConfig['urls'][number],
    intervalMs: number,
    st: SourceState,
    report: PollReport,
  ): Promise<void> {
    report.urlsPolled++;
    st.lastPolled = new Date(this.now()).toISOString();
    const out = await this.deps.fetcher.get(page.url, { etag: st.etag, lastModified: st.lastModified });
    if (out.kind === 'not-modified') {
      report.notModified++;
      this.sourceOk(st, intervalMs);
      return;
    }
    if (out.kind === 'ok' && sha256(out.body) === st.contentHash) {
      // The same bytes again (a server without validators, or new validators for old content).
      report.notModified++;
      st.etag = out.etag;
      st.lastModified = out.lastModified;
      this.sourceOk(st, intervalMs);
      return;
    }
    const item = { key: page.url, url: page.url, title: null, published: null, attempts: 0, lastError: null };
    const doc = this.toDocument(item, out, page.outlet);
    if (typeof doc === 'string') {
      this.sourceFailed(
        page.url,
        st,
        intervalMs,
        doc,
        out.kind === 'failed' ? out.retryAfterMs : null,
        report,
      );
      return;
    }
    report.newArticles++;
    try {
      const { accepted } = await this.deps.sink([{ doc, published: doc.published }]);
      report.enqueued += accepted;
    } catch (e) {
      this.sourceFailed(page.url, st, intervalMs, `could not hand on: ${(e as Error).message}`, null, report);
      return;
    }
    if (out.kind === 'ok') {
      st.etag = out.etag;
      st.lastModified = out.lastModified;
      st.contentHash = sha256(out.body);
    }
    this.sourceOk(st, intervalMs);
  }

  /**
   * An article page as an incoming document (the feed entry's title, date and link, and the configured
   * outlet, fill what the page does not say), or the reason it cannot be read.
   */
  private toDocument(
    item: PendingItem,
    page: FetchOutcome,
    outlet: string | undefined,
  ): IncomingDocument | string {
    if (page.kind === 'failed') return page.reason;
    if (page.kind === 'not-modified') return 'HTTP 304 without a cached copy';
    const type = (page.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    let doc: IncomingDocument;
    try {
      if (type === 'text/plain') doc = parsePlainText(item.url, page.body);
      else if (type === '' || type.includes('html') || type.endsWith('/xml') || type.endsWith('+xml'))
        doc = parseHtmlDocument(item.url, page.body);
      else return `not an article page (Content-Type ${type})`;
    } catch (e) {
      if (e instanceof DocketError) return reasonOf(e);
      throw e;
    }
    return {
      ...doc,
      origin: item.url,
      title: doc.title ?? item.title,
      published: doc.published ?? item.published,
      url: doc.url ?? item.url,
      outlet: doc.outlet ?? outlet ?? null,
    };
  }

  private sourceOk(st: SourceState, intervalMs: number): void {
    st.failures = 0;
    st.lastError = null;
    st.nextDue = this.now() + intervalMs;
  }

  private sourceFailed(
    url: string,
    st: SourceState,
    intervalMs: number,
    reason: string,
    retryAfterMs: number | null,
    report: PollReport,
  ): void {
    st.failures++;
    st.lastError = reason;
    const wait = backoffMs(st.failures, intervalMs, retryAfterMs);
    st.nextDue = this.now() + wait;
    report.failed.push({ url, reason });
    report.sourcesFailed++;
    this.deps.log.warn('fetch failed', {
      url,
      reason,
      failures: st.failures,
      retryInSeconds: Math.round(wait / 1000),
    });
  }

  private async save(): Promise<void> {
    await saveWatchState(this.deps.stateFile, this.state);
  }
}

/** An InputError's reason without the URL it starts with (the report names the URL already). */
function reasonOf(e: DocketError): string {
  return e instanceof InputError ? e.reason : e.message;
}

function minutesMs(m: number): number {
  return Math.round(m * 60_000);
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}
