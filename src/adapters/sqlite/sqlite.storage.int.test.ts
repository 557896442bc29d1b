// The SQLite adapter on real files: the storage and incident-store contracts, then what is particular
// to SQLite (migrations, reopening a file, WAL).
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers.js';
import { ConfigError } from '../../domain/errors.js';
import type { Extraction } from '../../domain/types.js';
import type { NewSource } from '../../ports/storage.port.js';
import { incidentStoreContract, type StoreWithIncidents } from '../incident-store.contract.js';
import { storageContract } from '../storage.contract.js';
import { SQLITE_MIGRATIONS } from './migrations.js';
import { SqliteStorage } from './sqlite.storage.js';

const dirs: string[] = [];
function freshDir(): string {
  const dir = tempDir('docket-sqlite-');
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

storageContract('sqlite', () => Promise.resolve(new SqliteStorage(join(freshDir(), 'docket.db'))));

/** Files of the stores opened for the incident contract, to reach them behind the store's back. */
const fileOf = new Map<StoreWithIncidents, string>();
/** A raw connection to the store's file (the store keeps its own open, as another process would). */
function withFile<T>(store: StoreWithIncidents, work: (db: Database.Database) => T): Promise<T> {
  const path = fileOf.get(store);
  if (!path) return Promise.reject(new Error('not a store this suite opened'));
  const db = new Database(path);
  try {
    return Promise.resolve(work(db));
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  } finally {
    db.close();
  }
}

incidentStoreContract('sqlite', {
  open() {
    const path = join(freshDir(), 'docket.db');
    const storage = new SqliteStorage(path);
    fileOf.set(storage, path);
    return Promise.resolve(storage);
  },
  tamper: (store, { sourceId, historySeq }) =>
    withFile(store, (db) => {
      db.prepare("UPDATE sources SET text = text || ' (edited)' WHERE id = ?").run(sourceId);
      // the history refuses edits; someone with the file drops the guard first
      db.exec('DROP TRIGGER history_no_update');
      db.prepare("UPDATE history SET by = 'mallory' WHERE seq = ?").run(historySeq);
    }),
  writeHistoryDirectly: (store, how) =>
    withFile(store, (db) => {
      db.prepare(how === 'update' ? "UPDATE history SET why = 'x'" : 'DELETE FROM history').run();
    }),
});

const TEXT = 'Gunmen attacked a checkpoint outside Goma on Monday, killing two soldiers, the army said.\r\n';
const SOURCE: NewSource = {
  sha256: createHash('sha256').update(TEXT).digest('hex'),
  text: TEXT,
  raw: null,
  mediaType: 'text/plain',
  outlet: 'Radio Okapi',
  url: null,
  title: null,
  published: '2024-03-13',
  retrievedAt: '2024-03-13T09:00:00.000Z',
  origin: 'goma.txt',
};
const EXTRACTION: Extraction = {
  source: { published: '2024-03-13', outlet: 'Radio Okapi', title: null, url: null },
  events: [
    {
      id: 'e1',
      eventType: 'Battles',
      subEventType: 'Armed clash',
      date: { start: '2024-03-11', end: '2024-03-11', precision: 'day' },
      actors: [],
      location: null,
      weapons: [],
      fatalities: { low: 2, best: 2, high: 2 },
      reportedBy: [],
      claimIds: [],
      summary: 'Gunmen attacked a checkpoint outside Goma on Monday, killing two soldiers',
      evidence: [{ field: 'trigger', start: 7, end: 15, text: 'attacked' }],
    },
  ],
  claims: [],
  notes: [],
};

interface MigrationRow {
  version: number;
  name: string;
  applied_at: string;
}
const migrationsIn = (path: string): MigrationRow[] => {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version')
      .all() as MigrationRow[];
  } finally {
    db.close();
  }
};

const LATEST = Math.max(...SQLITE_MIGRATIONS.map((m) => m.version));

describe('SqliteStorage on a file', () => {
  it('numbers its migrations 1, 2, … without gaps', () => {
    expect(SQLITE_MIGRATIONS.map((m) => m.version)).toEqual(SQLITE_MIGRATIONS.map((_m, i) => i + 1));
    expect(LATEST).toBeGreaterThanOrEqual(1);
  });

  it('upgrades a file made by the first schema version, keeping its data', async () => {
    const path = join(freshDir(), 'docket.db');
    const first = SQLITE_MIGRATIONS[0]!;
    const db = new Database(path);
    db.exec(
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    db.exec(first.sql);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(
      first.version,
      first.name,
      '2024-01-01T00:00:00Z',
    );
    db.prepare(
      `INSERT INTO sources (id, sha256, text, raw, media_type, outlet, url, title, published, retrieved_at, origin)
       VALUES (?, ?, ?, NULL, 'text/plain', NULL, NULL, NULL, '2024-03-13', '2024-03-13T09:00:00.000Z', 'goma.txt')`,
    ).run(`src_${SOURCE.sha256.slice(0, 16)}`, SOURCE.sha256, TEXT);
    db.close();

    const storage = new SqliteStorage(path);
    try {
      expect(storage.schemaVersion()).toBe(LATEST);
      expect(migrationsIn(path).map((r) => r.version)).toEqual(SQLITE_MIGRATIONS.map((m) => m.version));
      expect(migrationsIn(path)[0]?.applied_at).toBe('2024-01-01T00:00:00Z');
      expect((await storage.getSource(`src_${SOURCE.sha256.slice(0, 16)}`))?.text).toBe(TEXT);
      expect(await storage.hasSource(SOURCE.sha256)).toBe(true);
      expect((await storage.listSources({ q: 'checkpoint' }, { limit: 10, offset: 0 })).total).toBe(1);
    } finally {
      await storage.close();
    }
  });

  it('upgrades a version 3 file with events to version 4: same dump, events renumbered stably, filters indexed', async () => {
    // a record written by the current schema, dumped, then loaded into a file built by migrations 1–3
    const source = new SqliteStorage(join(freshDir(), 'now.db'));
    const text = 'Forces Armées du Nord fighters clashed with rebels near Kidal on Monday.';
    await source.saveExtraction(
      { ...SOURCE, text, sha256: createHash('sha256').update(text).digest('hex') },
      {
        ...EXTRACTION,
        events: EXTRACTION.events.map((e) => ({
          ...e,
          location: {
            name: 'Kidal',
            geonameId: null,
            lat: 18.44,
            lon: 1.41,
            countryCode: 'ML',
            country: 'Mali',
            admin1: null,
            admin2: null,
            featureCode: 'PPL',
            geoPrecision: 1,
            wherePrec: 1,
            uncertaintyKm: 5,
          },
          actors: [
            {
              name: 'Forces Armées du Nord',
              short: null,
              countryCode: 'ML',
              inter: 2,
              role: 'actor1',
              mention: 'Forces Armées du Nord',
            },
          ],
        })),
      },
      'test/1',
    );
    const rows: { table: string; row: Record<string, unknown> }[] = [];
    for await (const r of source.incidents.dump()) rows.push(r);
    await source.close();
    expect(rows.some((r) => r.table === 'events')).toBe(true);

    const path = join(freshDir(), 'v3.db');
    const db = new Database(path);
    db.exec(
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    for (const m of SQLITE_MIGRATIONS.filter((x) => x.version <= 3)) {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        '2024-01-01T00:00:00Z',
      );
    }
    for (const { table, row } of rows) {
      const cols = Object.keys(row);
      db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(
        ...cols.map((c) => row[c] as string | number | null),
      );
    }
    db.close();

    const upgraded = new SqliteStorage(path);
    try {
      expect(upgraded.schemaVersion()).toBe(LATEST);
      const after: typeof rows = [];
      for await (const r of upgraded.incidents.dump()) after.push(r);
      expect(after).toEqual(rows);
      const located = (await upgraded.listEvents({}, { limit: 10, offset: 0 })).items.filter(
        (e) => e.location,
      );
      expect(located.length).toBeGreaterThan(0);
      const { lat, lon } = located[0]!.location!;
      const inBox = await upgraded.listEvents(
        { bbox: [lon - 0.01, lat - 0.01, lon + 0.01, lat + 0.01] },
        { limit: 10, offset: 0 },
      );
      expect(inBox.items.map((e) => e.id)).toContain(located[0]!.id);
      expect((await upgraded.listEvents({ actor: 'ARMÉES' }, { limit: 10, offset: 0 })).total).toBe(
        EXTRACTION.events.length,
      );
    } finally {
      await upgraded.close();
    }
    // the derived tables key on the events' own INTEGER PRIMARY KEY, which VACUUM keeps
    const raw = new Database(path);
    raw.exec('VACUUM');
    raw.close();
    const reopened = new SqliteStorage(path);
    try {
      expect((await reopened.listEvents({ actor: 'armées du nord' }, { limit: 10, offset: 0 })).total).toBe(
        EXTRACTION.events.length,
      );
    } finally {
      await reopened.close();
    }
  });

  it('records each applied migration in schema_migrations', async () => {
    const path = join(freshDir(), 'docket.db');
    const storage = new SqliteStorage(path);
    expect(storage.schemaVersion()).toBe(LATEST);
    await storage.close();
    const rows = migrationsIn(path);
    expect(rows.map((r) => ({ version: r.version, name: r.name }))).toEqual(
      SQLITE_MIGRATIONS.map((m) => ({ version: m.version, name: m.name })),
    );
    expect(Number.isNaN(Date.parse(rows[0]?.applied_at ?? ''))).toBe(false);
  });

  it('keeps the data, and applies no migration twice, when an existing file is reopened', async () => {
    const path = join(freshDir(), 'docket.db');
    const first = new SqliteStorage(path);
    const saved = await first.saveExtraction(SOURCE, EXTRACTION, 'test/1');
    const stats = await first.stats();
    const migrations = migrationsIn(path);
    await first.close();

    const again = new SqliteStorage(path);
    try {
      expect(again.schemaVersion()).toBe(LATEST);
      expect(migrationsIn(path)).toEqual(migrations);
      expect(await again.stats()).toEqual(stats);
      expect(await again.getSource(saved.sourceId)).toEqual({ id: saved.sourceId, ...SOURCE });
      expect((await again.getEvent(`${saved.sourceId}.e1`))?.fatalities).toEqual({
        low: 2,
        best: 2,
        high: 2,
      });
      // The full-text index came back with the file.
      expect((await again.listEvents({ q: 'checkpoint' }, { limit: 10, offset: 0 })).total).toBe(1);
      // And the archive is still idempotent across opens.
      expect(await again.saveExtraction(SOURCE, EXTRACTION, 'test/1')).toMatchObject({ created: false });
      expect(await again.stats()).toEqual(stats);
    } finally {
      await again.close();
    }
  });

  it('runs in WAL mode with foreign keys on', async () => {
    const path = join(freshDir(), 'docket.db');
    const storage = new SqliteStorage(path);
    await storage.saveExtraction(SOURCE, EXTRACTION, 'test/1');
    expect(existsSync(`${path}-wal`)).toBe(true);
    await storage.close();
    // journal_mode=WAL is persistent: another connection to the file sees it.
    const db = new Database(path, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('creates the folder of a new database file', async () => {
    const path = join(freshDir(), 'nested', 'deeper', 'docket.db');
    const storage = new SqliteStorage(path);
    await storage.close();
    expect(existsSync(path)).toBe(true);
  });

  it('fails with a ConfigError naming the path when the file cannot be opened', () => {
    const dir = freshDir();
    expect(() => new SqliteStorage(dir)).toThrow(ConfigError);
    expect(() => new SqliteStorage(dir)).toThrow(dir);
  });
});
