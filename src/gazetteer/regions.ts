// Places larger than a country, which news names as often as countries: continents, oceans, world
// regions and unions ("fighting spread across West Africa", "EU ministers"). cities500 holds none of
// them, so they are listed here (Antarctica is a country in world-countries already): continents, oceans
// and seas at their GeoNames points (with GeoNames ids), regions at the middle of their member countries
// (computed at build time from the country points).

export interface RegionDef {
  /** Stable key suffix ("r:africa"). */
  key: string;
  name: string;
  /** Other names the region goes by; folded like every gazetteer name. */
  aliases: string[];
  /** What its people or things are called ("European", "African"). */
  demonyms?: string[];
  /** A fixed point (continents) … */
  point?: { lat: number; lon: number; geonameId: number };
  /** … or the middle of these countries (ISO alpha-2) … */
  members?: string[];
  /** … or of the countries in these world-countries subregions … */
  subregions?: string[];
}

export const REGIONS: RegionDef[] = [
  {
    key: 'africa',
    name: 'Africa',
    aliases: [],
    demonyms: ['African'],
    point: { lat: 7.1881, lon: 21.0938, geonameId: 6255146 },
  },
  {
    key: 'asia',
    name: 'Asia',
    aliases: [],
    demonyms: ['Asian'],
    point: { lat: 29.8405, lon: 89.2969, geonameId: 6255147 },
  },
  {
    key: 'europe',
    name: 'Europe',
    aliases: [],
    demonyms: ['European'],
    point: { lat: 48.6909, lon: 9.1406, geonameId: 6255148 },
  },
  {
    key: 'north-america',
    name: 'North America',
    aliases: [],
    demonyms: ['North American'],
    point: { lat: 46.0732, lon: -100.5469, geonameId: 6255149 },
  },
  {
    key: 'south-america',
    name: 'South America',
    aliases: [],
    demonyms: ['South American'],
    point: { lat: -14.6048, lon: -57.6563, geonameId: 6255150 },
  },
  {
    key: 'oceania',
    name: 'Oceania',
    aliases: [],
    point: { lat: -18.3128, lon: 138.5156, geonameId: 6255151 },
  },
  {
    key: 'middle-east',
    name: 'Middle East',
    aliases: ['Mideast', 'Mid-East'],
    demonyms: ['Middle Eastern'],
    members: ['EG', 'IL', 'PS', 'JO', 'LB', 'SY', 'IQ', 'IR', 'SA', 'YE', 'OM', 'AE', 'QA', 'BH', 'KW', 'TR'],
  },
  { key: 'levant', name: 'Levant', aliases: [], members: ['SY', 'LB', 'IL', 'PS', 'JO'] },
  { key: 'maghreb', name: 'Maghreb', aliases: [], members: ['MA', 'DZ', 'TN', 'LY', 'MR'] },
  { key: 'sahel', name: 'Sahel', aliases: [], members: ['MR', 'ML', 'BF', 'NE', 'TD'] },
  { key: 'caucasus', name: 'Caucasus', aliases: ['South Caucasus'], members: ['GE', 'AM', 'AZ'] },
  {
    key: 'balkans',
    name: 'Balkans',
    aliases: ['Western Balkans'],
    members: ['AL', 'BA', 'HR', 'XK', 'ME', 'MK', 'RS'],
  },
  { key: 'scandinavia', name: 'Scandinavia', aliases: [], members: ['NO', 'SE', 'DK'] },
  {
    key: 'latin-america',
    name: 'Latin America',
    aliases: [],
    demonyms: ['Latin American'],
    subregions: ['South America', 'Central America'],
    members: ['CU', 'DO', 'HT', 'PR'],
  },
  {
    key: 'americas',
    name: 'Americas',
    aliases: ['the Americas'],
    subregions: ['South America', 'Central America', 'North America', 'Caribbean'],
  },
  { key: 'caribbean', name: 'Caribbean', aliases: [], subregions: ['Caribbean'] },
  {
    key: 'central-america',
    name: 'Central America',
    aliases: [],
    demonyms: ['Central American'],
    subregions: ['Central America'],
  },
  { key: 'west-africa', name: 'West Africa', aliases: ['Western Africa'], subregions: ['Western Africa'] },
  { key: 'east-africa', name: 'East Africa', aliases: ['Eastern Africa'], subregions: ['Eastern Africa'] },
  {
    key: 'north-africa',
    name: 'North Africa',
    aliases: ['Northern Africa'],
    subregions: ['Northern Africa'],
  },
  {
    key: 'central-africa',
    name: 'Central Africa',
    aliases: ['Middle Africa'],
    subregions: ['Middle Africa'],
  },
  { key: 'southern-africa', name: 'Southern Africa', aliases: [], subregions: ['Southern Africa'] },
  {
    key: 'sub-saharan-africa',
    name: 'Sub-Saharan Africa',
    aliases: ['sub-Saharan Africa'],
    subregions: ['Western Africa', 'Eastern Africa', 'Middle Africa', 'Southern Africa'],
  },
  {
    key: 'southeast-asia',
    name: 'Southeast Asia',
    aliases: ['South-East Asia', 'South East Asia'],
    subregions: ['South-Eastern Asia'],
  },
  { key: 'south-asia', name: 'South Asia', aliases: ['Southern Asia'], subregions: ['Southern Asia'] },
  { key: 'east-asia', name: 'East Asia', aliases: ['Eastern Asia'], subregions: ['Eastern Asia'] },
  { key: 'central-asia', name: 'Central Asia', aliases: [], subregions: ['Central Asia'] },
  { key: 'eastern-europe', name: 'Eastern Europe', aliases: [], subregions: ['Eastern Europe'] },
  { key: 'western-europe', name: 'Western Europe', aliases: [], subregions: ['Western Europe'] },
  { key: 'northern-europe', name: 'Northern Europe', aliases: [], subregions: ['Northern Europe'] },
  { key: 'southern-europe', name: 'Southern Europe', aliases: [], subregions: ['Southern Europe'] },
  { key: 'central-europe', name: 'Central Europe', aliases: [], subregions: ['Central Europe'] },
  // a union is named as an area ("imports into the EU") far more often than as its institutions: it is
  // placed at its continent's point, as GeoNames-based annotation places it, not at its seat
  {
    key: 'eu',
    name: 'European Union',
    aliases: ['EU', 'E.U.'],
    point: { lat: 48.6909, lon: 9.1406, geonameId: 6255148 },
  },
  { key: 'korean-peninsula', name: 'Korean Peninsula', aliases: [], members: ['KP', 'KR'] },
  // oceans and seas
  {
    key: 'atlantic',
    name: 'Atlantic Ocean',
    aliases: ['Atlantic'],
    point: { lat: 0, lon: -25, geonameId: 3411923 },
  },
  {
    key: 'pacific',
    name: 'Pacific Ocean',
    aliases: ['Pacific'],
    point: { lat: 0, lon: -160, geonameId: 2363254 },
  },
  {
    key: 'indian-ocean',
    name: 'Indian Ocean',
    aliases: [],
    point: { lat: -20, lon: 80, geonameId: 1545739 },
  },
  {
    key: 'mediterranean',
    name: 'Mediterranean Sea',
    aliases: ['Mediterranean'],
    point: { lat: 35, lon: 18, geonameId: 363196 },
  },
];

/** Words that name a part of a country, taken off to find the name that several divisions share. */
const DIRECTION =
  /^(?:North|South|East|West|Central|Northern|Southern|Eastern|Western|Upper|Lower|Northeast|Northwest|Southeast|Southwest|North-East|North-West|South-East|South-West)\s+|\s+(?:North|South|East|West|Central)$/;

/**
 * The names that two or more first-level divisions of a country share once their direction word is
 * taken off, and that no division has on its own: "Darfur" (North, South, West, Central, East Darfur),
 * "Kivu" (North and South Kivu), "Kordofan", "Java", "Sulawesi". Returns base name → division codes.
 */
export function sharedDivisionNames(divisions: { code: string; name: string }[]): Map<string, string[]> {
  const byCountry = new Map<string, { code: string; name: string }[]>();
  for (const d of divisions) {
    const cc = d.code.slice(0, 2);
    byCountry.set(cc, [...(byCountry.get(cc) ?? []), d]);
  }
  const out = new Map<string, string[]>();
  for (const [cc, list] of byCountry) {
    const own = new Set(list.map((d) => d.name.toLowerCase()));
    const groups = new Map<string, string[]>();
    for (const d of list) {
      const base = d.name.replace(DIRECTION, '');
      if (base === d.name || base.length < 3) continue;
      groups.set(base, [...(groups.get(base) ?? []), d.code]);
    }
    for (const [base, codes] of groups) {
      if (codes.length >= 2 && !own.has(base.toLowerCase())) out.set(`${cc}|${base}`, codes);
    }
  }
  return out;
}
