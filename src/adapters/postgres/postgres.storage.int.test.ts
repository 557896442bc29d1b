// The PostgreSQL adapter on a real server (DOCKET_TEST_PG_URL), each test in a fresh schema dropped
// afterwards: the storage and incident-store contracts (with a round trip through SQLite), then what is
// particular to a server: concurrent writers in separate pools, concurrent migrations, schemas, and
// connection errors. Skipped, saying so, when no server is configured.
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  dropPgSchema,
  freshPgSchemaUrl,
  tempDir,
  TEST_PG_URL,
  warnPgSkipped,
} from '../../../test/helpers.js';
import { ConfigError } from '../../domain/errors.js';
import type { Extraction } from '../../domain/types.js';
import type { NewSource } from '../../ports/storage.port.js';
import { incidentStoreContract, type StoreWithIncidents } from '../incident-store.contract.js';
import { SqliteStorage } from '../sqlite/sqlite.storage.js';
import { SQLITE_MIGRATIONS } from '../sqlite/migrations.js';
import { storageContract } from '../storage.contract.js';
import { PG_MIGRATIONS } from './migrations.js';
import { openPostgresStorage, type PostgresStorage } from './postgres.storage.js';

warnPgSkipped('postgres adapter');

/** Schemas of the stores opened here, to reach them behind the store's back. */
const schemaOf = new Map<StoreWithIncidents, string>();

/** A store in a fresh schema; closing it drops the schema. */
async function open(): Promise<PostgresStorage> {
  const { url, schema } = freshPgSchemaUrl();
  const storage = await openPostgresStorage(url);
  schemaOf.set(storage, schema);
  const close = storage.close.bind(storage);
  storage.close = async () => {
    await close();
    schemaOf.delete(storage);
    await dropPgSchema(schema);
  };
  return storage;
}

/** A plain pg client on the store's schema. */
async function rawClient(store: StoreWithIncidents): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: TEST_PG_URL!,
    options: `-c search_path=${schemaOf.get(store)!}`,
  });
  await client.connect();
  return client;
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function openSqlite(): Promise<SqliteStorage> {
  const dir = tempDir('docket-pg-peer-');
  dirs.push(dir);
  return Promise.resolve(new SqliteStorage(join(dir, 'docket.db')));
}

describe.skipIf(!TEST_PG_URL)('PostgresStorage', () => {
  storageContract('postgres', open);

  incidentStoreContract('postgres', {
    open,
    async tamper(store, { sourceId, historySeq }) {
      const client = await rawClient(store);
      try {
        await client.query("UPDATE sources SET text = text || ' (edited)' WHERE id = $1", [sourceId]);
        // the history refuses edits; an owner of the database switches the guard off first
        await client.query('ALTER TABLE history DISABLE TRIGGER history_no_update');
        await client.query("UPDATE history SET by = 'mallory' WHERE seq = $1", [historySeq]);
        await client.query('ALTER TABLE history ENABLE TRIGGER history_no_update');
      } finally {
        await client.end();
      }
    },
    async writeHistoryDirectly(store, how) {
      const client = await rawClient(store);
      try {
        await client.query(how === 'update' ? "UPDATE history SET why = 'x'" : 'DELETE FROM history');
      } finally {
        await client.end();
      }
    },
    peers: [{ name: 'sqlite', open: openSqlite }],
  });

  const text = (i: number): string =>
    `Report ${i}: shelling hit the outskirts of Kharkiv on Monday, wounding ${i + 2} people, officials said.`;
  const source = (i: number): NewSource => ({
    sha256: createHash('sha256').update(text(i)).digest('hex'),
    text: text(i),
    raw: null,
    mediaType: 'text/plain',
    outlet: 'Kyiv Wire',
    url: null,
    title: null,
    published: '2024-03-12',
    retrievedAt: '2024-03-12T09:00:00.000Z',
    origin: `r${i}.txt`,
  });
  const extraction = (i: number): Extraction => ({
    source: { published: '2024-03-12', outlet: 'Kyiv Wire', title: null, url: null },
    events: [
      {
        id: 'e1',
        eventType: 'Explosions/Remote violence',
        subEventType: 'Shelling/artillery/missile attack',
        date: { start: '2024-03-11', end: '2024-03-11', precision: 'day' },
        actors: [],
        location: null,
        weapons: [],
        fatalities: null,
        reportedBy: [],
        claimIds: [],
        summary: text(i),
        evidence: [],
      },
    ],
    claims: [],
    notes: [],
  });
  const items = Array.from({ length: 20 }, (_, i) => ({
    source: source(i),
    extraction: extraction(i),
    pipelineVersion: 'test/1',
  }));

  describe('on a server', () => {
    const stores: PostgresStorage[] = [];
    afterEach(async () => {
      // the second pool on a schema closes first: the first one's close drops it
      for (const s of stores.splice(0).reverse()) await s.close();
    });
    /** Another pool on the same schema as `store` (a second process). */
    async function sameSchema(store: PostgresStorage): Promise<PostgresStorage> {
      const u = new URL(TEST_PG_URL!);
      u.searchParams.set('schema', schemaOf.get(store)!);
      const other = await openPostgresStorage(u.toString());
      stores.push(other);
      return other;
    }
    async function fresh(): Promise<PostgresStorage> {
      const s = await open();
      stores.push(s);
      return s;
    }

    it('numbers its migrations as SQLite does, so backups carry across', () => {
      expect(PG_MIGRATIONS.map((m) => m.version)).toEqual(SQLITE_MIGRATIONS.map((m) => m.version));
      // the versions that add the backed-up tables are the same steps
      expect(PG_MIGRATIONS.slice(0, 3).map((m) => m.name)).toEqual(
        SQLITE_MIGRATIONS.slice(0, 3).map((m) => m.name),
      );
    });

    it('two pools saving the same 20 sources at once store each once', async () => {
      const a = await fresh();
      const b = await sameSchema(a);
      const results = await Promise.all(
        items.flatMap((x) => [a, b].map((s) => s.saveExtraction(x.source, x.extraction, x.pipelineVersion))),
      );
      expect(results.filter((r) => r.created)).toHaveLength(20);
      // a save that lost the race wrote nothing and says so
      expect(results.filter((r) => !r.created).every((r) => r.events === 0 && r.eventIds.length === 0)).toBe(
        true,
      );
      expect(await a.stats()).toEqual({ sources: 20, reports: 20, events: 20, claims: 0 });
      expect((await b.listSources({}, { limit: 100, offset: 0 })).total).toBe(20);
    });

    it('two pools saving the same batch in opposite orders neither deadlock nor store twice', async () => {
      const a = await fresh();
      const b = await sameSchema(a);
      const [ra, rb] = await Promise.all([a.saveExtractions(items), b.saveExtractions([...items].reverse())]);
      const all = [...ra, ...rb];
      expect(all.filter((r) => r instanceof Error)).toEqual([]);
      expect(all.filter((r) => !(r instanceof Error) && r.created)).toHaveLength(20);
      expect(await a.stats()).toEqual({ sources: 20, reports: 20, events: 20, claims: 0 });
    });

    it('review actions from two pools at once build one linear chain', async () => {
      const a = await fresh();
      const b = await sameSchema(a);
      const entry = (by: string, i: number) => ({
        at: `2024-05-01T10:00:${String(i).padStart(2, '0')}.000Z`,
        by,
        action: 'note' as const,
        subjects: [`inc_${i}`],
        before: null,
        after: { i },
        why: null,
        undoes: null,
      });
      const written = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? a : b).incidents.apply({ upsert: [], remove: [], entry: entry(i % 2 ? 'ana' : 'ben', i) }),
        ),
      );
      expect(written.map((e) => e.seq).sort((x, y) => x - y)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
      expect(await b.incidents.verify()).toMatchObject({ historyEntries: 20, brokenHistory: [] });
    });

    it('several workers starting at once on a new schema migrate it once', async () => {
      const { url, schema } = freshPgSchemaUrl();
      const opened = await Promise.all([1, 2, 3, 4].map(() => openPostgresStorage(url)));
      try {
        for (const s of opened) expect(s.schemaVersion()).toBe(PG_MIGRATIONS.at(-1)!.version);
        const client = new pg.Client({ connectionString: TEST_PG_URL! });
        await client.connect();
        try {
          const { rows } = await client.query<{ version: number }>(
            `SELECT version FROM "${schema}".schema_migrations ORDER BY version`,
          );
          expect(rows.map((r) => r.version)).toEqual(PG_MIGRATIONS.map((m) => m.version));
        } finally {
          await client.end();
        }
        // reopening applies nothing and keeps the data
        await opened[0]!.saveExtraction(items[0]!.source, items[0]!.extraction, 'test/1');
        const again = await openPostgresStorage(url);
        expect(await again.stats()).toMatchObject({ sources: 1, events: 1 });
        expect((await again.listEvents({ q: 'kharkiv' }, { limit: 10, offset: 0 })).total).toBe(1);
        await again.close();
      } finally {
        for (const s of opened) await s.close();
        await dropPgSchema(schema);
      }
    });

    it('never fails on what a user types into search', async () => {
      const s = await fresh();
      await s.saveExtraction(items[0]!.source, items[0]!.extraction, 'test/1');
      const alphabet = [
        "'",
        '\\',
        '"',
        '&',
        '|',
        '!',
        '(',
        ')',
        ':',
        '*',
        '<',
        '-',
        '>',
        '%',
        '_',
        ' ',
        '\t',
        'a',
        'é',
        '\u0000',
        '🚑',
        'Kharkiv',
      ];
      let seed = 7;
      const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
      for (let i = 0; i < 200; i++) {
        const q = Array.from({ length: 1 + next(12) }, () => alphabet[next(alphabet.length)]).join('');
        const page = await s.listEvents({ q }, { limit: 10, offset: 0 });
        expect(page.total, JSON.stringify(q)).toBe(page.items.length);
      }
      expect((await s.listEvents({ q: "kharkiv's | !(outskirts" }, { limit: 10, offset: 0 })).total).toBe(0);
      expect((await s.listEvents({ q: 'outskirts kharkiv' }, { limit: 10, offset: 0 })).total).toBe(1);
    });

    it('keeps schemas apart: a store sees only its own', async () => {
      const a = await fresh();
      const b = await fresh();
      await a.saveExtraction(items[0]!.source, items[0]!.extraction, 'test/1');
      expect(await b.hasSource(items[0]!.source.sha256)).toBe(false);
      expect(await b.saveExtraction(items[0]!.source, items[0]!.extraction, 'test/1')).toMatchObject({
        created: true,
      });
    });

    it('names the URL without its password, and what is wrong, when it cannot connect', async () => {
      const down = new URL(TEST_PG_URL!);
      down.port = '1';
      down.password = 's3cret-pw';
      const err = await openPostgresStorage(down.toString()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toContain(`${down.hostname}:1`);
      expect((err as Error).message).toMatch(/refused/);
      expect((err as Error).message).not.toContain('s3cret-pw');

      const missing = new URL(TEST_PG_URL!);
      missing.pathname = '/docket_no_such_database';
      missing.password = 's3cret-pw';
      const err2 = await openPostgresStorage(missing.toString()).catch((e: unknown) => e);
      expect(err2).toBeInstanceOf(ConfigError);
      expect((err2 as Error).message).toMatch(/docket_no_such_database.*does not exist/);
      expect((err2 as Error).message).not.toContain('s3cret-pw');

      const badSchema = new URL(TEST_PG_URL!);
      badSchema.searchParams.set('schema', 'bad-name; DROP');
      await expect(openPostgresStorage(badSchema.toString())).rejects.toThrow(ConfigError);
      await expect(openPostgresStorage('postgres://user:s3cret-pw@[bad')).rejects.toThrow(
        /^(?!.*s3cret-pw).*not a valid PostgreSQL URL/,
      );
    });
  });
});
