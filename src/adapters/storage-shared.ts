// Helpers every storage adapter shares, so that ids and search behave the same on each database.

/** Source ids derive from the content hash: the same bytes always get the same id. */
export function sourceIdFor(sha256: string): string {
  return `src_${sha256.slice(0, 16)}`;
}

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
