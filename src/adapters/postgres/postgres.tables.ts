// The PostgreSQL tables as Kysely sees them (one interface per table, column for column as in SQLite),
// and the column lists a backup holds, in SQLite's order so that dumps of both databases are equal.
import type { Generated } from 'kysely';
import type { Source } from '../../domain/types.js';

export interface SourcesTable {
  rowid: Generated<number>;
  id: string;
  sha256: string;
  text: string;
  raw: string | null;
  media_type: Source['mediaType'];
  outlet: string | null;
  url: string | null;
  title: string | null;
  published: string | null;
  retrieved_at: string;
  origin: string;
  // `fts` (tsvector, generated) is left out: it is written by the database and read through sql only.
}

/** A source row without its rowid, and the Source it holds. */
type SourceRow = Omit<SourcesTable, 'rowid'>;

export const toSource = (r: SourceRow): Source => ({
  id: r.id,
  sha256: r.sha256,
  text: r.text,
  raw: r.raw,
  mediaType: r.media_type,
  outlet: r.outlet,
  url: r.url,
  title: r.title,
  published: r.published,
  retrievedAt: r.retrieved_at,
  origin: r.origin,
});

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

export interface HistoryTable {
  seq: number;
  at: string;
  by: string;
  action: string;
  subjects: string;
  before: string;
  after: string;
  why: string | null;
  undoes: number | null;
  prev_hash: string;
  hash: string;
}

export interface HistorySubjectsTable {
  subject: string;
  seq: number;
}

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
  schema_migrations: SchemaMigrationsTable;
}

export interface BackupTable {
  table: keyof DB;
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
    columns: [
      'id',
      'report_id',
      'source_id',
      'event_type',
      'sub_event_type',
      'date_start',
      'date_end',
      'date_precision',
      'country_code',
      'country',
      'admin1',
      'location_name',
      'lat',
      'lon',
      'geo_precision',
      'fatalities_best',
      'actors',
      'summary',
      'outlet',
      'published',
      'doc',
    ],
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
