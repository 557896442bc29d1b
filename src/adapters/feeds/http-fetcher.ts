// HTTP GET for feeds and article pages (Node's global fetch), polite by construction: a User-Agent naming
// Docket, conditional requests (If-None-Match / If-Modified-Since), a timeout, a size limit, redirects
// followed by hand (each hop waits for its own host), a minimum interval between two requests to the same
// host, and a per-host back-off after 429s, Retry-After answers and network errors. Failures are returned,
// never thrown: a feed or page that fails is something to report, not a crash.
import { formatSize } from '../../ingest/decode.js';
import type { Fetcher, FetchOutcome, Validators } from '../../ports/feeds.port.js';

export const USER_AGENT = 'Docket/0.1 (docket watch; conflict news feed reader)';

export interface HttpFetcherOptions {
  /** Responses larger than this are not read (DOCKET_MAX_INPUT_MB). */
  maxBytes: number;
  /** Minimum time between the starts of two requests to the same host, in ms. */
  perHostMs: number;
  /** For the whole exchange, headers and body. Default 30 s. */
  timeoutMs?: number;
  /** Default 5. */
  maxRedirects?: number;
  userAgent?: string;
  /** First back-off of a host after a network error (doubles with each further one), in ms. Default 10 s. */
  hostBackoffMs?: number;
  /** The longest a host is backed off, in ms. Default 15 min. */
  hostBackoffCapMs?: number;
  /** Injected clock and sleep (tests); default Date.now and setTimeout. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

interface HostState {
  /** When the next request to this host may start. */
  nextSlot: number;
  /** No request before this time (Retry-After, 429, network errors). */
  blockedUntil: number;
  /** Network errors in a row. */
  failures: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Longest Retry-After honoured: a day. */
const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

export class HttpFetcher implements Fetcher {
  private readonly hosts = new Map<string, HostState>();
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly opts: HttpFetcherOptions) {
    this.now = opts.now ?? (() => Date.now());
    this.sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async get(url: string, validators?: Validators): Promise<FetchOutcome> {
    const maxRedirects = this.opts.maxRedirects ?? 5;
    let current = url;
    for (let hop = 0; hop <= maxRedirects; hop++) {
      let target: URL;
      try {
        target = new URL(current);
      } catch {
        return permanent(url, `not a valid URL: ${current}`);
      }
      if (target.protocol !== 'http:' && target.protocol !== 'https:')
        return permanent(url, `only http and https URLs are fetched, not ${target.protocol}`);
      const host = this.host(target.host);
      const blocked = host.blockedUntil - this.now();
      if (blocked > 0)
        return {
          kind: 'failed',
          url,
          reason: `${target.host} is backed off for another ${seconds(blocked)} s`,
          transient: true,
          retryAfterMs: blocked,
          status: null,
        };
      await this.waitTurn(host);

      const step = await this.request(url, target.href, validators);
      if (step.kind === 'network-error') {
        host.failures += 1;
        const base = this.opts.hostBackoffMs ?? 10_000;
        const cap = this.opts.hostBackoffCapMs ?? 15 * 60_000;
        host.blockedUntil = this.now() + Math.min(cap, base * 2 ** (host.failures - 1));
        return {
          kind: 'failed',
          url,
          reason: step.reason,
          transient: true,
          retryAfterMs: null,
          status: null,
        };
      }
      host.failures = 0;
      if (step.kind === 'redirect') {
        current = step.location;
        continue;
      }
      if (step.kind === 'done' && step.outcome.kind === 'failed' && step.outcome.retryAfterMs !== null)
        host.blockedUntil = Math.max(host.blockedUntil, this.now() + step.outcome.retryAfterMs);
      return step.outcome;
    }
    return permanent(url, `more than ${maxRedirects} redirects`);
  }

  private host(name: string): HostState {
    let h = this.hosts.get(name);
    if (!h) {
      h = { nextSlot: 0, blockedUntil: 0, failures: 0 };
      this.hosts.set(name, h);
    }
    return h;
  }

  /** Reserve the host's next slot and wait for it (safe when several requests wait at once). */
  private async waitTurn(host: HostState): Promise<void> {
    const now = this.now();
    const slot = Math.max(now, host.nextSlot);
    host.nextSlot = slot + this.opts.perHostMs;
    if (slot > now) await this.sleep(slot - now);
  }

  /** One HTTP exchange, without following redirects. */
  private async request(
    asked: string,
    href: string,
    validators: Validators | undefined,
  ): Promise<
    | { kind: 'done'; outcome: FetchOutcome }
    | { kind: 'redirect'; location: string }
    | { kind: 'network-error'; reason: string }
  > {
    const timeoutMs = this.opts.timeoutMs ?? 30_000;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const headers: Record<string, string> = {
      'user-agent': this.opts.userAgent ?? USER_AGENT,
      accept:
        'application/rss+xml, application/atom+xml, application/rdf+xml, text/html, application/xhtml+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8',
    };
    if (validators?.etag) headers['if-none-match'] = validators.etag;
    if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
    try {
      let res: Response;
      try {
        res = await fetch(href, { headers, redirect: 'manual', signal: controller.signal });
      } catch (e) {
        return { kind: 'network-error', reason: networkReason(e, controller.signal.aborted, timeoutMs) };
      }
      if (REDIRECTS.has(res.status)) {
        await res.body?.cancel().catch(() => undefined);
        const location = res.headers.get('location');
        if (!location)
          return { kind: 'done', outcome: permanent(asked, `HTTP ${res.status} without a Location`) };
        try {
          return { kind: 'redirect', location: new URL(location, href).href };
        } catch {
          return {
            kind: 'done',
            outcome: permanent(asked, `HTTP ${res.status} to a bad Location: ${location}`),
          };
        }
      }
      if (res.status === 304) {
        await res.body?.cancel().catch(() => undefined);
        return { kind: 'done', outcome: { kind: 'not-modified', url: asked } };
      }
      if (res.status === 429 || res.status >= 500) {
        await res.body?.cancel().catch(() => undefined);
        const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), this.now());
        const wait = retryAfterMs === null ? '' : ` (retry after ${seconds(retryAfterMs)} s)`;
        return {
          kind: 'done',
          outcome: {
            kind: 'failed',
            url: asked,
            reason: `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${wait}`,
            transient: true,
            // A 429 without Retry-After still asks the host to slow down: a minute, at least.
            retryAfterMs: retryAfterMs ?? (res.status === 429 ? 60_000 : null),
            status: res.status,
          },
        };
      }
      if (res.status < 200 || res.status > 299) {
        await res.body?.cancel().catch(() => undefined);
        return {
          kind: 'done',
          outcome: {
            ...permanent(asked, `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`),
            status: res.status,
          },
        };
      }
      const read = await readBody(res, this.opts.maxBytes, controller);
      if (read.kind === 'too-large') return { kind: 'done', outcome: permanent(asked, read.reason) };
      if (read.kind === 'error')
        return {
          kind: 'network-error',
          reason: networkReason(read.error, controller.signal.aborted, timeoutMs),
        };
      const body = read.bytes;
      const contentType = res.headers.get('content-type');
      return {
        kind: 'done',
        outcome: {
          kind: 'ok',
          url: asked,
          finalUrl: href,
          status: res.status,
          contentType,
          body: decodeBody(body, contentType),
          etag: res.headers.get('etag'),
          lastModified: res.headers.get('last-modified'),
        },
      };
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The body's bytes; or that it is over the limit (by Content-Length or while reading); or a read error. */
async function readBody(
  res: Response,
  maxBytes: number,
  controller: AbortController,
): Promise<
  | { kind: 'ok'; bytes: Uint8Array }
  | { kind: 'too-large'; reason: string }
  | { kind: 'error'; error: unknown }
> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    return {
      kind: 'too-large',
      reason: `response is ${formatSize(declared)}, over the limit of ${formatSize(maxBytes)}`,
    };
  }
  if (!res.body) return { kind: 'ok', bytes: new Uint8Array(0) };
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        controller.abort();
        return { kind: 'too-large', reason: `response is over the limit of ${formatSize(maxBytes)}` };
      }
      chunks.push(value);
    }
  } catch (error) {
    // A stalled body ends in the timeout's abort; a reset connection in a network error.
    return { kind: 'error', error };
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { kind: 'ok', bytes };
}

/**
 * Text from bytes: the charset of the Content-Type, else of the XML declaration or an HTML <meta> in the
 * first kilobyte, else UTF-8. Bad bytes become U+FFFD (pages on the web are not always what they claim).
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null): string {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const label =
    /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ??
    /^\s*<\?xml[^>]*\sencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ??
    'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes);
}

/** Retry-After as ms from now: delay-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  const v = value?.trim();
  if (!v) return null;
  if (/^\d+$/.test(v)) return Math.min(MAX_RETRY_AFTER_MS, Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, at - now));
}

function permanent(url: string, reason: string): FetchOutcome & { kind: 'failed' } {
  return { kind: 'failed', url, reason, transient: false, retryAfterMs: null, status: null };
}

function networkReason(e: unknown, aborted: boolean, timeoutMs: number): string {
  if (aborted) return `timed out after ${seconds(timeoutMs)} s`;
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? cause?.message ?? (e as Error).message;
  return `network error: ${detail}`;
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return s >= 10 ? String(Math.round(s)) : String(Math.round(s * 10) / 10);
}
