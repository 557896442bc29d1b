// Per-day counts grouped into days, weeks or months, so the histogram stays readable over any span.
// Days are counted from 1970-01-01 (UTC), so no time zone moves an event to another day.
import type { TimelineBucket } from './api/types.js';

const DAY_MS = 86_400_000;

export type BinUnit = 'day' | 'week' | 'month';

export interface Bin {
  /** first day in the bin */
  start: number;
  /** first day after the bin */
  end: number;
  count: number;
}

export const dayOf = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
export const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

function binStart(day: number, unit: BinUnit): number {
  if (unit === 'day') return day;
  if (unit === 'week') return day - ((new Date(day * DAY_MS).getUTCDay() + 6) % 7); // Monday
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS;
}

function nextBin(start: number, unit: BinUnit): number {
  if (unit === 'day') return start + 1;
  if (unit === 'week') return start + 7;
  const d = new Date(start * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS;
}

export function chooseUnit(spanDays: number): BinUnit {
  if (spanDays <= 120) return 'day';
  if (spanDays <= 3 * 366) return 'week';
  return 'month';
}

export function makeBins(buckets: TimelineBucket[]): { unit: BinUnit; bins: Bin[] } {
  const days = buckets.map((b) => dayOf(b.date)).filter((d) => Number.isFinite(d));
  if (days.length === 0) return { unit: 'day', bins: [] };
  const first = Math.min(...days);
  const last = Math.max(...days);
  const unit = chooseUnit(last - first + 1);
  const bins: Bin[] = [];
  for (let start = binStart(first, unit); start <= last; start = nextBin(start, unit))
    bins.push({ start, end: nextBin(start, unit), count: 0 });
  for (const b of buckets) {
    const day = dayOf(b.date);
    const bin = bins.find((x) => day >= x.start && day < x.end);
    if (bin) bin.count += b.count;
  }
  return { unit, bins };
}

export function binLabel(bin: Bin, unit: BinUnit): string {
  const iso = isoOf(bin.start);
  if (unit === 'month') return iso.slice(0, 7);
  if (unit === 'week') return `week of ${iso}`;
  return iso;
}
