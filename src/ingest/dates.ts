// Date reading shared by the input readers. Pure. Every result is an ISO calendar date (YYYY-MM-DD).
// A timestamp keeps the calendar date as written ("2018-10-16T23:30:00-05:00" → 2018-10-16): that is the
// day the outlet says it published, which converting to UTC would change.

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const ORDINAL = '(?:st|nd|rd|th)?';

/** "2018-10-16", "2018/10/16", "2018.10.16" (year first is never ambiguous). */
const YEAR_FIRST = /(?<![\d-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/;
/** "16 October, 2018", "16th of Oct. 2018", "16-Oct-2018". */
const DAY_FIRST = new RegExp(
  `(?<!\\d)(\\d{1,2})${ORDINAL}[\\s-]+(?:of\\s+)?${MONTH}\\.?,?[\\s-]+(\\d{4})(?!\\d)`,
  'i',
);
/** "October 16, 2018", "Oct. 16th 2018". */
const MONTH_FIRST = new RegExp(`(?<![a-z])${MONTH}\\.?\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})(?!\\d)`, 'i');

/** YYYY-MM-DD from numbers, or null when they are not a real calendar day (1800–2199). */
export function calendarDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1800 || year > 2199 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const ISO_DATE_OR_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * The date of a strict ISO 8601 date or timestamp ("2018-10-16", "2018-10-16T08:30:00Z",
 * "2018-10-16T08:30:00.000+03:00"), or null for anything else.
 */
export function isoDateFrom(value: string): string | null {
  const m = ISO_DATE_OR_TIMESTAMP.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, hh, mm, ss] = m;
  if (hh !== undefined && (Number(hh) > 23 || Number(mm) > 59 || (ss !== undefined && Number(ss) > 60)))
    return null;
  return calendarDate(Number(y), Number(mo), Number(d));
}

export interface DateMatch {
  date: string;
  /** Where the matched words start in the searched text, and how long they are. */
  index: number;
  length: number;
}

/**
 * The first calendar date written in `text`: "2018-10-16", "16 October, 2018", "October 16, 2018",
 * "16 Oct 2018", "Oct. 16th, 2018". Numeric day/month orders such as 10/16/2018 are ambiguous and not read.
 */
export function findDate(text: string): DateMatch | null {
  const found: DateMatch[] = [];
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst) {
    const date = calendarDate(Number(yearFirst[1]), Number(yearFirst[3]), Number(yearFirst[4]));
    if (date) found.push({ date, index: yearFirst.index, length: yearFirst[0].length });
  }
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) {
    const date = calendarDate(Number(dayFirst[3]), monthNumber(dayFirst[2]), Number(dayFirst[1]));
    if (date) found.push({ date, index: dayFirst.index, length: dayFirst[0].length });
  }
  const monthFirst = MONTH_FIRST.exec(text);
  if (monthFirst) {
    const date = calendarDate(Number(monthFirst[3]), monthNumber(monthFirst[1]), Number(monthFirst[2]));
    if (date) found.push({ date, index: monthFirst.index, length: monthFirst[0].length });
  }
  found.sort((a, b) => a.index - b.index);
  return found[0] ?? null;
}

/**
 * A date from a metadata value: an ISO date or timestamp, "20181016", or a written date
 * ("Tue, 16 Oct 2018 08:00:00 GMT", "October 16, 2018 10:00 AM"). Null when none is found.
 */
export function normaliseDate(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const iso = isoDateFrom(trimmed);
  if (iso) return iso;
  const compact = /^(\d{4})(\d{2})(\d{2})(?:T\d{2,6}.*)?$/.exec(trimmed);
  if (compact) return calendarDate(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  return findDate(trimmed)?.date ?? null;
}

function monthNumber(name: string | undefined): number {
  return MONTHS[(name ?? '').toLowerCase()] ?? 0;
}
