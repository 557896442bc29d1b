// Integrity: the content hash of archived sources and the hash chain of the history. Shared by the
// services that write and the adapters that verify, so both compute exactly the same thing.
import { createHash } from 'node:crypto';

export const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

/** A source is hashed as received: the raw bytes when they differ from the text read (HTML). */
export const sourceHash = (s: { raw: string | null; text: string }): string => sha256(s.raw ?? s.text);

/** JSON with object keys sorted at every level: one value, one string. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  seq: number;
  at: string;
  by: string;
  action: string;
  subjects: string[];
  before: unknown;
  after: unknown;
  why: string | null;
  undoes: number | null;
}

/** hash(n) = SHA-256(hash(n-1) + canonical JSON of entry n): changing any entry breaks every hash after it. */
export function entryHash(prevHash: string, e: HashedFields): string {
  const { seq, at, by, action, subjects, before, after, why, undoes } = e;
  return sha256(
    `${prevHash}\n${canonicalJson({ seq, at, by, action, subjects, before, after, why, undoes })}`,
  );
}

/**
 * Walks a history in seq order and names every entry whose number, link or hash does not hold; both
 * storage adapters feed it their rows, so `docket verify` judges the chain the same way on each database.
 */
export class HistoryChainCheck {
  readonly problems: { seq: number; problem: string }[] = [];
  entries = 0;
  private prev = GENESIS_HASH;
  private expectedSeq = 1;

  add(e: HashedFields & { prevHash: string; hash: string }): void {
    this.entries++;
    if (e.seq !== this.expectedSeq)
      this.problems.push({ seq: e.seq, problem: `expected entry ${this.expectedSeq}: entries are missing` });
    if (e.prevHash !== this.prev)
      this.problems.push({ seq: e.seq, problem: 'does not link to the entry before it' });
    if (entryHash(e.prevHash, e) !== e.hash)
      this.problems.push({ seq: e.seq, problem: 'content does not match its hash (altered)' });
    this.prev = e.hash;
    this.expectedSeq = e.seq + 1;
  }
}
