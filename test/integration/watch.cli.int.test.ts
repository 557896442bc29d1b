// `docket watch --once` as a child process (`node dist/cli/main.js`) against a loopback feed server, on an
// SQLite file in a temp folder: new articles are ingested in-process once; a second run asks with
// validators and stores nothing; a config whose every feed fails exits 1; a bad config names the field.
// Needs `npm run build` first.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../src/domain/types.js';
import type { Page, Stats } from '../../src/ports/storage.port.js';
import type { PollReport } from '../../src/services/watch.service.js';
import { CLI, runCli, type CliRun } from '../cli.js';
import { dropPgSchema, freshPgSchemaUrl, TEST_PG_URL, tempDir, warnPgSkipped } from '../helpers.js';
import type { QueueCounts } from '../../src/ports/queue.port.js';
import {
  articlePage,
  conditional,
  html,
  rssFeed,
  startLoopback,
  STORIES,
  type Loopback,
  type Route,
} from './watch-fixtures.js';

type Run = CliRun;

let dir: string;
let db: string;
let server: Loopback;
const routes = new Map<string, Route>();

/** The CLI on this suite's record (an SQLite file, or `env.DOCKET_DB`). */
function docket(...args: string[]): Promise<Run> {
  return runCli(args, { env: { DOCKET_DB: db }, cwd: dir });
}

function writeConfig(name: string, value: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

beforeAll(async () => {
  if (!existsSync(CLI))
    throw new Error(`${CLI} is missing: run \`npm run build\` before the integration tests`);
  dir = tempDir('docket-watch-cli-');
  db = join(dir, 'data', 'docket.db');
  server = await startLoopback(routes);
  routes.set(
    '/feed.xml',
    conditional(() => rssFeed(server.base, STORIES), { lastModified: 'Wed, 15 May 2024 06:00:00 GMT' }),
  );
  for (const s of STORIES) routes.set(`/articles/${s.slug}`, html(articlePage(s)));
  routes.set('/moved.xml', html('<!doctype html><html><body><p>Our feeds moved.</p></body></html>'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('docket watch --once', () => {
  it('ingests the new articles of a feed once, then asks with If-Modified-Since and stores nothing more', async () => {
    // everyMinutes 0.001: due again 60 ms later, so the second run polls it.
    const config = writeConfig('feeds.json', {
      feeds: [{ url: `${server.base}/feed.xml`, outlet: 'Harbour Post', everyMinutes: 0.001 }],
      perHostSeconds: 0,
    });
    const first = await docket('watch', '--once', '--json', '--config', config);
    expect(first.code, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout) as PollReport;
    expect(report).toMatchObject({
      feedsPolled: 1,
      newArticles: STORIES.length,
      enqueued: STORIES.length,
      failed: [],
    });
    expect(existsSync(`${config}.state.json`)).toBe(true);

    const stats = await docket('stats');
    expect(stats.code, stats.stderr).toBe(0);
    expect(JSON.parse(stats.stdout) as Stats).toMatchObject({
      sources: STORIES.length,
      reports: STORIES.length,
    });
    const events = await docket('events', '--json', '--limit', '100');
    const page = JSON.parse(events.stdout) as Page<StoredEvent>;
    expect(page.total).toBeGreaterThanOrEqual(1);
    // The feed's outlet and dates reached the record (the pages carry neither).
    for (const e of page.items) expect(e.outlet).toBe('Harbour Post');
    expect(page.items.map((e) => e.published)).toContain('2024-05-13');

    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = await docket('watch', '--once', '--config', config);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain(
      'Polled 1 feed(s) and 0 page(s) · 1 not modified · 0 new article(s) · 0 accepted · 0 failed',
    );
    const feedHits = server.hits('/feed.xml');
    expect(feedHits).toHaveLength(2);
    expect(feedHits[0]?.headers['user-agent']).toMatch(/^Docket\//);
    expect(feedHits[1]?.headers['if-modified-since']).toBe('Wed, 15 May 2024 06:00:00 GMT');
    for (const s of STORIES) expect(server.hits(`/articles/${s.slug}`)).toHaveLength(1);
    expect(JSON.parse((await docket('stats')).stdout) as Stats).toMatchObject({ sources: STORIES.length });
  });

  it('exits 1 and names the feed when every feed fails', async () => {
    const config = writeConfig('moved.json', {
      feeds: [{ url: `${server.base}/moved.xml` }],
      perHostSeconds: 0,
    });
    const r = await docket('watch', '--once', '--config', config, '--state', join(dir, 'moved-state.json'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `failed ${server.base}/moved.xml: not an RSS or Atom feed: the document starts with <html>`,
    );
    expect(existsSync(join(dir, 'moved-state.json'))).toBe(true);
  });

  it('exits 2 and names the file and the field of a bad config', async () => {
    const config = writeConfig('bad.json', { feeds: [{ url: 'not a url' }] });
    const r = await docket('watch', '--once', '--config', config);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${config}: feeds[0].url: expected an absolute http(s) URL`);
    expect(existsSync(`${config}.state.json`)).toBe(false);
  });
});

describe.skipIf(!TEST_PG_URL)('docket watch --once with a job queue (PostgreSQL)', () => {
  const schemas: string[] = [];
  afterAll(async () => {
    for (const s of schemas) {
      await dropPgSchema(`${s}_jobs`);
      await dropPgSchema(s);
    }
  });

  it('enqueues new articles as ingest jobs for the workers instead of ingesting them, each once', async () => {
    const { url, schema } = freshPgSchemaUrl('docket_watchq');
    schemas.push(schema);
    const config = writeConfig('queued.json', {
      feeds: [{ url: `${server.base}/feed.xml`, outlet: 'Harbour Post' }],
      perHostSeconds: 0,
    });
    const onQueue = (...args: string[]): Promise<Run> => runCli(args, { env: { DOCKET_DB: url }, cwd: dir });
    const ingestJobs = async (): Promise<QueueCounts['counts']> => {
      const r = await onQueue('jobs', '--json');
      expect(r.code, r.stderr).toBe(0);
      const queues = (JSON.parse(r.stdout) as { queues: QueueCounts[] }).queues;
      return queues.find((q) => q.queue === 'docket-ingest')?.counts ?? {};
    };

    const first = await onQueue(
      'watch',
      '--once',
      '--json',
      '--config',
      config,
      '--state',
      join(dir, 'q1.json'),
    );
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout) as PollReport).toMatchObject({
      newArticles: STORIES.length,
      enqueued: STORIES.length,
    });
    expect(await ingestJobs()).toMatchObject({ created: STORIES.length });
    // nothing was stored by watch itself: the workers will
    expect(JSON.parse((await onQueue('stats')).stdout) as Stats).toMatchObject({ sources: 0 });

    // state lost: the same articles are seen as new again, but the queue holds each article once
    const again = await onQueue(
      'watch',
      '--once',
      '--json',
      '--config',
      config,
      '--state',
      join(dir, 'q2.json'),
    );
    expect(again.code, again.stderr).toBe(0);
    expect(await ingestJobs()).toMatchObject({ created: STORIES.length });
  });
});
if (!TEST_PG_URL) warnPgSkipped('docket watch with a job queue');
