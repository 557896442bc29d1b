// Docket's domain model. Pure data: no I/O, no storage, no HTTP.
// Every coded field can point back to the exact span of the archived source text (Evidence).

/** ISO calendar date, YYYY-MM-DD. */
export type IsoDate = string;

export type DatePrecision = 'day' | 'week' | 'month' | 'year';

/** A date as a range: a coder's "earlier this month" is a range, not a day (UCDP date_start/date_end). */
export interface DateRange {
  start: IsoDate;
  end: IsoDate;
  precision: DatePrecision;
}

/** A half-open span of JavaScript string indices into a source text: text.slice(start, end). */
export interface Span {
  start: number;
  end: number;
}

/** Which field of a record a span of the source supports. */
export type EvidenceField =
  | 'trigger'
  | 'eventType'
  | 'date'
  | 'location'
  | 'actors'
  | 'weapons'
  | 'fatalities'
  | 'claimant'
  | 'via'
  | 'quantity'
  | 'statement'
  | 'statedOn';

export interface Evidence extends Span {
  field: EvidenceField;
  text: string;
}

/** An archived source: the text exactly as received, with its SHA-256. */
export interface Source {
  id: string;
  sha256: string;
  /** The article text Docket reads (for HTML: the extracted article body). */
  text: string;
  /** The bytes as received, when they differ from `text` (HTML). Kept for the archive. */
  raw: string | null;
  mediaType: 'text/plain' | 'text/html' | 'application/jsonl';
  outlet: string | null;
  url: string | null;
  title: string | null;
  published: IsoDate | null;
  retrievedAt: string;
  /** Where it came from: a file path, "file.jsonl:12", "demo", … */
  origin: string;
}

export type ActorRole = 'actor1' | 'actor2' | 'associate';

/** ACLED inter codes: 1 State forces … 8 External/Other forces. */
export type InterCode = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export interface Actor {
  /** Canonical name, e.g. "Islamic Revolutionary Guard Corps". */
  name: string;
  /** Short label when one is customary ("IRGC"). */
  short: string | null;
  countryCode: string | null;
  inter: InterCode | null;
}

export interface EventActor extends Actor {
  role: ActorRole;
  /** The words of the source that named this actor. */
  mention: string;
}

/** ACLED geo_precision: 1 the named town, 2 near a town / part of a region, 3 only a larger region. */
export type GeoPrecision = 1 | 2 | 3;

/** A resolved place, with the trace of how it was resolved. */
export interface Place {
  name: string;
  geonameId: number | null;
  lat: number;
  lon: number;
  countryCode: string;
  country: string;
  admin1: string | null;
  admin2: string | null;
  featureCode: string;
  geoPrecision: GeoPrecision;
  /** UCDP where_prec 1–7. */
  wherePrec: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  /** For "24 km north of X": the town used as a reference, and the stated offset. */
  reference?: { name: string; geonameId: number | null; distanceKm: number; bearing: string } | undefined;
  /** Uncertainty radius in km. */
  uncertaintyKm: number;
}

export interface Weapon {
  kind: string;
  count: number | null;
}

export interface Fatalities {
  low: number;
  best: number;
  high: number;
}

export const EVENT_TYPES = {
  Battles: ['Government regains territory', 'Non-state actor overtakes territory', 'Armed clash'],
  'Explosions/Remote violence': [
    'Chemical weapon',
    'Air/drone strike',
    'Suicide bomb',
    'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED',
    'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Excessive force against protesters', 'Protest with intervention', 'Peaceful protest'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
} as const;

export type EventType = keyof typeof EVENT_TYPES;
export type SubEventType = (typeof EVENT_TYPES)[EventType][number];

export const DISORDER_TYPE: Record<EventType, string> = {
  Battles: 'Political violence',
  'Explosions/Remote violence': 'Political violence',
  'Violence against civilians': 'Political violence',
  Protests: 'Demonstrations',
  Riots: 'Demonstrations',
  'Strategic developments': 'Strategic developments',
};

/** An event as one report tells it (ACLED-compatible, with UCDP-style ranges). */
export interface ExtractedEvent {
  id: string;
  eventType: EventType;
  subEventType: SubEventType;
  date: DateRange;
  actors: EventActor[];
  location: Place | null;
  weapons: Weapon[];
  /** null = not reported (never 0 for "unknown"). */
  fatalities: Fatalities | null;
  /** Who the report says this comes from ("state TV"), when it says. */
  reportedBy: string[];
  claimIds: string[];
  /** The sentence the event was read from. */
  summary: string;
  evidence: Evidence[];
  /** Physical targets of the attack ("the police station"), when the report names them. Optional: older
   * records and events without a named target have none. */
  targets?: SpanText[];
  /** Victims as the report describes them ("six jesuit priests"), beside the counts in fatalities. */
  victims?: VictimText[];
}

/** A victim as named ("antonio roldan betancur") or described ("six jesuit priests"). */
export interface VictimText extends SpanText {
  kind: 'name' | 'description';
}

/** A phrase of the source with where it is. */
export interface SpanText {
  text: string;
  span: Span;
}

export type ClaimKind = 'responsibility' | 'activity' | 'casualties' | 'denial' | 'assessment' | 'other';

export interface Claimant {
  name: string;
  title: string | null;
  affiliation: string | null;
}

/** Someone says something: kept apart from events, with who relayed it. */
export interface ExtractedClaim {
  id: string;
  kind: ClaimKind;
  stance: 'assert' | 'deny';
  claimant: Claimant;
  /** Relay chain, nearest to the claimant first: e.g. ["Fars News Agency"]. */
  via: string[];
  statedOn: DateRange | null;
  quantity: { value: number; unit: string } | null;
  text: string;
  eventIds: string[];
  evidence: Evidence[];
}

/** What the pipeline makes of one source. */
export interface Extraction {
  source: { published: IsoDate | null; outlet: string | null; title: string | null; url: string | null };
  events: ExtractedEvent[];
  claims: ExtractedClaim[];
  /** Things the pipeline noticed and chose not to code, with reasons (for reviewers). */
  notes: { span: Span; text: string; reason: string }[];
}

/** A report: one source's account, as stored. */
export interface Report {
  id: string;
  sourceId: string;
  extractedAt: string;
  pipelineVersion: string;
}

/** A stored event: an extracted event tied to its report and source. */
export interface StoredEvent extends ExtractedEvent {
  reportId: string;
  sourceId: string;
  outlet: string | null;
  published: IsoDate | null;
}

export interface StoredClaim extends ExtractedClaim {
  reportId: string;
  sourceId: string;
  outlet: string | null;
  published: IsoDate | null;
}
