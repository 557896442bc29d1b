// Natural Earth's outlines cross the antimeridian (Russia, Fiji) with an edge from 180° to -180°, which a
// flat map draws as a line across the whole world. Make each ring's longitudes continuous (179 → 181),
// draw a ring that then sticks out past ±180° once more a world-width over, and close a ring that goes
// around a pole (Antarctica) along the map's edge. Latitudes stay within Web Mercator's range.
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Position } from 'geojson';

const MAX_LAT = 85.0511;

function unwrapRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  let shift = 0;
  let prev: number | null = null;
  for (const [lon = 0, rawLat = 0] of ring) {
    if (prev !== null) {
      const step = lon + shift - prev;
      if (step > 180) shift -= 360;
      else if (step < -180) shift += 360;
    }
    const x = lon + shift;
    out.push([x, Math.max(-MAX_LAT, Math.min(MAX_LAT, rawLat))]);
    prev = x;
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && Math.abs((last[0] ?? 0) - (first[0] ?? 0)) > 180) {
    const edge = (first[1] ?? 0) < 0 ? -MAX_LAT : MAX_LAT;
    out.push([last[0] ?? 0, edge], [first[0] ?? 0, edge], first);
  }
  return out;
}

function shifted(polygon: Position[][], by: number): Position[][] {
  return polygon.map((ring) => ring.map(([lon = 0, lat = 0]) => [lon + by, lat]));
}

function polygonsOf(geometry: Geometry | null): Position[][][] {
  if (geometry?.type === 'Polygon') return [geometry.coordinates];
  if (geometry?.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

export function unwrapPolygons(geometry: Geometry | null): MultiPolygon {
  const out: Position[][][] = [];
  for (const polygon of polygonsOf(geometry)) {
    const rings = polygon.map(unwrapRing);
    const lons = rings.flat().map(([lon = 0]) => lon);
    out.push(rings);
    if (Math.max(...lons) > 180) out.push(shifted(rings, -360));
    if (Math.min(...lons) < -180) out.push(shifted(rings, 360));
  }
  return { type: 'MultiPolygon', coordinates: out };
}

export function flatMapCountries(countries: FeatureCollection): FeatureCollection<MultiPolygon> {
  return {
    type: 'FeatureCollection',
    features: countries.features.map((f): Feature<MultiPolygon> => ({
      ...f,
      geometry: unwrapPolygons(f.geometry),
    })),
  };
}
