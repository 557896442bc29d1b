// The main screen: filters, the map, the timeline and the event list, all showing the same selection.
import { useEffect, useState } from 'react';
import { getFacets } from '../../api/client.js';
import { activeFilterCount, type Filters } from '../../filters.js';
import { navigate } from '../../router.js';
import { useAsync } from '../../useAsync.js';
import { useMediaQuery } from '../../useMediaQuery.js';
import { ErrorNote } from '../common/ErrorNote.js';
import { EventMap } from '../map/EventMap.js';
import { EventList } from './EventList.js';
import { ExportLinks } from './ExportLinks.js';
import { FiltersPanel } from './FiltersPanel.js';
import { Timeline } from './Timeline.js';

export function ExplorePage({ filters, setFilters }: { filters: Filters; setFilters: (f: Filters) => void }) {
  const facets = useAsync((signal) => getFacets(signal), []);
  // on a phone the filters fold away above the map; on a wide screen they are always open
  const narrow = useMediaQuery('(max-width: 900px)');
  const [open, setOpen] = useState(!narrow);
  useEffect(() => setOpen(!narrow), [narrow]);
  const active = activeFilterCount(filters);
  return (
    <main className="explore">
      <aside className="side" aria-label="Filters and export">
        <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>Filters{active > 0 ? ` (${active} set)` : ''} and export</summary>
          <FiltersPanel filters={filters} onChange={setFilters} facets={facets.data} />
          {facets.error && (
            <ErrorNote
              message={`Could not load the filter choices: ${facets.error}`}
              onRetry={facets.reload}
            />
          )}
          <ExportLinks filters={filters} />
        </details>
      </aside>
      <section className="map-col" aria-label="Map and timeline">
        <EventMap filters={filters} onOpenEvent={(id) => navigate({ name: 'event', id })} />
        <Timeline filters={filters} onRange={(from, to) => setFilters({ ...filters, from, to })} />
      </section>
      <section className="list-col" aria-label="Events">
        <EventList filters={filters} />
      </section>
    </main>
  );
}
