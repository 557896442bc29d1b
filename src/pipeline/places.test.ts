import { describe, expect, it } from 'vitest';
import type { Gazetteer, GazetteerEntry, GazetteerHit } from '../ports/gazetteer.port.js';
import { foldName } from '../gazetteer/fold.js';
import { findPlaces, haversineKm, offsetPoint, resolveSpans } from './places.js';

type Row = Partial<GazetteerEntry> & Pick<GazetteerEntry, 'key' | 'name' | 'lat' | 'lon' | 'countryCode'>;

/** A small in-memory gazetteer: names (and extra keys) → entries, best-known first. */
function gazetteer(
  rows: { entry: Row; names?: string[]; alternates?: string[]; demonyms?: string[] }[],
): Gazetteer {
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
    for (const a of r.alternates ?? []) add(a, { entry, match: 'alternate' });
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
  {
    entry: { key: 'r:eu', name: 'European Union', lat: 48.69, lon: 9.14, countryCode: '', kind: 'region' },
    names: ['EU'],
  },
  {
    entry: { key: 'r:europe', name: 'Europe', lat: 48.69, lon: 9.14, countryCode: '', kind: 'region' },
    demonyms: ['European'],
  },
  { entry: admin1('US', 'District of Columbia', 38.9, -77.03, 700_000), alternates: ['D.C.'] },
  { entry: admin1('US', 'California', 37.2, -119.7, 39_000_000) },
  { entry: admin1('US', 'Pennsylvania', 40.9, -77.8, 13_000_000) },
  { entry: town(17, 'US', 'Pennsylvania', 'California', 40.07, -79.89, 6_000) },
  { entry: town(18, 'US', 'Pennsylvania', 'Pittsburgh', 40.44, -80, 300_000) },
  { entry: town(19, 'US', 'North Carolina', 'King', 36.28, -80.36, 7_000) },
  { entry: town(20, 'CD', 'Equateur', 'Ebola', 3.4, 20.9, 2_000) },
  { entry: town(21, 'US', 'Georgia', 'Evans', 33.53, -82.13, 29_000) },
  { entry: town(22, 'CI', 'Montagnes', 'Man', 7.41, -7.55, 140_000) },
  { entry: town(23, 'SY', 'Rif Dimashq', 'Ghouta', 33.53, 36.4, 20_000) },
  { entry: { ...town(24, 'US', 'Tennessee', 'Paris', 36.3, -88.33, 10_000), admin2: 'Henry County' } },
  {
    entry: {
      key: 'a2:US.GA.151',
      name: 'Henry County',
      lat: 33.45,
      lon: -84.2,
      countryCode: 'US',
      admin1: 'Georgia',
      admin2: 'Henry County',
      featureClass: 'A',
      featureCode: 'ADM2',
      population: 64_000,
    },
  },
  {
    entry: {
      key: 'a2:US.TN.079',
      name: 'Henry County',
      lat: 36.33,
      lon: -88.32,
      countryCode: 'US',
      admin1: 'Tennessee',
      admin2: 'Henry County',
      featureClass: 'A',
      featureCode: 'ADM2',
      population: 32_000,
    },
  },
  { entry: country('MX', 'Mexico', 23, -102, 120_000_000), demonyms: ['Mexican'] },
  { entry: country('JO', 'Jordan', 31, 36, 10_000_000), demonyms: ['Jordanian'] },
  { entry: town(25, 'US', 'New York', 'Mexico', 43.46, -76.23, 5_000) },
  { entry: town(26, 'US', 'New York', 'Syracuse', 43.05, -76.15, 145_000) },
  { entry: town(27, 'US', 'New York', 'Oswego', 43.46, -76.51, 18_000) },
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

  it('reads a country before an organisation word as a demonym ("Syria TV"), never an event place', () => {
    const [syria] = findPlaces('Syria TV said the dam was hit.', gaz, { blocked: [] });
    expect(syria).toMatchObject({ text: 'Syria', role: 'demonym' });
    expect(syria?.entry.key).toBe('c:SY');
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

  it('takes a town located from another as the site, however small ("Ghouta, 10 km east of Homs")', () => {
    const found = findPlaces('Shelling hit Ghouta, 10 km east of Homs, on Monday.', gaz, { blocked: [] });
    expect(found.map((m) => [m.text, m.role])).toEqual([
      ['Ghouta', 'site'],
      ['Homs', 'reference'],
    ]);
  });

  it('keeps a trace of the candidates and their scores', () => {
    const [m] = findPlaces('Clashes broke out in Tripoli overnight.', gaz, { blocked: [] });
    expect(m?.trace.map((t) => t.key)).toEqual(['g:3', 'g:4']);
    expect(m!.trace[0]!.score).toBeGreaterThan(m!.trace[1]!.score);
  });
});

describe('findPlaces: abbreviations, regions and names inside names', () => {
  it('reads dotted abbreviations as one name ("U.S.", "D.C.") and currencies as no place', () => {
    expect(names('The U.S. embassy in Washington, D.C. said so.')).toEqual([
      ['U.S.', 'c:US'],
      ['D.C.', 'a1:US.District of Columbia'],
    ]);
    expect(names('A settlement of US$460 million was paid.')).toEqual([]);
    // a capitalised article does not make a longer name of it
    expect(names('The D.C. council wrote to the U.S. Congress.')).toEqual([
      ['D.C.', 'a1:US.District of Columbia'],
      ['U.S.', 'c:US'],
    ]);
  });

  it('finds regions larger than a country, and their demonyms', () => {
    expect(names('EU ministers met on Monday.')).toEqual([['EU', 'r:eu']]);
    const [european] = findPlaces('European leaders met on Monday.', gaz, { blocked: [] });
    expect(european).toMatchObject({ text: 'European', role: 'demonym' });
    expect(european?.entry.kind).toBe('region');
  });

  it('drops a small place named inside a longer name, a disease or an organisation', () => {
    expect(names('The outbreak was linked to King Nut, a peanut butter brand.')).toEqual([]);
    expect(names('Two more cases of Ebola virus were confirmed.')).toEqual([]);
    // a well-known place keeps its mention inside a longer name, and so does one after a part word
    expect(names('He threw a ball at Pittsburgh Steelers practice.')).toEqual([['Pittsburgh', 'g:18']]);
    expect(names('Shelling was reported in Eastern Ghouta, Syria.')).toContainEqual(['Ghouta', 'g:23']);
  });

  it('reads a run that starts with a common given name as a person ("Jordan Smith")', () => {
    expect(names('Jordan Smith met reporters in Tripoli.')).toEqual([['Tripoli', 'g:3']]);
    expect(names('Jordan closed its border.')).toEqual([['Jordan', 'c:JO']]);
  });

  it('reads a street as an address, not as the place it is named after', () => {
    expect(names('A car bomb went off on Tripoli Street in Homs.')).toEqual([['Homs', 'g:10']]);
  });

  it('takes a country after a verb of speech for the country, a name for a person', () => {
    expect(names('A militia spokesman says Syria shelled the town.')).toEqual([['Syria', 'c:SY']]);
    expect(names('"We will stay," said Paris on Monday.')).toEqual([]);
  });

  it('reads a name after a sentence that ends in "said." as a place again', () => {
    expect(names('The mayor spoke, an aide said. Tripoli police made arrests.')).toEqual([
      ['Tripoli', 'g:3'],
    ]);
  });

  it('drops the surname of a person the text introduces, there and later', () => {
    expect(names('Ashley L. Evans, of Atlanta, Georgia, appeared in court. Evans said nothing.')).toEqual([
      ['Atlanta', 'g:14'],
      ['Georgia', 'a1:US.Georgia'],
    ]);
  });

  it('drops a capitalised word the text also writes in lower case ("Man" in a headline)', () => {
    expect(names('Jury Indicts Man In Slaying. The man was held in Savannah, Georgia.')).toEqual([
      ['Savannah', 'g:16'],
      ['Georgia', 'a1:US.Georgia'],
    ]);
    expect(names('Clashes erupted in Man on Friday.')).toEqual([['Man', 'g:22']]);
  });
});

describe('findPlaces: divisions, counties and countries against namesake towns', () => {
  it('takes a state named by its own name over a namesake town elsewhere', () => {
    const text = 'Fires spread across California. Crews from Pittsburgh, Pennsylvania flew in.';
    expect(names(text)).toContainEqual(['California', 'a1:US.California']);
  });

  it('places a town in the county the text names (Paris beside Henry County)', () => {
    const text = 'The Paris police chief said the Henry County jail was full.';
    const spans = ['Paris', 'Henry County'].map((n) => ({
      start: text.indexOf(n),
      end: text.indexOf(n) + n.length,
    }));
    const [paris, county] = resolveSpans(text, gaz, spans, { blocked: [] });
    expect(paris?.entry.key).toBe('g:24');
    expect(county?.entry.key).toBe('a2:US.TN.079');
    expect(paris?.trace[0]?.reasons).toContain('in Henry County, named in the text');
  });

  it('keeps a country named by its own name against a namesake town among the text’s towns', () => {
    const text = 'Volunteers from Syracuse and Oswego, New York, left for Mexico on Friday.';
    expect(names(text)).toContainEqual(['Mexico', 'c:MX']);
  });
});
