// `docket watch --once` as a child process (`node dist/cli/main.js`) against a loopback feed server, on an
// SQLite file in a temp folder: new articles are ingested in-process once; a second run asks with
// validators and stores nothing; a config whose every feed fails exits 1; a bad config names the field.
// Needs `npm run build` first.
import { spawn } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../src/domain/types.js';
import type { Page, Stats } from '../../src/ports/storage.port.js';
import type { PollReport } from '../../src/services/watch.service.js';
import { tempDir } from '../helpers.js';
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

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli/main.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let dir: string;
let db: string;
let server: Loopback;
const routes = new Map<string, Route>();

function docket(...args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!k.startsWith('DOCKET_') || k === 'DOCKET_CACHE_DIR') env[k] = v;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: dir,
      env: { ...env, DOCKET_DB: db, DOCKET_LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
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
