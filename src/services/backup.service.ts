// Backup and restore: one gzip-compressed JSON Lines file holding every row of every table, read back
// into an empty database. A header line says what wrote it; the rows restore in order.
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { ValidationError } from '../domain/errors.js';
import type { BackupRecord, IncidentStore, VerifyReport } from '../ports/incident.port.js';

export const BACKUP_FORMAT = 'docket-backup';

interface Header {
  format: typeof BACKUP_FORMAT;
  version: 1;
  schemaVersion: number;
}

export class BackupService {
  constructor(private readonly deps: { incidents: IncidentStore }) {}

  /** Write the whole record to `file` (gzip JSON Lines). Returns the number of rows. */
  async backup(file: string): Promise<{ rows: number }> {
    const store = this.deps.incidents;
    let rows = 0;
    async function* lines(): AsyncGenerator<string> {
      const header: Header = { format: BACKUP_FORMAT, version: 1, schemaVersion: store.schemaVersion() };
      yield `${JSON.stringify(header)}\n`;
      for await (const r of store.dump()) {
        rows++;
        yield `${JSON.stringify(r)}\n`;
      }
    }
    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file));
    return { rows };
  }

  /** Read a backup into this (empty) database, then verify it. */
  async restore(file: string): Promise<{ rows: number; verify: VerifyReport }> {
    const store = this.deps.incidents;
    const input = createInterface({
      input: createReadStream(file).pipe(createGunzip()),
      crlfDelay: Infinity,
    });
    const iterator = input[Symbol.asyncIterator]();
    const first = await iterator.next().catch((e: Error) => {
      throw new ValidationError(`${file}: not a Docket backup (${e.message})`, [
        { path: file, message: 'unreadable' },
      ]);
    });
    let header: Partial<Header> = {};
    try {
      header = JSON.parse(String(first.value ?? '')) as Partial<Header>;
    } catch {
      // reported below
    }
    if (header.format !== BACKUP_FORMAT)
      throw new ValidationError(`${file}: not a Docket backup (no "${BACKUP_FORMAT}" header)`, [
        { path: file, message: 'no header' },
      ]);
    if ((header.schemaVersion ?? 0) > store.schemaVersion())
      throw new ValidationError(
        `${file}: written by a newer Docket (schema ${header.schemaVersion}, this one ${store.schemaVersion()})`,
        [{ path: file, message: 'newer schema' }],
      );
    let n = 1;
    async function* records(): AsyncGenerator<BackupRecord> {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        n++;
        const line = String(next.value);
        if (!line.trim()) continue;
        try {
          yield JSON.parse(line) as BackupRecord;
        } catch (e) {
          throw new ValidationError(`${file}:${n}: not JSON (${(e as Error).message})`, [
            { path: `${file}:${n}`, message: 'not JSON' },
          ]);
        }
      }
    }
    const { rows } = await store.restore(records());
    return { rows, verify: await store.verify() };
  }
}
