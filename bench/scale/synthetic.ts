// Synthetic sources for the scale benchmark: each a short report with several events in one of 40
// countries over three years, with actors, places, figures and evidence spans that point into its text.
// Deterministic for a seed, so SQLite and PostgreSQL are loaded with the same record.
import { createHash } from 'node:crypto';
import type { EventActor, ExtractedEvent, Extraction, Place } from '../../src/domain/types.js';
import type { SaveItem } from '../../src/ports/storage.port.js';
import { mulberry32 } from '../cluster/lib.js';

const TYPES: [ExtractedEvent['eventType'], ExtractedEvent['subEventType']][] = [
  ['Battles', 'Armed clash'],
  ['Explosions/Remote violence', 'Air/drone strike'],
  ['Explosions/Remote violence', 'Shelling/artillery/missile attack'],
  ['Explosions/Remote violence', 'Remote explosive/landmine/IED'],
  ['Violence against civilians', 'Attack'],
  ['Protests', 'Peaceful protest'],
  ['Riots', 'Violent demonstration'],
  ['Strategic developments', 'Arrests'],
];
const ACTORS = [
  'Islamic State',
  'Syrian Democratic Forces',
  'Military Forces of Syria',
  'Al Shabaab',
  'JNIM',
  'Arakan Army',
  'Military Forces of Myanmar',
  'Wagner Group',
  'M23',
  'Houthis',
  'Islamic Revolutionary Guard Corps',
  'Police Forces of Nigeria',
];
const WORDS =
  'fighters attacked a checkpoint near the market while residents fled toward the river and officials said the convoy was hit on the road outside the town before dawn'.split(
    ' ',
  );

export const SCALE_COUNTRIES = Array.from({ length: 40 }, (_, i) => ({
  cc: String.fromCharCode(65 + (i % 26)) + String.fromCharCode(65 + Math.floor(i / 26) + 10),
  name: `Country ${i}`,
  lat: -35 + (i % 10) * 8,
  lon: -70 + Math.floor(i / 10) * 40,
}));

const EVENTS_PER_SOURCE = 5;

/** `sources` synthetic SaveItems (EVENTS_PER_SOURCE events each), from `start` on, for one seed. */
export function* syntheticSources(sources: number, seed = 7, start = 0): Generator<SaveItem> {
  const day0 = Date.parse('2022-01-01');
  for (let s = start; s < start + sources; s++) {
    const rnd = mulberry32(seed * 1_000_003 + s);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const c = pick(SCALE_COUNTRIES);
    const town = `Town${Math.floor(rnd() * 5000)}`;
    const published = new Date(day0 + Math.floor(rnd() * 1095) * 86_400_000).toISOString().slice(0, 10);
    const body = Array.from({ length: 40 }, () => pick(WORDS)).join(' ');
    const text = `${town} report ${s}. ${body}. ${pick(ACTORS)} and ${pick(ACTORS)} were named by officials.`;
    const events: ExtractedEvent[] = [];
    for (let e = 0; e < EVENTS_PER_SOURCE; e++) {
      const [eventType, subEventType] = pick(TYPES);
      const a1 = pick(ACTORS);
      const actors: EventActor[] = [
        { name: a1, short: null, countryCode: null, inter: 2, role: 'actor1', mention: a1 },
      ];
      if (rnd() < 0.6) {
        const a2 = pick(ACTORS);
        actors.push({ name: a2, short: null, countryCode: null, inter: 1, role: 'actor2', mention: a2 });
      }
      const location: Place | null =
        rnd() < 0.92
          ? {
              name: town,
              geonameId: null,
              lat: c.lat + (rnd() - 0.5) * 6,
              lon: c.lon + (rnd() - 0.5) * 6,
              countryCode: c.cc,
              country: c.name,
              admin1: `Province ${Math.floor(rnd() * 12)}`,
              admin2: null,
              featureCode: 'PPL',
              geoPrecision: 1,
              wherePrec: 1,
              uncertaintyKm: 5,
            }
          : null;
      const day = new Date(Date.parse(published) - Math.floor(rnd() * 5) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const deaths = rnd() < 0.5 ? Math.floor(rnd() * 30) : null;
      events.push({
        id: `e${e + 1}`,
        eventType,
        subEventType,
        date: { start: day, end: day, precision: 'day' },
        actors,
        location,
        weapons: [],
        fatalities: deaths === null ? null : { low: deaths, best: deaths, high: deaths },
        reportedBy: [],
        claimIds: [],
        summary: text.slice(0, 120),
        evidence: [{ field: 'location', start: 0, end: town.length, text: town }],
      });
    }
    const extraction: Extraction = {
      source: { published, outlet: `Outlet ${s % 60}`, title: `${town} report ${s}`, url: null },
      events,
      claims: [],
      notes: [],
    };
    yield {
      source: {
        sha256: createHash('sha256').update(text).digest('hex'),
        text,
        raw: null,
        mediaType: 'text/plain',
        outlet: extraction.source.outlet,
        url: null,
        title: extraction.source.title,
        published,
        retrievedAt: `${published}T12:00:00.000Z`,
        origin: `synthetic:${s}`,
      },
      extraction,
      pipelineVersion: 'scale-bench/1',
    };
  }
}

export { EVENTS_PER_SOURCE };
export { ACTORS as SCALE_ACTORS };
