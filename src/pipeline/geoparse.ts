// Geoparsing on its own (the `docket geoparse` contract): every place name the toponym stage finds,
// resolved to coordinates; or, given spans, exactly those spans resolved (resolution-only).
import type { Span } from '../domain/types.js';
import type { Gazetteer } from '../ports/gazetteer.port.js';
import { findPlaces, resolveSpans, type PlaceMention } from './places.js';

export interface Toponym {
  start: number;
  end: number;
  text: string;
  lat: number | null;
  lon: number | null;
  geonameId: number | null;
  countryCode: string | null;
}

export interface GeoparseOptions {
  /**
   * Report demonyms ("Syrian", "American") as toponyms of their country (default true: LGL and
   * GeoWebNews tag them, and with them E2E F@161 rises by 0.04–0.06 there; GeoVirus loses 0.02).
   */
  demonyms?: boolean;
}

const toToponym = (text: string, span: Span, m: PlaceMention | null): Toponym => ({
  start: span.start,
  end: span.end,
  text: text.slice(span.start, span.end),
  lat: m ? m.entry.lat : null,
  lon: m ? m.entry.lon : null,
  geonameId: m ? m.entry.geonameId : null,
  countryCode: m?.entry.countryCode || null, // regions ("West Africa") have none
});

/**
 * Place names in `text` with coordinates. Without `spans`, all mentions the toponym stage finds
 * (sites, context and reference places alike). With `spans`, one toponym per span, in order, resolved
 * with the document's other places as context; lat/lon are null when a span cannot be resolved.
 */
export function geoparse(
  text: string,
  gazetteer: Gazetteer,
  spans?: readonly Span[],
  options: GeoparseOptions = {},
): Toponym[] {
  const ctx = { blocked: [] };
  if (spans) {
    const valid = spans.map((s) => ({
      start: Math.max(0, Math.min(s.start, text.length)),
      end: Math.max(0, Math.min(s.end, text.length)),
    }));
    const resolved = resolveSpans(text, gazetteer, valid, ctx);
    return spans.map((s, i) => ({
      ...toToponym(text, valid[i]!, resolved[i] ?? null),
      start: s.start,
      end: s.end,
    }));
  }
  return findPlaces(text, gazetteer, ctx)
    .filter((m) => options.demonyms !== false || m.role !== 'demonym')
    .map((m) => toToponym(text, m, m));
}
