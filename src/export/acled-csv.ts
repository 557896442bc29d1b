// ACLED CSV: the 31 columns of ACLED's export (since 2023), in order. Docket keeps unknown
// fatalities empty rather than 0, and writes a date range's midpoint with its time precision.
import type { StoredEvent } from '../domain/types.js';
import { DISORDER_TYPE } from '../domain/types.js';
import type { CountryInfo } from '../gazetteer/countries.js';

export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const TIME_PRECISION = { day: 1, week: 2, month: 3, year: 3 } as const;

function midpoint(start: string, end: string): string {
  const a = Date.parse(`${start}T00:00:00Z`);
  const b = Date.parse(`${end}T00:00:00Z`);
  return new Date(a + Math.floor((b - a) / 86_400_000 / 2) * 86_400_000).toISOString().slice(0, 10);
}

/** One ACLED row for an event. `seq` numbers events per country for event_id_cnty. */
export function acledRow(e: StoredEvent, seq: number, country: CountryInfo | undefined): string[] {
  const by = (role: string) => e.actors.filter((a) => a.role === role);
  const a1 = by('actor1')[0];
  const a2 = by('actor2')[0];
  const assoc = by('associate')
    .map((a) => a.name)
    .join('; ');
  const inter1 = a1?.inter ?? '';
  const inter2 = a2?.inter ?? '';
  const interaction = a1?.inter
    ? a2?.inter
      ? Number([a1.inter, a2.inter].sort().join(''))
      : a1.inter * 10
    : '';
  const date = e.date.precision === 'day' ? e.date.start : midpoint(e.date.start, e.date.end);
  const l = e.location;
  const cells: (string | number | null | undefined)[] = [
    `${country?.cca3 ?? l?.countryCode ?? 'XXX'}${seq}`,
    date,
    date.slice(0, 4),
    TIME_PRECISION[e.date.precision],
    DISORDER_TYPE[e.eventType],
    e.eventType,
    e.subEventType,
    a1?.name ?? '',
    '',
    inter1,
    a2?.name ?? '',
    assoc,
    inter2,
    interaction,
    a2?.inter === 7 ? 'Civilian targeting' : '',
    country?.ccn3 ?? '',
    country?.region ?? '',
    l?.country ?? '',
    l?.admin1 ?? '',
    l?.admin2 ?? '',
    '',
    l?.name ?? '',
    l ? l.lat.toFixed(4) : '',
    l ? l.lon.toFixed(4) : '',
    l?.geoPrecision ?? '',
    [e.outlet, ...e.reportedBy].filter(Boolean).join('; '),
    '',
    e.summary,
    e.fatalities ? e.fatalities.best : '',
    e.fatalities === null ? 'fatalities not reported' : '',
    e.published ? Math.floor(Date.parse(`${e.published}T00:00:00Z`) / 1000) : '',
  ];
  return cells.map(csvCell);
}
