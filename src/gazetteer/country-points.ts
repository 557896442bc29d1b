// Where a country is, as one point. Two estimates from npm data disagree by 100-500 km for large
// countries: world-countries gives the CIA Factbook's point (rounded to whole degrees, often pulled
// toward where people live: the United States at 38,-97) and the outline (Natural Earth via
// world-atlas) gives the area centroid of the main landmass (biased by shape: Russia's by Chukotka).
// Gazetteers place a country between the two (GeoNames has the United States at 39.8,-98.5,
// Wikipedia at 40,-100), so Docket takes their midpoint. Measured on the country mentions of the three
// geoparsing gold sets, the midpoint is within 161 km of the gold point for 82% of mentions, against
// 70% for the Factbook point and 74% for the centroid alone (docs/BENCHMARKS.md).
import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { packageFile } from '../npm-data.js';

export interface RingCentroid {
  /** Area in square degrees scaled by the cosine of the latitude (so polygons compare in true size). */
  area: number;
  lat: number;
  lon: number;
}

/**
 * The area centroid of a ring in longitude/latitude. A ring that crosses the antimeridian is unwrapped
 * first (its western longitudes moved past 180) so that Russia or Fiji are not averaged across the globe.
 */
export function ringCentroid(ring: Position[]): RingCentroid {
  const lons = ring.map((p) => p[0] ?? 0);
  const wraps = Math.max(...lons) - Math.min(...lons) > 180;
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    let [x1 = 0, y1 = 0] = ring[j] ?? [];
    let [x2 = 0, y2 = 0] = ring[i] ?? [];
    if (wraps) {
      if (x1 < 0) x1 += 360;
      if (x2 < 0) x2 += 360;
    }
    const f = x1 * y2 - x2 * y1;
    a += f;
    cx += (x1 + x2) * f;
    cy += (y1 + y2) * f;
  }
  a /= 2;
  if (a === 0) return { area: 0, lat: ring[0]?.[1] ?? 0, lon: ring[0]?.[0] ?? 0 };
  const lat = cy / (6 * a);
  return { area: Math.abs(a) * Math.cos((lat * Math.PI) / 180), lat, lon: normaliseLon(cx / (6 * a)) };
}

const normaliseLon = (lon: number): number => ((((lon + 180) % 360) + 360) % 360) - 180;

/** A longitude moved by whole turns to lie within 180° of a reference. */
const near = (lon: number, ref: number): number =>
  lon - ref > 180 ? lon - 360 : ref - lon > 180 ? lon + 360 : lon;

/**
 * The centroid of a country's main landmass: its polygons of at least a quarter of the largest one's
 * area, weighted by area (the contiguous United States without Alaska; Indonesia's largest islands).
 */
export function landmassCentroid(polygons: Position[][][]): { lat: number; lon: number } | null {
  const parts = polygons.map((p) => ringCentroid(p[0] ?? [])).filter((c) => c.area > 0);
  if (parts.length === 0) return null;
  const largest = parts.reduce((a, b) => (b.area > a.area ? b : a));
  let area = 0;
  let lat = 0;
  let lon = 0;
  for (const c of parts) {
    if (c.area < largest.area / 4) continue;
    area += c.area;
    lat += c.lat * c.area;
    lon += near(c.lon, largest.lon) * c.area;
  }
  return { lat: lat / area, lon: normaliseLon(lon / area) };
}

/** The midpoint of two points a few degrees apart (plain averaging, across the antimeridian too). */
export function midpoint(
  a: { lat: number; lon: number },
  b: { lat: number; lon: number },
): { lat: number; lon: number } {
  return { lat: (a.lat + b.lat) / 2, lon: normaliseLon((a.lon + near(b.lon, a.lon)) / 2) };
}

/** Main-landmass centroids of the countries in world-atlas's 50m outlines, by ISO 3166-1 numeric code. */
export function outlineCentroids(): Map<string, { lat: number; lon: number }> {
  const topo = JSON.parse(
    readFileSync(packageFile('world-atlas', 'countries-50m.json'), 'utf8'),
  ) as Topology<{
    countries: GeometryCollection;
  }>;
  const polygons = new Map<string, Position[][][]>();
  for (const f of feature(topo, topo.objects.countries).features) {
    const id = f.id === undefined ? '' : String(f.id);
    const g = f.geometry as Polygon | MultiPolygon | null;
    if (!id || !g) continue;
    // several features can share a code (Australia and the Ashmore and Cartier Islands): pool them
    const list = polygons.get(id) ?? [];
    if (g.type === 'Polygon') list.push(g.coordinates);
    else if (g.type === 'MultiPolygon') list.push(...g.coordinates);
    polygons.set(id, list);
  }
  const out = new Map<string, { lat: number; lon: number }>();
  for (const [id, list] of polygons) {
    const c = landmassCentroid(list);
    if (c) out.set(id, c);
  }
  return out;
}
