import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  EMPTY_FILTERS,
  filterParams,
  filtersFromSearch,
  sameFilters,
  withoutDates,
} from './filters.js';

describe('filters in the query string', () => {
  it('round-trips through the page URL, dropping unset filters and bad has-fatalities values', () => {
    const f = filtersFromSearch('?country=SY&from=2024-01-01&actor=%20IRGC%20&hasFatalities=maybe&junk=1');
    expect(f).toEqual({ ...EMPTY_FILTERS, country: 'SY', from: '2024-01-01', actor: 'IRGC' });
    expect(filterParams(f, { limit: 50, cursor: null }).toString()).toBe(
      'from=2024-01-01&country=SY&actor=IRGC&limit=50',
    );
    expect(sameFilters(filtersFromSearch(`?${filterParams(f).toString()}`), f)).toBe(true);
    expect(activeFilterCount(f)).toBe(3);
    expect(activeFilterCount(withoutDates(f))).toBe(2);
  });
});
