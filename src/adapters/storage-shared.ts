// Helpers every storage adapter shares, so that ids, search and row shapes are the same on each database.
import type { HistoryEntry } from '../domain/incident.js';
import type { Source } from '../domain/types.js';

export { sourceIdFor } from '../domain/ids.js';

/**
 * A user's search text as a safe FTS query: each word quoted (no operators injected),
 * all words required, the last one as a prefix. Quotes and control characters are dropped: SQLite's
 * FTS5 parser ends a query at a NUL character and then fails on the open quote ("unterminated string").
 */
export function ftsQuery(q: string): string {
  const words = q
    .split(/\s+/)
    .map((w) => w.replace(/["\p{Cc}]/gu, ''))
    .filter(Boolean);
  if (!words.length) return '""';
  return words.map((w, i) => (i === words.length - 1 ? `"${w}"*` : `"${w}"`)).join(' ');
}

/** The columns of `events` as released in version 1, in order (backups from either database carry exactly these). */
export const EVENT_COLUMNS = [
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
];

/** A `sources` row as both databases store it (without its rowid). */
export interface SourceRow {
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
}

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

/** A `history` row as both databases store it (JSON columns as text). */
export interface HistoryRow {
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

export const toEntry = (r: HistoryRow): HistoryEntry => ({
  seq: r.seq,
  at: r.at,
  by: r.by,
  action: r.action as HistoryEntry['action'],
  subjects: JSON.parse(r.subjects) as string[],
  before: JSON.parse(r.before) as unknown,
  after: JSON.parse(r.after) as unknown,
  why: r.why,
  undoes: r.undoes,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** A LIKE/ILIKE pattern finding `text` anywhere, with `%`, `_` and `\\` taken literally (`\` escapes). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
