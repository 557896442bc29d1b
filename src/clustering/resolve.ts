// "Which value wins?" — the written, ordered preference ladder that turns the members' figures into
// the incident's values. Every value says which rule chose it and whether the sources disagree.
import type { IncidentValues, MemberFigures, Resolved } from '../domain/incident.js';
import type { Fatalities, StoredEvent } from '../domain/types.js';

const PRECISION_RANK = { day: 0, week: 1, month: 2, year: 3 } as const;

function mostCommon<T>(values: T[], key: (v: T) => string): { value: T; count: number; distinct: number } {
  const counts = new Map<string, { value: T; count: number }>();
  for (const v of values) {
    const k = key(v);
    const c = counts.get(k) ?? { value: v, count: 0 };
    c.count++;
    counts.set(k, c);
  }
  const best = [...counts.entries()].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))[0]!;
  return { value: best[1].value, count: best[1].count, distinct: counts.size };
}

/**
 * The ladder, in order, for each field:
 * - type: the sub-type most members give; ties go to the alphabetically first, so the result never
 *   depends on the order reports arrived in.
 * - date: the most precise range (day before week before month); among equally precise ones the one
 *   most members give; disagreement when day-precise members name different days.
 * - location: the most precise place (ACLED geo_precision 1 before 2 before 3), then the one most
 *   members name, then the lowest GeoNames id; disagreement when precise members name different places.
 * - actors: each named actor once, with the role most members give it.
 * - fatalities: low = the lowest low, high = the highest high, best = the most conservative figure any
 *   member reports (the lowest best); null only when no member reports a toll.
 * - weapons: each kind once, with the highest count reported.
 */
export function resolveValues(events: StoredEvent[]): {
  [K in keyof IncidentValues]: Resolved<IncidentValues[K]>;
} {
  const sub = mostCommon(events, (e) => e.subEventType);
  const preciseRank = Math.min(...events.map((e) => PRECISION_RANK[e.date.precision]));
  const precise = events.filter((e) => PRECISION_RANK[e.date.precision] === preciseRank);
  const date = mostCommon(precise, (e) => `${e.date.start}/${e.date.end}`);
  const located = events.filter((e) => e.location);
  const bestGeo = Math.min(...located.map((e) => e.location!.geoPrecision));
  const preciseLoc = located.filter((e) => e.location!.geoPrecision === bestGeo);
  const place = preciseLoc.length
    ? mostCommon(
        [...preciseLoc].sort(
          (a, b) => (a.location!.geonameId ?? Infinity) - (b.location!.geonameId ?? Infinity),
        ),
        (e) => String(e.location!.geonameId ?? e.location!.name),
      )
    : null;
  const roles = new Map<string, Map<string, number>>();
  for (const e of events)
    for (const a of e.actors) {
      const m = roles.get(a.name) ?? new Map<string, number>();
      m.set(a.role, (m.get(a.role) ?? 0) + 1);
      roles.set(a.name, m);
    }
  const actors = [...roles.entries()]
    .map(([name, m]) => ({
      name,
      role: [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0] as
        'actor1' | 'actor2' | 'associate',
    }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  // one actor1 and one actor2: the one most reports give that role; others become associates
  for (const role of ['actor1', 'actor2'] as const) {
    const holders = actors.filter((a) => a.role === role);
    if (holders.length < 2) continue;
    const count = (name: string) => roles.get(name)?.get(role) ?? 0;
    const keep = [...holders].sort((a, b) => count(b.name) - count(a.name) || (a.name < b.name ? -1 : 1))[0]!;
    for (const h of holders) if (h !== keep) h.role = 'associate';
  }
  const tolls = events.map((e) => e.fatalities).filter((f): f is Fatalities => f !== null);
  const fatalities = tolls.length
    ? {
        low: Math.min(...tolls.map((f) => f.low)),
        best: Math.min(...tolls.map((f) => f.best)),
        high: Math.max(...tolls.map((f) => f.high)),
      }
    : null;
  const weapons = new Map<string, number | null>();
  for (const e of events)
    for (const w of e.weapons) {
      const prev = weapons.get(w.kind);
      weapons.set(
        w.kind,
        prev === undefined ? w.count : w.count === null ? prev : Math.max(prev ?? 0, w.count),
      );
    }
  const dayDates = new Set(events.filter((e) => e.date.precision === 'day').map((e) => e.date.start));
  const placeIds = new Set(preciseLoc.map((e) => String(e.location!.geonameId ?? e.location!.name)));
  return {
    eventType: {
      value: sub.value.eventType,
      rule: 'the sub-type most reports give',
      disagreement: sub.distinct > 1,
    },
    subEventType: {
      value: sub.value.subEventType,
      rule: 'the sub-type most reports give',
      disagreement: sub.distinct > 1,
    },
    date: {
      value: date.value.date,
      rule: 'the most precise date; then the one most reports give',
      disagreement: dayDates.size > 1,
    },
    location: {
      value: place ? place.value.location : null,
      rule: 'the most precise place; then the one most reports name',
      disagreement: bestGeo === 1 && placeIds.size > 1,
    },
    actors: {
      value: actors,
      rule: 'every named actor, with the role most reports give',
      disagreement: false,
    },
    fatalities: {
      value: fatalities,
      rule: 'best = the most conservative figure reported; low/high = the range across reports',
      disagreement: Boolean(fatalities && fatalities.low !== fatalities.high),
    },
    weapons: {
      value: [...weapons.entries()]
        .map(([kind, count]) => ({ kind, count }))
        .sort((a, b) => (a.kind < b.kind ? -1 : 1)),
      rule: 'each weapon once, with the highest count reported',
      disagreement: false,
    },
  };
}

export function memberFigures(
  e: StoredEvent,
  sourceGroup: string,
  score: number,
  reasons: string[],
): MemberFigures {
  return {
    eventId: e.id,
    sourceId: e.sourceId,
    outlet: e.outlet,
    published: e.published,
    sourceGroup,
    eventType: e.eventType,
    subEventType: e.subEventType,
    date: e.date,
    place: e.location
      ? {
          name: e.location.name,
          lat: e.location.lat,
          lon: e.location.lon,
          geoPrecision: e.location.geoPrecision,
          geonameId: e.location.geonameId,
        }
      : null,
    actors: e.actors.map((a) => ({ name: a.name, role: a.role })),
    fatalities: e.fatalities,
    weapons: e.weapons,
    score,
    reasons,
  };
}
