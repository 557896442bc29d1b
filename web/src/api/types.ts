// What the HTTP API answers (docs/API.md). The record's own shapes come from src/domain, so the UI and
// the server cannot disagree about an event, a claim or an incident.
import type { FeatureCollection, Point } from 'geojson';
import type { Role } from '../../../src/domain/accounts.js';
import type { Fatalities, IsoDate, StoredClaim, StoredEvent } from '../../../src/domain/types.js';
import type {
  Credibility,
  HistoryEntry,
  Incident,
  IncidentStatus,
  Reliability,
} from '../../../src/domain/incident.js';

export type {
  DateRange,
  EventActor,
  Evidence,
  EvidenceField,
  Fatalities,
  Place,
  StoredClaim,
  StoredEvent,
} from '../../../src/domain/types.js';
export type { Grade, HistoryEntry, Incident, IncidentStatus } from '../../../src/domain/incident.js';
export type { Role } from '../../../src/domain/accounts.js';

/** A page of a list. `nextCursor` is null on the last page; servers without cursors send `offset`. */
export interface Page<T> {
  items: T[];
  total: number;
  totalExact?: boolean;
  limit: number;
  nextCursor?: string | null;
  offset?: number;
}

export interface SessionUser {
  id: string;
  name: string;
  role: Role;
}

export interface Session {
  user: SessionUser | null;
  csrf: string | null;
  publicReads: boolean;
}

export interface LoginResult {
  user: SessionUser;
  csrf: string;
}

export interface SourceText {
  id: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published: IsoDate | null;
  sha256?: string;
  text: string;
}

/** An incident as `GET /api/events/:id` summarises it. */
export interface IncidentSummary {
  id: string;
  status: IncidentStatus;
  grade: Incident['grade'];
  admiralty: { reliability: Reliability; credibility: Credibility; reasons: string[] };
  reports: number;
  independentSources: number;
  fatalities: Incident['resolved']['fatalities'];
  members: {
    eventId: string;
    outlet: string | null;
    published: IsoDate | null;
    fatalities: Fatalities | null;
    score: number;
    reasons: string[];
  }[];
}

export interface EventDetail extends StoredEvent {
  source: SourceText | null;
  claims: StoredClaim[];
  incident: IncidentSummary | null;
}

export interface IncidentDetail extends Incident {
  history: HistoryEntry[];
}

export interface TimelineBucket {
  date: IsoDate;
  count: number;
}

export interface Facets {
  eventTypes: { value: string; count: number }[];
  countries: { value: string; name: string; count: number }[];
  outlets: { value: string; count: number }[];
}

export interface ClusterProperties {
  count: number;
  /** Sum of the best fatality estimates (an unknown toll counts as 0). */
  fatalities: number;
  /** The location uncertainty in km (the server sends it for single events; null for groups). */
  uncertaintyKm: number | null;
  /** Set when the feature is one event. */
  eventId?: string | null;
  geoPrecision?: number | null;
}

export type Clusters = FeatureCollection<Point, ClusterProperties>;

export interface ActorSuggestion {
  name: string;
  events: number;
}

export interface PlaceSuggestion {
  name: string;
  countryCode: string;
  admin1: string | null;
  lat: number;
  lon: number;
  events: number;
}

export interface ActionResult {
  entry: HistoryEntry;
}

export type EditableField = 'fatalities' | 'eventType' | 'subEventType' | 'date';
