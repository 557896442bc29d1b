// The current filters, kept in the query string (replaceState: filtering is not navigation).
import { useCallback, useState } from 'react';
import { filterParams, filtersFromSearch, type Filters } from './filters.js';

export function useFilters(): [Filters, (next: Filters) => void] {
  const [filters, setFilters] = useState<Filters>(() => filtersFromSearch(window.location.search));
  const update = useCallback((next: Filters) => {
    setFilters(next);
    const query = filterParams(next).toString();
    const { pathname, hash } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${query ? `?${query}` : ''}${hash}`);
  }, []);
  return [filters, update];
}
