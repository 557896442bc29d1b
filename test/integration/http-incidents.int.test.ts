// The incident routes of the HTTP API over a real SQLite file: list, filter, one incident with its
// history, validation errors and not found.
import type { FastifyInstance } from 'fastify';
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStorage } from '../../src/adapters/sqlite/sqlite.storage.js';
import type { HistoryEntry, Incident } from '../../src/domain/incident.js';
import { buildServer } from '../../src/http/server.js';
import { createLogger } from '../../src/logger.js';
import type { Page } from '../../src/ports/storage.port.js';
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
] as const;

let dir: string;
let storage: SqliteStorage;
let server: FastifyInstance;
let base: string;
let afgooye: Incident;

beforeAll(async () => {
  dir = tempDir();
  storage = new SqliteStorage(join(dir, 'docket.db'));
  const clusters = new ClusterService({ incidents: storage.incidents });
  const ingest = new IngestService({ storage, gazetteer: await testGazetteer(), clusters });
  const items = textItems(REPORTS);
  await ingest.ingest(items);
  afgooye = (await storage.incidents.listIncidents({ country: 'SO' }, { limit: 10, offset: 0 })).items[0]!;
  await new ReviewService({ incidents: storage.incidents, clusters }).accept(
    afgooye.id,
    'ana',
    'two outlets agree',
  );
  server = await buildServer({
    storage,
    incidents: storage.incidents,
    exports: new ExportService({ storage }),
    log: createLogger('silent'),
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await server.close();
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = async <T>(path: string) => {
  const res = await fetch(`${base}${path}`);
  return { status: res.status, body: (await res.json()) as T };
};

describe('GET /api/incidents', () => {
  it('lists incidents with the two reports of one attack in one incident', async () => {
    const r = await get<Page<Incident>>('/api/incidents');
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(2);
    const so = r.body.items.find((i) => i.id === afgooye.id)!;
    expect(so.members.map((m) => m.outlet).sort()).toEqual(['Frontline Post', 'Horn Observer']);
    expect(so.resolved.fatalities.value).toEqual({ low: 4, best: 4, high: 5 });
    expect(so.status).toBe('accepted');
  });

  it('filters by country, grade and status', async () => {
    expect((await get<Page<Incident>>('/api/incidents?country=ne')).body.total).toBe(1);
    expect((await get<Page<Incident>>('/api/incidents?status=accepted')).body.items.map((i) => i.id)).toEqual(
      [afgooye.id],
    );
    expect((await get<Page<Incident>>('/api/incidents?grade=fair')).body.items.map((i) => i.id)).toEqual([
      afgooye.id,
    ]);
  });

  it.each([
    ['grade=certain', 'grade'],
    ['country=Somalia', 'country'],
    ['from=2024-02-30', 'from'],
    ['limit=0', 'limit'],
  ])('rejects %s naming the parameter', async (query, param) => {
    const r = await get<{ error: { code: string; message: string } }>(`/api/incidents?${query}`);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain(param);
  });
});

describe('GET /api/incidents/:id and /api/history', () => {
  it('shows one incident with its history, newest first', async () => {
    const r = await get<Incident & { history: HistoryEntry[] }>(`/api/incidents/${afgooye.id}`);
    expect(r.status).toBe(200);
    expect(r.body.history.map((h) => [h.action, h.by, h.why])).toEqual([
      ['accept', 'ana', 'two outlets agree'],
      ['cluster', 'docket', 'reports clustered by the machine'],
    ]);
  });

  it('shows the incident an event belongs to on the event page, with every report side by side', async () => {
    const eventId = afgooye.members[0]!.eventId;
    const r = await get<{
      incident: { id: string; grade: { value: string }; reports: number; members: { outlet: string }[] };
    }>(`/api/events/${eventId}`);
    expect(r.status).toBe(200);
    expect(r.body.incident.id).toBe(afgooye.id);
    expect(r.body.incident.reports).toBe(2);
    expect(r.body.incident.members.map((m) => m.outlet).sort()).toEqual(['Frontline Post', 'Horn Observer']);
  });

  it('answers 404 JSON for an unknown incident', async () => {
    const r = await get<{ error: { code: string } }>('/api/incidents/inc_000000000000');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not_found');
  });

  it('lists the history of one incident or of everything', async () => {
    expect((await get<Page<HistoryEntry>>(`/api/history?incident=${afgooye.id}`)).body.total).toBe(2);
    expect((await get<Page<HistoryEntry>>('/api/history')).body.total).toBe(2);
  });
});
