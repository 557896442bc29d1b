// The PostgreSQL tables as Kysely sees them (one interface per table, column for column as in SQLite),
// and the column lists a backup holds, in SQLite's order so that dumps of both databases are equal.
import type { SessionRow, TokenRow, UserRow } from '../accounts-shared.js';
import type { Generated } from 'kysely';
import { EVENT_COLUMNS, type HistoryRow, type SourceRow } from '../storage-shared.js';

export { toSource } from '../storage-shared.js';

/** `sources` as stored; `fts` (a generated tsvector) is left out: the database writes it, sql reads it. */
export interface SourcesTable extends SourceRow {
  rowid: Generated<number>;
}

export const SOURCE_COLUMNS = [
  'id',
  'sha256',
  'text',
  'raw',
  'media_type',
  'outlet',
  'url',
  'title',
  'published',
  'retrieved_at',
  'origin',
] as const;

export interface ReportsTable {
  id: string;
  source_id: string;
  extracted_at: string;
  pipeline_version: string;
  notes: string;
}

export interface EventsTable {
  id: string;
  report_id: string;
  source_id: string;
  event_type: string;
  sub_event_type: string;
  date_start: string;
  date_end: string;
  date_precision: string;
  country_code: string | null;
  country: string | null;
  admin1: string | null;
  location_name: string | null;
  lat: number | null;
  lon: number | null;
  geo_precision: number | null;
  fatalities_best: number | null;
  /** `|name one|name two|`, lower case: the actor filter's substring search. */
  actors: string;
  summary: string;
  outlet: string | null;
  published: string | null;
  doc: string;
}

export interface ClaimsTable {
  id: string;
  report_id: string;
  source_id: string;
  kind: string;
  claimant: string;
  stated_on: string | null;
  outlet: string | null;
  published: string | null;
  doc: string;
}

export interface ClaimEventsTable {
  claim_id: string;
  event_id: string;
}

export interface IncidentsTable {
  id: string;
  status: string;
  grade: string;
  event_type: string;
  date_start: string;
  date_end: string;
  country_code: string | null;
  lat: number | null;
  lon: number | null;
  sources: number;
  doc: string;
}

export interface IncidentMembersTable {
  event_id: string;
  incident_id: string;
}

export interface LinkConstraintsTable {
  kind: 'must' | 'cannot';
  a: string;
  b: string;
  seq: number;
}

export interface OutletsTable {
  name: string;
  reliability: string;
  updated_at: string;
}

export type HistoryTable = HistoryRow;

export interface HistorySubjectsTable {
  subject: string;
  seq: number;
}

/** Accounts (migration 5): credentials, never in a backup (not in BACKUP_TABLES). */
export type UsersTable = UserRow & { disabled: boolean };
export type SessionsTable = SessionRow;
export type ApiTokensTable = TokenRow;

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface DB {
  sources: SourcesTable;
  reports: ReportsTable;
  events: EventsTable;
  claims: ClaimsTable;
  claim_events: ClaimEventsTable;
  incidents: IncidentsTable;
  incident_members: IncidentMembersTable;
  link_constraints: LinkConstraintsTable;
  outlets: OutletsTable;
  history: HistoryTable;
  history_subjects: HistorySubjectsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  schema_migrations: SchemaMigrationsTable;
}

/** The accounts tables: credentials do not travel in backups, so a BackupTable cannot name one. */
export type AccountTable = 'users' | 'sessions' | 'api_tokens';

export interface BackupTable {
  table: Exclude<keyof DB, AccountTable>;
  /** Columns in SQLite's declaration order: a dump's rows have the same keys in the same order. */
  columns: string[];
  /** The columns that order the rows (as in SQLite, byte order: the columns are COLLATE "C"). */
  order: string[];
}

/** Tables in restore order (parents first), as SQLite's BACKUP_TABLES. */
export const BACKUP_TABLES: BackupTable[] = [
  {
    table: 'sources',
    columns: [
      'rowid',
      'id',
      'sha256',
      'text',
      'raw',
      'media_type',
      'outlet',
      'url',
      'title',
      'published',
      'retrieved_at',
      'origin',
    ],
    order: ['rowid'],
  },
  {
    table: 'reports',
    columns: ['id', 'source_id', 'extracted_at', 'pipeline_version', 'notes'],
    order: ['id'],
  },
  {
    table: 'events',
    columns: EVENT_COLUMNS,
    order: ['id'],
  },
  {
    table: 'claims',
    columns: ['id', 'report_id', 'source_id', 'kind', 'claimant', 'stated_on', 'outlet', 'published', 'doc'],
    order: ['id'],
  },
  { table: 'claim_events', columns: ['claim_id', 'event_id'], order: ['claim_id', 'event_id'] },
  {
    table: 'incidents',
    columns: [
      'id',
      'status',
      'grade',
      'event_type',
      'date_start',
      'date_end',
      'country_code',
      'lat',
      'lon',
      'sources',
      'doc',
    ],
    order: ['id'],
  },
  { table: 'incident_members', columns: ['event_id', 'incident_id'], order: ['event_id'] },
  { table: 'link_constraints', columns: ['kind', 'a', 'b', 'seq'], order: ['kind', 'a', 'b'] },
  { table: 'outlets', columns: ['name', 'reliability', 'updated_at'], order: ['name'] },
  {
    table: 'history',
    columns: [
      'seq',
      'at',
      'by',
      'action',
      'subjects',
      'before',
      'after',
      'why',
      'undoes',
      'prev_hash',
      'hash',
    ],
    order: ['seq'],
  },
  { table: 'history_subjects', columns: ['subject', 'seq'], order: ['subject', 'seq'] },
];
