// The watch configuration's checks (errors name the file and the field), the back-off schedule and the
// state file's load and atomic save.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../domain/errors.js';
import {
  BACKOFF_CAP_MS,
  backoffMs,
  loadWatchConfig,
  loadWatchState,
  parseWatchConfig,
  saveWatchState,
} from './watch.service.js';

const dir = mkdtempSync(join(tmpdir(), 'docket-watch-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function configError(raw: unknown): ValidationError {
  try {
    parseWatchConfig('feeds.json', typeof raw === 'string' ? raw : JSON.stringify(raw));
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('parseWatchConfig', () => {
  it('fills defaults', () => {
    expect(parseWatchConfig('feeds.json', '{"feeds": [{"url": "https://news.example/rss"}]}')).toEqual({
      feeds: [{ url: 'https://news.example/rss' }],
      urls: [],
      perHostSeconds: 2,
      defaultEveryMinutes: 15,
    });
  });

  it('names the file and the field of each mistake', () => {
    expect(
      configError({ feeds: [{ url: 'https://a.example/rss' }, { url: 'ftp://b.example/rss' }] }).message,
    ).toBe('feeds.json: feeds[1].url: expected an absolute http(s) URL');
    expect(configError({ feeds: [{ outlet: 'A' }] }).message).toBe('feeds.json: feeds[0].url: missing');
    expect(configError({ feeds: [{ url: 'https://a.example/rss', everyMinutes: 0 }] }).message).toBe(
      'feeds.json: feeds[0].everyMinutes: must be more than 0',
    );
    expect(configError({ feeds: [{ url: 'https://a.example/rss', evryMinutes: 5 }] }).message).toMatch(
      /^feeds\.json: feeds\[0\]: Unrecognized key: "evryMinutes"/,
    );
    expect(configError({ urls: [{ url: 'https://a.example/x' }], perHostSeconds: '2' }).message).toBe(
      'feeds.json: perHostSeconds: expected a number of seconds',
    );
    const e = configError({ urls: [{ url: 'https://a.example/x' }, { url: 'https://a.example/x' }] });
    expect(e.message).toBe('feeds.json: urls[1].url: https://a.example/x is listed twice');
    expect(e.issues).toEqual([
      { path: 'feeds.json: urls[1].url', message: 'https://a.example/x is listed twice' },
    ]);
  });

  it('says when there is nothing to watch or the file is not JSON', () => {
    expect(configError({}).message).toBe(
      'feeds.json: feeds: nothing to watch: list at least one feed or url',
    );
    expect(configError('{"feeds": [').message).toMatch(/^feeds\.json: not valid JSON/);
    expect(configError([]).message).toMatch(/^feeds\.json: \(top level\): /);
  });

  it('names a file that does not exist', async () => {
    await expect(loadWatchConfig(join(dir, 'missing.json'))).rejects.toThrow(
      `${join(dir, 'missing.json')}: no such file`,
    );
  });
});

describe('backoffMs', () => {
  it('doubles the interval with each failure in a row, up to the cap, never before Retry-After', () => {
    const m = 60_000;
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 5 * m, null))).toEqual([5 * m, 10 * m, 20 * m, 40 * m]);
    expect(backoffMs(30, 5 * m, null)).toBe(BACKOFF_CAP_MS);
    expect(backoffMs(1, 5 * m, 30 * m)).toBe(30 * m);
    // A feed read once a day is not retried more often than once a day.
    expect(backoffMs(3, 24 * 60 * m, null)).toBe(24 * 60 * m);
  });
});

describe('watch state file', () => {
  it('starts empty, round-trips, and is replaced whole (no temporary file left behind)', async () => {
    const file = join(dir, 'a', 'state.json');
    const empty = await loadWatchState(file);
    expect(empty).toEqual({ version: 1, feeds: {}, urls: {} });
    empty.feeds['https://a.example/rss'] = {
      etag: '"x"',
      lastModified: null,
      contentHash: null,
      seen: ['k1'],
      pending: [],
      failures: 0,
      nextDue: 5,
      lastPolled: null,
      lastError: null,
    };
    await saveWatchState(file, empty);
    await saveWatchState(file, empty);
    expect(readdirSync(join(dir, 'a'))).toEqual(['state.json']);
    expect(await loadWatchState(file)).toEqual(empty);
  });

  it('names a state file that is not one', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{"feeds": 3}');
    await expect(loadWatchState(file)).rejects.toThrow(`${file}: not a docket watch state file`);
  });
});
