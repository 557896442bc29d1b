// Country reference data (world-countries on npm): names, ISO codes and ACLED regions.
import { readFileSync } from 'node:fs';
import { packageFile } from '../npm-data.js';

export interface CountryInfo {
  cca2: string;
  cca3: string;
  ccn3: number | null;
  name: string;
  /** ACLED's region names. */
  region: string;
}

const CAUCASUS = new Set(['AM', 'AZ', 'GE']);
const MIDDLE_EAST_IN_SOUTH_ASIA = new Set(['IR']);

function acledRegion(cca2: string, subregion: string, region: string): string {
  if (CAUCASUS.has(cca2) || subregion === 'Central Asia') return 'Caucasus and Central Asia';
  if (MIDDLE_EAST_IN_SOUTH_ASIA.has(cca2) || subregion === 'Western Asia') return 'Middle East';
  const map: Record<string, string> = {
    'Southern Asia': 'South Asia',
    'South-Eastern Asia': 'Southeast Asia',
    'Eastern Asia': 'East Asia',
    'Western Africa': 'Western Africa',
    'Middle Africa': 'Middle Africa',
    'Eastern Africa': 'Eastern Africa',
    'Southern Africa': 'Southern Africa',
    'Northern Africa': 'Northern Africa',
    Caribbean: 'Caribbean',
    'Central America': 'Central America',
    'South America': 'South America',
    'North America': 'North America',
  };
  if (map[subregion]) return map[subregion];
  if (region === 'Europe') return 'Europe';
  if (region === 'Oceania') return 'Oceania';
  return region || 'Other';
}

let cache: Map<string, CountryInfo> | null = null;

/** All countries by ISO alpha-2 (read once from the npm package). */
export function countries(): Map<string, CountryInfo> {
  if (cache) return cache;
  const file = packageFile('world-countries', 'countries.json');
  const rows = JSON.parse(readFileSync(file, 'utf8')) as {
    cca2: string;
    cca3: string;
    ccn3: string;
    name: { common: string };
    region: string;
    subregion: string;
  }[];
  cache = new Map(
    rows.map((r) => [
      r.cca2,
      {
        cca2: r.cca2,
        cca3: r.cca3,
        ccn3: r.ccn3 ? Number(r.ccn3) : null,
        name: r.name.common,
        region: acledRegion(r.cca2, r.subregion, r.region),
      },
    ]),
  );
  return cache;
}
