import { describe, expect, it } from 'vitest';
import type { Gazetteer, GazetteerEntry, GazetteerHit } from '../ports/gazetteer.port.js';
import { foldName } from '../gazetteer/fold.js';
import { findPlaces, haversineKm, offsetPoint, resolveSpans } from './places.js';

type Row = Partial<GazetteerEntry> & Pick<GazetteerEntry, 'key' | 'name' | 'lat' | 'lon' | 'countryCode'>;

/** A small in-memory gazetteer: names (and extra keys) → entries, best-known first. */
function gazetteer(rows: { entry: Row; names?: string[]; demonyms?: string[] }[]): Gazetteer {
  const index = new Map<string, GazetteerHit[]>();
  const add = (name: string, hit: GazetteerHit): void => {
    const key = foldName(name);
    index.set(key, [...(index.get(key) ?? []), hit]);
  };
  for (const r of rows) {
    const entry: GazetteerEntry = {
      geonameId: null,
      country: r.entry.countryCode,
      admin1: null,
      admin2: null,
      featureClass: 'P',
      featureCode: 'PPL',
      population: 0,
      kind: 'city',
      ...r.entry,
    };
    for (const n of [entry.name, ...(r.names ?? [])]) add(n, { entry, match: 'name' });
    for (const d of r.demonyms ?? []) add(d, { entry, match: 'demonym' });
  }
  for (const hits of index.values())
    hits.sort(
      (a, b) =>
        Number(b.entry.kind === 'country') - Number(a.entry.kind === 'country') ||
        b.entry.population - a.entry.population,
    );
  return {
    lookup: (folded) => index.get(folded) ?? [],
    country: (code) =>
      [...index.values()].flat().find((h) => h.entry.kind === 'country' && h.entry.countryCode === code)
        ?.entry ?? null,
  };
}

const country = (cc: string, name: string, lat: number, lon: number, population: number): Row => ({
  key: `c:${cc}`,
  name,
  lat,
  lon,
  countryCode: cc,
  kind: 'country',
  featureClass: 'A',
  featureCode: 'PCLI',
  population,
});
const admin1 = (cc: string, name: string, lat: number, lon: number, population: number): Row => ({
  key: `a1:${cc}.${name}`,
  name,
  lat,
  lon,
  countryCode: cc,
  admin1: name,
  kind: 'admin1',
  featureClass: 'A',
  featureCode: 'ADM1',
  population,
});
const town = (
  id: number,
  cc: string,
  a1: string,
  name: string,
  lat: number,
  lon: number,
  population: number,
  featureCode = 'PPL',
): Row => ({
  key: `g:${id}`,
  geonameId: id,
  name,
  lat,
  lon,
  countryCode: cc,
  admin1: a1,
  population,
  featureCode,
});

const gaz = gazetteer([
  { entry: country('US', 'United States', 38, -97, 270_000_000), names: ['U.S.'], demonyms: ['American'] },
  { entry: country('MP', 'Northern Mariana Islands', 15.2, 145.75, 60_000), demonyms: ['American'] },
  { entry: country('GE', 'Georgia', 42, 43.5, 2_400_000), demonyms: ['Georgian'] },
  { entry: country('EG', 'Egypt', 27, 30, 80_000_000), demonyms: ['Egyptian'] },
  { entry: country('LY', 'Libya', 25, 17, 5_000_000), demonyms: ['Libyan'] },
  { entry: country('LB', 'Lebanon', 33.8, 35.8, 4_000_000), demonyms: ['Lebanese'] },
  { entry: country('SY', 'Syria', 35, 38, 18_000_000), demonyms: ['Syrian'] },
  { entry: country('PS', 'Palestine', 31.9, 35.2, 4_000_000), demonyms: ['Palestinian'] },
  { entry: country('FR', 'France', 46, 2, 60_000_000), demonyms: ['French'] },
  { entry: country('CN', 'China', 35, 105, 1_000_000_000), demonyms: ['Chinese'] },
  { entry: admin1('US', 'Georgia', 32.7, -83.4, 4_700_000) },
  { entry: admin1('US', 'Kentucky', 37.5, -85.3, 2_900_000), names: ['Ky.'] },
  { entry: admin1('US', 'Virginia', 37.5, -78.8, 6_000_000), names: ['Va.'] },
  { entry: town(1, 'EG', 'Alexandria', 'Alexandria', 31.2, 29.92, 3_800_000, 'PPLA') },
  { entry: town(2, 'US', 'Virginia', 'Alexandria', 38.8, -77.05, 140_000) },
  { entry: town(3, 'LY', 'Tripoli', 'Tripoli', 32.89, 13.19, 1_150_000, 'PPLC') },
  { entry: town(4, 'LB', 'North', 'Tripoli', 34.44, 35.85, 230_000, 'PPLA') },
  { entry: town(5, 'FR', 'Ile-de-France', 'Paris', 48.85, 2.35, 2_100_000, 'PPLC') },
  { entry: town(6, 'US', 'Kentucky', 'Paris', 38.21, -84.25, 9_800) },
  { entry: town(7, 'US', 'Kentucky', 'Lexington', 37.99, -84.48, 320_000) },
  { entry: town(8, 'US', 'Kentucky', 'Winchester', 37.99, -84.18, 18_000) },
  { entry: town(9, 'US', 'Kentucky', 'Georgetown', 38.21, -84.56, 30_000) },
  { entry: town(10, 'SY', 'Homs', 'Homs', 34.73, 36.71, 775_000, 'PPLA'), names: ['Hims'] },
  { entry: town(11, 'US', 'Maine', 'China', 44.48, -69.52, 4_000) },
  { entry: town(12, 'SY', 'Deir ez-Zor', 'Deir ez-Zor', 35.34, 40.14, 240_000, 'PPLA') },
  { entry: town(13, 'SY', 'Deir ez-Zor', 'Albu Kamal', 34.45, 40.92, 57_000) },
  { entry: town(14, 'US', 'Georgia', 'Atlanta', 33.75, -84.39, 460_000, 'PPLA') },
  { entry: town(15, 'US', 'Georgia', 'Macon', 32.84, -83.63, 150_000) },
  { entry: town(16, 'US', 'Georgia', 'Savannah', 32.08, -81.1, 140_000) },
]);

const names = (text: string): [string, string][] =>
  findPlaces(text, gaz, { blocked: [] }).map((p) => [p.text, p.entry.key]);

describe('foldName', () => {
  it('folds case, diacritics, hyphens and Arabic-style articles so that spellings meet', () => {
    expect(foldName('Deir ez-Zor')).toBe(foldName('Deir al-Zor'));
    expect(foldName('Al-Hasakah')).toBe('hasakah');
    expect(foldName('Ālbū Kamāl')).toBe('albu kamal');
    expect(foldName('W.Va.')).toBe('w va');
  });
});

describe('findPlaces: ambiguous names', () => {
  it('takes the well-known Alexandria, Tripoli and Paris without other clues', () => {
    expect(names('Protesters gathered in Alexandria on Friday.')).toEqual([['Alexandria', 'g:1']]);
    expect(names('Clashes broke out in Tripoli overnight.')).toEqual([['Tripoli', 'g:3']]);
    expect(names('Police in Paris arrested two men.')).toEqual([['Paris', 'g:5']]);
  });

  it("follows the document's country: Tripoli in a text about Lebanon, Alexandria in Virginia", () => {
    expect(names('Lebanese troops deployed in Tripoli after clashes.')).toContainEqual(['Tripoli', 'g:4']);
    expect(names('A man was arrested in Alexandria, Va., on Monday.')).toContainEqual(['Alexandria', 'g:2']);
  });

  it('places a namesake in the state where the text’s other towns are (Paris, Kentucky)', () => {
    const text =
      'Deputies from Lexington and Winchester joined the search near Georgetown. The suspect was arrested in Paris on Sunday.';
    const spans = ['Lexington', 'Winchester', 'Georgetown', 'Paris'].map((n) => ({
      start: text.indexOf(n),
      end: text.indexOf(n) + n.length,
    }));
    const resolved = resolveSpans(text, gaz, spans, { blocked: [] });
    expect(resolved.map((m) => m?.entry.key)).toEqual(['g:7', 'g:8', 'g:9', 'g:6']);
    expect(resolved[3]?.trace[0]?.reasons).toContain('3 other place(s) in Kentucky');
    // alone, Paris is the French capital
    expect(
      resolveSpans('He was arrested in Paris.', gaz, [{ start: 19, end: 24 }], { blocked: [] })[0]?.entry.key,
    ).toBe('g:5');
  });

  it('reads Homs and Hims as one town', () => {
    expect(names('Shelling hit Homs.')).toEqual([['Homs', 'g:10']]);
    expect(names('Shelling hit Hims.')).toEqual([['Hims', 'g:10']]);
  });

  it('keeps a country name for the country, not a namesake town in a country the text names', () => {
    const spans = [{ start: 0, end: 5 }];
    const text = 'China and the United States signed the deal in Washington.';
    expect(resolveSpans(text, gaz, spans, { blocked: [] })[0]?.entry.key).toBe('c:CN');
  });

  it('reads Georgia as the US state in a text about Atlanta, Macon and Savannah', () => {
    const text = 'Storms hit Atlanta, Macon and Savannah on Tuesday. Georgia declared an emergency.';
    const spans = ['Atlanta', 'Macon', 'Savannah', 'Georgia'].map((n) => ({
      start: text.indexOf(n),
      end: text.indexOf(n) + n.length,
    }));
    const georgia = resolveSpans(text, gaz, spans, { blocked: [] })[3];
    expect(georgia?.entry.key).toBe('a1:US.Georgia');
    expect(names('Russian troops entered Georgia in 2008.')).toContainEqual(['Georgia', 'c:GE']);
  });
});

describe('findPlaces: demonyms and names that are not places', () => {
  it('reads a demonym as a reference to its country, never an event place', () => {
    const [syrian] = findPlaces('Syrian forces shelled the town.', gaz, { blocked: [] });
    expect(syrian?.entry.key).toBe('c:SY');
    expect(syrian?.role).toBe('demonym');
  });

  it('takes the largest country for a demonym several share ("American")', () => {
    const [american] = findPlaces('An American journalist was freed.', gaz, { blocked: [] });
    expect(american?.entry.key).toBe('c:US');
  });

  it('resolves plural demonyms given as spans ("Palestinians")', () => {
    const text = 'Palestinians marched on Friday.';
    expect(resolveSpans(text, gaz, [{ start: 0, end: 12 }], { blocked: [] })[0]?.entry.key).toBe('c:PS');
  });

  it('skips people, organisations and blocked spans', () => {
    expect(names('said Gen. Paris Hilton on Monday.')).toEqual([]);
    expect(names('The Homs Observatory reported shelling.')).toEqual([]);
    const text = 'Fighters of Homs attacked.';
    expect(findPlaces(text, gaz, { blocked: [{ start: 12, end: 16 }] })).toEqual([]);
  });
});

describe('relative locations', () => {
  it('records "24 km north of Albu Kamal" as an offset from the named town', () => {
    const text = 'An airstrike hit a convoy 24 km north of Albu Kamal in eastern Syria on Monday.';
    const [m] = findPlaces(text, gaz, { blocked: [] });
    expect(m?.entry.key).toBe('g:13');
    expect(m?.role).toBe('reference');
    expect(m?.relative).toMatchObject({ distanceKm: 24, bearing: 'north' });
    const p = offsetPoint(m!.entry.lat, m!.entry.lon, 24, 'north');
    expect(haversineKm(m!.entry.lat, m!.entry.lon, p.lat, p.lon)).toBeCloseTo(24, 0);
    expect(p.lat).toBeGreaterThan(m!.entry.lat);
  });

  it('keeps a trace of the candidates and their scores', () => {
    const [m] = findPlaces('Clashes broke out in Tripoli overnight.', gaz, { blocked: [] });
    expect(m?.trace.map((t) => t.key)).toEqual(['g:3', 'g:4']);
    expect(m!.trace[0]!.score).toBeGreaterThan(m!.trace[1]!.score);
  });
});
