// The gazetteer as the pipeline sees it: folded name → candidate places. Adapters live in src/gazetteer.

/** 'region': a continent, world region or union ("West Africa", "EU"), larger than a country; countryCode ''. */
export type GazetteerKind = 'city' | 'admin1' | 'country' | 'region';

export interface GazetteerEntry {
  /** GeoNames id for cities; null for synthetic admin1/country rows. */
  geonameId: number | null;
  /** Stable key inside the gazetteer ("g:174506", "a1:SY.07", "c:SY"). */
  key: string;
  name: string;
  lat: number;
  lon: number;
  countryCode: string;
  country: string;
  admin1: string | null;
  admin2: string | null;
  featureClass: string;
  featureCode: string;
  population: number;
  kind: GazetteerKind;
}

export interface GazetteerHit {
  entry: GazetteerEntry;
  /** How the name matched: the entry's main name, an alternate name, a demonym, or the loose skeleton key. */
  match: 'name' | 'alternate' | 'demonym' | 'skeleton';
}

export interface Gazetteer {
  /** Candidates for a folded name (see foldName), best-known first. */
  lookup(folded: string): GazetteerHit[];
  /** Country by ISO alpha-2. */
  country(code: string): GazetteerEntry | null;
}
