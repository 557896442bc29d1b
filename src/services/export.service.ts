// Exports: ACLED CSV, GeoJSON and JSON Lines, streamed as text chunks so large sets never sit in memory.
import { ACLED_COLUMNS, acledRow } from '../export/acled-csv.js';
import { eventFeature } from '../export/geojson.js';
import { countries } from '../gazetteer/countries.js';
import type { StoredEvent } from '../domain/types.js';
import type { EventFilter, Storage } from '../ports/storage.port.js';

export const EXPORT_FORMATS = ['acled-csv', 'geojson', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_MEDIA: Record<ExportFormat, { type: string; ext: string }> = {
  'acled-csv': { type: 'text/csv; charset=utf-8', ext: 'csv' },
  geojson: { type: 'application/geo+json', ext: 'geojson' },
  jsonl: { type: 'application/x-ndjson', ext: 'jsonl' },
};

export class ExportService {
  constructor(private readonly deps: { storage: Pick<Storage, 'iterateEvents'> }) {}

  /** Every event the filter matches, in date order. */
  export(format: ExportFormat, filter: EventFilter): AsyncGenerator<string> {
    return this.render(format, this.deps.storage.iterateEvents(filter));
  }

  /** Given events (a page, or a whole set) in a format. */
  async *render(
    format: ExportFormat,
    events: AsyncIterable<StoredEvent> | Iterable<StoredEvent>,
  ): AsyncGenerator<string> {
    if (format === 'acled-csv') {
      const table = countries();
      const seq = new Map<string, number>();
      yield `${ACLED_COLUMNS.join(',')}\n`;
      for await (const e of events) {
        const cc = e.location?.countryCode ?? 'XX';
        const n = (seq.get(cc) ?? 0) + 1;
        seq.set(cc, n);
        yield `${acledRow(e, n, table.get(cc)).join(',')}\n`;
      }
      return;
    }
    if (format === 'geojson') {
      yield '{"type":"FeatureCollection","features":[';
      let first = true;
      for await (const e of events) {
        yield `${first ? '' : ','}\n${JSON.stringify(eventFeature(e))}`;
        first = false;
      }
      yield '\n]}\n';
      return;
    }
    for await (const e of events) yield `${JSON.stringify(e)}\n`;
  }
}
