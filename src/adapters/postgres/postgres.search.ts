// User search text for PostgreSQL, behaving like ftsQuery (storage-shared.ts) does on SQLite: every
// word required, the last one a prefix, operators taken as plain text, and nothing the user types
// can make the query fail.

/**
 * A tsquery source text for `to_tsquery('simple', …)`, or null when no word is left (matches nothing,
 * as SQLite's empty phrase does). Each word is a single-quoted tsquery string: inside quotes `&`, `|`,
 * `!`, `<->`, `:` and parentheses are text, only `'` and `\` need escaping. PostgreSQL's parser then
 * splits a word into its tokens as it split the document ("l'armée" → 'l' <-> 'armée'); a word with no
 * token ("-", "*") is dropped, as FTS5 drops an empty phrase. Quotes and control characters are
 * removed first, as ftsQuery does (and PostgreSQL cannot take NUL in text at all).
 */
export function tsQuery(q: string): string | null {
  const words = q
    .split(/\s+/)
    .map((w) => w.replace(/["\p{Cc}]/gu, ''))
    .filter(Boolean);
  if (!words.length) return null;
  const quoted = words.map((w) => `'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`);
  return quoted.map((w, i) => (i === quoted.length - 1 ? `${w}:*` : w)).join(' & ');
}

export { containsPattern } from '../storage-shared.js';
