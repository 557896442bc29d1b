// The event filters of docs/API.md, as the UI holds them: strings, '' for "not set". They live in the
// page's query string so a filtered view can be bookmarked and shared.

export interface Filters {
  q: string;
  from: string;
  to: string;
  country: string;
  admin1: string;
  type: string;
  subType: string;
  actor: string;
  grade: string;
  hasFatalities: '' | 'true' | 'false';
}

export const EMPTY_FILTERS: Filters = {
  q: '',
  from: '',
  to: '',
  country: '',
  admin1: '',
  type: '',
  subType: '',
  actor: '',
  grade: '',
  hasFatalities: '',
};

const KEYS = Object.keys(EMPTY_FILTERS) as (keyof Filters)[];

export function filtersFromSearch(search: string): Filters {
  const params = new URLSearchParams(search);
  const out: Filters = { ...EMPTY_FILTERS };
  for (const key of KEYS) {
    const value = params.get(key)?.trim() ?? '';
    if (key === 'hasFatalities') out.hasFatalities = value === 'true' || value === 'false' ? value : '';
    else out[key] = value;
  }
  return out;
}

/** Query parameters for the filters that are set, plus `extra` (paging, format, …). */
export function filterParams(
  filters: Filters,
  extra: Record<string, string | number | null | undefined> = {},
): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of KEYS) if (filters[key] !== '') params.set(key, filters[key]);
  for (const [key, value] of Object.entries(extra))
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  return params;
}

export function withoutDates(filters: Filters): Filters {
  return { ...filters, from: '', to: '' };
}

export function sameFilters(a: Filters, b: Filters): boolean {
  return KEYS.every((key) => a[key] === b[key]);
}

/** A stable key for effects that refetch when the filters change. */
export function filtersKey(filters: Filters): string {
  return filterParams(filters).toString();
}

export function activeFilterCount(filters: Filters): number {
  return KEYS.filter((key) => filters[key] !== '').length;
}
