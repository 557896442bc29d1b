// Incidents: one event as many reports tell it. Reports' own events stay as they were coded; the
// incident holds the membership, the values chosen by a written preference ladder, the per-source
// figures side by side, the grade, and the reviewers' decisions.
import type {
  ActorRole,
  DateRange,
  EventType,
  Fatalities,
  IsoDate,
  Place,
  SubEventType,
  Weapon,
} from './types.js';

/** Airwars-style grades. `discounted` is only ever set by a reviewer. */
export const GRADES = ['confirmed', 'fair', 'weak', 'contested', 'discounted'] as const;
export type Grade = (typeof GRADES)[number];

/** Admiralty source reliability: A reliable … E unreliable, F cannot be judged. */
export const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITY)[number];

/** Admiralty information credibility: 1 confirmed … 5 improbable, 6 cannot be judged. */
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;

export type IncidentStatus = 'proposed' | 'accepted' | 'rejected';

/** One report's account of the incident, kept side by side with the others. */
export interface MemberFigures {
  eventId: string;
  sourceId: string;
  outlet: string | null;
  published: IsoDate | null;
  /** Reports that are copies of one wire story share a group: they count as one source. */
  sourceGroup: string;
  eventType: EventType;
  subEventType: SubEventType;
  date: DateRange;
  place: { name: string; lat: number; lon: number; geoPrecision: number; geonameId: number | null } | null;
  actors: { name: string; role: ActorRole }[];
  fatalities: Fatalities | null;
  weapons: Weapon[];
  /** Why the clusterer put this report here, and how sure it was (1 = the first report). */
  score: number;
  reasons: string[];
}

/** A value the incident shows, with the rule that chose it and whether sources disagree. */
export interface Resolved<T> {
  value: T;
  rule: string;
  disagreement: boolean;
}

export interface IncidentValues {
  eventType: EventType;
  subEventType: SubEventType;
  date: DateRange;
  location: Place | null;
  actors: { name: string; role: ActorRole }[];
  fatalities: Fatalities | null;
  weapons: Weapon[];
}

export interface Incident {
  id: string;
  status: IncidentStatus;
  /** The values chosen from the members, each with its rule; reviewer edits override them. */
  resolved: { [K in keyof IncidentValues]: Resolved<IncidentValues[K]> };
  /** Fields a reviewer set by hand: they win over the ladder until undone. */
  edits: Partial<IncidentValues>;
  members: MemberFigures[];
  grade: { suggested: Grade; value: Grade; reasons: string[]; setBy: 'machine' | 'reviewer' };
  admiralty: { reliability: Reliability; credibility: Credibility; reasons: string[] };
  independentSources: number;
  notes: { at: string; by: string; text: string }[];
  updatedAt: string;
}

/** The values an incident shows: reviewer edits over the resolved ladder. */
export function incidentValues(i: Incident): IncidentValues {
  const r = i.resolved;
  return {
    eventType: i.edits.eventType ?? r.eventType.value,
    subEventType: i.edits.subEventType ?? r.subEventType.value,
    date: i.edits.date ?? r.date.value,
    location: i.edits.location !== undefined ? i.edits.location : r.location.value,
    actors: i.edits.actors ?? r.actors.value,
    fatalities: i.edits.fatalities !== undefined ? i.edits.fatalities : r.fatalities.value,
    weapons: i.edits.weapons ?? r.weapons.value,
  };
}

export type ReviewAction =
  'cluster' | 'accept' | 'reject' | 'edit' | 'merge' | 'split' | 'regrade' | 'note' | 'undo' | 'outlet';

/** One append-only history entry; `hash` chains it to the entry before (tamper evidence). */
export interface HistoryEntry {
  seq: number;
  at: string;
  by: string;
  action: ReviewAction;
  /** The incidents (or outlet) the entry touched. */
  subjects: string[];
  before: unknown;
  after: unknown;
  why: string | null;
  /** For undo: the entry undone. */
  undoes: number | null;
  prevHash: string;
  hash: string;
}
