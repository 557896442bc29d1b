// Stage: date expressions, resolved against the report's published date into ranges with a precision.
// Past-tense news never dates an event after its own publication: "in November" read in October is
// last year's November, "on Friday" is the most recent Friday on or before the published day.
// The rules live in timex.ts (shared with `docket dates`); this stage keeps the expressions that name a
// calendar range, with the span the extraction reads (a leading "on", "in" or "since" included).
import type { DateRange, IsoDate } from '../domain/types.js';
import { findTimexes } from './timex.js';

export { addDays, iso, isoWeek, toDate } from './timex.js';

export interface DateMention {
  start: number;
  end: number;
  text: string;
  range: DateRange;
  /** TIMEX3-style value: "2018-10-16", "2018-W41", "2018-10", "2018-Q3", "2018", "PRESENT_REF". */
  value: string;
  /** 'period' marks spans like "since 2011": background, aggregates over time. */
  kind: 'point' | 'period';
}

/** All date expressions of a text that name a range, resolved against `published` (YYYY-MM-DD or null). */
export function findDates(text: string, published: IsoDate | null): DateMention[] {
  const out: DateMention[] = [];
  for (const t of findTimexes(text, published)) {
    if (!t.range) continue;
    out.push({
      start: t.outerStart,
      end: t.end,
      text: text.slice(t.outerStart, t.end),
      range: t.range,
      value: t.value,
      kind: t.kind,
    });
  }
  return out;
}
