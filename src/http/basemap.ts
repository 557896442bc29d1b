// Country outlines for the map: Natural Earth 110m (world-atlas on npm) as GeoJSON, read once.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';

let cached: string | null = null;

export function basemapGeoJson(): string {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const file = (require.resolve.paths('world-atlas') ?? [])
    .map((d) => join(d, 'world-atlas', 'countries-110m.json'))
    .find((p) => existsSync(p));
  if (!file) throw new Error('npm package data not found: world-atlas/countries-110m.json (run npm install)');
  const topo = JSON.parse(readFileSync(file, 'utf8')) as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  cached = JSON.stringify(feature(topo, topo.objects.countries));
  return cached;
}
