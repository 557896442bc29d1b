// Read side of the gazetteer index built by build.ts.
import Database from 'better-sqlite3';
import type { Gazetteer, GazetteerEntry, GazetteerHit, GazetteerKind } from '../ports/gazetteer.port.js';
import { BloomFilter } from './bloom.js';
import { BLOOM_HASHES, buildGazetteer, GAZETTEER_VERSION } from './build.js';
import { foldName, skeletonKey } from './fold.js';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

interface PlaceRow {
  key: string;
  geoname_id: number | null;
  name: string;
  lat: number;
  lon: number;
  cc: string;
  country: string;
  admin1: string | null;
  admin2: string | null;
  fclass: string;
  fcode: string;
  population: number;
  kind: GazetteerKind;
  match: GazetteerHit['match'];
}

const toEntry = (r: PlaceRow): GazetteerEntry => ({
  key: r.key,
  geonameId: r.geoname_id,
  name: r.name,
  lat: r.lat,
  lon: r.lon,
  countryCode: r.cc,
  country: r.country,
  admin1: r.admin1,
  admin2: r.admin2,
  featureClass: r.fclass,
  featureCode: r.fcode,
  population: r.population,
  kind: r.kind,
});

/** Place names folded for looksAlike: the same names come back on many loose keys. */
const foldedNames = new Map<string, string>();

/** The places columns of a GazetteerEntry, in the order rowEntry reads them after (place, match). */
const PLACE_COLUMNS = [
  'key',
  'geoname_id',
  'name',
  'lat',
  'lon',
  'cc',
  'country',
  'admin1',
  'admin2',
  'fclass',
  'fcode',
  'population',
  'kind',
] as const;

/** A raw row of byKey: place id, match, then PLACE_COLUMNS (null when the place is missing). */
type HitRow = [
  number,
  GazetteerHit['match'],
  string | null,
  number | null,
  string,
  number,
  number,
  string,
  string,
  string | null,
  string | null,
  string,
  string,
  number,
  GazetteerKind,
];

const rowEntry = (r: HitRow): GazetteerEntry => ({
  key: r[2]!,
  geonameId: r[3],
  name: r[4],
  lat: r[5],
  lon: r[6],
  countryCode: r[7],
  country: r[8],
  admin1: r[9],
  admin2: r[10],
  featureClass: r[11],
  featureCode: r[12],
  population: r[13],
  kind: r[14],
});

/** Same first letter, similar length, and most letter pairs shared (Dice ≥ 0.5). */
function looksAlike(folded: string, name: string): boolean {
  let other = foldedNames.get(name);
  if (other === undefined) {
    other = foldName(name);
    if (foldedNames.size > 100_000) foldedNames.clear();
    foldedNames.set(name, other);
  }
  if (!other || other[0] !== folded[0] || Math.abs(other.length - folded.length) > 3) return false;
  const pairs = (s: string): string[] =>
    Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2));
  const a = pairs(folded.replace(/ /g, ''));
  const b = pairs(other.replace(/ /g, ''));
  const pool = [...b];
  let common = 0;
  for (const p of a) {
    const k = pool.indexOf(p);
    if (k >= 0) {
      common++;
      pool.splice(k, 1);
    }
  }
  return (2 * common) / (a.length + b.length || 1) >= 0.5;
}

export class SqliteGazetteer implements Gazetteer {
  private readonly db: Database.Database;
  /** A name's places, best ranked first, with how the name matched (one query: names joined to places). */
  private readonly byKey: Database.Statement<[string], HitRow>;
  /** A loose key's place ids and names only: most fail looksAlike, and their rows are never read. */
  private readonly namesByKey: Database.Statement<[string], [number, GazetteerHit['match'], string | null]>;
  private readonly byId: Database.Statement<[number], PlaceRow>;
  private readonly byCountry: Database.Statement<[string], PlaceRow>;
  private readonly cache = new Map<string, GazetteerHit[]>();
  /** Places recur across documents: each is read and built once. */
  private readonly places = new Map<number, GazetteerEntry>();
  private readonly bloom: BloomFilter | null;

  constructor(path: string) {
    this.db = new Database(path, { readonly: true, fileMustExist: true });
    // read-only and read at random: map the file instead of paging it through a small cache
    this.db.pragma('mmap_size = 268435456');
    this.db.pragma('cache_size = -32768');
    // The file is never written once built (a rebuild writes a new file): hold the shared lock for the
    // connection's life instead of taking and dropping it (two system calls and a header read) per query.
    this.db.pragma('locking_mode = EXCLUSIVE');
    // LEFT JOIN: one row per name, so LIMIT counts names (a name whose place is missing is skipped after)
    this.byKey = this.db
      .prepare<[string], HitRow>(
        `SELECT n.place, n.match, ${PLACE_COLUMNS.map((c) => `p.${c}`).join(', ')}
           FROM names n LEFT JOIN places p ON p.id = n.place WHERE n.name_key = ? ORDER BY n.rank, n.place LIMIT 10`,
      )
      .raw(true);
    this.namesByKey = this.db
      .prepare<[string], [number, GazetteerHit['match'], string | null]>(
        `SELECT n.place, n.match, p.name
           FROM names n LEFT JOIN places p ON p.id = n.place WHERE n.name_key = ? ORDER BY n.rank, n.place LIMIT 10`,
      )
      .raw(true);
    this.byId = this.db.prepare(`SELECT p.*, 'name' AS match FROM places p WHERE p.id = ?`);
    this.byCountry = this.db.prepare(`SELECT p.*, 'name' AS match FROM places p WHERE p.key = ?`);
    const blob = this.db.prepare("SELECT v FROM blobs WHERE k = 'name-bloom'").get() as
      { v: Buffer } | undefined;
    this.bloom = blob ? new BloomFilter(new Uint8Array(blob.v), BLOOM_HASHES) : null;
  }

  private place(id: number): GazetteerEntry | null {
    let e = this.places.get(id);
    if (!e) {
      const row = this.byId.get(id);
      if (!row) return null;
      e = toEntry(row);
      this.remember(id, e);
    }
    return e;
  }

  private remember(id: number, e: GazetteerEntry): void {
    if (this.places.size > 100_000) this.places.clear();
    this.places.set(id, e);
  }

  lookup(folded: string): GazetteerHit[] {
    if (!folded) return [];
    const cached = this.cache.get(folded);
    if (cached) return cached;
    const known = (key: string): boolean => !this.bloom || this.bloom.has(key);
    const hits: GazetteerHit[] = [];
    if (known(folded)) {
      for (const row of this.byKey.all(folded)) {
        const id = row[0];
        let entry = this.places.get(id);
        if (!entry) {
          if (row[2] === null) continue; // a name whose place is missing
          entry = rowEntry(row);
          this.remember(id, entry);
        }
        hits.push({ entry, match: row[1] });
      }
    }
    // transliteration variants meet on the looser consonant key ("Dayr az Zawr", "Deir al-Zour")
    if (hits.length === 0 && folded.length >= 5) {
      const loose = `~${skeletonKey(folded)}`;
      // the loose key only counts for names that also look alike ("Deir al-Zour" ~ "Deir ez-Zor", not "Haram" ~ "Rome")
      if (known(loose))
        for (const [id, match, name] of this.namesByKey.all(loose)) {
          if (name === null || !looksAlike(folded, name)) continue;
          const entry = this.place(id);
          if (entry) hits.push({ entry, match });
        }
    }
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(folded, hits);
    return hits;
  }

  country(code: string): GazetteerEntry | null {
    const row = this.byCountry.get(`c:${code.toUpperCase()}`);
    return row ? toEntry(row) : null;
  }

  close(): void {
    this.db.close();
  }
}

export function gazetteerPath(cacheDir: string): string {
  return join(cacheDir, `gazetteer-v${GAZETTEER_VERSION}.sqlite`);
}

/** Open the cached gazetteer, building it first when it is missing (about 30 s, once). */
export async function openGazetteer(
  cacheDir: string,
  log: (msg: string) => void = () => {},
): Promise<SqliteGazetteer> {
  const path = gazetteerPath(cacheDir);
  if (!existsSync(path)) {
    log(`Building the gazetteer index once (GeoNames cities500 from npm) into ${path} …`);
    await buildGazetteer(path, log);
    // indexes of earlier versions are dead weight now (builds in progress, of this version or a newer
    // one by another checkout sharing the cache, are left alone)
    for (const f of readdirSync(cacheDir)) {
      const m = /^gazetteer-v(\d+)\.sqlite$/.exec(f);
      if (m && Number(m[1]) < GAZETTEER_VERSION) rmSync(join(cacheDir, f), { force: true });
    }
  }
  return new SqliteGazetteer(path);
}
