// Temporal expressions (TIMEX3-style) found in a text and resolved against the report's published date.
// One rule set serves two readers: `findDates` (dates.ts, the extraction stage: expressions with a range)
// and `docket dates --jsonl` (every expression with its value, vague ones like "recently" included).
//
// Resolution. A report tells what has happened, so an expression without a year or a week looks back:
// "in November" read in October is last year's November, "on Friday" the most recent Friday on or before
// the published day. Only where the sentence itself speaks of the future ("will", "is expected to",
// "next …", "scheduled") do such expressions look forward. Expressions that point back at a date already
// told ("that day", "the next day", "a year earlier" after a quarter's figures) take it as their anchor.
import type { DatePrecision, DateRange, IsoDate } from '../domain/types.js';
import { numberWord } from './numbers.js';

export interface Timex {
  /** Offsets of the expression itself ("Tuesday", "the third quarter"), as JS string indices. */
  start: number;
  end: number;
  text: string;
  /** Where the match began, including a leading preposition the rule reads ("on Tuesday", "since 2011"). */
  outerStart: number;
  /**
   * TIMEX3-style value: "2018-10-16", "2018-W41", "2018-W41-WE", "2018-10", "2018-Q3", "2018-H1",
   * "2018-SU", "2018", "199X" (a decade), "19" (a century), "PRESENT_REF", "PAST_REF", "FUTURE_REF".
   */
  value: string;
  /** The calendar range meant, or null for vague references ("recently", "the future"). */
  range: DateRange | null;
  /** 'period' marks spans like "since 2011" or "over the past week": background, aggregates over time. */
  kind: 'point' | 'period';
}

// ------------------------------------------------------------------------------------ calendar helpers

const DAY_MS = 86_400_000;
const pad = (n: number): string => String(n).padStart(2, '0');
export const toDate = (iso: IsoDate): Date => new Date(`${iso}T00:00:00Z`);
export const iso = (d: Date): IsoDate =>
  `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
export const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * DAY_MS);
const ymd = (y: number, m: number, day: number): Date => new Date(Date.UTC(y, m, day));
const lastDayOfMonth = (y: number, m: number): number => new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
const yearOf = (d: Date): number => d.getUTCFullYear();
const monthOf = (d: Date): number => d.getUTCMonth();

export function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(t.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((t.getTime() - yearStart.getTime()) / DAY_MS + 1) / 7);
  return `${t.getUTCFullYear()}-W${pad(week)}`;
}

/** Monday of the week containing d. */
const mondayOf = (d: Date): Date => addDays(d, -((d.getUTCDay() || 7) - 1));

const range = (start: Date, end: Date, precision: DatePrecision): DateRange => ({
  start: iso(start),
  end: iso(end),
  precision,
});
const dayRange = (d: Date): DateRange => range(d, d, 'day');
const monthRange = (y: number, m: number, from = 1, to?: number): DateRange =>
  range(ymd(y, m, from), ymd(y, m, to ?? lastDayOfMonth(y, m)), 'month');
const yearRange = (y: number): DateRange => range(ymd(y, 0, 1), ymd(y, 11, 31), 'year');
const quarterRange = (y: number, q: number): DateRange =>
  range(ymd(y, 3 * (q - 1), 1), ymd(y, 3 * q - 1, lastDayOfMonth(y, 3 * q - 1)), 'month');
const clampEnd = (r: DateRange, published: Date | null): DateRange =>
  published && r.end > iso(published) && r.start <= iso(published) ? { ...r, end: iso(published) } : r;
const monthValue = (y: number, m: number): string => `${y}-${pad(m + 1)}`;

// ------------------------------------------------------------------------------------------ words

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
const MONTH_INDEX: Record<string, number> = { sept: 8 };
MONTHS.forEach((m, i) => {
  MONTH_INDEX[m] = i;
  MONTH_INDEX[m.slice(0, 3)] = i;
});
const monthIndex = (word: string): number => MONTH_INDEX[word.toLowerCase().replace(/\.$/, '')] ?? 0;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** A count in digits or words; "few" and "several" are vague (null). */
const count = (word: string): number | null => {
  const w = word.toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  return numberWord(w);
};
const ORDINALS: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  last: 4,
  final: 4,
};
const SEASONS: Record<string, [code: string, firstMonth: number]> = {
  spring: ['SP', 2],
  summer: ['SU', 5],
  fall: ['FA', 8],
  autumn: ['FA', 8],
  winter: ['WI', 11],
};

const MONTH_RX =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY_RX = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const PART_RX = '(?:\\s+(?:night|morning|evening|afternoon))?';
const NUM_RX =
  '(?:\\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|couple|few|several)';
/** "ten" … "nineteen" (10 + index), then "twenty" … "ninety" (10 × (index − 8)). */
const TENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
];
const TENS_RX = `(?:${TENS.join('|')})`;
const UNITS_RX = '(?:one|two|three|four|five|six|seven|eight|nine)';
const YEAR_RX = '(?:1[7-9]\\d\\d|20\\d\\d)';
const ORD_RX = '(?:first|second|third|fourth|1st|2nd|3rd|4th|last|final)';

// ------------------------------------------------------------------------------ tense of a sentence

/** The sentence around [start, end): back to the last full stop, on to the next one. */
function sentenceAround(text: string, start: number, end: number): { before: string; after: string } {
  const back = text.slice(Math.max(0, start - 300), start);
  let from = 0;
  for (const m of back.matchAll(/[.!?]['"”’)]*\s+(?=["“'‘(]*\p{Lu})|\n/gu)) from = m.index + m[0].length;
  const ahead = text.slice(end, end + 300);
  const stop = /[.!?](?=['"”’)]*\s+["“'‘(]*\p{Lu})|\n/u.exec(ahead);
  return { before: back.slice(from), after: stop ? ahead.slice(0, stop.index) : ahead };
}

const FUTURE_CUE =
  /\b(?:will|won't|shall|'ll|going to|plans? to|planned to|planning to|planned for|(?<!(?:was|were|had been)\s+(?:\w+\s+)?)(?:scheduled|expected to|due to|set to)|expects? to|(?:is|are) due|intends? to|aims? to|to be (?:held|released|published|completed|delivered)|upcoming|forthcoming|later this|next)\b/i;
/** Right before the date: a deadline or a time still to come ("by Jan. 14", "payable Dec. 7", "as early as Tuesday"). */
const FUTURE_LEAD =
  /\b(?:as (?:soon|early) as|no later than|scheduled for|set for|slated for|planned for|due|payable|expires?|effective|takes? effect|deadline|extended to|until|till|through|by|(?:of )?record|reconvenes?|starting|beginning)\s+(?:on\s+)?$/i;
const FUTURE_AFTER =
  /^(?:'s)?\s+(?:deadline|target|date for|meeting|summit|vote|election|hearing|ceremony)\b/i;
/** A verb in the past right before the date dates a past act ("announced Wednesday", "met Monday"). */
const PAST_LEAD =
  /\b(?:\w+ed|said|told|met|came|went|left|began|took|held|made|gave|saw|won|lost|fell|rose|sold|bought|paid|struck|hit|shot|fought|was|were|had)\s+(?:on\s+|late\s+|early\s+)?$/i;

const CLAUSE_BREAK = /[,;:()"“”]|\b(?:that|which|who|whom|where|while|after|because|but|following)\b/gi;
const CLAUSE_BREAK_AHEAD = /[,;:()"“”]|\b(?:that|which|who|whom|where|while|after|because|but|following)\b/i;

/** True when the date speaks of what is still to come: a deadline, or a sentence in the future tense. */
function speaksOfFuture(text: string, start: number, end: number, weekday: boolean): boolean {
  const near = text.slice(Math.max(0, start - 30), start);
  if (PAST_LEAD.test(near) && !FUTURE_LEAD.test(near)) return false;
  if (FUTURE_LEAD.test(near) && !(weekday && /\b(?:by|until|till|through)\s+(?:on\s+)?$/i.test(near)))
    return true;
  if (FUTURE_AFTER.test(text.slice(end, end + 20))) return true;
  // only the clause of the date counts: "the bulletin will tell of actions that took place Thursday"
  const { before, after } = sentenceAround(text, start, end);
  let from = 0;
  for (const m of before.matchAll(CLAUSE_BREAK)) from = m.index + m[0].length;
  const to = CLAUSE_BREAK_AHEAD.exec(after)?.index ?? after.length;
  return FUTURE_CUE.test(before.slice(from)) || FUTURE_CUE.test(after.slice(0, to));
}

// ------------------------------------------------------------------------------------------- rules

interface Found {
  value: string;
  range: DateRange | null;
  kind?: 'point' | 'period';
}

interface Ctx {
  /** The whole match, the prefix included. */
  s: string;
  /** Named groups of the match (empty strings for groups that did not take part). */
  g: Record<string, string>;
  pub: Date | null;
  text: string;
  start: number;
  end: number;
  /** Whether the sentence speaks of the future (computed on demand). */
  future(): boolean;
  /** The last expression found before this one whose value has the given shape, within `within` chars. */
  anchor(shape: RegExp, within: number): Timex | null;
}

interface Rule {
  /** Whole words (lower case) of which the text must hold one before the rule's pattern is run over it;
   *  "0s" stands for a decade written in digits ("1990s"). */
  hint?: string[];
  /** The pattern, starting at its most distinctive word. */
  rx: RegExp;
  /** Words the expression may begin with, matched backwards from the pattern (anchored with `$`). */
  prefix?: RegExp;
  resolve: (c: Ctx) => Found | null;
}

const point = (value: string, r: DateRange | null): Found => ({ value, range: r, kind: 'point' });

/** The year of a month (and day) mentioned without one: looking back, or forward in future talk. */
function yearFor(month: number, day: number | null, c: Ctx): number {
  const pub = c.pub!;
  const y = yearOf(pub);
  const candidate = ymd(y, month, day ?? 1);
  if (c.future()) {
    // in talk of what is to come, the nearest such month or day (this year's, or the next or last one
    // when this year's is more than half a year away)
    const off = (candidate.getTime() - pub.getTime()) / DAY_MS;
    return off < -183 ? y + 1 : off > 183 ? y - 1 : y;
  }
  return candidate.getTime() > pub.getTime() + DAY_MS ? y - 1 : y;
}

function dayFound(y: number, month: number, day: number): Found | null {
  if (day < 1 || day > lastDayOfMonth(y, month)) return null;
  const d = ymd(y, month, day);
  return point(iso(d), dayRange(d));
}

function weekdayFound(name: string, c: Ctx, direction: 'back' | 'forward' | 'auto'): Found | null {
  const pub = c.pub;
  if (!pub) return null;
  const target = WEEKDAYS.indexOf(name.toLowerCase());
  const forward = direction === 'forward' || (direction === 'auto' && c.future());
  const shift = forward ? (target - pub.getUTCDay() + 7) % 7 : -((pub.getUTCDay() - target + 7) % 7);
  const d = addDays(pub, shift);
  return point(iso(d), dayRange(d));
}

/** A quarter of a year; without the year, the latest quarter begun by publication (or the next, in future talk). */
function quarterFound(q: number, year: number | null, c: Ctx): Found | null {
  if (q < 1 || q > 4) return null;
  let y = year;
  if (y === null) {
    if (!c.pub) return null;
    const pubQ = Math.floor(monthOf(c.pub) / 3) + 1;
    y = yearOf(c.pub);
    if (c.future()) y = q < pubQ - 1 ? y + 1 : y;
    else y = q > pubQ ? y - 1 : y;
  }
  return point(`${y}-Q${q}`, quarterRange(y, q));
}

function seasonFound(word: string, which: string, year: number | null, c: Ctx): Found | null {
  const [code, first] = SEASONS[word.toLowerCase()] ?? ['', 0];
  if (!code) return null;
  let y = year;
  if (y === null) {
    if (!c.pub) return null;
    y = yearOf(c.pub);
    const m = monthOf(c.pub);
    // a winter that began last December is this season in January and February
    const inSeason = code === 'WI' ? m >= 11 || m <= 1 : m >= first && m <= first + 2;
    const begun = m >= first || (code === 'WI' && m <= 1);
    const startYear = code === 'WI' && m <= 1 ? y - 1 : y;
    if (which === 'last') y = inSeason ? startYear - 1 : begun ? startYear : y - 1;
    else if (which === 'next') y = begun ? y + 1 : y;
    else if (which === 'this') y = startYear;
    else y = c.future() ? (begun && !inSeason ? y + 1 : startYear) : begun ? startYear : y - 1;
  }
  const startMonth = first;
  const r = range(ymd(y, startMonth, 1), ymd(y, startMonth + 3, 0), 'month');
  return point(`${y}-${code}`, r);
}

const weekFound = (monday: Date): Found => point(isoWeek(monday), range(monday, addDays(monday, 6), 'week'));
const monthFound = (y: number, m: number): Found => point(monthValue(y, m), monthRange(y, m));
const yearFound = (y: number): Found => point(String(y), yearRange(y));

/** Shift a date by n units back (n < 0) or forward. */
function shifted(pub: Date, n: number, unit: string): Found {
  const u = unit.toLowerCase().replace(/s$/, '');
  if (u === 'day') return point(iso(addDays(pub, n)), dayRange(addDays(pub, n)));
  if (u === 'week') return weekFound(mondayOf(addDays(pub, 7 * n)));
  if (u === 'month') {
    const t = ymd(yearOf(pub), monthOf(pub) + n, 1);
    return monthFound(yearOf(t), monthOf(t));
  }
  if (u === 'decade') {
    const y = yearOf(pub) + 10 * n;
    return point(String(y), yearRange(y));
  }
  return yearFound(yearOf(pub) + n);
}

/** Guards for a bare year: not an amount, a count, a code or part of a longer number. */
const YEAR_BEFORE_BLOCK =
  /(?:[$£€#\d.,]|\bNo\.?\s*|\b(?:Route|Highway|Flight|Resolution|number|Article|Section|Rule|Model|Windows|Office)\s+)$/i;
const YEAR_AFTER_BLOCK =
  /^(?:[.,]\d|\d|\s*%|-\d|\s*(?:percent|per cent|people|persons|civilians|soldiers|troops|fighters|residents|refugees|children|men|women|members|workers|employees|shares|tons|tonnes|barrels|dollars|euros|pounds|km|kilomet|miles|metres|meters|feet|hectares|acres|units|cars|homes|houses|votes|pages|points|rounds|rockets|missiles|shells|cases|deaths|dead|killed|wounded|injured|a\.m|p\.m|hours|hrs|GMT|UTC|local))/i;

/** A 24-hour clock time as wire copy writes it ("at 1930", "at about 2030 hours"): "at" never leads a year. */
const CLOCK_BEFORE = /\bat\s+(?:about\s+|around\s+|approximately\s+)?$/i;
const isClock = (s: string): boolean => /^(?:[01]\d|2[0-3])[0-5]\d$/.test(s);

/** Ordered: longer, more specific patterns first; a span taken by one is not read again. */
const RULES: Rule[] = [
  // ISO dates: 2018-10-16
  {
    rx: /\b(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})\b/g,
    resolve: ({ g }) => dayFound(Number(g.y), Number(g.mo) - 1, Number(g.d)),
  },
  // "Monday, Oct. 26, 1998", "Friday, 16 October": the weekday adds nothing once the date is given
  {
    rx: new RegExp(
      `\\b(?:(?<d1>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<m1>${MONTH_RX})|(?<m2>${MONTH_RX})\\s+(?<d2>\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*(?:km|kilomet|mile|people|civilians|soldiers|%|percent|per cent|[.,]\\d)))(?:,?\\s+(?<y>${YEAR_RX}))?\\b`,
      'gi',
    ),
    prefix: new RegExp(`\\b${WEEKDAY_RX},?\\s+$`, 'i'),
    resolve: (c) => {
      const { g } = c;
      const month = monthIndex(g.m1 || g.m2 || '');
      const day = Number(g.d1 || g.d2);
      if (!g.y && !c.pub) return null;
      if (/^may$/i.test(g.m2 ?? '') && !g.y && /^\s*\d/.test(c.s.slice(3)) && !/^May/.test(g.m2 ?? ''))
        return null; // "may 3 …" in lower case is the verb before a number
      return dayFound(g.y ? Number(g.y) : yearFor(month, day, c), month, day);
    },
  },
  // "the first quarter of 1998", "fiscal 1998's third quarter", "the third quarter", "third-quarter"
  {
    hint: ['quarter', 'quarters', 'half'],
    rx: new RegExp(
      `\\b(?:fiscal[- ])?(?<ord>${ORD_RX})[- ](?:fiscal[- ])?(?<unit>quarter|half)\\b(?:\\s+of\\s+(?:(?:fiscal|the)\\s+)?(?:(?<ya>${YEAR_RX})|(?<rel>this|last|next)\\s+year))?`,
      'gi',
    ),
    prefix: new RegExp(
      `(?:\\b(?<yb>${YEAR_RX})(?:'s)?\\s+|\\b(?:the|this|last|next)\\s+(?:(?:fiscal|calendar|year's|year)\\s+)?(?:(?<yb2>${YEAR_RX})\\s+)?)$`,
      'i',
    ),
    resolve: (c) => {
      const { g } = c;
      const lead = c.s.toLowerCase();
      const ord = ORDINALS[(g.ord ?? '').toLowerCase()] ?? 0;
      let year: number | null = Number(g.yb || g.yb2 || g.ya) || null;
      if (c.pub && g.rel)
        year = yearOf(c.pub) + (g.rel.toLowerCase() === 'last' ? -1 : g.rel.toLowerCase() === 'next' ? 1 : 0);
      if (
        c.pub &&
        year === null &&
        /^last\s/.test(lead) &&
        !/^last[- ]/.test(lead.replace(/^last\s+(?:fiscal\s+)?(?:year's\s+)?/, 'x '))
      )
        year = yearOf(c.pub) - 1;
      if (/^(?:last|final)$/i.test(g.ord ?? '') && /^the\s+(?:last|final)/.test(lead) && !g.ya) return null; // "the last half" of a match
      if ((g.unit ?? '').toLowerCase() === 'half') {
        if (ord > 2 && !/^(?:last|final)$/i.test(g.ord ?? '')) return null;
        const h = ord > 2 ? 2 : ord;
        const y =
          year ?? (c.pub ? yearOf(c.pub) - (h === 2 && monthOf(c.pub) < 6 && !c.future() ? 1 : 0) : null);
        if (y === null) return null;
        return point(`${y}-H${h}`, range(ymd(y, 6 * (h - 1), 1), ymd(y, 6 * h, 0), 'month'));
      }
      return quarterFound(ord, year, c);
    },
  },
  // "Q3 2018", "3Q"
  {
    rx: new RegExp(`\\b(?:Q(?<q>[1-4])(?:\\s+(?<y>${YEAR_RX}))?|(?<q2>[1-4])Q)\\b`, 'g'),
    resolve: (c) => quarterFound(Number(c.g.q || c.g.q2), c.g.y ? Number(c.g.y) : null, c),
  },
  // "the summer of 1998", "last fall", "this winter", "in the spring"
  {
    hint: ['spring', 'summer', 'fall', 'autumn', 'winter'],
    rx: new RegExp(
      `\\b(?<s>spring|summer|fall|autumn|winter)\\b(?:\\s+of\\s+(?<y>${YEAR_RX})|\\s+(?<y2>${YEAR_RX}))?`,
      'gi',
    ),
    prefix: /\b(?<which>last|this|next|this\s+past|this\s+coming|early|late|the|mid)(?:\s+|-)$/i,
    resolve: (c) => {
      const { g } = c;
      const which = (g.which ?? '').toLowerCase().replace(/\s+/g, ' ');
      const year = Number(g.y || g.y2) || null;
      // "fall" is a verb and a noun: as a season it needs a determiner or a year
      if (!which && !year) return null;
      if (
        /^fall$/i.test(g.s ?? '') &&
        which === 'the' &&
        !year &&
        !/\b(?:in|during|over|since|until|by|this|that)\s+$/i.test(
          c.text.slice(Math.max(0, c.start - 8), c.start),
        )
      )
        return null;
      const w = which === 'this past' ? 'last' : which === 'this coming' ? 'next' : which;
      return seasonFound(g.s ?? '', w === 'last' || w === 'this' || w === 'next' ? w : '', year, c);
    },
  },
  // "March 1998", "March of 1998", "early September 2018", "mid-June", "the end of March", "in September"
  {
    rx: new RegExp(
      `\\b(?<mon>${MONTH_RX})(?:\\s+(?:of\\s+)?(?<y>${YEAR_RX})|\\s+(?<rely>last|this|next)\\s+year)?\\b`,
      'gi',
    ),
    prefix:
      /\b(?:(?<part>early|late|mid-?|the\s+(?:beginning|start|end|middle)\s+of)\s*)?(?:(?<rel>last|this|next|this\s+past|this\s+coming)\s+)?$/i,
    resolve: (c) => {
      const { g, pub } = c;
      const word = (g.mon ?? '').toLowerCase().replace(/\.$/, '');
      const rel = (g.rel ?? '').toLowerCase().replace(/\s+/g, ' ');
      const anchored = Boolean(g.part || g.y || rel || g.rely);
      if (word === 'may' && !g.y && !/^May/.test(g.mon ?? '')) return null; // the verb "may" ("this may help")
      if (
        word === 'may' &&
        !anchored &&
        /^\s+(?:be|have|not|also|well|still|never|soon|already|the|a|an|I|we|he|she|it|they|you)\b/i.test(
          c.text.slice(c.end, c.end + 8),
        )
      )
        return null; // "May be …": the verb at a sentence's start
      if ((word === 'mar' || word === 'march') && !anchored) {
        const before = c.text.slice(Math.max(0, c.start - 8), c.start);
        if (
          !/\b(?:in|since|during|of|until|by|early|late|mid|from|through|before|after|to)\s+$/i.test(
            before,
          ) &&
          !/^\s+\d/.test(c.text.slice(c.end, c.end + 3))
        )
          return null; // "march" the verb or noun
      }
      if (
        /^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/.test(word) &&
        !anchored &&
        !/\.$/.test(g.mon ?? '')
      )
        return null; // a bare abbreviation ("Jan" is also a name)
      const month = monthIndex(word);
      let year: number;
      if (g.y) year = Number(g.y);
      else if (!pub) return null;
      else if (g.rely)
        year = yearOf(pub) + (g.rely.toLowerCase() === 'last' ? -1 : g.rely.toLowerCase() === 'next' ? 1 : 0);
      else if (rel === 'last' || rel === 'this past')
        year = month < monthOf(pub) ? yearOf(pub) : yearOf(pub) - 1;
      else if (rel === 'next' || rel === 'this coming')
        year = month > monthOf(pub) ? yearOf(pub) : yearOf(pub) + 1;
      else if (rel === 'this') year = yearOf(pub);
      else year = yearFor(month, null, c);
      const part = (g.part ?? '').toLowerCase();
      const last = lastDayOfMonth(year, month);
      let r = monthRange(year, month);
      if (part.startsWith('early') || /beginning|start/.test(part)) r = monthRange(year, month, 1, 10);
      else if (part.startsWith('mid') || /middle/.test(part)) r = monthRange(year, month, 11, 20);
      else if (part.startsWith('late') || /end/.test(part)) r = monthRange(year, month, 21, last);
      // "since January": a period from that month up to the report, like "since 2011"
      if (pub && /\bsince\s+$/i.test(c.text.slice(Math.max(0, c.start - 7), c.start)) && r.start <= iso(pub))
        return {
          value: monthValue(year, month),
          range: { start: r.start, end: iso(pub), precision: 'month' },
          kind: 'period',
        };
      return point(monthValue(year, month), clampEnd(r, pub));
    },
  },
  // decades and centuries: "the 1990s", "the late '80s", "the nineties", "the 20th century"
  {
    hint: [
      '0s',
      'twenties',
      'thirties',
      'forties',
      'fifties',
      'sixties',
      'seventies',
      'eighties',
      'nineties',
    ],
    rx: /(?:\b(?<dec>1[7-9]\d0|20\d0)'?s|'(?<short>[0-9]0)s|\b(?<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b/gi,
    prefix: /\b(?:the\s+)?(?:(?:early|mid|late)[- ])?$/i,
    resolve: ({ g, s }) => {
      if (g.dec) return decade(Number(g.dec));
      if (g.short) return decade(1900 + Number(g.short));
      const tens = [
        'twenties',
        'thirties',
        'forties',
        'fifties',
        'sixties',
        'seventies',
        'eighties',
        'nineties',
      ];
      const i = tens.indexOf((g.word ?? '').toLowerCase());
      // "in his forties" is an age, not a decade
      if (i < 0 || !/^the\b/i.test(s)) return null;
      return decade(1920 + 10 * i);
    },
  },
  {
    hint: ['century', 'centuries'],
    rx: /\b(?:the\s+)?(?<n>\d{1,2})(?:st|nd|rd|th)\s+century\b/gi,
    resolve: ({ g }) => {
      const n = Number(g.n);
      if (n < 1 || n > 21) return null;
      return point(pad(n - 1), range(ymd(100 * (n - 1), 0, 1), ymd(100 * n - 1, 11, 31), 'year'));
    },
  },
  // years said in words, as broadcast transcripts write them: "nineteen ninety-six", "the year two thousand"
  {
    hint: ['nineteen', 'eighteen', 'thousand'],
    rx: new RegExp(
      `\\b(?:(?<c>eighteen|nineteen)[\\s-]+(?<t>${TENS_RX})(?:[\\s-]+(?<u>${UNITS_RX}))?|(?<k>two\\s+thousand)(?:\\s+(?:and\\s+)?(?<u2>${UNITS_RX}|ten|eleven|twelve))?)\\b`,
      'gi',
    ),
    prefix: /\bthe\s+year\s+$/i,
    resolve: ({ g, s, text, start, end }) => {
      if (YEAR_AFTER_BLOCK.test(text.slice(end, end + 14))) return null;
      let y: number;
      if (g.k) {
        // "two thousand" is a count unless it is named a year
        if (
          !/^the\s+year/i.test(s) &&
          !/\b(?:in|since|until|by)\s+$/i.test(text.slice(Math.max(0, start - 7), start))
        )
          return null;
        y = 2000 + (count(g.u2 ?? '') ?? 0);
      } else {
        const t = TENS.indexOf((g.t ?? '').toLowerCase());
        const c = (g.c ?? '').toLowerCase() === 'eighteen' ? 1800 : 1900;
        y = c + (t < 10 ? 10 + t : 10 * (t - 8)) + (count(g.u ?? '') ?? 0);
      }
      return yearFound(y);
    },
  },
  // "since 2011", "from the start of 2015": periods reaching to publication
  {
    hint: ['since', 'from'],
    rx: new RegExp(
      `\\b(?<lead>(?:since|from)\\s+(?:the\\s+(?:start|beginning)\\s+of\\s+)?)(?<y>${YEAR_RX})\\b(?!\\s*(?:-|–|to|through)\\s*\\d)`,
      'gi',
    ),
    resolve: ({ g, pub }) => {
      const y = Number(g.y);
      return { value: String(y), range: range(ymd(y, 0, 1), pub ?? ymd(y, 11, 31), 'year'), kind: 'period' };
    },
  },
  // "fiscal 1998", "in 1998", "mid-1998", "early 1999", "the end of 1999", and a bare year with guards
  {
    rx: new RegExp(`\\b(?<y>${YEAR_RX})\\b(?!'s\\s+(?:first|second|third|fourth)\\b)`, 'g'),
    prefix:
      /(?<lead>\b(?:in|during|of|by|until|throughout)\s+)?(?:\b(?:fiscal|calendar|(?:early|late|mid)-?|the\s+(?:beginning|start|end|middle)\s+of)\s*)?$/i,
    resolve: ({ g, text, start, end, s }) => {
      const at = start - (g.lead?.length ?? 0);
      if (YEAR_BEFORE_BLOCK.test(text.slice(Math.max(0, at - 12), at))) return null;
      if (YEAR_AFTER_BLOCK.test(text.slice(end, end + 14))) return null;
      if (!g.lead && CLOCK_BEFORE.test(text.slice(Math.max(0, at - 24), at)) && isClock(s.trim()))
        return null;
      const y = Number(g.y);
      // bare numbers outside 1900–2099 need "in" or "during" to be read as years
      if (!g.lead && !/\D/.test(s.trim()) && (y < 1900 || y > 2099)) return null;
      return yearFound(y);
    },
  },
  // "last Friday", "next Monday", "this coming Sunday", "on Tuesday night"
  {
    rx: new RegExp(`\\b(?<wd>${WEEKDAY_RX})(?:'s)?${PART_RX}\\b`, 'gi'),
    prefix:
      /\b(?<lead>(?:on|by|late|early|last|this|next|this\s+past|this\s+coming|the\s+previous|the\s+following|until|till)\s+)$/i,
    resolve: (c) => {
      const lead = (c.g.lead ?? '').toLowerCase().trim().replace(/\s+/g, ' ');
      const wd = c.g.wd ?? '';
      if (!c.pub) return null;
      if (lead === 'next' || lead === 'this coming' || lead === 'the following') {
        const f = weekdayFound(wd, c, 'forward');
        if (f && f.value === iso(c.pub)) return weekdayFound(wd, { ...c, pub: addDays(c.pub, 1) }, 'forward');
        return f;
      }
      if (lead === 'last' || lead === 'this past' || lead === 'the previous')
        return weekdayFound(wd, { ...c, pub: addDays(c.pub, -1) }, 'back');
      return weekdayFound(wd, c, 'auto');
    },
  },
  {
    hint: ['yesterday'],
    rx: /\b(?:the\s+day\s+before\s+yesterday)\b/gi,
    resolve: ({ pub }) => (pub ? point(iso(addDays(pub, -2)), dayRange(addDays(pub, -2))) : null),
  },
  {
    hint: ['tomorrow'],
    rx: /\b(?:the\s+day\s+after\s+tomorrow)\b/gi,
    resolve: ({ pub }) => (pub ? point(iso(addDays(pub, 2)), dayRange(addDays(pub, 2))) : null),
  },
  {
    hint: ['yesterday'],
    rx: /\b(?:(?:late|early)\s+)?yesterday(?:\s+(?:morning|afternoon|evening))?\b/gi,
    resolve: ({ pub }) => (pub ? point(iso(addDays(pub, -1)), dayRange(addDays(pub, -1))) : null),
  },
  {
    hint: ['tomorrow'],
    rx: /\b(?:(?:late|early)\s+)?tomorrow(?:\s+(?:morning|afternoon|evening|night))?\b/gi,
    resolve: ({ pub }) => (pub ? point(iso(addDays(pub, 1)), dayRange(addDays(pub, 1))) : null),
  },
  {
    hint: ['night', 'overnight'],
    rx: /\b(?:last\s+night|overnight)\b/gi,
    resolve: ({ pub }) => (pub ? point(iso(addDays(pub, -1)), dayRange(addDays(pub, -1))) : null),
  },
  {
    hint: ['today', 'tonight', 'morning', 'afternoon', 'evening'],
    rx: /\b(?:today|this\s+(?:morning|afternoon|evening)|tonight|earlier\s+today|later\s+today)\b/gi,
    resolve: ({ s, text, start, pub }) => {
      // "USA Today", "Mesopotamia Today": a capitalised "Today" after a capitalised word is a name
      const before = text.slice(Math.max(0, start - 20), start);
      if (/^Today/.test(s) && /\p{Lu}[\p{L}.]*\s+$/u.test(before)) return null;
      return pub ? point(iso(pub), dayRange(pub)) : null;
    },
  },
  // "two days ago", "three weeks ago", "a year ago", "almost four years ago", "a decade ago"
  {
    hint: ['ago', 'earlier', 'before', 'later', 'now', 'hence'],
    rx: new RegExp(
      `\\b(?<n>${NUM_RX})\\s+(?<unit>days?|weeks?|months?|years?|decades?)\\s+(?<dir>ago|earlier|before|later|from\\s+now|hence)\\b`,
      'gi',
    ),
    prefix: /\b(?:almost|nearly|about|some|more\s+than|over|just|only|roughly|around)\s+$/i,
    resolve: (c) => {
      const { g, pub } = c;
      if (!pub) return null;
      const n = count(g.n ?? '');
      const unit = (g.unit ?? '').toLowerCase();
      const dir = (g.dir ?? '').toLowerCase();
      const sign = dir === 'later' || dir === 'hence' || dir.startsWith('from') ? 1 : -1;
      if (n === null) {
        // "a few days ago": within the week before; "several years ago": the past
        if (unit.startsWith('day') && sign < 0)
          return point(isoWeek(pub), range(addDays(pub, -6), addDays(pub, -2), 'week'));
        return point(sign < 0 ? 'PAST_REF' : 'FUTURE_REF', null);
      }
      if (dir === 'earlier' || dir === 'before' || dir === 'later') {
        // "a year earlier" after a quarter's figures is that quarter a year before
        if (unit.startsWith('year') && n === 1) {
          const q = c.anchor(/^\d{4}-Q\d$/, 400);
          if (q) return quarterFound(Number(q.value.slice(6)), Number(q.value.slice(0, 4)) + sign, c);
        }
        const ref = c.anchor(/^\d{4}-\d{2}-\d{2}$/, 400);
        if (ref && unit.startsWith('day')) return shifted(toDate(ref.value), sign * n, unit);
      }
      if (unit.startsWith('year') && n === 1 && sign < 0) {
        const q = c.anchor(/^\d{4}-Q\d$/, 400);
        if (q) return quarterFound(Number(q.value.slice(6)), Number(q.value.slice(0, 4)) - 1, c);
      }
      return shifted(pub, sign * n, unit);
    },
  },
  // "the year-earlier quarter", "the year-ago period", "year-earlier": the quarter in focus, a year before
  {
    hint: ['earlier', 'ago'],
    rx: /\b(?:the\s+)?year-(?:earlier|ago)(?:\s+(?:(?:first|second|third|fourth)\s+)?(?:quarter|period|level|figure|results?))?\b/gi,
    resolve: (c) => {
      if (!c.pub) return null;
      const q = c.anchor(/^\d{4}-Q\d$/, 600);
      if (q) return quarterFound(Number(q.value.slice(6)), Number(q.value.slice(0, 4)) - 1, c);
      return yearFound(yearOf(c.pub) - 1);
    },
  },
  {
    hint: ['week', 'weekend'],
    rx: /\b(?:early\s+|earlier\s+|late\s+|later\s+)?(?:this|this\s+past|this\s+coming|next|last)\s+week(?:end)?\b/gi,
    resolve: ({ s, pub }) => {
      if (!pub) return null;
      const w = s.toLowerCase();
      const weekend = /weekend$/.test(w);
      const offset = /\bnext\b|coming/.test(w) ? 7 : /\blast\b|past/.test(w) ? -7 : 0;
      const monday = addDays(mondayOf(pub), offset);
      if (weekend) {
        // "last weekend" read on a Sunday is the one before; "this weekend" the one of this week
        const sat = addDays(monday, 5);
        const s = offset === 0 && sat > pub && /\bthis\s+past\b/.test(w) ? addDays(sat, -7) : sat;
        return point(`${isoWeek(s)}-WE`, range(s, addDays(s, 1), 'week'));
      }
      if (offset === 0 && !/later/.test(w)) return point(isoWeek(pub), range(monday, pub, 'week'));
      return weekFound(monday);
    },
  },
  {
    hint: ['weekend'],
    rx: /\b(?:over\s+|at\s+|on\s+)?the\s+weekend\b/gi,
    resolve: ({ pub }) => {
      if (!pub) return null;
      const dow = pub.getUTCDay();
      const sat = dow === 6 ? pub : dow === 0 ? addDays(pub, -1) : addDays(mondayOf(pub), -2);
      return point(`${isoWeek(sat)}-WE`, clampEnd(range(sat, addDays(sat, 1), 'week'), pub));
    },
  },
  {
    hint: ['month'],
    rx: /\b(?:(?:earlier|early)\s+(?:this|in\s+the)|this|so\s+far\s+this)\s+month\b/gi,
    resolve: ({ pub }) => {
      if (!pub) return null;
      const first = ymd(yearOf(pub), monthOf(pub), 1);
      // in the first week of a month, "earlier this month" is known to within a week
      return point(iso(pub).slice(0, 7), range(first, pub, pub.getUTCDate() <= 7 ? 'week' : 'month'));
    },
  },
  {
    hint: ['month'],
    rx: /\b(?:(?:early|late|later)\s+)?(?:last|next)\s+month\b/gi,
    resolve: ({ s, pub }) => (pub ? shifted(pub, /next/i.test(s) ? 1 : -1, 'month') : null),
  },
  {
    hint: ['year'],
    rx: /\b(?:(?:earlier|early|later|late)\s+(?:in\s+)?this|this|so\s+far\s+this|the\s+current)\s+(?:fiscal\s+|calendar\s+)?year\b/gi,
    resolve: ({ pub }) =>
      pub ? point(String(yearOf(pub)), range(ymd(yearOf(pub), 0, 1), pub, 'year')) : null,
  },
  {
    hint: ['year'],
    rx: /\b(?:(?:early|late|later)\s+)?(?:last|next|the\s+(?:previous|prior|coming))\s+(?:fiscal\s+|calendar\s+)?year\b/gi,
    resolve: ({ s, pub }) => (pub ? yearFound(yearOf(pub) + (/next|coming/i.test(s) ? 1 : -1)) : null),
  },
  {
    hint: ['quarter'],
    rx: /\b(?:this|the\s+current|the\s+latest|the\s+most\s+recent|the\s+(?:previous|prior|next|coming|past|last)|next|last)\s+quarter\b/gi,
    resolve: (c) => {
      const { s, pub } = c;
      if (!pub) return null;
      const w = s.toLowerCase();
      const q = Math.floor(monthOf(pub) / 3) + 1;
      const y = yearOf(pub);
      if (/this|current/.test(w)) return quarterFound(q, y, c);
      if (/next|coming/.test(w)) return q === 4 ? quarterFound(1, y + 1, c) : quarterFound(q + 1, y, c);
      return q === 1 ? quarterFound(4, y - 1, c) : quarterFound(q - 1, y, c);
    },
  },
  // "the quarter", "the latest period": the quarter the report is about (the last one named, else the
  // last one ended before publication)
  {
    hint: ['quarter', 'period'],
    rx: /\b(?:the|that)\s+(?:latest\s+)?(?:quarter|period)\b(?!\s+(?:of|to|from|when|in\s+which|between|after|before|since|during))/gi,
    resolve: (c) => {
      const { s, pub } = c;
      if (!pub) return null;
      const told = c.anchor(/^\d{4}-Q\d$/, 3000);
      if (told) return quarterFound(Number(told.value.slice(6)), Number(told.value.slice(0, 4)), c);
      if (/period/i.test(s)) return null;
      const q = Math.floor(monthOf(pub) / 3) + 1;
      return q === 1 ? quarterFound(4, yearOf(pub) - 1, c) : quarterFound(q - 1, yearOf(pub), c);
    },
  },
  {
    hint: ['past', 'last', 'previous'],
    rx: new RegExp(
      `\\b(?:in\\s+)?the\\s+(?:past|last|previous)\\s+(?<n>${NUM_RX})\\s+(?<unit>days|weeks|months|years)\\b`,
      'gi',
    ),
    resolve: ({ g, pub }) => {
      if (!pub) return null;
      const w = (g.n ?? '').toLowerCase();
      const n = count(w) ?? (w === 'few' || w === 'several' ? 3 : null);
      if (!n) return null;
      const unit = (g.unit ?? '').toLowerCase();
      const days = unit === 'days' ? n : unit === 'weeks' ? 7 * n : unit === 'months' ? 30 * n : 365 * n;
      return {
        value: 'PAST_REF',
        range: range(
          addDays(pub, -days),
          pub,
          unit === 'days' && n <= 7 ? 'week' : unit === 'years' ? 'year' : 'month',
        ),
        kind: 'period',
      };
    },
  },
  {
    hint: ['past', 'last'],
    rx: /\b(?:over|in|during|for)\s+the\s+(?:past|last)\s+(?<unit>day|24\s+hours|week|month|year)\b/gi,
    resolve: ({ g, pub }) => {
      if (!pub) return null;
      const unit = (g.unit ?? '').toLowerCase();
      const days = unit === 'week' ? 7 : unit === 'month' ? 30 : unit === 'year' ? 365 : 1;
      const precision = days <= 7 ? 'week' : days <= 31 ? 'month' : 'year';
      const value =
        unit === 'year'
          ? String(yearOf(pub) - 1)
          : unit === 'month'
            ? shifted(pub, -1, 'month').value
            : 'PAST_REF';
      return { value, range: range(addDays(pub, -days), pub, precision), kind: 'period' };
    },
  },
  {
    hint: ['now', 'currently', 'present', 'presently', 'moment', 'nowadays', 'these', 'time'],
    rx: /\b(?:currently|now|at\s+present|presently|at\s+the\s+moment|right\s+now|nowadays|these\s+days|at\s+this\s+time)\b/gi,
    resolve: ({ pub }) => ({ value: 'PRESENT_REF', range: pub ? dayRange(pub) : null, kind: 'point' }),
  },
  // Holidays: the latest before publication (or the next, in future talk)
  {
    hint: ['christmas', 'year', 'thanksgiving', 'independence', 'halloween', 'valentine'],
    rx: /\b(?:(?<rel>last|this|next)\s+)?(?<h>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's\s+(?:Day|Eve)|Thanksgiving(?:\s+Day)?|Independence\s+Day|Halloween|Valentine's\s+Day)\b/g,
    resolve: (c) => {
      const { g, pub } = c;
      if (!pub) return null;
      const h = (g.h ?? '').toLowerCase().replace(/\s+/g, ' ');
      const on = (y: number): Date => {
        if (h.startsWith('christmas eve')) return ymd(y, 11, 24);
        if (h.startsWith('christmas')) return ymd(y, 11, 25);
        if (h === "new year's eve") return ymd(y, 11, 31);
        if (h.startsWith('new year')) return ymd(y, 0, 1);
        if (h.startsWith('independence')) return ymd(y, 6, 4);
        if (h === 'halloween') return ymd(y, 9, 31);
        if (h.startsWith('valentine')) return ymd(y, 1, 14);
        // Thanksgiving (United States): the fourth Thursday of November
        const first = ymd(y, 10, 1);
        return addDays(first, ((4 - first.getUTCDay() + 7) % 7) + 21);
      };
      const rel = (g.rel ?? '').toLowerCase();
      const y = yearOf(pub);
      let d = on(y);
      const forward = rel === 'next' || (rel !== 'last' && c.future());
      if (forward && d < pub) d = on(y + 1);
      else if (!forward && d > pub) d = on(y - 1);
      if (rel === 'this') d = on(y);
      return point(iso(d), dayRange(d));
    },
  },
  // Told-back anchors: "that day", "the next day", "that year", "the following month"
  {
    hint: ['that', 'same', 'next', 'following', 'previous', 'prior', 'preceding'],
    rx: /\b(?:(?:earlier|later|early|late)\s+)?(?:that|the\s+same|that\s+same|the\s+next|the\s+following|the\s+previous|the\s+prior|the\s+preceding)\s+(?<unit>day|morning|evening|night|week|month|year)\b/gi,
    resolve: (c) => {
      const { s, g } = c;
      const w = s.toLowerCase();
      const step = /next|following/.test(w) ? 1 : /previous|prior|preceding/.test(w) ? -1 : 0;
      const unit = (g.unit ?? '').toLowerCase();
      if (unit === 'year') {
        const ref = c.anchor(/^\d{4}/, 1500);
        if (!ref?.range) return null;
        return yearFound(Number(ref.value.slice(0, 4)) + step);
      }
      if (unit === 'month') {
        const ref = c.anchor(/^\d{4}-\d{2}/, 1500);
        if (!ref) return null;
        return shifted(toDate(`${ref.value.slice(0, 7)}-01`), step, 'month');
      }
      const ref = c.anchor(/^\d{4}-\d{2}-\d{2}$/, 1500);
      if (!ref) return null;
      if (unit === 'week') return shifted(toDate(ref.value), step, 'week');
      return shifted(toDate(ref.value), step, 'day');
    },
  },
  // vague references: the past, the present, the future
  {
    hint: ['recently', 'recent', 'lately', 'past', 'old'],
    rx: /\b(?:recently|(?:in\s+)?recent\s+(?:days|weeks|months|years|times)|lately|(?:in\s+)?the\s+past(?!\s+(?:\d|\w+\s+(?:days|weeks|months|years)|day|week|month|year|decade))|in\s+the\s+old\s+days)\b/gi,
    resolve: () => point('PAST_REF', null),
  },
  {
    hint: ['future', 'term', 'coming', 'next'],
    rx: /\b(?:(?:in\s+)?the\s+(?:near\s+|distant\s+|foreseeable\s+)?future|in\s+the\s+(?:coming|next)\s+(?:days|weeks|months|years)|(?:in\s+)?the\s+(?:near|short|long)\s+term|(?:in\s+)?coming\s+(?:days|weeks|months|years))\b/gi,
    resolve: () => point('FUTURE_REF', null),
  },
];

function decade(y: number): Found {
  const d = y - (y % 10);
  return point(`${String(d).slice(0, 3)}X`, range(ymd(d, 0, 1), ymd(d + 9, 11, 31), 'year'));
}

/** Every hint word, found in one pass over the text. */
const HINT_RX = new RegExp(
  `\\b(?:${[...new Set(RULES.flatMap((r) => r.hint ?? []))]
    .filter((w) => w !== '0s')
    .sort((a, b) => b.length - a.length)
    .join('|')})\\b|\\d0'?s\\b`,
  'gi',
);

/** Words a rule may take in front of the expression but that are not part of it ("on Tuesday"). */
const LEAD_WORDS = /^(?:(?:on|in|at|by|since|from|during|of|until|till|throughout|over|for)\s+)+/i;

/** All temporal expressions of a text, resolved against `published` (YYYY-MM-DD or null). */
export function findTimexes(text: string, published: IsoDate | null): Timex[] {
  const pub = published ? toDate(published) : null;
  const words = new Set<string>();
  for (const m of text.matchAll(HINT_RX)) words.add(/\d/.test(m[0]) ? '0s' : m[0].toLowerCase());
  const taken: [number, number][] = [];
  const out: Timex[] = [];
  const free = (s: number, e: number): boolean => taken.every(([a, b]) => e <= a || s >= b);
  for (const rule of RULES) {
    if (rule.hint && !rule.hint.some((w) => words.has(w))) continue;
    for (const m of text.matchAll(rule.rx)) {
      let outer = m.index;
      let g = (m.groups ?? {}) as Record<string, string>;
      if (rule.prefix) {
        const from = Math.max(0, outer - 40);
        const p = rule.prefix.exec(text.slice(from, outer));
        if (p && p[0].length) {
          outer = from + p.index;
          g = { ...g, ...p.groups };
        }
      }
      let matched = text.slice(outer, m.index + m[0].length);
      const lead = matched.length - matched.trimStart().length;
      outer += lead;
      matched = matched.trim();
      const strip = LEAD_WORDS.exec(matched)?.[0].length ?? 0;
      const start = outer + strip;
      const end = outer + matched.length;
      if (start >= end || !free(outer, end)) continue;
      let future: boolean | undefined;
      const ctx: Ctx = {
        s: matched,
        g,
        pub,
        text,
        start,
        end,
        future: () =>
          (future ??= speaksOfFuture(text, start, end, /day\b/i.test(matched) && !/\d/.test(matched))),
        anchor: (shape, within) => {
          let best: Timex | null = null;
          for (const t of out)
            if (
              t.end <= start &&
              start - t.end <= within &&
              shape.test(t.value) &&
              !/\b(?:ago|earlier|before|later|after)\b/i.test(t.text) &&
              (!best || t.end > best.end)
            )
              best = t;
          return best;
        },
      };
      const r = rule.resolve(ctx);
      if (!r) continue;
      taken.push([outer, end]);
      out.push({
        start,
        end,
        text: text.slice(start, end),
        outerStart: outer,
        value: r.value,
        range: r.range,
        kind: r.kind ?? 'point',
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
