// Move a whole record from one database to another (SQLite → PostgreSQL, or back): every row of every
// table, streamed from the source's dump into the target's restore, then both sides dumped again and
// compared table by table — row counts and a SHA-256 over each table's rows in canonical JSON.
import { createHash, type Hash } from 'node:crypto';
import { ConflictError } from '../domain/errors.js';
import { canonicalJson } from '../integrity.js';
import type { BackupRecord, IncidentStore, VerifyReport } from '../ports/incident.port.js';

export interface TableDigest {
  table: string;
  rows: number;
  sha256: string;
}

export interface MigrateReport {
  rows: number;
  /** Per table, as read from the source before the copy. */
  source: TableDigest[];
  /** Per table, as read back from the target after the copy. */
  target: TableDigest[];
  /** Tables whose count or hash differ (empty when the copy is exact). */
  mismatches: string[];
  verify: VerifyReport;
}

/** Running per-table digests of a stream of dump records. */
class Digests {
  private readonly tables = new Map<string, { rows: number; hash: Hash }>();

  add(r: BackupRecord): void {
    let t = this.tables.get(r.table);
    if (!t) {
      t = { rows: 0, hash: createHash('sha256') };
      this.tables.set(r.table, t);
    }
    t.rows++;
    t.hash.update(canonicalJson(r.row)).update('\n');
  }

  result(): TableDigest[] {
    return [...this.tables].map(([table, t]) => ({ table, rows: t.rows, sha256: t.hash.digest('hex') }));
  }
}

/** Digest every table of a store (the order of a dump is fixed, so equal content gives equal hashes). */
export async function digestStore(store: IncidentStore): Promise<TableDigest[]> {
  const d = new Digests();
  for await (const r of store.dump()) d.add(r);
  return d.result();
}

export function compareDigests(a: TableDigest[], b: TableDigest[]): string[] {
  const byTable = new Map(b.map((t) => [t.table, t]));
  const names = new Set([...a.map((t) => t.table), ...b.map((t) => t.table)]);
  return [...names].filter((name) => {
    const x = a.find((t) => t.table === name);
    const y = byTable.get(name);
    return !x || !y || x.rows !== y.rows || x.sha256 !== y.sha256;
  });
}

export class MigrateService {
  constructor(private readonly deps: { from: IncidentStore; to: IncidentStore }) {}

  async migrate(onProgress?: (rows: number) => void): Promise<MigrateReport> {
    const { from, to } = this.deps;
    if (from.schemaVersion() > to.schemaVersion())
      throw new ConflictError(
        `the target database has schema ${to.schemaVersion()}, older than the source's ${from.schemaVersion()}`,
      );
    const seen = new Digests();
    let n = 0;
    async function* rows(): AsyncGenerator<BackupRecord> {
      for await (const r of from.dump()) {
        seen.add(r);
        if (++n % 10_000 === 0) onProgress?.(n);
        yield r;
      }
    }
    // restore() refuses a target that already holds sources or history, and writes in one transaction.
    const { rows: written } = await to.restore(rows());
    const source = seen.result();
    const target = await digestStore(to);
    return {
      rows: written,
      source,
      target,
      mismatches: compareDigests(source, target),
      verify: await to.verify(),
    };
  }
}
