// Stage: date expressions, resolved against the report's published date into ranges with a precision.
// Past-tense news never dates an event after its own publication: "in November" read in October is
// last year's November, "on Friday" is the most recent Friday on or before the published day.
import type { DatePrecision, DateRange, IsoDate } from '../domain/types.js';

export interface DateMention {
  start: number;
  end: number;
  text: string;
  range: DateRange;
  /** TIMEX3-style value: "2018-10-16", "2018-W41", "2018-10", "2018", "PRESENT_REF". */
  value: string;
  /** 'period' marks spans like "since 2011": background, aggregates over time. */
  kind: 'point' | 'period';
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_ABBR: Record<string, number> = {};
MONTHS.forEach((m, i) => {
  MONTH_ABBR[m] = i;
  MONTH_ABBR[m.slice(0, 3)] = i;
});
MONTH_ABBR.sept = 8;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const DAY_MS = 86_400_000;
export const toDate = (iso: IsoDate): Date => new Date(`${iso}T00:00:00Z`);
export const iso = (d: Date): IsoDate => d.toISOString().slice(0, 10);
export const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * DAY_MS);
const ymd = (y: number, m: number, day: number): Date => new Date(Date.UTC(y, m, day));
const lastDayOfMonth = (y: number, m: number): number => new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
const pad = (n: number): string => String(n).padStart(2, '0');

export function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(t.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((t.getTime() - yearStart.getTime()) / DAY_MS + 1) / 7);
  return `${t.getUTCFullYear()}-W${pad(week)}`;
}

const range = (start: Date, end: Date, precision: DatePrecision): DateRange => ({
  start: iso(start),
  end: iso(end),
  precision,
});
const dayRange = (d: Date): DateRange => range(d, d, 'day');
const monthRange = (y: number, m: number, from = 1, to?: number): DateRange =>
  range(ymd(y, m, from), ymd(y, m, to ?? lastDayOfMonth(y, m)), 'month');
const clampEnd = (r: DateRange, published: Date | null): DateRange =>
  published && r.end > iso(published) ? { ...r, end: iso(published) } : r;

/** Monday of the week containing d. */
const mondayOf = (d: Date): Date => addDays(d, -((d.getUTCDay() || 7) - 1));

type Resolver = (m: RegExpMatchArray, pub: Date | null) => Omit<DateMention, 'start' | 'end' | 'text'> | null;

const MONTH_RX =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY_RX = '(monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const PART_RX = '(?:\\s+(?:night|morning|evening|afternoon))?';

const monthIndex = (word: string): number => MONTH_ABBR[word.toLowerCase().replace(/\.$/, '')] ?? 0;

/** The year of a month mentioned without one: never after the published month. */
function inferYear(month: number, day: number | null, pub: Date | null): number {
  if (!pub) return new Date().getUTCFullYear();
  const y = pub.getUTCFullYear();
  const candidate = ymd(y, month, day ?? 1);
  return candidate.getTime() > pub.getTime() + DAY_MS ? y - 1 : y;
}

const point = (r: DateRange, value: string) => ({ range: r, value, kind: 'point' as const });

/** Ordered: longer, more specific patterns first; a span taken by one is not read again. */
const RULES: [RegExp, Resolver][] = [
  [
    /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    (m) => {
      const d = ymd(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
      return point(dayRange(d), iso(d));
    },
  ],
  // "16 October, 2018", "3 March", "3rd of March 2024"
  [
    new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RX}(?:,?\\s+(\\d{4}))?\\b`, 'gi'),
    (m, pub) => {
      const day = Number(m[1]);
      const month = monthIndex(m[2] ?? '');
      if (day < 1 || day > 31) return null;
      const year = m[3] ? Number(m[3]) : inferYear(month, day, pub);
      const d = ymd(year, month, day);
      return point(dayRange(d), iso(d));
    },
  ],
  // "October 16, 2018", "March 3"
  [
    new RegExp(
      `\\b${MONTH_RX}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b(?!\\s*(?:km|kilomet|mile|people|civilians|soldiers))`,
      'gi',
    ),
    (m, pub) => {
      const month = monthIndex(m[1] ?? '');
      const day = Number(m[2]);
      if (day < 1 || day > 31) return null;
      const year = m[3] ? Number(m[3]) : inferYear(month, day, pub);
      const d = ymd(year, month, day);
      return point(dayRange(d), iso(d));
    },
  ],
  // "early September 2018", "late March", "mid-June", "September 2018", "in September"
  [
    new RegExp(
      `\\b(?:(early|late|mid-?|the\\s+(?:beginning|start|end|middle)\\s+of)\\s*)?${MONTH_RX}(?:\\s+(\\d{4}))?\\b`,
      'gi',
    ),
    (m, pub) => {
      const word = (m[2] ?? '').toLowerCase().replace(/\.$/, '');
      if (word === 'may' && !m[1] && !m[3]) return null; // the verb "may"
      if (word === 'mar' || word === 'march') {
        if (
          !m[1] &&
          !m[3] &&
          !/\b(?:in|since|during|of|until|by|last|this|early|late|mid)\s+$/i.test(
            (m.input ?? '').slice(Math.max(0, (m.index ?? 0) - 8), m.index),
          )
        )
          return null; // "march" the verb or noun
      }
      const month = monthIndex(word);
      const year = m[3] ? Number(m[3]) : inferYear(month, null, pub);
      const part = (m[1] ?? '').toLowerCase();
      const last = lastDayOfMonth(year, month);
      let r = monthRange(year, month);
      if (part.startsWith('early') || /beginning|start/.test(part)) r = monthRange(year, month, 1, 10);
      else if (part.startsWith('mid') || /middle/.test(part)) r = monthRange(year, month, 11, 20);
      else if (part.startsWith('late') || /end/.test(part)) r = monthRange(year, month, 21, last);
      return point(clampEnd(r, pub), `${year}-${pad(month + 1)}`);
    },
  ],
  [
    /\b(?:since|from)\s+(?:the\s+(?:start|beginning)\s+of\s+)?(1[89]\d\d|20\d\d)\b/gi,
    (m, pub) => {
      const y = Number(m[1]);
      return { range: range(ymd(y, 0, 1), pub ?? ymd(y, 11, 31), 'year'), value: String(y), kind: 'period' };
    },
  ],
  [
    /\b(?:in|during|of|by|until|throughout)\s+(1[89]\d\d|20\d\d)\b/gi,
    (m) => {
      const y = Number(m[1]);
      return point(range(ymd(y, 0, 1), ymd(y, 11, 31), 'year'), String(y));
    },
  ],
  [
    new RegExp(`\\b(?:on|by|late|early|last|this)?\\s*${WEEKDAY_RX}${PART_RX}\\b`, 'gi'),
    (m, pub) => {
      if (!pub) return null;
      const target = WEEKDAYS.indexOf((m[1] ?? '').toLowerCase());
      const back = (pub.getUTCDay() - target + 7) % 7;
      const d = addDays(pub, -back);
      return point(dayRange(d), iso(d));
    },
  ],
  [
    /\b(?:the\s+day\s+before\s+yesterday)\b/gi,
    (_m, pub) => (pub ? point(dayRange(addDays(pub, -2)), iso(addDays(pub, -2))) : null),
  ],
  [
    /\byesterday(?:\s+(?:morning|afternoon|evening))?\b/gi,
    (_m, pub) => (pub ? point(dayRange(addDays(pub, -1)), iso(addDays(pub, -1))) : null),
  ],
  [
    /\b(?:last\s+night|overnight)\b/gi,
    (_m, pub) => (pub ? point(dayRange(addDays(pub, -1)), iso(addDays(pub, -1))) : null),
  ],
  [
    /\b(?:today|this\s+(?:morning|afternoon|evening)|tonight|earlier\s+today)\b/gi,
    (m, pub) => {
      // "USA Today", "Mesopotamia Today": a capitalised "Today" after a capitalised word is a name
      const before = (m.input ?? '').slice(Math.max(0, (m.index ?? 0) - 20), m.index);
      if (/^Today/.test(m[0]) && /\p{Lu}[\p{L}.]*\s+$/u.test(before)) return null;
      return pub ? point(dayRange(pub), iso(pub)) : null;
    },
  ],
  [
    /\b(\w+|\d+)\s+days?\s+ago\b/gi,
    (m, pub) => {
      const n = /^\d+$/.test(m[1] ?? '')
        ? Number(m[1])
        : (
            { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, few: 3, several: 3 } as Record<
              string,
              number
            >
          )[(m[1] ?? '').toLowerCase()];
      if (!pub || !n) return null;
      if ((m[1] ?? '').toLowerCase() === 'few' || (m[1] ?? '').toLowerCase() === 'several') {
        return point(range(addDays(pub, -6), addDays(pub, -2), 'week'), isoWeek(pub));
      }
      const d = addDays(pub, -n);
      return point(dayRange(d), iso(d));
    },
  ],
  [
    /\b(?:earlier\s+this|this\s+past|this)\s+week\b/gi,
    (_m, pub) => (pub ? point(range(mondayOf(pub), pub, 'week'), isoWeek(pub)) : null),
  ],
  [
    /\blast\s+week(?:end)?\b/gi,
    (m, pub) => {
      if (!pub) return null;
      const monday = addDays(mondayOf(pub), -7);
      if (/weekend/i.test(m[0])) {
        const sat = addDays(mondayOf(pub), -2);
        return point(range(sat, addDays(sat, 1), 'week'), `${isoWeek(sat)}-WE`);
      }
      return point(range(monday, addDays(monday, 6), 'week'), isoWeek(monday));
    },
  ],
  [
    /\b(?:over\s+|at\s+|on\s+)?the\s+weekend\b/gi,
    (_m, pub) => {
      if (!pub) return null;
      const dow = pub.getUTCDay();
      const sat = dow === 6 ? pub : dow === 0 ? addDays(pub, -1) : addDays(mondayOf(pub), -2);
      return point(clampEnd(range(sat, addDays(sat, 1), 'week'), pub), `${isoWeek(sat)}-WE`);
    },
  ],
  [
    /\b(?:earlier\s+(?:this|in\s+the)|this|so\s+far\s+this)\s+month\b/gi,
    (_m, pub) => {
      if (!pub) return null;
      const first = ymd(pub.getUTCFullYear(), pub.getUTCMonth(), 1);
      // in the first week of a month, "earlier this month" is known to within a week
      return point(range(first, pub, pub.getUTCDate() <= 7 ? 'week' : 'month'), iso(pub).slice(0, 7));
    },
  ],
  [
    /\blast\s+month\b/gi,
    (_m, pub) => {
      if (!pub) return null;
      const y = pub.getUTCMonth() === 0 ? pub.getUTCFullYear() - 1 : pub.getUTCFullYear();
      const m = (pub.getUTCMonth() + 11) % 12;
      return point(monthRange(y, m), `${y}-${pad(m + 1)}`);
    },
  ],
  [
    /\b(?:earlier\s+this|this|so\s+far\s+this)\s+year\b/gi,
    (_m, pub) => {
      if (!pub) return null;
      return point(range(ymd(pub.getUTCFullYear(), 0, 1), pub, 'year'), String(pub.getUTCFullYear()));
    },
  ],
  [
    /\blast\s+year\b/gi,
    (_m, pub) => {
      if (!pub) return null;
      const y = pub.getUTCFullYear() - 1;
      return point(range(ymd(y, 0, 1), ymd(y, 11, 31), 'year'), String(y));
    },
  ],
  [
    /\b(?:in\s+)?the\s+(?:past|last)\s+(\w+)\s+(days|weeks|months|years)\b/gi,
    (m, pub) => {
      if (!pub) return null;
      const n =
        Number(m[1]) ||
        (
          { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, ten: 10, few: 3, several: 3 } as Record<
            string,
            number
          >
        )[(m[1] ?? '').toLowerCase()];
      if (!n) return null;
      const unit = (m[2] ?? '').toLowerCase();
      const days = unit === 'days' ? n : unit === 'weeks' ? 7 * n : unit === 'months' ? 30 * n : 365 * n;
      return {
        range: range(
          addDays(pub, -days),
          pub,
          unit === 'days' && n <= 7 ? 'week' : unit === 'years' ? 'year' : 'month',
        ),
        value: 'PAST_REF',
        kind: 'period',
      };
    },
  ],
  [
    /\b(?:over|in|during)\s+the\s+(?:past|last)\s+(day|24\s+hours|week|month|year)\b/gi,
    (m, pub) => {
      if (!pub) return null;
      const unit = (m[1] ?? '').toLowerCase();
      const days = unit === 'week' ? 7 : unit === 'month' ? 30 : unit === 'year' ? 365 : 1;
      const precision = days <= 7 ? 'week' : days <= 31 ? 'month' : 'year';
      return { range: range(addDays(pub, -days), pub, precision), value: 'PAST_REF', kind: 'period' };
    },
  ],
  [
    /\b(?:currently|now|at\s+present|at\s+the\s+moment)\b/gi,
    (_m, pub) => (pub ? { range: dayRange(pub), value: 'PRESENT_REF', kind: 'point' } : null),
  ],
];

/** All date expressions of a text, resolved against `published` (YYYY-MM-DD or null). */
export function findDates(text: string, published: IsoDate | null): DateMention[] {
  const pub = published ? toDate(published) : null;
  const taken: [number, number][] = [];
  const out: DateMention[] = [];
  const free = (s: number, e: number): boolean => taken.every(([a, b]) => e <= a || s >= b);
  for (const [rx, resolve] of RULES) {
    for (const m of text.matchAll(rx)) {
      let start = m.index;
      let matched = m[0];
      // trim a leading space picked up by optional groups
      const lead = matched.length - matched.trimStart().length;
      start += lead;
      matched = matched.trim();
      const end = start + matched.length;
      if (!free(start, end)) continue;
      const r = resolve(m, pub);
      if (!r) continue;
      taken.push([start, end]);
      out.push({ start, end, text: matched, ...r });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
