// Ingest: archive each incoming document once (by SHA-256), run the pipeline, store the result in
// one transaction. A bad item is reported and skipped; the batch goes on.
import type { Extraction, IsoDate } from '../domain/types.js';
import type { InputItem, SkippedInput, IncomingDocument } from '../domain/incoming.js';
import type { Gazetteer } from '../ports/gazetteer.port.js';
import type { SaveItem, Storage } from '../ports/storage.port.js';

/** Sources written per commit. */
const WRITE_BATCH = 64;
import { extract, PIPELINE_VERSION } from '../pipeline/extract.js';
import { sourceHash } from '../integrity.js';
import type { ClusterReport, ClusterService } from './cluster.service.js';

export interface IngestProgress {
  read: number;
  ingested: number;
  duplicates: number;
  skipped: number;
  current: string;
}

export interface IngestReport {
  read: number;
  ingested: number;
  duplicates: number;
  skipped: SkippedInput[];
  events: number;
  claims: number;
  sourceIds: string[];
  /** Events stored by this run (what clustering has to look at). */
  eventIds: string[];
  /** What clustering did with them (when a cluster service is wired). */
  clustering: ClusterReport | null;
}

export interface IngestOptions {
  /** Used when a document carries no published date of its own. */
  published?: IsoDate | undefined;
  onProgress?: ((p: IngestProgress) => void) | undefined;
}

export class IngestService {
  constructor(
    private readonly deps: {
      storage: Pick<Storage, 'saveExtractions' | 'hasSource'>;
      gazetteer: Gazetteer;
      /** When given, new reports are clustered into incidents at the end of each run. */
      clusters?: Pick<ClusterService, 'update'>;
      now?: () => Date;
    },
  ) {}

  /** What the pipeline makes of one document, without storing anything. */
  extractDocument(
    doc: Pick<IncomingDocument, 'text' | 'published' | 'outlet' | 'title' | 'url'>,
  ): Extraction {
    return extract(doc, { gazetteer: this.deps.gazetteer });
  }

  async ingest(
    items: AsyncIterable<InputItem> | Iterable<InputItem>,
    opts: IngestOptions = {},
  ): Promise<IngestReport> {
    const now = this.deps.now ?? (() => new Date());
    const report: IngestReport = {
      read: 0,
      ingested: 0,
      duplicates: 0,
      skipped: [],
      events: 0,
      claims: 0,
      sourceIds: [],
      eventIds: [],
      clustering: null,
    };
    // Extracted sources are written in batches: one commit per batch, one savepoint per source.
    const pending: { origin: string; item: SaveItem }[] = [];
    const flush = async (): Promise<void> => {
      if (!pending.length) return;
      const batch = pending.splice(0);
      const results = await this.deps.storage.saveExtractions(batch.map((p) => p.item));
      results.forEach((saved, i) => {
        if (saved instanceof Error) {
          report.skipped.push({ input: batch[i]!.origin, reason: `could not be stored: ${saved.message}` });
        } else if (saved.created) {
          report.ingested++;
          report.events += saved.events;
          report.claims += saved.claims;
          report.sourceIds.push(saved.sourceId);
          report.eventIds.push(...saved.eventIds);
        } else report.duplicates++;
      });
    };
    for await (const item of items) {
      report.read++;
      if (item.kind === 'skipped') {
        report.skipped.push(item.skipped);
      } else {
        const doc = item.doc;
        try {
          const hash = sourceHash(doc);
          if (await this.deps.storage.hasSource(hash)) {
            report.duplicates++;
          } else {
            const retrievedAt = now().toISOString();
            const published = doc.published ?? opts.published ?? null;
            const extraction = extract(
              { ...doc, published: published ?? retrievedAt.slice(0, 10) },
              { gazetteer: this.deps.gazetteer },
            );
            if (!published) {
              extraction.notes.push({
                span: { start: 0, end: 0 },
                text: '',
                reason: 'published date unknown: relative dates were resolved against the retrieval date',
              });
            }
            pending.push({
              origin: doc.origin,
              item: {
                source: { ...doc, sha256: hash, published, retrievedAt },
                extraction,
                pipelineVersion: PIPELINE_VERSION,
              },
            });
            if (pending.length >= WRITE_BATCH) await flush();
          }
        } catch (e) {
          report.skipped.push({
            input: doc.origin,
            reason: `could not be processed: ${(e as Error).message}`,
          });
        }
      }
      opts.onProgress?.({
        read: report.read,
        ingested: report.ingested + pending.length,
        duplicates: report.duplicates,
        skipped: report.skipped.length,
        current: item.kind === 'document' ? item.doc.origin : item.skipped.input,
      });
    }
    await flush();
    if (this.deps.clusters && report.eventIds.length)
      report.clustering = await this.deps.clusters.update(report.eventIds);
    return report;
  }
}
