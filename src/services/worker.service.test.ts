// WorkerService on an in-memory storage: a job stores its article once, a retried job finds it stored and
// still names its events (so clustering is not lost), a bad article fails the job with the reason.
import { describe, expect, it, vi } from 'vitest';
import { InputError } from '../domain/errors.js';
import type { Source, StoredEvent } from '../domain/types.js';
import type { IncomingDocument } from '../domain/incoming.js';
import type { Gazetteer } from '../ports/gazetteer.port.js';
import type { EventFilter, PageRequest, SaveItem, SaveResult } from '../ports/storage.port.js';
import { sourceIdFor } from '../domain/ids.js';
import { WorkerService } from './worker.service.js';

const noPlaces: Gazetteer = { lookup: () => [], country: () => null };

/** Sources and events in maps, idempotent by SHA-256 like the real adapters. */
function memoryStorage() {
  const sources = new Map<string, Source>();
  const events: StoredEvent[] = [];
  const storage = {
    saves: 0,
    hasSource: (sha: string) => Promise.resolve([...sources.values()].some((s) => s.sha256 === sha)),
    getSource: (id: string) => Promise.resolve(sources.get(id) ?? null),
    saveExtractions(items: SaveItem[]): Promise<(SaveResult | Error)[]> {
      return Promise.resolve(
        items.map((item) => {
          storage.saves++;
          const id = sourceIdFor(item.source.sha256);
          if (sources.has(id)) return { sourceId: id, created: false, events: 0, claims: 0, eventIds: [] };
          sources.set(id, { ...item.source, id });
          const ids = item.extraction.events.map((e) => `${id}.${e.id}`);
          for (const eid of ids) events.push({ id: eid, sourceId: id } as StoredEvent);
          return { sourceId: id, created: true, events: ids.length, claims: 0, eventIds: ids };
        }),
      );
    },
    listEvents(filter: EventFilter, page: PageRequest) {
      const all = events.filter((e) => !filter.sourceId || e.sourceId === filter.sourceId);
      return Promise.resolve({
        items: all.slice(page.offset, page.offset + page.limit),
        total: all.length,
        limit: page.limit,
        offset: page.offset,
      });
    },
  };
  return storage;
}

const doc = (text: string, origin = 'feed.jsonl:1'): IncomingDocument => ({
  origin,
  text,
  raw: null,
  mediaType: 'text/plain',
  outlet: 'Valley Courier',
  url: null,
  title: null,
  published: '2024-03-14',
});

const TWO_EVENTS =
  'Drones struck a fuel depot on Tuesday, killing four people, officials said. ' +
  'On Wednesday, gunmen attacked an army checkpoint, killing two soldiers, a spokesman said.';

describe('WorkerService', () => {
  it('stores an article once; a retry finds it stored and still names every event of its source', async () => {
    const storage = memoryStorage();
    const update = vi.fn(() =>
      Promise.resolve({ incidents: 1, created: 1, changed: 0, removed: 0, historySeq: 1 }),
    );
    const worker = new WorkerService({ storage, gazetteer: noPlaces, clusters: { update } });
    const first = await worker.ingestJob({ doc: doc(TWO_EVENTS) });
    expect(first.created).toBe(true);
    expect(first.eventIds.length).toBeGreaterThan(0);
    expect(first.sourceId).toMatch(/^src_[0-9a-f]{16}$/);

    const retry = await worker.ingestJob({ doc: doc(TWO_EVENTS, 'elsewhere.txt') });
    expect(retry).toEqual({ sourceId: first.sourceId, created: false, eventIds: first.eventIds });
    expect(storage.saves).toBe(1);
    expect(update).not.toHaveBeenCalled();
  });

  it('uses the job’s published date when the document has none', async () => {
    const storage = memoryStorage();
    const saved: SaveItem[] = [];
    const save = storage.saveExtractions.bind(storage);
    storage.saveExtractions = (items) => {
      saved.push(...items);
      return save(items);
    };
    const worker = new WorkerService({
      storage,
      gazetteer: noPlaces,
      clusters: { update: vi.fn() },
    });
    await worker.ingestJob({ doc: { ...doc(TWO_EVENTS), published: null }, published: '2024-05-02' });
    expect(saved[0]?.source.published).toBe('2024-05-02');
  });

  it('fails the job with the reason when the article cannot be stored', async () => {
    const storage = memoryStorage();
    storage.saveExtractions = (items) => Promise.resolve(items.map(() => new Error('disk full')));
    const worker = new WorkerService({ storage, gazetteer: noPlaces, clusters: { update: vi.fn() } });
    const attempt = worker.ingestJob({ doc: doc(TWO_EVENTS) });
    await expect(attempt).rejects.toBeInstanceOf(InputError);
    await expect(worker.ingestJob({ doc: doc(TWO_EVENTS) })).rejects.toThrow(/disk full/);
  });

  it('reads the events of a stored source page by page', async () => {
    const storage = memoryStorage();
    const worker = new WorkerService({ storage, gazetteer: noPlaces, clusters: { update: vi.fn() } });
    const first = await worker.ingestJob({ doc: doc(TWO_EVENTS) });
    const list = vi.spyOn(storage, 'listEvents');
    await worker.ingestJob({ doc: doc(TWO_EVENTS) });
    expect(list).toHaveBeenCalledWith({ sourceId: first.sourceId }, { limit: 500, offset: 0 });
  });

  it('reclusters around the events of a cluster job', async () => {
    const update = vi.fn(() =>
      Promise.resolve({ incidents: 3, created: 2, changed: 1, removed: 0, historySeq: 7 }),
    );
    const worker = new WorkerService({ storage: memoryStorage(), gazetteer: noPlaces, clusters: { update } });
    const out = await worker.handlers().cluster({ eventIds: ['a.e1', 'b.e1'] });
    expect(update).toHaveBeenCalledWith(['a.e1', 'b.e1']);
    expect(out).toMatchObject({ incidents: 3, created: 2, historySeq: 7 });
  });
});
