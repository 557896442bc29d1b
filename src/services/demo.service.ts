// The demo corpus: reports written for the project, loaded through the real pipeline into an
// empty database on first `docket serve`.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseJsonLines } from '../ingest/jsonl.js';
import type { Storage } from '../ports/storage.port.js';
import type { IngestReport, IngestService } from './ingest.service.js';

export const DEMO_CORPUS = fileURLToPath(new URL('../../demo/corpus/reports.jsonl', import.meta.url));

export async function loadDemoIfEmpty(
  storage: Pick<Storage, 'stats'>,
  ingest: IngestService,
  path = DEMO_CORPUS,
): Promise<IngestReport | null> {
  const stats = await storage.stats();
  if (stats.sources > 0 || !existsSync(path)) return null;
  return ingest.ingest(parseJsonLines(path, readFileSync(path, 'utf8')));
}
