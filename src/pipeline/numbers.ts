// Stage: numbers written in digits or words ("seven", "at least 12", "dozens", "two hundred").

const UNITS: Record<string, number> = {
  zero: 0,
  no: 0,
  a: 1,
  an: 1,
  one: 1,
  single: 1,
  two: 2,
  both: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
  couple: 2,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };

/** One number word ("seven", "dozen", "hundred"), or null. */
export function numberWord(word: string): number | null {
  const w = word.toLowerCase();
  return UNITS[w] ?? SCALES[w] ?? null;
}

/** Vague quantities, coded the conservative ACLED way ("dozens" → 12, "tens" → 10, "hundreds" → 100). */
export const VAGUE: Record<string, number> = {
  several: 3,
  few: 3,
  some: 2,
  dozens: 12,
  scores: 20,
  tens: 10,
  hundreds: 100,
  thousands: 1000,
  many: 2,
  numerous: 3,
  multiple: 2,
};

export interface NumberMatch {
  value: number;
  /** The number phrase's span inside the string given. */
  start: number;
  end: number;
  /** True for vague words ("dozens") and open bounds ("at least", "more than"). */
  approximate: boolean;
  /** "between 10 and 15", "10 to 15": the upper bound. */
  high: number | null;
  /** Aggregates such as "hundreds of thousands". */
  aggregate: boolean;
}

const FREE_WORDS = Object.keys(UNITS).filter(
  (w) => !['a', 'an', 'no', 'some', 'single', 'both', 'couple'].includes(w),
);
const WORD_NUMBER = `(?:${[...FREE_WORDS, ...Object.keys(SCALES)].join('|')})\\b`;
const NUMBER_TOKEN = `(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|${WORD_NUMBER}(?:[\\s-]+(?:and\\s+)?${WORD_NUMBER})*)`;
const QUALIFIER = `(?:(?:at\\s+least|more\\s+than|over|nearly|almost|about|around|some|up\\s+to|roughly|approximately|as\\s+many\\s+as|no\\s+fewer\\s+than|at\\s+most)\\s+)`;
export const NUMBER_PHRASE = new RegExp(
  `\\b(?:between\\s+(${NUMBER_TOKEN})\\s+and\\s+(${NUMBER_TOKEN})|(${QUALIFIER})?(${NUMBER_TOKEN})(?:\\s*(?:-|to|or)\\s*(${NUMBER_TOKEN}))?(\\s+(?:million|thousand|hundred))?|(hundreds\\s+of\\s+thousands|tens\\s+of\\s+thousands|thousands|hundreds|dozens|scores|tens|several|numerous)\\b)`,
  'gi',
);

/** Parse one number written in digits or words; null when it is not a number. */
export function parseNumber(raw: string): number | null {
  const s = raw.trim().toLowerCase();
  if (/^\d{1,3}(,\d{3})+$/.test(s)) return Number(s.replace(/,/g, ''));
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  const words = s.split(/[\s-]+/).filter((w) => w !== 'and');
  if (!words.length) return null;
  let total = 0;
  let current = 0;
  for (const w of words) {
    if (w in UNITS) current += UNITS[w]!;
    else if (w in SCALES) {
      const scale = SCALES[w]!;
      current = (current || 1) * scale;
      if (scale >= 1000) {
        total += current;
        current = 0;
      }
    } else return null;
  }
  return total + current;
}

/** Every number phrase in a string, in order. */
export function findNumbers(text: string): NumberMatch[] {
  const out: NumberMatch[] = [];
  for (const m of text.matchAll(NUMBER_PHRASE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1] && m[2]) {
      const low = parseNumber(m[1]);
      const high = parseNumber(m[2]);
      if (low !== null && high !== null)
        out.push({ value: low, start, end, approximate: true, high, aggregate: false });
      continue;
    }
    if (m[7]) {
      const word = m[7].toLowerCase().replace(/\s+/g, ' ');
      const aggregate = word.includes(' of ');
      const value = aggregate ? (word.startsWith('hundreds') ? 100_000 : 10_000) : (VAGUE[word] ?? 0);
      out.push({ value, start, end, approximate: true, high: null, aggregate });
      continue;
    }
    const token = m[4];
    if (!token) continue;
    // "a" and "an" count only before a noun, handled by callers; skip them as free-standing numbers
    // unless a caller asks for them (weapons, "a suicide bomber").
    let value = parseNumber(token);
    if (value === null) continue;
    if (m[6]) value *= SCALES[m[6].trim().toLowerCase()] ?? 1;
    const high = m[5] ? parseNumber(m[5]) : null;
    const qualifier = (m[3] ?? '').toLowerCase().trim();
    out.push({
      value,
      start,
      end,
      approximate: Boolean(qualifier) || high !== null,
      high:
        qualifier.startsWith('up to') || qualifier.startsWith('as many') || qualifier.startsWith('at most')
          ? value
          : high,
      aggregate: false,
    });
  }
  return out;
}
