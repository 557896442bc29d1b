// The TempEval-3 entity metric for DATE expressions: one-to-one matching of predicted to gold spans that
// overlap (relaxed; closest start first), strict = the same characters; value accuracy over the matched;
// value F1 = relaxed F1 × value accuracy (as evaluate_entities.py computes it). Predictions that land on a
// gold TIME, DURATION or SET are counted apart, neither right nor wrong for DATE; a prediction on the
// document's own creation time (MEANTIME's dateline) is dropped.
import type { GoldTimex, TimeDoc } from './corpora.js';

export interface PredTimex {
  start: number;
  end: number;
  text: string;
  value: string;
}

export interface DateMatch {
  gold: GoldTimex;
  pred: PredTimex;
}

export interface DocResult {
  doc: TimeDoc;
  matches: DateMatch[];
  missed: GoldTimex[];
  spurious: PredTimex[];
  /** Predictions on a gold TIME, DURATION or SET (not scored for DATE). */
  otherType: { pred: PredTimex; gold: GoldTimex }[];
}

export interface DateScores {
  gold: number;
  predicted: number;
  matched: number;
  strict: number;
  valueRight: number;
  otherType: number;
  p: number;
  r: number;
  f1: number;
  strictP: number;
  strictR: number;
  strictF1: number;
  valueAccuracy: number;
  valueF1: number;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

export function matchDates(doc: TimeDoc, preds: PredTimex[]): DocResult {
  const kept = preds.filter((p) => !doc.ignore.some((s) => overlaps(s, p)));
  const golds = doc.gold.filter((g) => g.type === 'DATE');
  const used = new Set<PredTimex>();
  const matches: DateMatch[] = [];
  const missed: GoldTimex[] = [];
  for (const g of golds) {
    const best = kept
      .filter((p) => !used.has(p) && overlaps(p, g))
      .sort((a, b) => Math.abs(a.start - g.start) - Math.abs(b.start - g.start))[0];
    if (!best) missed.push(g);
    else {
      used.add(best);
      matches.push({ gold: g, pred: best });
    }
  }
  const spurious: PredTimex[] = [];
  const otherType: DocResult['otherType'] = [];
  for (const p of kept) {
    if (used.has(p)) continue;
    const other = doc.gold.find((g) => g.type !== 'DATE' && overlaps(g, p));
    if (other && !golds.some((g) => overlaps(g, p))) otherType.push({ pred: p, gold: other });
    else spurious.push(p);
  }
  return { doc, matches, missed, spurious, otherType };
}

const ratio = (a: number, b: number): number => (b ? a / b : 0);
const f1 = (p: number, r: number): number => (p + r ? (2 * p * r) / (p + r) : 0);

export function scoreDates(results: DocResult[]): DateScores {
  let gold = 0;
  let predicted = 0;
  let matched = 0;
  let strict = 0;
  let valueRight = 0;
  let otherType = 0;
  for (const d of results) {
    gold += d.matches.length + d.missed.length;
    predicted += d.matches.length + d.spurious.length;
    matched += d.matches.length;
    strict += d.matches.filter((m) => m.gold.start === m.pred.start && m.gold.end === m.pred.end).length;
    valueRight += d.matches.filter((m) => m.gold.value === m.pred.value).length;
    otherType += d.otherType.length;
  }
  const p = ratio(matched, predicted);
  const r = ratio(matched, gold);
  const strictP = ratio(strict, predicted);
  const strictR = ratio(strict, gold);
  const valueAccuracy = ratio(valueRight, matched);
  return {
    gold,
    predicted,
    matched,
    strict,
    valueRight,
    otherType,
    p,
    r,
    f1: f1(p, r),
    strictP,
    strictR,
    strictF1: f1(strictP, strictR),
    valueAccuracy,
    valueF1: f1(p, r) * valueAccuracy,
  };
}

/** The granularity of a TIMEX3 value: day, month, quarter, PRESENT_REF … */
export function valueShape(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'day';
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return 'day+time';
  if (/^\d{4}-\d{2}$/.test(value)) return 'month';
  if (/^\d{4}$/.test(value)) return 'year';
  if (/^\d{4}-Q\d$/.test(value)) return 'quarter';
  if (/^\d{4}-H\d$/.test(value)) return 'half-year';
  if (/^\d{4}-W\d{2}$/.test(value)) return 'week';
  if (/^\d{4}-W\d{2}-WE$/.test(value)) return 'weekend';
  if (/^\d{4}-(?:SP|SU|FA|WI)$/.test(value)) return 'season';
  if (/^\d{3}X?$/.test(value)) return 'decade';
  if (/^\d{2}X{0,2}$/.test(value)) return 'century';
  if (/^[A-Z]+_REF$/.test(value)) return value;
  if (/^P/.test(value)) return 'duration';
  if (/X/.test(value)) return 'underspecified';
  return 'other';
}

/** The kind of a value error, for counting what goes wrong most often. */
export function valueErrorKind(gold: string, pred: string): string {
  const gs = valueShape(gold);
  const ps = valueShape(pred);
  if (gs !== ps) return `wrong granularity: gold ${gs}, Docket ${ps}`;
  if (gs === 'day') {
    const days = (Date.parse(pred) - Date.parse(gold)) / 86_400_000;
    if (Math.abs(days) <= 7) return `wrong day within a week (${days > 0 ? 'later' : 'earlier'})`;
  }
  if (gold.slice(4) === pred.slice(4) && gold.slice(0, 4) !== pred.slice(0, 4)) return `wrong year (${gs})`;
  return `wrong ${gs}`;
}

/** Every error of a document as [kind, line]. */
export function docErrors(d: DocResult): [string, string][] {
  const out: [string, string][] = [];
  const q = (s: string): string => JSON.stringify(s);
  for (const m of d.matches) {
    if (m.gold.value === m.pred.value) continue;
    out.push([
      valueErrorKind(m.gold.value, m.pred.value),
      `  value  ${q(m.gold.text)} @${m.gold.start}: gold ${m.gold.value}, Docket ${m.pred.value} on ${q(m.pred.text)}`,
    ]);
  }
  for (const g of d.missed)
    out.push([`missed ${valueShape(g.value)}`, `  missed ${q(g.text)} @${g.start} ${g.value}`]);
  for (const p of d.spurious)
    out.push([`spurious ${valueShape(p.value)}`, `  extra  ${q(p.text)} @${p.start} ${p.value}`]);
  return out;
}
