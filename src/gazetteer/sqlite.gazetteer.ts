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

/** Same first letter, similar length, and most letter pairs shared (Dice ≥ 0.5). */
function looksAlike(folded: string, name: string): boolean {
  const other = foldName(name);
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
  /** Place ids and how the name matched, best ranked first (names only: the cheap part). */
  private readonly byKey: Database.Statement<[string], [number, GazetteerHit['match']]>;
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
    this.byKey = this.db
      .prepare<[string], [number, GazetteerHit['match']]>(
        'SELECT place, match FROM names WHERE name_key = ? ORDER BY rank LIMIT 10',
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
      if (this.places.size > 100_000) this.places.clear();
      this.places.set(id, e);
    }
    return e;
  }

  lookup(folded: string): GazetteerHit[] {
    if (!folded) return [];
    const cached = this.cache.get(folded);
    if (cached) return cached;
    const probe = (key: string): GazetteerHit[] => {
      if (this.bloom && !this.bloom.has(key)) return [];
      const hits: GazetteerHit[] = [];
      for (const [id, match] of this.byKey.all(key)) {
        const entry = this.place(id);
        if (entry) hits.push({ entry, match });
      }
      return hits;
    };
    let hits = probe(folded);
    // transliteration variants meet on the looser consonant key ("Dayr az Zawr", "Deir al-Zour")
    if (hits.length === 0 && folded.length >= 5) {
      // the loose key only counts for names that also look alike ("Deir al-Zour" ~ "Deir ez-Zor", not "Haram" ~ "Rome")
      hits = probe(`~${skeletonKey(folded)}`).filter((h) => looksAlike(folded, h.entry.name));
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
