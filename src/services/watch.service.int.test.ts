// The watch service end to end against a loopback feed server, with an injected clock: new entries are
// handed on once, conditional GET, rate limits, back-off, failures reported while the rest go on, restarts.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  articlePage,
  atomFeed,
  conditional,
  html,
  rssFeed,
  startLoopback,
  STORIES,
  type Loopback,
  type Route,
  type Story,
} from '../../test/integration/watch-fixtures.js';
import { tempDir } from '../../test/helpers.js';
import { createLogger } from '../logger.js';
import type { IngestJob } from '../ports/queue.port.js';
import { createWatch } from '../app.js';
import { parseWatchConfig, type WatchConfig, type WatchService, type WatchSink } from './watch.service.js';

const MINUTE = 60_000;

let dir: string;
let server: Loopback;
let routes: Map<string, Route>;
let clock: { t: number };
let jobs: IngestJob[];

beforeEach(async () => {
  dir = tempDir('docket-watch-');
  routes = new Map();
  clock = { t: Date.parse('2024-05-15T08:00:00Z') };
  server = await startLoopback(routes, () => clock.t);
  jobs = [];
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const collect: WatchSink = (batch) => {
  jobs.push(...batch);
  return Promise.resolve({ accepted: batch.length });
};

function config(raw: Record<string, unknown>): WatchConfig {
  return parseWatchConfig('test.json', JSON.stringify(raw));
}

function watcher(
  cfg: WatchConfig,
  sink: WatchSink = collect,
  stateFile = join(dir, 'state.json'),
): Promise<WatchService> {
  return createWatch({
    config: cfg,
    stateFile,
    sink,
    log: createLogger('silent'),
    maxInputBytes: 1024 * 1024,
    now: () => clock.t,
    sleep: (ms) => {
      clock.t += ms;
      return Promise.resolve();
    },
    sleepUntilDue: (ms) => {
      clock.t += ms;
      return Promise.resolve();
    },
  });
}

/** A feed at `path` whose ETag follows its content, with article pages for its stories. */
function serveFeed(path: string, stories: () => Story[], render = rssFeed): void {
  const body = (): string => render(server.base, stories());
  routes.set(
    path,
    conditional(body, {
      etag: () =>
        `"${stories()
          .map((s) => s.slug)
          .join('+')}"`,
    }),
  );
  for (const s of STORIES) routes.set(`/articles/${s.slug}`, html(articlePage(s)));
}

describe('WatchService', () => {
  it('hands each new article on once, then asks with validators and gets 304, then only the new entry', async () => {
    let shown = STORIES.slice(1, 4);
    serveFeed('/feed.xml', () => shown);
    const w = await watcher(
      config({
        feeds: [{ url: `${server.base}/feed.xml`, outlet: 'Harbour Post', everyMinutes: 10 }],
        perHostSeconds: 0,
      }),
    );

    const first = await w.poll();
    expect(first).toEqual({
      feedsPolled: 1,
      urlsPolled: 0,
      notModified: 0,
      newArticles: 3,
      enqueued: 3,
      failed: [],
      sourcesFailed: 0,
    });
    expect(jobs.map((j) => j.doc.origin).sort()).toEqual(
      shown.map((s) => `${server.base}/articles/${s.slug}`).sort(),
    );
    // The page says nothing about itself: the feed entry and the config fill title, date, link and outlet.
    const kharkiv = jobs.find((j) => j.doc.origin.endsWith('/kharkiv'));
    expect(kharkiv?.doc).toMatchObject({
      title: 'Drone strike damages depot in Kharkiv',
      published: '2024-05-13',
      url: `${server.base}/articles/kharkiv`,
      outlet: 'Harbour Post',
      mediaType: 'text/html',
    });
    expect(kharkiv?.doc.text).toContain('Attackers struck in Kharkiv, Ukraine');
    expect(kharkiv?.published).toBe('2024-05-13');

    // Not due yet: nothing is fetched.
    clock.t += 5 * MINUTE;
    expect(await w.poll()).toMatchObject({ feedsPolled: 0, newArticles: 0 });
    expect(server.hits('/feed.xml')).toHaveLength(1);

    clock.t += 6 * MINUTE;
    const second = await w.poll();
    expect(second).toMatchObject({ feedsPolled: 1, notModified: 1, newArticles: 0, enqueued: 0, failed: [] });
    const conditionalGet = server.hits('/feed.xml')[1];
    expect(conditionalGet?.headers['if-none-match']).toBe('"kharkiv+goma+kidal"');
    expect(jobs).toHaveLength(3);

    shown = STORIES.slice(0, 4);
    clock.t += 11 * MINUTE;
    const third = await w.poll();
    expect(third).toMatchObject({ feedsPolled: 1, notModified: 0, newArticles: 1, enqueued: 1 });
    expect(jobs.slice(3).map((j) => j.doc.origin)).toEqual([`${server.base}/articles/hodeidah`]);
    // Every article page was fetched exactly once.
    for (const s of STORIES) expect(server.hits(`/articles/${s.slug}`)).toHaveLength(1);
  });

  it('keeps requests to one host perHostSeconds apart, feeds and article pages alike', async () => {
    serveFeed('/feed.xml', () => STORIES);
    const w = await watcher(config({ feeds: [{ url: `${server.base}/feed.xml` }], perHostSeconds: 0.2 }));
    await w.poll();
    const times = server.requests.map((r) => r.clock ?? 0);
    expect(times).toHaveLength(1 + STORIES.length);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(200);
  });

  it('waits for Retry-After before asking a feed that answered 503 again', async () => {
    let busy = true;
    routes.set('/busy.xml', (req, res) => {
      if (busy) res.writeHead(503, { 'retry-after': '600' }).end();
      else conditional(() => rssFeed(server.base, STORIES.slice(0, 1)))(req, res);
    });
    for (const s of STORIES) routes.set(`/articles/${s.slug}`, html(articlePage(s)));
    const w = await watcher(
      config({ feeds: [{ url: `${server.base}/busy.xml`, everyMinutes: 1 }], perHostSeconds: 0 }),
    );

    const first = await w.poll();
    expect(first.failed).toEqual([
      { url: `${server.base}/busy.xml`, reason: 'HTTP 503 Service Unavailable (retry after 600 s)' },
    ]);
    expect(w.nextDueAt()).toBe(clock.t + 600_000);

    // Its normal interval (a minute) has passed, Retry-After has not: it is left alone.
    clock.t += 2 * MINUTE;
    expect(await w.poll()).toMatchObject({ feedsPolled: 0 });
    expect(server.hits('/busy.xml')).toHaveLength(1);

    busy = false;
    clock.t += 9 * MINUTE;
    expect(await w.poll()).toMatchObject({ feedsPolled: 1, newArticles: 1, failed: [] });
    expect(server.hits('/busy.xml')).toHaveLength(2);
  });

  it('reports a malformed feed and a missing one while the other feed in the config is processed', async () => {
    routes.set('/broken.xml', html('<!doctype html><html><body><p>We moved our feeds.</p></body></html>'));
    serveFeed('/atom.xml', () => STORIES.slice(0, 2), atomFeed);
    const w = await watcher(
      config({
        feeds: [
          { url: `${server.base}/broken.xml` },
          { url: `${server.base}/gone.xml` },
          { url: `${server.base}/atom.xml` },
        ],
        perHostSeconds: 0,
      }),
    );
    const report = await w.poll();
    expect(report).toMatchObject({ feedsPolled: 3, newArticles: 2, enqueued: 2, sourcesFailed: 2 });
    expect(report.failed).toEqual([
      {
        url: `${server.base}/broken.xml`,
        reason: 'not an RSS or Atom feed: the document starts with <html>',
      },
      { url: `${server.base}/gone.xml`, reason: 'HTTP 404 Not Found' },
    ]);
    // Atom dates fill what the page lacks.
    expect(jobs.find((j) => j.doc.origin.endsWith('/hodeidah'))?.doc.published).toBe('2024-05-14');
  });

  it('retries an article page that failed on later polls, and marks it seen only once handed on', async () => {
    serveFeed('/feed.xml', () => STORIES.slice(0, 2));
    let pageUp = false;
    routes.set('/articles/hodeidah', (req, res) => {
      if (pageUp) html(articlePage(STORIES[0]!))(req, res);
      else res.writeHead(500).end();
    });
    const w = await watcher(
      config({ feeds: [{ url: `${server.base}/feed.xml`, everyMinutes: 5 }], perHostSeconds: 0 }),
    );
    const first = await w.poll();
    expect(first).toMatchObject({ newArticles: 1, enqueued: 1, sourcesFailed: 0 });
    expect(first.failed).toEqual([
      { url: `${server.base}/articles/hodeidah`, reason: 'HTTP 500 Internal Server Error' },
    ]);
    expect(w.snapshot().feeds[`${server.base}/feed.xml`]?.pending).toMatchObject([
      { key: 'harbour-hodeidah', attempts: 1 },
    ]);

    pageUp = true;
    clock.t += 6 * MINUTE;
    const second = await w.poll();
    // The feed has not changed (304), the page is tried again all the same.
    expect(second).toMatchObject({ notModified: 1, newArticles: 1, enqueued: 1, failed: [] });
    expect(jobs.map((j) => j.doc.origin.split('/').pop())).toEqual(['kharkiv', 'hodeidah']);
    const st = w.snapshot().feeds[`${server.base}/feed.xml`];
    expect(st?.pending).toEqual([]);
    expect(st?.seen).toEqual(['harbour-kharkiv', 'harbour-hodeidah']);
  });

  it('keeps articles pending when the sink fails, and hands them on at the next poll', async () => {
    serveFeed('/feed.xml', () => STORIES.slice(0, 2));
    let down = true;
    const flaky: WatchSink = (batch) =>
      down ? Promise.reject(new Error('queue unavailable')) : collect(batch);
    const w = await watcher(
      config({ feeds: [{ url: `${server.base}/feed.xml`, everyMinutes: 5 }], perHostSeconds: 0 }),
      flaky,
    );
    const first = await w.poll();
    expect(first).toMatchObject({ newArticles: 2, enqueued: 0 });
    expect(first.failed).toEqual([
      { url: `${server.base}/feed.xml`, reason: 'could not hand on 2 article(s): queue unavailable' },
    ]);
    down = false;
    clock.t += 6 * MINUTE;
    expect(await w.poll()).toMatchObject({ newArticles: 2, enqueued: 2, failed: [] });
    expect(jobs).toHaveLength(2);
  });

  it('hands nothing on twice after a restart, even from a server without validators', async () => {
    routes.set(
      '/plain.xml',
      (_req, res) =>
        void res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(rssFeed(server.base, STORIES.slice(0, 3))),
    );
    for (const s of STORIES) routes.set(`/articles/${s.slug}`, html(articlePage(s)));
    const cfg = config({ feeds: [{ url: `${server.base}/plain.xml`, everyMinutes: 1 }], perHostSeconds: 0 });
    const stateFile = join(dir, 'nested', 'watch.state.json');
    expect(await (await watcher(cfg, collect, stateFile)).poll()).toMatchObject({ enqueued: 3 });
    expect(existsSync(stateFile)).toBe(true);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['watch.state.json']);
    const saved = JSON.parse(readFileSync(stateFile, 'utf8')) as { version: number };
    expect(saved.version).toBe(1);

    clock.t += 2 * MINUTE;
    const restarted = await watcher(cfg, collect, stateFile);
    expect(await restarted.poll()).toMatchObject({ feedsPolled: 1, newArticles: 0, enqueued: 0 });
    expect(jobs).toHaveLength(3);
    expect(server.hits('/plain.xml')).toHaveLength(2);
  });

  it('fetches listed pages once, and again only when they change', async () => {
    let version = 0;
    routes.set('/page.html', (req, res) => {
      const page = articlePage({ ...STORIES[3]!, place: version ? 'Gao' : 'Kidal' }, true);
      conditional(() => page, { etag: () => `"p${version}"`, contentType: 'text/html' })(req, res);
    });
    const w = await watcher(
      config({ urls: [{ url: `${server.base}/page.html`, outlet: 'Sahel Wire' }], defaultEveryMinutes: 1 }),
    );
    expect(await w.poll()).toMatchObject({ urlsPolled: 1, newArticles: 1, enqueued: 1 });
    // The page names its outlet: it wins over the config's.
    expect(jobs[0]?.doc).toMatchObject({
      origin: `${server.base}/page.html`,
      title: 'Troops clash with rebels in Kidal',
      outlet: 'Page Outlet',
    });

    clock.t += 2 * MINUTE;
    expect(await w.poll()).toMatchObject({ urlsPolled: 1, notModified: 1, newArticles: 0 });
    expect(server.hits('/page.html')[1]?.headers['if-none-match']).toBe('"p0"');

    version = 1;
    clock.t += 2 * MINUTE;
    expect(await w.poll()).toMatchObject({ urlsPolled: 1, newArticles: 1, enqueued: 1 });
    expect(jobs[1]?.doc.text).toContain('Gao');
  });

  it('loops until aborted, sleeping until the next feed is due', async () => {
    serveFeed('/feed.xml', () => STORIES.slice(0, 1));
    const w = await watcher(
      config({ feeds: [{ url: `${server.base}/feed.xml`, everyMinutes: 3 }], perHostSeconds: 0 }),
    );
    const controller = new AbortController();
    const start = clock.t;
    const reports: number[] = [];
    await w.run(controller.signal, (r) => {
      reports.push(r.feedsPolled);
      if (reports.length === 3) controller.abort();
    });
    expect(reports).toEqual([1, 1, 1]);
    expect(clock.t - start).toBe(6 * MINUTE);
    expect(jobs).toHaveLength(1);
  });
});
