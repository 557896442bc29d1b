// The HTTP API on a real server (127.0.0.1, any free port) over a SQLite file and the real gazetteer,
// filled through IngestService with self-written reports.
import type { FastifyInstance } from 'fastify';
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStorage } from '../../src/adapters/sqlite/sqlite.storage.js';
import type { StoredClaim, StoredEvent, Source } from '../../src/domain/types.js';
import { EVENT_TYPES } from '../../src/domain/types.js';
import { ACLED_COLUMNS } from '../../src/export/acled-csv.js';
import { buildServer } from '../../src/http/server.js';
import { parseHtmlDocument } from '../../src/ingest/html.js';
import type { InputItem } from '../../src/domain/incoming.js';
import { parseJsonLines } from '../../src/ingest/jsonl.js';
import { parsePlainText } from '../../src/ingest/text.js';
import { createLogger } from '../../src/logger.js';
import type { Facets, Page, SourceSummary, Stats } from '../../src/ports/storage.port.js';
import { ExportService } from '../../src/services/export.service.js';
import { IngestService } from '../../src/services/ingest.service.js';
import { tempDir, testGazetteer } from '../helpers.js';
import { GOMA_LINE, HAJIN_TXT, KIDAL_LINE, MOSUL_HTML } from './reports.js';

interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}
interface EventDetail extends StoredEvent {
  source: Pick<Source, 'id' | 'title' | 'outlet' | 'url' | 'published' | 'sha256' | 'text'> | null;
  claims: StoredClaim[];
}

let dir: string;
let storage: SqliteStorage;
let server: FastifyInstance;
let base: string;
let stats: Stats;
let all: StoredEvent[];

async function listen(s: FastifyInstance): Promise<string> {
  await s.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(s.server.address() as AddressInfo).port}`;
}

async function get<T = unknown>(
  path: string,
  at = base,
): Promise<{ status: number; headers: Headers; body: T; text: string }> {
  const res = await fetch(`${at}${path}`);
  const text = await res.text();
  const json = (res.headers.get('content-type') ?? '').includes('json') && !path.includes('format=jsonl');
  return { status: res.status, headers: res.headers, body: (json ? JSON.parse(text) : text) as T, text };
}

/** A 400 whose JSON error names the parameter. */
async function expectInvalid(path: string, param: string): Promise<void> {
  const r = await get<ErrorBody>(path);
  expect(r.status, path).toBe(400);
  expect(r.headers.get('content-type')).toMatch(/^application\/json/);
  expect(r.body.error.code).toBe('validation_error');
  expect(r.body.error.message).toContain(param);
  expect(r.body.error.issues?.map((i) => i.path)).toContain(param);
}

/** The real store, except that listing events fails the way a broken disk would. */
class FailingStorage extends SqliteStorage {
  override listEvents(): Promise<Page<StoredEvent>> {
    throw new Error('SQLITE_CORRUPT: database disk image is malformed (/var/lib/docket/secret.db)');
  }
}

const countryOf = (e: StoredEvent): string | undefined => e.location?.countryCode;

beforeAll(async () => {
  dir = tempDir('docket-http-');
  storage = new SqliteStorage(join(dir, 'docket.db'));
  const gazetteer = await testGazetteer();
  const ingest = new IngestService({ storage, gazetteer, now: () => new Date('2024-05-01T12:00:00Z') });
  const items: InputItem[] = [
    { kind: 'document', doc: parsePlainText('hajin.txt', HAJIN_TXT) },
    { kind: 'document', doc: parseHtmlDocument('mosul.html', MOSUL_HTML) },
    ...parseJsonLines('feed.jsonl', `${JSON.stringify(KIDAL_LINE)}\n${JSON.stringify(GOMA_LINE)}\n`),
  ];
  const report = await ingest.ingest(items);
  expect(report).toMatchObject({ read: 4, ingested: 4, skipped: [] });

  server = await buildServer({
    storage,
    exports: new ExportService({ storage }),
    log: createLogger('silent'),
  });
  base = await listen(server);
  stats = await storage.stats();
  all = (await storage.listEvents({}, { limit: 1000, offset: 0 })).items;
  // Every report gave at least one located event, in its country.
  for (const cc of ['SY', 'IQ', 'ML', 'CD']) expect(all.map(countryOf)).toContain(cc);
});

afterAll(async () => {
  await server?.close();
  await storage?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/health', () => {
  it('answers ok with the counts', async () => {
    const r = await get<Stats & { ok: boolean }>('/api/health');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ok: true, ...stats });
    expect(r.body).toMatchObject({ sources: 4, reports: 4 });
  });
});

describe('GET /api/events', () => {
  const events = async (query: string): Promise<Page<StoredEvent>> => {
    const r = await get<Page<StoredEvent>>(`/api/events${query}`);
    expect(r.status, query).toBe(200);
    return r.body;
  };

  it('lists every event, newest first, with paging defaults', async () => {
    const page = await events('');
    expect(page).toMatchObject({ total: stats.events, limit: 100, offset: 0 });
    expect(page.items.map((e) => e.id)).toEqual(all.map((e) => e.id));
    const starts = page.items.map((e) => e.date.start);
    expect(starts).toEqual([...starts].sort().reverse());
  });

  it('filters by country (any case), dates, type, actor, bbox and text', async () => {
    const sy = await events('?country=SY');
    expect(sy.total).toBeGreaterThanOrEqual(1);
    expect(sy.items.every((e) => countryOf(e) === 'SY')).toBe(true);
    expect((await events('?country=sy')).total).toBe(sy.total);

    const march = await events('?from=2024-03-01&to=2024-03-31');
    for (const e of march.items) {
      expect(e.date.end >= '2024-03-01' && e.date.start <= '2024-03-31').toBe(true);
    }
    expect(march.items.map(countryOf)).toEqual(expect.arrayContaining(['SY', 'CD']));
    expect(march.items.map(countryOf)).not.toContain('ML'); // 10 February
    expect(march.items.map(countryOf)).not.toContain('IQ'); // 3 April

    const battles = await events(`?type=${encodeURIComponent('Battles')}`);
    expect(battles.items.map(countryOf)).toContain('ML');
    expect(battles.items.every((e) => e.eventType === 'Battles')).toBe(true);

    const police = await events('?actor=POLICE');
    expect(police.total).toBeGreaterThanOrEqual(1);
    expect(police.items.every((e) => e.actors.some((a) => /police/i.test(a.name)))).toBe(true);

    const mosulBox = await events('?bbox=42.5,35.8,43.8,36.8');
    expect(mosulBox.total).toBeGreaterThanOrEqual(1);
    expect(mosulBox.items.every((e) => countryOf(e) === 'IQ')).toBe(true);

    const goma = await events('?q=Goma');
    expect(goma.total).toBeGreaterThanOrEqual(1);
    expect(goma.items.every((e) => countryOf(e) === 'CD')).toBe(true);
    expect((await events('?q=Goma&country=SY')).total).toBe(0);
  });

  it('pages with limit and offset', async () => {
    const page = await events('?limit=1&offset=1');
    expect(page).toMatchObject({ total: stats.events, limit: 1, offset: 1 });
    expect(page.items.map((e) => e.id)).toEqual([all[1]?.id]);
    expect((await events(`?offset=${stats.events}`)).items).toEqual([]);
  });

  it('takes search operators as plain words', async () => {
    for (const q of ['"Hajin', 'Hajin OR Goma', '*', '-', 'NEAR(Goma', 'Goma\u0000']) {
      const page = await events(`?q=${encodeURIComponent(q)}`);
      expect(page.total, q).toBe(page.items.length);
    }
  });

  it('rejects bad parameters with 400 naming them', async () => {
    await expectInvalid('/api/events?from=2024-99-01', 'from');
    await expectInvalid('/api/events?to=2024-02-30', 'to');
    await expectInvalid('/api/events?from=yesterday', 'from');
    await expectInvalid('/api/events?from=2024-05-01&to=2024-04-01', 'from');
    await expectInvalid('/api/events?bbox=1,2,3', 'bbox');
    await expectInvalid('/api/events?bbox=10,0,5,1', 'bbox');
    await expectInvalid('/api/events?bbox=a,b,c,d', 'bbox');
    await expectInvalid('/api/events?country=Syria', 'country');
    await expectInvalid('/api/events?country=SY&country=IQ', 'country');
    await expectInvalid('/api/events?type=Bombing', 'type');
    await expectInvalid('/api/events?limit=0', 'limit');
    await expectInvalid('/api/events?limit=1001', 'limit');
    await expectInvalid('/api/events?limit=ten', 'limit');
    await expectInvalid('/api/events?offset=-1', 'offset');
  });
});

describe('GET /api/events/:id', () => {
  it('returns the event with its source text and linked claims', async () => {
    const hajin = all.find((e) => countryOf(e) === 'SY')!;
    const r = await get<EventDetail>(`/api/events/${encodeURIComponent(hajin.id)}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: hajin.id, sourceId: hajin.sourceId, eventType: hajin.eventType });
    expect(r.body.source).toMatchObject({ id: hajin.sourceId, text: HAJIN_TXT, published: '2024-03-14' });
    for (const ev of r.body.evidence) expect(HAJIN_TXT.slice(ev.start, ev.end)).toBe(ev.text);
    // The claim about the 12 dead is linked to the strike.
    expect(r.body.claims.length).toBeGreaterThanOrEqual(1);
    for (const c of r.body.claims)
      expect(c.eventIds.includes(hajin.id) || hajin.claimIds.includes(c.id)).toBe(true);
    expect(r.body.claims.some((c) => /Observatory/.test(c.claimant.name))).toBe(true);
  });

  it('answers 404 JSON for an unknown id', async () => {
    const r = await get<ErrorBody>('/api/events/src_0000000000000000.e1');
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.body.error.code).toBe('not_found');
    expect(r.body.error.message).toContain('src_0000000000000000.e1');
  });
});

describe('GET /api/claims', () => {
  it('lists and filters claims', async () => {
    const r = await get<Page<StoredClaim>>('/api/claims');
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(stats.claims);
    expect(r.body.items.length).toBe(stats.claims);

    const obs = await get<Page<StoredClaim>>('/api/claims?claimant=observatory');
    expect(obs.body.total).toBeGreaterThanOrEqual(1);
    expect(obs.body.items.every((c) => /observatory/i.test(c.claimant.name))).toBe(true);

    const kind = obs.body.items[0]!.kind;
    const byKind = await get<Page<StoredClaim>>(`/api/claims?kind=${kind}`);
    expect(byKind.body.items.every((c) => c.kind === kind)).toBe(true);
    expect(byKind.body.items.map((c) => c.id)).toContain(obs.body.items[0]!.id);

    const hajin = all.find((e) => countryOf(e) === 'SY')!;
    const linked = await get<Page<StoredClaim>>(`/api/claims?event=${encodeURIComponent(hajin.id)}`);
    expect(linked.body.total).toBeGreaterThanOrEqual(1);
    expect(linked.body.items.every((c) => c.eventIds.includes(hajin.id))).toBe(true);
    const bySource = await get<Page<StoredClaim>>(`/api/claims?source=${hajin.sourceId}`);
    expect(bySource.body.items.every((c) => c.sourceId === hajin.sourceId)).toBe(true);

    expect((await get<Page<StoredClaim>>('/api/claims?q=Kidal')).body.items.map((c) => c.sourceId)).toEqual(
      expect.arrayContaining([all.find((e) => countryOf(e) === 'ML')!.sourceId]),
    );
  });

  it('rejects bad parameters with 400 naming them', async () => {
    await expectInvalid('/api/claims?kind=rumour', 'kind');
    await expectInvalid('/api/claims?limit=0', 'limit');
    await expectInvalid(`/api/claims?claimant=${'x'.repeat(201)}`, 'claimant');
  });
});

describe('GET /api/sources', () => {
  it('lists source summaries and filters them', async () => {
    const r = await get<Page<SourceSummary>>('/api/sources');
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(4);
    expect(r.body.items.reduce((n, s) => n + s.events, 0)).toBe(stats.events);
    expect(r.body.items.reduce((n, s) => n + s.claims, 0)).toBe(stats.claims);
    const html = r.body.items.find((s) => s.mediaType === 'text/html');
    expect(html).toMatchObject({
      outlet: 'Tigris Daily',
      title: 'Roadside bomb wounds police in Mosul',
      url: 'https://tigris.example/2024/04/mosul-bomb',
      published: '2024-04-05',
      origin: 'mosul.html',
    });
    expect((await get<Page<SourceSummary>>('/api/sources?q=Kidal')).body.items.map((s) => s.origin)).toEqual([
      'feed.jsonl:1',
    ]);
    expect(
      (await get<Page<SourceSummary>>(`/api/sources?outlet=${encodeURIComponent('Sahel Wire')}`)).body.total,
    ).toBe(1);
    expect((await get<Page<SourceSummary>>('/api/sources?limit=1&offset=3')).body.items).toHaveLength(1);
    expect((await get('/api/sources?q=%22%00')).status).toBe(200);
    await expectInvalid('/api/sources?limit=0', 'limit');
  });

  it('returns one source as archived, and 404 JSON for an unknown id', async () => {
    const summaries = (await get<Page<SourceSummary>>('/api/sources')).body.items;
    const html = summaries.find((s) => s.mediaType === 'text/html')!;
    const r = await get<Source>(`/api/sources/${html.id}`);
    expect(r.status).toBe(200);
    expect(r.body.raw).toBe(MOSUL_HTML);
    expect(r.body.text).toContain('A roadside bomb exploded next to a police patrol in western Mosul');
    expect(r.body.text).not.toContain('Copyright'); // the footer is not article text
    const txt = summaries.find((s) => s.origin === 'hajin.txt')!;
    expect((await get<Source>(`/api/sources/${txt.id}`)).body.text).toBe(HAJIN_TXT);

    const missing = await get<ErrorBody>('/api/sources/src_ffffffffffffffff');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'not_found' });
    expect(missing.body.error.message).toContain('src_ffffffffffffffff');
  });
});

describe('GET /api/timeline', () => {
  it('counts events per day, under the event filters', async () => {
    const r = await get<{ buckets: { date: string; count: number }[] }>('/api/timeline');
    expect(r.status).toBe(200);
    const dates = r.body.buckets.map((b) => b.date);
    expect(dates).toEqual([...dates].sort());
    expect(r.body.buckets.reduce((n, b) => n + b.count, 0)).toBe(stats.events);
    for (const e of all) expect(dates).toContain(e.date.start);

    const ml = await get<{ buckets: { count: number }[] }>('/api/timeline?country=ML');
    expect(ml.body.buckets.reduce((n, b) => n + b.count, 0)).toBe(
      all.filter((e) => countryOf(e) === 'ML').length,
    );
    await expectInvalid('/api/timeline?from=2024-99-01', 'from');
  });
});

describe('GET /api/facets', () => {
  it('counts event types, countries and outlets', async () => {
    const r = await get<Facets>('/api/facets');
    expect(r.status).toBe(200);
    expect(r.body.eventTypes.reduce((n, t) => n + t.count, 0)).toBe(stats.events);
    for (const t of r.body.eventTypes) expect(Object.keys(EVENT_TYPES)).toContain(t.value);
    expect(r.body.countries.map((c) => c.value)).toEqual(expect.arrayContaining(['SY', 'IQ', 'ML', 'CD']));
    expect(r.body.countries.find((c) => c.value === 'ML')?.name).toBe('Mali');
    expect(r.body.outlets.map((o) => o.value).sort()).toEqual(['Sahel Wire', 'Tigris Daily']);
  });
});

describe('GET /api/basemap', () => {
  it('serves country outlines as cacheable GeoJSON', async () => {
    const r = await get<{ type: string; features: { geometry: { type: string } | null }[] }>('/api/basemap');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    expect(r.headers.get('cache-control')).toContain('max-age');
    expect(r.body.type).toBe('FeatureCollection');
    expect(r.body.features.length).toBeGreaterThan(100);
    expect(r.body.features.every((f) => f.geometry === null || /Polygon$/.test(f.geometry.type))).toBe(true);
  });
});

describe('GET /api/export', () => {
  it('streams JSON Lines, GeoJSON and ACLED CSV as attachments', async () => {
    const jsonl = await get('/api/export?format=jsonl');
    expect(jsonl.status).toBe(200);
    expect(jsonl.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(jsonl.headers.get('content-disposition')).toBe('attachment; filename="docket-events.jsonl"');
    const lines = jsonl.text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as StoredEvent);
    expect(lines.map((e) => e.id).sort()).toEqual(all.map((e) => e.id).sort());

    const geo = await get<{ type: string; features: { geometry: { coordinates: number[] } | null }[] }>(
      '/api/export?format=geojson',
    );
    expect(geo.status).toBe(200);
    expect(geo.headers.get('content-disposition')).toContain('docket-events.geojson');
    expect(geo.body.type).toBe('FeatureCollection');
    expect(geo.body.features).toHaveLength(stats.events);

    const csv = await get('/api/export?format=acled-csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.text.split('\n')[0]).toBe(ACLED_COLUMNS.join(','));
  });

  it('applies the event filters', async () => {
    const r = await get('/api/export?format=jsonl&country=ML');
    const lines = r.text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as StoredEvent);
    expect(lines.length).toBe(all.filter((e) => countryOf(e) === 'ML').length);
    expect(lines.every((e) => countryOf(e) === 'ML')).toBe(true);
  });

  it('rejects an unknown or missing format, and bad filters, with 400 JSON before streaming', async () => {
    await expectInvalid('/api/export?format=xml', 'format');
    await expectInvalid('/api/export', 'format');
    const r = await get<ErrorBody>('/api/export?format=xml');
    for (const f of ['acled-csv', 'geojson', 'jsonl']) expect(r.body.error.message).toContain(f);
    const bad = await get<ErrorBody>('/api/export?format=geojson&from=2024-99-01');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-disposition')).toBeNull();
    expect(bad.body.error.message).toContain('from');
  });
});

describe('routes, pages and headers', () => {
  it('answers 404 JSON for an unknown route', async () => {
    for (const path of ['/api/nope', '/api/events/a/b', '/nope.html']) {
      const r = await get<ErrorBody>(path);
      expect(r.status, path).toBe(404);
      expect(r.headers.get('content-type'), path).toMatch(/^application\/json/);
      expect(r.body.error.code, path).toBe('not_found');
    }
    const post = await fetch(`${base}/api/events`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(404);
    expect(((await post.json()) as ErrorBody).error.message).toContain('POST /api/events');
  });

  it('serves the web page and its assets', async () => {
    const r = await get('/');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(r.text).toContain('<title>Docket');
    // With this CSP every script must be a file: no inline <script> bodies.
    const scripts = [...r.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(body?.trim()).toBe('');
      const src = /src="([^"]+)"/.exec(attrs ?? '')?.[1];
      expect(src).toBeDefined();
      const js = await get(new URL(src!, `${base}/`).pathname);
      expect(js.status).toBe(200);
      expect(js.headers.get('content-type')).toMatch(/javascript/);
      // built assets are named by their content: cached for good; the page itself is revalidated
      expect(js.headers.get('cache-control')).toContain('immutable');
    }
    expect(r.headers.get('cache-control')).toBe('no-cache');
    // a link into the UI (no file extension, not under /api) loads the page; the UI routes from there
    const deep = await get('/review');
    expect(deep.status).toBe(200);
    expect(deep.text).toContain('<title>Docket');
    const css = /<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/.exec(r.text)?.[1];
    expect(css).toBeDefined();
    expect((await get(new URL(css!, `${base}/`).pathname)).headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('sends security headers on pages, data, and errors', async () => {
    for (const path of ['/', '/api/events', '/api/events?limit=0', '/api/nope']) {
      const r = await get(path);
      const csp = r.headers.get('content-security-policy');
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(csp, path).not.toContain('unsafe-eval');
      expect(r.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('answers a server error with 500 and a request id, never a stack trace', async () => {
    const logged: string[] = [];
    const failing = new FailingStorage(join(dir, 'docket.db'));
    const broken = await buildServer({
      storage: failing,
      exports: new ExportService({ storage: failing }),
      log: createLogger('error', 'docket', {}, (line) => logged.push(line)),
    });
    const at = await listen(broken);
    try {
      const r = await get<ErrorBody>('/api/events', at);
      expect(r.status).toBe(500);
      expect(r.body.error.code).toBe('internal');
      const id = /request ([0-9a-f-]{36})/.exec(r.body.error.message)?.[1];
      expect(id, r.body.error.message).toBeDefined();
      expect(r.text).not.toContain('secret.db');
      expect(r.text).not.toContain('SQLITE_CORRUPT');
      expect(r.text).not.toMatch(/\bat \S+ \(|\.ts:\d+|\.js:\d+/);
      expect(r.headers.get('content-security-policy')).not.toBeNull();
      // The details go to the log, under the same request id.
      const entry = logged
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((e) => e.requestId === id);
      expect(entry).toMatchObject({ level: 'error' });
      expect(String(entry?.error)).toContain('SQLITE_CORRUPT');
      expect(String(entry?.stack)).toContain('at ');
      // The other routes still work.
      expect((await get('/api/health', at)).status).toBe(200);
    } finally {
      await broken.close();
      await failing.close();
    }
  });
});
