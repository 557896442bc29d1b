// GeoJSON: one Point feature per located event; properties keep ACLED names and the uncertainty.
import type { StoredEvent } from '../domain/types.js';

export interface EventFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: Record<string, unknown>;
}

export function eventFeature(e: StoredEvent): EventFeature {
  const l = e.location;
  return {
    type: 'Feature',
    id: e.id,
    geometry: l ? { type: 'Point', coordinates: [l.lon, l.lat] } : null,
    properties: {
      id: e.id,
      event_type: e.eventType,
      sub_event_type: e.subEventType,
      date_start: e.date.start,
      date_end: e.date.end,
      date_precision: e.date.precision,
      actor1: e.actors.find((a) => a.role === 'actor1')?.name ?? null,
      actor2: e.actors.find((a) => a.role === 'actor2')?.name ?? null,
      location: l?.name ?? null,
      country_code: l?.countryCode ?? null,
      admin1: l?.admin1 ?? null,
      geonameid: l?.geonameId ?? null,
      geo_precision: l?.geoPrecision ?? null,
      uncertainty_km: l?.uncertaintyKm ?? null,
      fatalities_low: e.fatalities?.low ?? null,
      fatalities_best: e.fatalities?.best ?? null,
      fatalities_high: e.fatalities?.high ?? null,
      weapons: e.weapons,
      source_id: e.sourceId,
      outlet: e.outlet,
      published: e.published,
      notes: e.summary,
    },
  };
}
