// Every route of the HTTP API, on a real server over a SQLite file with real accounts: for each, a
// success, a validation error naming the field, an auth error and a not-found where they apply. The
// table must list every route of the OpenAPI document, so a new route cannot go untested.
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment -- response bodies are JSON whose shape each case asserts */
import type { FastifyInstance } from 'fastify';
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStorage } from '../../src/adapters/sqlite/sqlite.storage.js';
import type { HistoryEntry, Incident } from '../../src/domain/incident.js';
import type { StoredClaim, StoredEvent } from '../../src/domain/types.js';
import { loadConfig, settingsOf } from '../../src/config.js';
import { LoginLimiter } from '../../src/http/auth.js';
import { buildServer } from '../../src/http/server.js';
import { createLogger } from '../../src/logger.js';
import { AccountsService } from '../../src/services/accounts.service.js';
import { ClusterService } from '../../src/services/cluster.service.js';
import { ExportService } from '../../src/services/export.service.js';
import { IngestService } from '../../src/services/ingest.service.js';
import { ReviewService } from '../../src/services/review.service.js';
import { tempDir, testGazetteer, textItems } from '../helpers.js';

const REPORTS = [
  [
    'Frontline Post',
    '2024-06-10',
    'Al-Shabaab fighters attacked a police station in the town of Afgooye on Sunday, killing four officers, a police commander said.',
  ],
  [
    'Horn Observer',
    '2024-06-10',
    'Five policemen were killed when Al-Shabaab militants stormed a police post in Afgooye on Sunday, residents told Horn Observer.',
  ],
  [
    'Sahel Monitor',
    '2024-06-12',
    'Hundreds of people marched through Niamey on Tuesday to demand the release of detained teachers, organisers said.',
  ],
  [
    'Levant Wire',
    '2024-06-14',
    'Islamic State claimed responsibility for a bombing in Hajin on Thursday that killed three fighters of the Syrian Democratic Forces, the group said in a statement carried by its Amaq agency.',
  ],
] as const;

const PASSWORD = 'correct horse battery';
type Who = 'anon' | 'viewer' | 'editor' | 'admin';

let dir: string;
let storage: SqliteStorage;
let accounts: AccountsService;
let open: FastifyInstance;
let closed: FastifyInstance;
let base: string;
let privateBase: string;
const tokens: Record<Exclude<Who, 'anon'>, string> = { viewer: '', editor: '', admin: '' };
let event: StoredEvent;
let claim: StoredClaim;
let afgooye: Incident;
let niamey: Incident;

async function listen(s: FastifyInstance): Promise<string> {
  await s.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(s.server.address() as AddressInfo).port}`;
}

interface Reply {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON whose shape each case asserts
}

async function call(
  method: string,
  path: string,
  opts: { as?: Who; body?: unknown; at?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...opts.headers };
  const who = opts.as ?? 'anon';
  if (who !== 'anon') headers.authorization = `Bearer ${tokens[who]}`;
  if (opts.body !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(`${opts.at ?? base}${path}`, {
    method,
    headers,
    body:
      opts.body === undefined
        ? undefined
        : typeof opts.body === 'string'
          ? opts.body
          : JSON.stringify(opts.body),
  });
  const text = await res.text();
  const json = /^application\/(geo\+)?json/.test(res.headers.get('content-type') ?? '');
  return { status: res.status, headers: res.headers, body: json && text ? JSON.parse(text) : text };
}

/** A 400 whose error names `field`. */
function invalid(r: Reply, field: string): void {
  expect(r.status, JSON.stringify(r.body)).toBe(400);
  expect(r.body.error.code).toBe('validation_error');
  expect(r.body.error.message).toContain(field);
  expect(r.body.error.issues.map((i: { path: string }) => i.path).join(' ')).toContain(field);
}

function refused(r: Reply, status: 401 | 403): void {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.body.error.code).toBe(status === 401 ? 'unauthenticated' : 'forbidden');
}

function notFound(r: Reply): void {
  expect(r.status, JSON.stringify(r.body)).toBe(404);
  expect(r.body.error.code).toBe('not_found');
}

beforeAll(async () => {
  dir = tempDir();
  storage = new SqliteStorage(join(dir, 'docket.db'));
  const clusters = new ClusterService({ incidents: storage.incidents });
  const ingest = new IngestService({ storage, gazetteer: await testGazetteer(), clusters });
  const items = textItems(REPORTS);
  await ingest.ingest(items);
  accounts = new AccountsService({ accounts: storage.accounts, sessionHours: 12 });
  for (const role of ['viewer', 'editor', 'admin'] as const) {
    await accounts.addUser(role === 'admin' ? 'root' : role === 'editor' ? 'ed' : 'vi', PASSWORD, role);
    tokens[role] = (
      await accounts.createToken(role === 'admin' ? 'root' : role === 'editor' ? 'ed' : 'vi', 'test')
    ).token;
  }
  const deps = {
    storage,
    incidents: storage.incidents,
    review: new ReviewService({ incidents: storage.incidents, clusters }),
    exports: new ExportService({ storage }),
    accounts,
    log: createLogger('silent'),
    bodyLimit: 64 * 1024,
  };
  const config = loadConfig({ DOCKET_DB: 'postgres://docket:s3cret@db.example/docket' });
  open = await buildServer({
    ...deps,
    publicReads: true,
    limiter: new LoginLimiter({ perUser: 3 }),
    settings: () => settingsOf(config),
  });
  closed = await buildServer({ ...deps, publicReads: false });
  base = await listen(open);
  privateBase = await listen(closed);
  const events = (await storage.listEvents({}, { limit: 100, offset: 0 })).items;
  event = events.find((e) => e.location?.name === 'Afgooye')!;
  claim = (await storage.listClaims({}, { limit: 100, offset: 0 })).items[0]!;
  const incidents = (await storage.incidents.listIncidents({}, { limit: 100, offset: 0 })).items;
  afgooye = incidents.find((i) => i.members.some((m) => m.eventId === event.id))!;
  niamey = incidents.find((i) => i.members.some((m) => m.outlet === 'Sahel Monitor'))!;
  expect(event && claim && afgooye && niamey).toBeTruthy();
});

afterAll(async () => {
  await open.close();
  await closed.close();
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Per route: what success, validation, auth and not-found look like. `null` says why a case does not apply. */
interface RouteCases {
  ok: () => Promise<void>;
  invalid: (() => Promise<void>) | string;
  auth: (() => Promise<void>) | string;
  notFound: (() => Promise<void>) | string;
}

const readAuth = (path: string) => async () => refused(await call('GET', path, { at: privateBase }), 401);
const NO_INPUT = 'takes no input';
const NO_ID = 'has no path parameter';

const CASES: Record<string, RouteCases> = {
  'GET /api/health': {
    ok: async () => {
      const r = await call('GET', '/api/health');
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ ok: true, sources: 4 });
    },
    invalid: NO_INPUT,
    auth: readAuth('/api/health'),
    notFound: NO_ID,
  },
  'GET /api/events': {
    ok: async () => {
      const first = await call('GET', '/api/events?limit=2');
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(2);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const next = await call('GET', `/api/events?limit=2&cursor=${first.body.nextCursor}`);
      const all = await call('GET', '/api/events?limit=100');
      expect([...first.body.items, ...next.body.items].map((e: StoredEvent) => e.id)).toEqual(
        all.body.items.slice(0, 4).map((e: StoredEvent) => e.id),
      );
      const so = await call('GET', '/api/events?country=SO&hasFatalities=true&format=geojson');
      expect(so.headers.get('content-type')).toContain('application/geo+json');
      expect(so.body.features.length).toBeGreaterThan(0);
      const csv = await call('GET', '/api/events?country=SO', { headers: { accept: 'text/csv' } });
      expect(csv.headers.get('content-type')).toContain('text/csv');
      expect(String(csv.body).split('\n')[0]).toContain('event_id_cnty');
      const graded = await call('GET', `/api/events?grade=${afgooye.grade.value}&country=SO`);
      expect(graded.body.items.map((e: StoredEvent) => e.id)).toContain(event.id);
    },
    invalid: async () => {
      invalid(await call('GET', '/api/events?limit=0'), 'limit');
      invalid(await call('GET', '/api/events?hasFatalities=maybe'), 'hasFatalities');
      invalid(await call('GET', '/api/events?cursor=not-a-cursor'), 'cursor');
      invalid(await call('GET', '/api/events?grade=certain'), 'grade');
    },
    auth: readAuth('/api/events'),
    notFound: NO_ID,
  },
  'GET /api/events/{id}': {
    ok: async () => {
      const r = await call('GET', `/api/events/${event.id}`);
      expect(r.status).toBe(200);
      expect(r.body.source.text).toContain('Afgooye');
      expect(r.body.incident.id).toBe(afgooye.id);
    },
    invalid: 'any non-empty id is well formed',
    auth: readAuth(`/api/events/${'x'}`),
    notFound: async () => notFound(await call('GET', '/api/events/nope')),
  },
  'GET /api/clusters': {
    ok: async () => {
      const r = await call('GET', '/api/clusters?zoom=5');
      expect(r.status).toBe(200);
      expect(r.body.type).toBe('FeatureCollection');
      const total = r.body.features.reduce(
        (n: number, f: { properties: { count: number } }) => n + f.properties.count,
        0,
      );
      expect(total).toBe((await storage.clusters({}, 1)).reduce((n, c) => n + c.count, 0));
      const so = await call('GET', '/api/clusters?zoom=1&country=SO');
      expect(so.body.features).toHaveLength(1);
      expect(so.body.features[0].properties.count).toBe(2);
    },
    invalid: async () => invalid(await call('GET', '/api/clusters?zoom=40'), 'zoom'),
    auth: readAuth('/api/clusters'),
    notFound: NO_ID,
  },
  'GET /api/timeline': {
    ok: async () => {
      const r = await call('GET', '/api/timeline?country=SO');
      expect(r.body.buckets).toEqual([{ date: '2024-06-09', count: 2 }]);
    },
    invalid: async () => invalid(await call('GET', '/api/timeline?from=2024-13-01'), 'from'),
    auth: readAuth('/api/timeline'),
    notFound: NO_ID,
  },
  'GET /api/facets': {
    ok: async () => {
      const r = await call('GET', '/api/facets');
      expect(r.body.countries.map((c: { value: string }) => c.value).sort()).toEqual(['NE', 'SO', 'SY']);
    },
    invalid: NO_INPUT,
    auth: readAuth('/api/facets'),
    notFound: NO_ID,
  },
  'GET /api/claims': {
    ok: async () => {
      const r = await call('GET', '/api/claims?kind=responsibility');
      expect(r.status).toBe(200);
      expect(r.body.items.length).toBeGreaterThan(0);
    },
    invalid: async () => invalid(await call('GET', '/api/claims?kind=rumour'), 'kind'),
    auth: readAuth('/api/claims'),
    notFound: NO_ID,
  },
  'GET /api/claims/{id}': {
    ok: async () => expect((await call('GET', `/api/claims/${claim.id}`)).body.id).toBe(claim.id),
    invalid: 'any non-empty id is well formed',
    auth: readAuth(`/api/claims/${'x'}`),
    notFound: async () => notFound(await call('GET', '/api/claims/nope')),
  },
  'GET /api/sources': {
    ok: async () => expect((await call('GET', '/api/sources?outlet=Horn%20Observer')).body.total).toBe(1),
    invalid: async () => invalid(await call('GET', '/api/sources?limit=5000'), 'limit'),
    auth: readAuth('/api/sources'),
    notFound: NO_ID,
  },
  'GET /api/sources/{id}': {
    ok: async () =>
      expect((await call('GET', `/api/sources/${event.sourceId}`)).body.sha256).toHaveLength(64),
    invalid: 'any non-empty id is well formed',
    auth: readAuth('/api/sources/x'),
    notFound: async () => notFound(await call('GET', '/api/sources/nope')),
  },
  'GET /api/reports/{id}': {
    ok: async () => {
      const r = await call('GET', `/api/reports/${event.reportId}`);
      expect(r.body.source.id).toBe(event.sourceId);
      expect(r.body.events.map((e: StoredEvent) => e.id)).toContain(event.id);
    },
    invalid: 'any non-empty id is well formed',
    auth: readAuth('/api/reports/x'),
    notFound: async () => notFound(await call('GET', '/api/reports/src_0000.r1')),
  },
  'GET /api/actors': {
    ok: async () => {
      const r = await call('GET', '/api/actors?q=shabaab');
      expect(r.body.items[0]).toMatchObject({ events: 2 });
      expect(r.body.items[0].name).toMatch(/Shabaab/);
    },
    invalid: async () => invalid(await call('GET', '/api/actors?limit=-1'), 'limit'),
    auth: readAuth('/api/actors'),
    notFound: NO_ID,
  },
  'GET /api/places': {
    ok: async () => {
      const r = await call('GET', '/api/places?country=so');
      expect(r.body.items).toEqual([
        expect.objectContaining({ name: 'Afgooye', countryCode: 'SO', events: 2 }),
      ]);
    },
    invalid: async () => invalid(await call('GET', '/api/places?country=Somalia'), 'country'),
    auth: readAuth('/api/places'),
    notFound: NO_ID,
  },
  'GET /api/export': {
    ok: async () => {
      const r = await call('GET', '/api/export?format=jsonl&country=SO');
      expect(String(r.body).trim().split('\n')).toHaveLength(2);
      expect(r.headers.get('content-disposition')).toContain('docket-events.jsonl');
    },
    invalid: async () => invalid(await call('GET', '/api/export?format=xlsx'), 'format'),
    auth: readAuth('/api/export?format=jsonl'),
    notFound: NO_ID,
  },
  'GET /api/basemap': {
    ok: async () => expect((await call('GET', '/api/basemap')).body.features.length).toBeGreaterThan(100),
    invalid: NO_INPUT,
    auth: 'public: the map outlines hold no record data',
    notFound: NO_ID,
  },
  'GET /api/incidents': {
    ok: async () =>
      expect((await call('GET', '/api/incidents?country=SO')).body.items[0].id).toBe(afgooye.id),
    invalid: async () => invalid(await call('GET', '/api/incidents?status=maybe'), 'status'),
    auth: readAuth('/api/incidents'),
    notFound: NO_ID,
  },
  'GET /api/incidents/{id}': {
    ok: async () => expect((await call('GET', `/api/incidents/${afgooye.id}`)).body.members).toHaveLength(2),
    invalid: 'any non-empty id is well formed',
    auth: readAuth('/api/incidents/x'),
    notFound: async () => notFound(await call('GET', '/api/incidents/nope')),
  },
  'GET /api/history': {
    ok: async () => expect((await call('GET', '/api/history')).status).toBe(200),
    invalid: async () => invalid(await call('GET', '/api/history?offset=-3'), 'offset'),
    auth: readAuth('/api/history'),
    notFound: NO_ID,
  },
  'POST /api/incidents/{id}/accept': {
    ok: async () => {
      const r = await call('POST', `/api/incidents/${afgooye.id}/accept`, {
        as: 'editor',
        body: { why: 'two outlets' },
      });
      expect(r.status).toBe(200);
      expect(r.body.entry).toMatchObject({ action: 'accept', by: 'ed', why: 'two outlets' });
    },
    invalid: async () =>
      invalid(
        await call('POST', `/api/incidents/${afgooye.id}/accept`, { as: 'editor', body: { why: 7 } }),
        'why',
      ),
    auth: async () => {
      refused(await call('POST', `/api/incidents/${afgooye.id}/accept`, { body: {} }), 401);
      refused(await call('POST', `/api/incidents/${afgooye.id}/accept`, { as: 'viewer', body: {} }), 403);
    },
    notFound: async () =>
      notFound(await call('POST', '/api/incidents/nope/accept', { as: 'editor', body: {} })),
  },
  'POST /api/incidents/{id}/reject': {
    ok: async () => {
      const r = await call('POST', `/api/incidents/${niamey.id}/reject`, { as: 'editor', body: {} });
      expect(r.body.entry).toMatchObject({ action: 'reject', by: 'ed' });
    },
    invalid: async () =>
      invalid(
        await call('POST', `/api/incidents/${niamey.id}/reject`, { as: 'editor', body: { why: [] } }),
        'why',
      ),
    auth: async () =>
      refused(await call('POST', `/api/incidents/${niamey.id}/reject`, { as: 'viewer', body: {} }), 403),
    notFound: async () =>
      notFound(await call('POST', '/api/incidents/nope/reject', { as: 'editor', body: {} })),
  },
  'POST /api/incidents/{id}/edit': {
    ok: async () => {
      const value = { low: 4, best: 5, high: 5 };
      const r = await call('POST', `/api/incidents/${afgooye.id}/edit`, {
        as: 'editor',
        body: { field: 'fatalities', value, why: 'hospital count' },
      });
      expect(r.body.entry).toMatchObject({ action: 'edit', by: 'ed' });
      expect((await call('GET', `/api/incidents/${afgooye.id}`)).body.edits.fatalities).toEqual(value);
    },
    invalid: async () => {
      const at = `/api/incidents/${afgooye.id}/edit`;
      invalid(await call('POST', at, { as: 'editor', body: { field: 'summary', value: 'x' } }), 'field');
      invalid(
        await call('POST', at, {
          as: 'editor',
          body: { field: 'fatalities', value: { low: 9, best: 1, high: 2 } },
        }),
        'fatalities',
      );
    },
    auth: async () =>
      refused(
        await call('POST', `/api/incidents/${afgooye.id}/edit`, {
          as: 'viewer',
          body: { field: 'fatalities', value: null },
        }),
        403,
      ),
    notFound: async () =>
      notFound(
        await call('POST', '/api/incidents/nope/edit', {
          as: 'editor',
          body: { field: 'fatalities', value: null },
        }),
      ),
  },
  'POST /api/incidents/{id}/regrade': {
    ok: async () => {
      const r = await call('POST', `/api/incidents/${afgooye.id}/regrade`, {
        as: 'editor',
        body: { grade: 'confirmed' },
      });
      expect(r.body.entry.action).toBe('regrade');
      const graded = await call('GET', '/api/events?grade=confirmed');
      expect(graded.body.items.map((e: StoredEvent) => e.id)).toContain(event.id);
      // the grade alone is counted from the incidents' index: both reports of the incident
      expect(graded.body).toMatchObject({ total: 2, totalExact: true });
    },
    invalid: async () =>
      invalid(
        await call('POST', `/api/incidents/${afgooye.id}/regrade`, { as: 'editor', body: { grade: 'sure' } }),
        'grade',
      ),
    auth: async () =>
      refused(
        await call('POST', `/api/incidents/${afgooye.id}/regrade`, { as: 'viewer', body: { grade: 'weak' } }),
        403,
      ),
    notFound: async () =>
      notFound(await call('POST', '/api/incidents/nope/regrade', { as: 'editor', body: { grade: 'weak' } })),
  },
  'POST /api/incidents/{id}/note': {
    ok: async () => {
      await call('POST', `/api/incidents/${afgooye.id}/note`, {
        as: 'admin',
        body: { text: 'check the toll' },
      });
      const notes = (await call('GET', `/api/incidents/${afgooye.id}`)).body.notes;
      expect(notes.at(-1)).toMatchObject({ by: 'root', text: 'check the toll' });
    },
    invalid: async () =>
      invalid(
        await call('POST', `/api/incidents/${afgooye.id}/note`, { as: 'editor', body: { text: '' } }),
        'text',
      ),
    auth: async () =>
      refused(await call('POST', `/api/incidents/${afgooye.id}/note`, { body: { text: 'x' } }), 401),
    notFound: async () =>
      notFound(await call('POST', '/api/incidents/nope/note', { as: 'editor', body: { text: 'x' } })),
  },
  'POST /api/incidents/merge': {
    ok: async () => {
      const r = await call('POST', '/api/incidents/merge', {
        as: 'editor',
        body: { ids: [afgooye.id, niamey.id] },
      });
      expect(r.status).toBe(200);
      expect(r.body.entry.action).toBe('merge');
      // and undone, so the later cases see the two incidents again
      const undo = await call('POST', `/api/history/${r.body.entry.seq}/undo`, { as: 'editor', body: {} });
      expect(undo.body.entry.undoes).toBe(r.body.entry.seq);
    },
    invalid: async () =>
      invalid(
        await call('POST', '/api/incidents/merge', { as: 'editor', body: { ids: [afgooye.id] } }),
        'ids',
      ),
    auth: async () =>
      refused(await call('POST', '/api/incidents/merge', { as: 'viewer', body: { ids: ['a', 'b'] } }), 403),
    notFound: async () =>
      notFound(
        await call('POST', '/api/incidents/merge', { as: 'editor', body: { ids: [afgooye.id, 'nope'] } }),
      ),
  },
  'POST /api/incidents/{id}/split': {
    ok: async () => {
      const current = (await call('GET', `/api/incidents/${afgooye.id}`)).body as Incident;
      const r = await call('POST', `/api/incidents/${afgooye.id}/split`, {
        as: 'editor',
        body: { eventIds: [current.members[1]!.eventId], why: 'two attacks' },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.entry.action).toBe('split');
    },
    invalid: async () =>
      invalid(
        await call('POST', `/api/incidents/${afgooye.id}/split`, { as: 'editor', body: { eventIds: [] } }),
        'eventIds',
      ),
    auth: async () =>
      refused(
        await call('POST', `/api/incidents/${afgooye.id}/split`, { as: 'viewer', body: { eventIds: ['x'] } }),
        403,
      ),
    notFound: async () =>
      notFound(await call('POST', '/api/incidents/nope/split', { as: 'editor', body: { eventIds: ['x'] } })),
  },
  'POST /api/history/{seq}/undo': {
    ok: async () => {
      const items = (await call('GET', '/api/history?limit=50')).body.items as HistoryEntry[];
      const last = items.find((e) => e.action === 'split')!;
      const r = await call('POST', `/api/history/${last.seq}/undo`, {
        as: 'editor',
        body: { why: 'too early' },
      });
      expect(r.body.entry).toMatchObject({ action: 'undo', undoes: last.seq, by: 'ed' });
    },
    invalid: async () =>
      invalid(await call('POST', '/api/history/first/undo', { as: 'editor', body: {} }), 'seq'),
    auth: async () => refused(await call('POST', '/api/history/1/undo', { as: 'viewer', body: {} }), 403),
    notFound: async () => notFound(await call('POST', '/api/history/99999/undo', { as: 'editor', body: {} })),
  },
  'PUT /api/outlets/{name}/rating': {
    ok: async () => {
      const r = await call('PUT', '/api/outlets/Horn%20Observer/rating', {
        as: 'admin',
        body: { reliability: 'B' },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.entry.by).toBe('root');
    },
    invalid: async () =>
      invalid(
        await call('PUT', '/api/outlets/Horn%20Observer/rating', { as: 'admin', body: { reliability: 'Z' } }),
        'reliability',
      ),
    auth: async () =>
      refused(
        await call('PUT', '/api/outlets/Horn%20Observer/rating', {
          as: 'editor',
          body: { reliability: 'B' },
        }),
        403,
      ),
    notFound: 'any outlet name may be rated, before its first report',
  },
  'GET /api/settings': {
    ok: async () => {
      const r = await call('GET', '/api/settings', { as: 'admin' });
      expect(r.status).toBe(200);
      expect(r.body.inForce.db).toBe('postgres://docket:***@db.example/docket');
      expect(JSON.stringify(r.body)).not.toContain('s3cret');
      expect(r.body.keys.map((k: { key: string }) => k.key)).toContain('DOCKET_PUBLIC_READS');
    },
    invalid: NO_INPUT,
    auth: async () => {
      refused(await call('GET', '/api/settings', { as: 'editor' }), 403);
      refused(await call('GET', '/api/settings'), 401);
    },
    notFound: NO_ID,
  },
  'GET /api/session': {
    ok: async () => {
      expect((await call('GET', '/api/session')).body).toEqual({ user: null, csrf: null, publicReads: true });
      expect((await call('GET', '/api/session', { at: privateBase })).body.publicReads).toBe(false);
      expect((await call('GET', '/api/session', { as: 'viewer' })).body.user).toMatchObject({
        name: 'vi',
        role: 'viewer',
      });
    },
    invalid: NO_INPUT,
    auth: 'public: tells the page whether to show the login screen',
    notFound: NO_ID,
  },
  'POST /api/session': {
    ok: async () => {
      const r = await call('POST', '/api/session', { body: { username: 'ED', password: PASSWORD } });
      expect(r.status).toBe(200);
      expect(r.body.user).toMatchObject({ name: 'ed', role: 'editor' });
      const cookie = r.headers.get('set-cookie')!;
      expect(cookie).toMatch(/docket_session=[^;]+;.*HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
    },
    invalid: async () =>
      invalid(await call('POST', '/api/session', { body: { username: 'ed' } }), 'password'),
    auth: async () => {
      const r = await call('POST', '/api/session', {
        at: privateBase,
        body: { username: 'ed', password: 'wrong password!' },
      });
      refused(r, 401);
      expect(r.body.error.message).toBe('wrong user name or password');
    },
    notFound: 'an unknown user gets the same 401 as a wrong password',
  },
  'DELETE /api/session': {
    ok: async () => {
      const s = await session('vi');
      const r = await call('DELETE', '/api/session', {
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      });
      expect(r.status).toBe(204);
      expect((await call('GET', '/api/session', { headers: { cookie: s.cookie } })).body.user).toBeNull();
    },
    invalid: NO_INPUT,
    auth: async () => refused(await call('DELETE', '/api/session'), 401),
    notFound: NO_ID,
  },
  'GET /api/tokens': {
    ok: async () =>
      expect((await call('GET', '/api/tokens', { as: 'viewer' })).body.items[0]).toMatchObject({
        name: 'test',
      }),
    invalid: NO_INPUT,
    auth: async () => refused(await call('GET', '/api/tokens'), 401),
    notFound: NO_ID,
  },
  'POST /api/tokens': {
    ok: async () => {
      const r = await call('POST', '/api/tokens', { as: 'viewer', body: { name: 'script' } });
      expect(r.status).toBe(201);
      expect(r.body.token).toMatch(/^dkt_/);
      const me = await call('GET', '/api/session', { headers: { authorization: `Bearer ${r.body.token}` } });
      expect(me.body.user.name).toBe('vi');
    },
    invalid: async () =>
      invalid(await call('POST', '/api/tokens', { as: 'viewer', body: { name: '' } }), 'name'),
    auth: async () => refused(await call('POST', '/api/tokens', { body: { name: 'x' } }), 401),
    notFound: NO_ID,
  },
  'DELETE /api/tokens/{id}': {
    ok: async () => {
      const made = await call('POST', '/api/tokens', { as: 'viewer', body: { name: 'short-lived' } });
      expect((await call('DELETE', `/api/tokens/${made.body.id}`, { as: 'viewer' })).status).toBe(204);
      const r = await call('GET', '/api/events', { headers: { authorization: `Bearer ${made.body.token}` } });
      refused(r, 401);
    },
    invalid: 'any non-empty id is well formed',
    auth: async () => refused(await call('DELETE', '/api/tokens/x'), 401),
    notFound: async () => notFound(await call('DELETE', '/api/tokens/nope', { as: 'viewer' })),
  },
  'GET /api/users': {
    ok: async () =>
      expect(
        (await call('GET', '/api/users', { as: 'admin' })).body.items
          .map((u: { name: string }) => u.name)
          .sort(),
      ).toEqual(expect.arrayContaining(['ed', 'root', 'vi'])),
    invalid: NO_INPUT,
    auth: async () => refused(await call('GET', '/api/users', { as: 'editor' }), 403),
    notFound: NO_ID,
  },
  'POST /api/users': {
    ok: async () => {
      const r = await call('POST', '/api/users', {
        as: 'admin',
        body: { name: 'newbie', password: PASSWORD, role: 'viewer' },
      });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ name: 'newbie', role: 'viewer' });
      expect(r.body.passwordHash).toBeUndefined();
      expect(
        (
          await call('POST', '/api/users', {
            as: 'admin',
            body: { name: 'newbie', password: PASSWORD, role: 'viewer' },
          })
        ).status,
      ).toBe(409);
    },
    invalid: async () => {
      invalid(
        await call('POST', '/api/users', {
          as: 'admin',
          body: { name: 'x2', password: PASSWORD, role: 'owner' },
        }),
        'role',
      );
      invalid(
        await call('POST', '/api/users', {
          as: 'admin',
          body: { name: 'x3', password: 'short', role: 'viewer' },
        }),
        'password',
      );
    },
    auth: async () =>
      refused(
        await call('POST', '/api/users', {
          as: 'editor',
          body: { name: 'x', password: PASSWORD, role: 'admin' },
        }),
        403,
      ),
    notFound: NO_ID,
  },
  'PATCH /api/users/{name}': {
    ok: async () => {
      const r = await call('PATCH', '/api/users/newbie', { as: 'admin', body: { role: 'editor' } });
      expect(r.body).toMatchObject({ name: 'newbie', role: 'editor' });
      await call('PATCH', '/api/users/newbie', { as: 'admin', body: { disabled: true } });
      refused(await call('POST', '/api/session', { body: { username: 'newbie', password: PASSWORD } }), 401);
    },
    invalid: async () =>
      invalid(
        await call('PATCH', '/api/users/newbie', { as: 'admin', body: { disabled: 'yes' } }),
        'disabled',
      ),
    auth: async () =>
      refused(await call('PATCH', '/api/users/ed', { as: 'editor', body: { role: 'admin' } }), 403),
    notFound: async () =>
      notFound(await call('PATCH', '/api/users/ghost', { as: 'admin', body: { role: 'viewer' } })),
  },
};

async function session(name: string): Promise<{ cookie: string; csrf: string }> {
  const r = await call('POST', '/api/session', { body: { username: name, password: PASSWORD } });
  expect(r.status).toBe(200);
  return { cookie: r.headers.get('set-cookie')!.split(';')[0]!, csrf: r.body.csrf as string };
}

describe('every route', () => {
  it('the table covers exactly the routes of the OpenAPI document', async () => {
    const doc = (await call('GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [route, cases] of Object.entries(CASES)) {
    describe(route, () => {
      it('succeeds', cases.ok);
      for (const kind of ['invalid', 'auth', 'notFound'] as const) {
        const c = cases[kind];
        // a case that does not apply says why in the table, and makes no test
        if (typeof c !== 'string')
          it(
            kind === 'invalid'
              ? 'names the field of a bad input'
              : kind === 'auth'
                ? 'refuses who may not'
                : 'answers 404 for an unknown id',
            c,
          );
      }
    });
  }
});

describe('the edges of access', () => {
  it('a cookie write needs the CSRF token; a bearer token does not', async () => {
    const s = await session('ed');
    const at = `/api/incidents/${niamey.id}/note`;
    const without = await call('POST', at, { headers: { cookie: s.cookie }, body: { text: 'x' } });
    expect(without.status).toBe(403);
    expect(without.body.error.code).toBe('csrf');
    const wrong = await call('POST', at, {
      headers: { cookie: s.cookie, 'x-csrf-token': 'guess' },
      body: { text: 'x' },
    });
    expect(wrong.body.error.code).toBe('csrf');
    const right = await call('POST', at, {
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      body: { text: 'via cookie' },
    });
    expect(right.status).toBe(200);
    expect(right.body.entry.by).toBe('ed');
  });

  it('takes JSON bodies only: a form-encodable text/plain post is refused', async () => {
    const r = await call('POST', `/api/incidents/${niamey.id}/note`, {
      as: 'editor',
      body: '{"text":"x"}',
      headers: { 'content-type': 'text/plain' },
    });
    expect(r.status).toBe(415);
  });

  it('refuses bodies over the size limit with 413', async () => {
    const r = await call('POST', `/api/incidents/${niamey.id}/note`, {
      as: 'editor',
      body: { text: 'x'.repeat(70_000) },
    });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('payload_too_large');
  });

  it('limits failed logins per user name and says when to retry', async () => {
    for (let i = 0; i < 3; i++)
      expect(
        (await call('POST', '/api/session', { body: { username: 'root', password: `nope-${i}-xxxxx` } }))
          .status,
      ).toBe(401);
    const locked = await call('POST', '/api/session', { body: { username: 'root', password: PASSWORD } });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('a bad bearer token is a 401, not an anonymous read', async () => {
    refused(await call('GET', '/api/events', { headers: { authorization: 'Bearer dkt_forged' } }), 401);
    refused(await call('GET', '/api/events', { headers: { authorization: 'Basic abc' } }), 401);
  });

  it('a private deployment reads with a token, and its writes still need the editor role', async () => {
    expect((await call('GET', '/api/events', { at: privateBase, as: 'viewer' })).status).toBe(200);
    refused(
      await call('POST', `/api/incidents/${niamey.id}/accept`, { at: privateBase, as: 'viewer', body: {} }),
      403,
    );
  });

  it('sends security headers and answers unknown API routes with JSON 404s', async () => {
    const r = await call('GET', '/api/nothing-here');
    notFound(r);
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(r.headers.get('x-frame-options')).toBe('DENY');
  });

  it('records every write under its user in the history', async () => {
    const h = (await call('GET', '/api/history?limit=200')).body.items as HistoryEntry[];
    // 'docket' is the clusterer's own entries; every review action names its user
    expect(new Set(h.filter((e) => e.action !== 'cluster').map((e) => e.by))).toEqual(
      new Set(['ed', 'root']),
    );
  });
});
