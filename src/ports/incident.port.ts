// Incidents, reviewer constraints, outlet ratings and the hash-chained history, as services see them.
import type { HistoryEntry, Incident, Reliability } from '../domain/incident.js';
import type { Source, StoredClaim, StoredEvent } from '../domain/types.js';
import type { Page, PageRequest } from './storage.port.js';

export interface ClusterScope {
  countries: string[];
  from: string;
  to: string;
}

export interface LinkConstraint {
  kind: 'must' | 'cannot';
  a: string;
  b: string;
}

/** One atomic change: incidents written and removed, constraints added or dropped, one history entry. */
export interface ChangeSet {
  upsert: Incident[];
  remove: string[];
  addConstraints?: LinkConstraint[];
  /** Drop the constraints a given history entry added (undo of a merge or split). */
  dropConstraintsOf?: number;
  outlet?: { name: string; reliability: Reliability };
  entry: Omit<HistoryEntry, 'seq' | 'prevHash' | 'hash'>;
}

export interface IncidentFilter {
  from?: string | undefined;
  to?: string | undefined;
  country?: string | undefined;
  grade?: string | undefined;
  status?: string | undefined;
}

export interface VerifyReport {
  sources: number;
  historyEntries: number;
  /** Sources whose text no longer matches their SHA-256. */
  alteredSources: string[];
  /** History entries whose hash or link to the entry before does not hold. */
  brokenHistory: { seq: number; problem: string }[];
}

export interface BackupRecord {
  table: string;
  row: Record<string, unknown>;
}

export interface IncidentStore {
  /** Events in the scope (all when none is given), for clustering. */
  eventsInScope(scope: ClusterScope | null): Promise<StoredEvent[]>;
  eventsByIds(ids: string[]): Promise<StoredEvent[]>;
  sourcesByIds(ids: string[]): Promise<Source[]>;
  claimsForEvents(eventIds: string[]): Promise<StoredClaim[]>;
  constraints(): Promise<LinkConstraint[]>;
  outletRatings(): Promise<Map<string, Reliability>>;
  incidentsOfEvents(eventIds: string[]): Promise<Incident[]>;
  getIncident(id: string): Promise<Incident | null>;
  listIncidents(filter: IncidentFilter, page: PageRequest): Promise<Page<Incident>>;
  /** Apply a change set and append its history entry, in one transaction. */
  apply(change: ChangeSet): Promise<HistoryEntry>;
  history(subject: string | null, page: PageRequest): Promise<Page<HistoryEntry>>;
  historyEntry(seq: number): Promise<HistoryEntry | null>;
  /** The undo entry that undid entry `seq`, if there is one. */
  undoOf(seq: number): Promise<HistoryEntry | null>;
  verify(): Promise<VerifyReport>;
  /** Every row of every table, in an order that restores (parents before children). */
  dump(): AsyncIterable<BackupRecord>;
  /** Load a dump into an empty store. */
  restore(records: AsyncIterable<BackupRecord>): Promise<{ rows: number }>;
  schemaVersion(): number;
}
