// Shared test helpers: the real gazetteer (built once by global-setup), temporary folders.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { openGazetteer, type SqliteGazetteer } from '../src/gazetteer/sqlite.gazetteer.js';

let gazetteer: SqliteGazetteer | null = null;

export async function testGazetteer(): Promise<SqliteGazetteer> {
  gazetteer ??= await openGazetteer(loadConfig().cacheDir);
  return gazetteer;
}

export function tempDir(prefix = 'docket-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
