// Ids derive from content (docs/ARCHITECTURE.md, Storage): the same bytes always get the same id, on
// every database and in every process, which is what makes ingest idempotent and jobs safe to retry.

/** A source's id: `src_` and the first 16 hex digits of its SHA-256. Its events are `<id>.e1`, `<id>.e2`… */
export function sourceIdFor(sha256: string): string {
  return `src_${sha256.slice(0, 16)}`;
}
