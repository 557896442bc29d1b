// Scores for classification against gold labels: accuracy and support-weighted F1 over classes (the
// "no event" class included where the gold has it), and the per-row checks of the ACLED rows.
import type { DateRange } from '../../src/domain/types.js';

/** A class label; null is "no conflict, protest or strategic event". */
export type Label = string | null;

const key = (l: Label): string => l ?? '(none)';

export function accuracy(pairs: [gold: Label, pred: Label][]): number {
  if (!pairs.length) return 0;
  return pairs.filter(([g, p]) => g === p).length / pairs.length;
}

export interface ClassScore {
  label: string;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Per-class precision, recall and F1 for every class in the gold or the predictions. */
export function perClass(pairs: [gold: Label, pred: Label][]): ClassScore[] {
  const labels = [...new Set(pairs.flatMap(([g, p]) => [key(g), key(p)]))].sort();
  return labels.map((label) => {
    const tp = pairs.filter(([g, p]) => key(g) === label && key(p) === label).length;
    const goldN = pairs.filter(([g]) => key(g) === label).length;
    const predN = pairs.filter(([, p]) => key(p) === label).length;
    const precision = predN ? tp / predN : 0;
    const recall = goldN ? tp / goldN : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, support: goldN, precision, recall, f1 };
  });
}

/** F1 averaged over classes weighted by gold support (scikit-learn's average="weighted"). */
export function weightedF1(pairs: [gold: Label, pred: Label][]): number {
  if (!pairs.length) return 0;
  return perClass(pairs).reduce((s, c) => s + c.f1 * c.support, 0) / pairs.length;
}

/** The gold day lies inside the predicted date range. */
export const dateWithin = (day: string, range: DateRange | null): boolean =>
  Boolean(range?.start && range.end && range.start <= day && day <= range.end);

/**
 * Fatalities agree: ACLED writes 0 when no death is reported, where Docket keeps null ("not reported"),
 * so null counts as 0 here.
 */
export const fatalitiesEqual = (gold: number, best: number | null): boolean => (best ?? 0) === gold;
