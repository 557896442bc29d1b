// Country outlines for the map: Natural Earth 110m (world-atlas on npm) as GeoJSON, read once.
import { readFileSync } from 'node:fs';
import { packageFile } from '../npm-data.js';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';

let cached: string | null = null;

export function basemapGeoJson(): string {
  if (cached) return cached;
  const file = packageFile('world-atlas', 'countries-110m.json');
  const topo = JSON.parse(readFileSync(file, 'utf8')) as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  cached = JSON.stringify(feature(topo, topo.objects.countries));
  return cached;
}
