import { exportUrl } from '../../api/client.js';
import type { Filters } from '../../filters.js';

/** Downloads of exactly what the filters select. */
export function ExportLinks({ filters }: { filters: Filters }) {
  return (
    <nav className="exports" aria-label="Export the current selection">
      <h2>Export this selection</h2>
      <a id="export-csv" href={exportUrl(filters, 'acled-csv')} download>
        ACLED CSV
      </a>
      <a id="export-geojson" href={exportUrl(filters, 'geojson')} download>
        GeoJSON
      </a>
      <a id="export-jsonl" href={exportUrl(filters, 'jsonl')} download>
        JSON Lines
      </a>
    </nav>
  );
}
