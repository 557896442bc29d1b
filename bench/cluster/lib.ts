// Helpers shared by make-corpus.ts and check-corpus.ts: a seeded PRNG, calendar arithmetic, and the
// date expressions reports use, both written (from an incident day and a published day) and read back.

/** mulberry32: a small, fast 32-bit PRNG; the same seed always gives the same corpus. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}

const DAY_MS = 86_400_000;
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export const parseDay = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
export const plusDays = (iso: string, n: number): string =>
  isoDay(new Date(parseDay(iso).getTime() + n * DAY_MS));
export const daysBetween = (from: string, to: string): number =>
  Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / DAY_MS);
export const weekday = (iso: string): string => WEEKDAYS[parseDay(iso).getUTCDay()]!;
/** Monday of the ISO week holding `iso`. */
export const mondayOf = (iso: string): string => plusDays(iso, -((parseDay(iso).getUTCDay() + 6) % 7));

/** How a report can say when the incident happened, given the day it was published. */
export interface DateExpression {
  /** Adverbial phrase, lower-case: "on Tuesday", "late on Monday", "yesterday". */
  text: string;
  /** True when the phrase still points at the incident if a copy is published a day later. */
  stable: boolean;
}

/** All phrases that name `incident` as seen from `published` (0 to 3 days later). */
export function dateExpressions(incident: string, published: string): DateExpression[] {
  const lag = daysBetween(incident, published);
  if (lag < 0 || lag > 3) throw new Error(`published ${published} is not 0-3 days after ${incident}`);
  const d = parseDay(incident);
  const wd = weekday(incident);
  const day = d.getUTCDate();
  const month = MONTHS[d.getUTCMonth()]!;
  const out: DateExpression[] = [
    { text: `on ${wd}`, stable: true },
    { text: `on ${day} ${month}`, stable: true },
    { text: `on ${month} ${day}`, stable: true },
  ];
  if (lag === 0) {
    out.push(
      { text: 'today', stable: false },
      { text: 'earlier today', stable: false },
      { text: `early on ${wd}`, stable: true },
      { text: `on ${wd} morning`, stable: true },
    );
  }
  if (lag === 1) {
    out.push(
      { text: 'yesterday', stable: false },
      { text: 'overnight', stable: false },
      { text: 'last night', stable: false },
      { text: `late on ${wd}`, stable: true },
      { text: `on ${wd} evening`, stable: true },
    );
  }
  if (lag >= 2) {
    out.push({ text: `late on ${wd}`, stable: true }, { text: `on ${wd} night`, stable: true });
    if (lag === 2) out.push({ text: 'two days ago', stable: false });
    // "earlier this week" covers Monday up to the published day: only when the incident is in that span
    if (mondayOf(published) <= incident) out.push({ text: 'earlier this week', stable: false });
  }
  return out;
}

export interface ResolvedExpression {
  text: string;
  start: string;
  end: string;
}

const MONTH_INDEX = new Map(MONTHS.map((m, i) => [m.toLowerCase(), i]));
const WEEKDAY_INDEX = new Map(WEEKDAYS.map((w, i) => [w.toLowerCase(), i]));
const WD = '(sunday|monday|tuesday|wednesday|thursday|friday|saturday)';
const MO = `(${MONTHS.join('|').toLowerCase()})`;

/** Day of year-less "12 March" read from `published`: the latest such day not after it. */
function dayMonth(day: number, month: number, published: string): string {
  const pub = parseDay(published);
  let y = pub.getUTCFullYear();
  if (Date.UTC(y, month, day) > pub.getTime()) y -= 1;
  return isoDay(new Date(Date.UTC(y, month, day)));
}

/**
 * Finds the date expressions this corpus writes and resolves each to a day range from `published`.
 * Written independently of src/pipeline/dates.ts so the two can check each other.
 */
export function readDateExpressions(text: string, published: string): ResolvedExpression[] {
  const rules: [RegExp, (m: RegExpMatchArray) => [string, string] | null][] = [
    [
      new RegExp(`\\b(?:(?:late|early)\\s+)?on\\s+${WD}(?:\\s+(?:morning|evening|night))?\\b`, 'gi'),
      (m) => {
        const target = WEEKDAY_INDEX.get((m[1] ?? '').toLowerCase()) ?? 0;
        const back = (parseDay(published).getUTCDay() - target + 7) % 7;
        const d = plusDays(published, -back);
        return [d, d];
      },
    ],
    [
      new RegExp(`\\bon\\s+(\\d{1,2})\\s+${MO}\\b`, 'gi'),
      (m) => {
        const d = dayMonth(Number(m[1]), MONTH_INDEX.get((m[2] ?? '').toLowerCase()) ?? 0, published);
        return [d, d];
      },
    ],
    [
      new RegExp(`\\bon\\s+${MO}\\s+(\\d{1,2})\\b`, 'gi'),
      (m) => {
        const d = dayMonth(Number(m[2]), MONTH_INDEX.get((m[1] ?? '').toLowerCase()) ?? 0, published);
        return [d, d];
      },
    ],
    [/\b(?:earlier\s+)?today\b/gi, () => [published, published]],
    [/\b(?:yesterday|overnight|last\s+night)\b/gi, () => [plusDays(published, -1), plusDays(published, -1)]],
    [/\btwo\s+days\s+ago\b/gi, () => [plusDays(published, -2), plusDays(published, -2)]],
    [/\bearlier\s+this\s+week\b/gi, () => [mondayOf(published), published]],
  ];
  const out: ResolvedExpression[] = [];
  for (const [rx, resolve] of rules) {
    for (const m of text.matchAll(rx)) {
      const r = resolve(m);
      if (r) out.push({ text: m[0], start: r[0], end: r[1] });
    }
  }
  return out;
}

/** Small numbers as words, as news copy writes them. */
const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
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
];
export const numberWord = (n: number): string => NUMBER_WORDS[n] ?? String(n);

export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export const wordCount = (s: string): number => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
