// The HTTP fetcher against a loopback server: headers it sends, conditional GET, redirects, limits,
// rate limiting per host and back-off after 503/429 and network errors.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  conditional,
  startLoopback,
  type Loopback,
  type Route,
} from '../../../test/integration/watch-fixtures.js';
import { HttpFetcher, parseRetryAfter, USER_AGENT } from './http-fetcher.js';

const routes = new Map<string, Route>();
let server: Loopback;

beforeAll(async () => {
  server = await startLoopback(routes);
});
afterAll(() => server.close());

/** A fake clock: sleeping advances it at once. */
function fakeClock(start = 1_700_000_000_000): {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  slept: number[];
} {
  let t = start;
  const slept: number[] = [];
  return {
    now: () => t,
    sleep: (ms) => {
      slept.push(ms);
      t += ms;
      return Promise.resolve();
    },
    slept,
  };
}

describe('HttpFetcher', () => {
  it('names Docket in the User-Agent, sends validators back and reads 304 as nothing new', async () => {
    routes.set(
      '/feed',
      conditional(() => '<rss/>', { etag: () => '"v1"', lastModified: 'Tue, 14 May 2024 10:00:00 GMT' }),
    );
    const f = new HttpFetcher({ maxBytes: 1e6, perHostMs: 0 });
    const first = await f.get(`${server.base}/feed`);
    expect(first).toMatchObject({
      kind: 'ok',
      status: 200,
      body: '<rss/>',
      etag: '"v1"',
      lastModified: 'Tue, 14 May 2024 10:00:00 GMT',
    });
    const second = await f.get(`${server.base}/feed`, {
      etag: '"v1"',
      lastModified: 'Tue, 14 May 2024 10:00:00 GMT',
    });
    expect(second).toEqual({ kind: 'not-modified', url: `${server.base}/feed` });
    const [a, b] = server.hits('/feed');
    expect(a?.headers['user-agent']).toBe(USER_AGENT);
    expect(a?.headers['if-none-match']).toBeUndefined();
    expect(b?.headers['if-none-match']).toBe('"v1"');
    expect(b?.headers['if-modified-since']).toBe('Tue, 14 May 2024 10:00:00 GMT');
  });

  it('follows redirects and says where it ended', async () => {
    routes.set('/old', (_q, r) => void r.writeHead(301, { location: '/new' }).end());
    routes.set('/new', (_q, r) => void r.writeHead(200, { 'content-type': 'text/html' }).end('<p>here</p>'));
    routes.set('/loop', (_q, r) => void r.writeHead(302, { location: '/loop' }).end());
    const f = new HttpFetcher({ maxBytes: 1e6, perHostMs: 0 });
    expect(await f.get(`${server.base}/old`)).toMatchObject({
      kind: 'ok',
      url: `${server.base}/old`,
      finalUrl: `${server.base}/new`,
      body: '<p>here</p>',
    });
    expect(await f.get(`${server.base}/loop`)).toMatchObject({
      kind: 'failed',
      transient: false,
      reason: 'more than 5 redirects',
    });
  });

  it('does not read responses over the size limit, declared or streamed', async () => {
    routes.set(
      '/big',
      (_q, r) =>
        void r
          .writeHead(200, { 'content-type': 'text/html', 'content-length': '5000' })
          .end('x'.repeat(5000)),
    );
    routes.set('/big-chunked', (_q, r) => {
      r.writeHead(200, { 'content-type': 'text/html' });
      r.write('x'.repeat(3000));
      r.end('x'.repeat(3000));
    });
    const f = new HttpFetcher({ maxBytes: 4096, perHostMs: 0 });
    expect(await f.get(`${server.base}/big`)).toMatchObject({
      kind: 'failed',
      transient: false,
      reason: 'response is 4.9 KB, over the limit of 4 KB',
    });
    expect(await f.get(`${server.base}/big-chunked`)).toMatchObject({
      kind: 'failed',
      reason: 'response is over the limit of 4 KB',
    });
  });

  it('gives up on a server that does not answer in time', async () => {
    routes.set('/stall', (_q, r) => {
      r.writeHead(200, { 'content-type': 'text/html' });
      r.write('<p>start');
    });
    const f = new HttpFetcher({ maxBytes: 1e6, perHostMs: 0, timeoutMs: 300 });
    expect(await f.get(`${server.base}/stall`)).toMatchObject({
      kind: 'failed',
      transient: true,
      reason: 'timed out after 0.3 s',
    });
  });

  it('reports 404 as permanent and decodes the declared charset', async () => {
    routes.set(
      '/latin1',
      (_q, r) =>
        void r
          .writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' })
          .end(Buffer.from('Bouak\xe9', 'latin1')),
    );
    routes.set(
      '/xml-latin1',
      (_q, r) =>
        void r
          .writeHead(200, { 'content-type': 'application/xml' })
          .end(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><t>S\xe9gou</t>', 'latin1')),
    );
    const f = new HttpFetcher({ maxBytes: 1e6, perHostMs: 0 });
    expect(await f.get(`${server.base}/nowhere`)).toMatchObject({
      kind: 'failed',
      transient: false,
      status: 404,
      reason: 'HTTP 404 Not Found',
    });
    expect(await f.get(`${server.base}/latin1`)).toMatchObject({ body: 'Bouaké' });
    expect(await f.get(`${server.base}/xml-latin1`)).toMatchObject({
      body: expect.stringContaining('Ségou') as unknown,
    });
  });

  it('keeps requests to one host at least the minimum interval apart (real clock)', async () => {
    routes.set('/tick', (_q, r) => void r.writeHead(200).end('ok'));
    const f = new HttpFetcher({ maxBytes: 1e6, perHostMs: 200 });
    const before = server.hits('/tick').length;
    await Promise.all([
      f.get(`${server.base}/tick`),
      f.get(`${server.base}/tick`),
      f.get(`${server.base}/tick`),
    ]);
    const times = server
      .hits('/tick')
      .slice(before)
      .map((r) => r.at);
    expect(times).toHaveLength(3);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(190);
  });

  it('waits its turn on an injected clock, per host', async () => {
    const clock = fakeClock();
    const f = new HttpFetcher({ maxBytes: 1e6, perHostMs: 2000, now: clock.now, sleep: clock.sleep });
    await f.get(`${server.base}/tick`);
    await f.get(`${server.base}/tick`);
    // Another host (localhost is not 127.0.0.1 as a host name) does not wait for this one.
    await f.get(server.base.replace('127.0.0.1', 'localhost') + '/tick');
    expect(clock.slept).toEqual([2000]);
  });

  it('backs a host off after 503 with Retry-After, without asking it again meanwhile', async () => {
    routes.set('/busy', (_q, r) => void r.writeHead(503, { 'retry-after': '120' }).end());
    const clock = fakeClock();
    const f = new HttpFetcher({ maxBytes: 1e6, perHostMs: 0, now: clock.now, sleep: clock.sleep });
    expect(await f.get(`${server.base}/busy`)).toMatchObject({
      kind: 'failed',
      transient: true,
      status: 503,
      retryAfterMs: 120_000,
      reason: 'HTTP 503 Service Unavailable (retry after 120 s)',
    });
    const hits = server.hits('/busy').length;
    await clock.sleep(60_000);
    expect(await f.get(`${server.base}/busy`)).toMatchObject({
      kind: 'failed',
      transient: true,
      retryAfterMs: 60_000,
    });
    expect(server.hits('/busy')).toHaveLength(hits);
    await clock.sleep(60_001);
    await f.get(`${server.base}/busy`);
    expect(server.hits('/busy')).toHaveLength(hits + 1);
  });

  it('treats a refused connection as transient and backs the host off exponentially', async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const clock = fakeClock();
    const f = new HttpFetcher({
      maxBytes: 1e6,
      perHostMs: 0,
      hostBackoffMs: 1000,
      now: clock.now,
      sleep: clock.sleep,
    });
    const url = `http://127.0.0.1:${port}/feed`;
    expect(await f.get(url)).toMatchObject({
      kind: 'failed',
      transient: true,
      reason: 'network error: ECONNREFUSED',
    });
    expect(await f.get(url)).toMatchObject({ kind: 'failed', retryAfterMs: 1000 });
    await clock.sleep(1000);
    await f.get(url); // second failure: 2 s
    expect(await f.get(url)).toMatchObject({ retryAfterMs: 2000 });
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2024-05-14T10:00:00Z');
  it('reads seconds and HTTP dates, and caps at a day', () => {
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 14 May 2024 10:05:00 GMT', now)).toBe(300_000);
    expect(parseRetryAfter('Tue, 14 May 2024 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('999999', now)).toBe(86_400_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
