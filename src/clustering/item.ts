// What the clusterer needs to know of one report's event: a slim, comparable record.
import type { StoredEvent } from '../domain/types.js';
import type { TriggerFamilyGroup } from './same-event.js';

export interface ClusterItem {
  eventId: string;
  sourceId: string;
  outlet: string | null;
  published: string | null;
  group: TriggerFamilyGroup;
  eventType: string;
  subEventType: string;
  /** Days since 1970-01-01 (UTC). */
  start: number;
  end: number;
  dayPrecise: boolean;
  countryCode: string | null;
  lat: number | null;
  lon: number | null;
  uncertaintyKm: number;
  /** Named actors (generic "Civilians (…)" and "Unidentified Armed Group (…)" left out), lower case. */
  actors: string[];
  /** The named actor1, lower case, when there is one. */
  perpetrator: string | null;
  fatalities: number | null;
  /** Content words of the sentences the event was read from. */
  tokens: string[];
}

const DAY = 86_400_000;
export const dayNumber = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);

const GROUP: Record<string, TriggerFamilyGroup> = {
  Battles: 'violence',
  'Explosions/Remote violence': 'violence',
  'Violence against civilians': 'violence',
  Protests: 'demonstration',
  Riots: 'demonstration',
  'Strategic developments': 'strategic',
};

const STOP = new Set(
  'the a an and or of in on at to for by with from as is was were are be been has have had it its their his her that this these those said says told according after before when while who which what also more than about over into near during killed people'.split(
    ' ',
  ),
);

export function tokensOf(text: string): string[] {
  const out = new Set<string>();
  for (const w of text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^a-z0-9]+/)) {
    if (w.length > 2 && !STOP.has(w) && !/^\d+$/.test(w)) out.add(w);
  }
  return [...out].sort();
}

const isGeneric = (name: string): boolean =>
  /^(?:Civilians|Unidentified Armed Group|Protesters|Rioters) \(/.test(name);

export function itemFromEvent(e: StoredEvent): ClusterItem {
  const named = e.actors.filter((a) => !isGeneric(a.name));
  const a1 = named.find((a) => a.role === 'actor1');
  return {
    eventId: e.id,
    sourceId: e.sourceId,
    outlet: e.outlet,
    published: e.published,
    group: GROUP[e.eventType] ?? 'strategic',
    eventType: e.eventType,
    subEventType: e.subEventType,
    start: dayNumber(e.date.start),
    end: dayNumber(e.date.end),
    dayPrecise: e.date.precision === 'day',
    countryCode: e.location?.countryCode ?? null,
    lat: e.location?.lat ?? null,
    lon: e.location?.lon ?? null,
    uncertaintyKm: e.location?.uncertaintyKm ?? 1000,
    actors: named.map((a) => a.name.toLowerCase()).sort(),
    perpetrator: a1 ? a1.name.toLowerCase() : null,
    fatalities: e.fatalities?.best ?? null,
    tokens: tokensOf(`${e.summary} ${e.location?.name ?? ''}`),
  };
}
