// Storage as services see it. One interface; the SQLite and PostgreSQL adapters pass the same contract
// suite (src/adapters/storage.contract.ts).
import type { Extraction, IsoDate, Source, StoredClaim, StoredEvent } from '../domain/types.js';

export interface EventFilter {
  from?: IsoDate | undefined;
  to?: IsoDate | undefined;
  country?: string | undefined;
  eventType?: string | undefined;
  subEventType?: string | undefined;
  actor?: string | undefined;
  /** [minLon, minLat, maxLon, maxLat] */
  bbox?: [number, number, number, number] | undefined;
  /** Full-text search over the sources the events come from, and the events' own sentences. */
  q?: string | undefined;
  sourceId?: string | undefined;
  /** First-level region as stored on the event (case ignored). */
  admin1?: string | undefined;
  /** The grade of the incident the event belongs to. */
  grade?: string | undefined;
  /** true: a best fatality estimate above 0; false: none reported, or 0. */
  hasFatalities?: boolean | undefined;
}

/** Where an event page starts: after this (date_start, id) in the page's order. */
export interface EventCursor {
  date: IsoDate;
  id: string;
}

export interface PageRequest {
  limit: number;
  offset: number;
  /**
   * Count matches only up to this many (event lists): past it, `total` is this number and `totalExact`
   * is false. Counting a million rows to print "1,000,000 events" costs more than the page itself.
   */
  countUpTo?: number | undefined;
  /** Event lists: keyset pagination, the page starts after this event (then `offset` is ignored). */
  after?: EventCursor | undefined;
  /** Event lists: newest first (default) or oldest first, by date_start then id. */
  order?: 'desc' | 'asc' | undefined;
}

/** One cell of the map's grid: the events in it, their centroid and what the map shows of them. */
export interface ClusterCell {
  lat: number;
  lon: number;
  count: number;
  /** Sum of the best fatality estimates (unknown counts as 0). */
  fatalities: number;
  /** The coarsest ACLED geo_precision in the cell (1 exact … 3 region). */
  geoPrecision: number | null;
  /** For a cell of one event: its id and its location's uncertainty radius. */
  eventId: string | null;
  uncertaintyKm: number | null;
}

export interface ActorCount {
  name: string;
  events: number;
}

export interface PlaceCount {
  name: string;
  countryCode: string | null;
  admin1: string | null;
  lat: number;
  lon: number;
  events: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  /** False when counting stopped at the request's `countUpTo`: `total` is then a lower bound. */
  totalExact?: boolean;
  limit: number;
  offset: number;
}

export interface SourceSummary {
  id: string;
  sha256: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published: IsoDate | null;
  retrievedAt: string;
  origin: string;
  mediaType: Source['mediaType'];
  events: number;
  claims: number;
}

export interface ClaimFilter {
  claimant?: string | undefined;
  kind?: string | undefined;
  eventId?: string | undefined;
  sourceId?: string | undefined;
  q?: string | undefined;
}

export interface Facets {
  eventTypes: { value: string; count: number }[];
  countries: { value: string; name: string; count: number }[];
  outlets: { value: string; count: number }[];
}

export interface Stats {
  sources: number;
  reports: number;
  events: number;
  claims: number;
}

/** A source to archive, before it has an id. */
export type NewSource = Omit<Source, 'id'>;

export interface SaveResult {
  sourceId: string;
  /** False when a source with the same SHA-256 was already stored (nothing was written). */
  created: boolean;
  events: number;
  claims: number;
  /** Ids of the events stored (empty when nothing was written). */
  eventIds: string[];
}

export interface SaveItem {
  source: NewSource;
  extraction: Extraction;
  pipelineVersion: string;
}

export interface Storage {
  /** Archive a source with what the pipeline made of it, in one transaction. Idempotent by SHA-256. */
  saveExtraction(source: NewSource, extraction: Extraction, pipelineVersion: string): Promise<SaveResult>;
  /** Many sources in one commit; each is all-or-nothing on its own, and a failure is returned in its place. */
  saveExtractions(items: SaveItem[]): Promise<(SaveResult | Error)[]>;
  hasSource(sha256: string): Promise<boolean>;
  getSource(id: string): Promise<Source | null>;
  listSources(
    filter: { q?: string | undefined; outlet?: string | undefined },
    page: PageRequest,
  ): Promise<Page<SourceSummary>>;
  listEvents(filter: EventFilter, page: PageRequest): Promise<Page<StoredEvent>>;
  /** Every matching event in date order, for exports (streams through large sets). */
  iterateEvents(filter: EventFilter): AsyncIterable<StoredEvent>;
  getEvent(id: string): Promise<StoredEvent | null>;
  /** Events with a location, grouped in a grid of `cellDegrees` (the map's clusters). */
  clusters(filter: EventFilter, cellDegrees: number): Promise<ClusterCell[]>;
  /** Actor names (as written in the events) with their event counts, most frequent first. */
  actors(q: string | undefined, limit: number): Promise<ActorCount[]>;
  /** Places events happened at, with counts, most frequent first. */
  places(q: string | undefined, country: string | undefined, limit: number): Promise<PlaceCount[]>;
  getClaim(id: string): Promise<StoredClaim | null>;
  listClaims(filter: ClaimFilter, page: PageRequest): Promise<Page<StoredClaim>>;
  timeline(filter: EventFilter): Promise<{ date: IsoDate; count: number }[]>;
  facets(): Promise<Facets>;
  stats(): Promise<Stats>;
  close(): Promise<void>;
}
