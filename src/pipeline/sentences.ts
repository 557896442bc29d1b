// Stage 1: split a text into sentences and clauses, keeping character offsets into the original.
import type { Span } from '../domain/types.js';

export interface Sentence extends Span {
  index: number;
  text: string;
  /** Index of the paragraph (blank-line or line-break separated block) the sentence is in. */
  paragraph: number;
}

/** Abbreviations after which a period does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gen',
  'brig',
  'maj',
  'col',
  'lt',
  'capt',
  'cpt',
  'sgt',
  'cpl',
  'adm',
  'cmdr',
  'gov',
  'sen',
  'rep',
  'pres',
  'st',
  'mt',
  'ft',
  'no',
  'vs',
  'etc',
  'approx',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'u.s',
  'u.n',
  'u.k',
  'a.m',
  'p.m',
  'jr',
  'sr',
  'rev',
  'inc',
  'co',
  'corp',
  'ltd',
  'km',
  'sq',
]);

export function isAbbreviation(text: string, dot: number): boolean {
  let i = dot - 1;
  while (i >= 0 && /[A-Za-z.]/.test(text[i] ?? '')) i--;
  const word = text.slice(i + 1, dot).toLowerCase();
  if (ABBREVIATIONS.has(word)) return true;
  // Initials: "J. Smith", "U.S."
  if (/^[a-z]$/.test(word) || /^([a-z]\.)+[a-z]$/.test(word)) return true;
  return false;
}

/** Split text into sentences. Line breaks always end a sentence (headlines, datelines, lists). */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let lineStart = 0;
  const pushRange = (start: number, end: number): void => {
    // trim
    while (start < end && /\s/.test(text[start] ?? '')) start++;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    if (end > start) out.push({ start, end, text: text.slice(start, end), index: out.length, paragraph });
  };
  const lines: Span[] = [];
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      lines.push({ start: lineStart, end: i });
      lineStart = i + 1;
    }
  }
  let previousBlank = false;
  for (const line of lines) {
    const body = text.slice(line.start, line.end);
    if (!body.trim()) {
      if (!previousBlank && out.length) paragraph++;
      previousBlank = true;
      continue;
    }
    if (previousBlank === false && out.length && out[out.length - 1]!.paragraph === paragraph) {
      // a single line break inside a block still starts a new paragraph for headlines and datelines
      paragraph++;
    }
    previousBlank = false;
    let start = line.start;
    for (let i = line.start; i < line.end; i++) {
      const ch = text[i];
      if (ch !== '.' && ch !== '!' && ch !== '?') continue;
      if (ch === '.' && isAbbreviation(text, i)) continue;
      // absorb closing quotes and brackets
      let j = i + 1;
      while (j < line.end && /["'”’)\]]/.test(text[j] ?? '')) j++;
      if (j < line.end && !/\s/.test(text[j] ?? '')) continue; // "3.5", "U.S.-led"
      // the next word must look like a sentence start
      let k = j;
      while (k < line.end && /\s/.test(text[k] ?? '')) k++;
      if (k < line.end && /[a-z]/.test(text[k] ?? '')) continue;
      pushRange(start, j);
      start = j;
      i = j - 1;
    }
    pushRange(start, line.end);
  }
  return out;
}

/** Words that open a new clause after a comma: arguments are assigned to triggers clause by clause. */
const CLAUSE_OPENERS =
  /,\s+(?=(?:in retaliation for|in response to|after|following|before|while|whereas|as|when|which|who|where|days? after|weeks? after|a day after|but|and then|killing|wounding|leaving)\b)|;\s+|\s+(?=in retaliation for\b)|\s+(?:—|–|--)\s+/g;

/** Split a sentence into clauses (spans inside the sentence, absolute offsets). */
export function splitClauses(sentence: Sentence): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const m of sentence.text.matchAll(CLAUSE_OPENERS)) {
    const cut = m.index;
    if (cut > start) spans.push({ start: sentence.start + start, end: sentence.start + cut });
    start = cut + m[0].length;
  }
  if (start < sentence.text.length) spans.push({ start: sentence.start + start, end: sentence.end });
  return spans;
}
