// Classification scores on small hand-made cases.
import { describe, expect, it } from 'vitest';
import { accuracy, dateWithin, fatalitiesEqual, perClass, weightedF1, type Label } from './score.js';

describe('classification scores', () => {
  const pairs: [Label, Label][] = [
    ['A', 'A'],
    ['A', 'B'],
    ['B', 'B'],
    [null, null],
    [null, 'A'],
  ];
  it('accuracy counts exact agreement, "no event" included', () => {
    expect(accuracy(pairs)).toBeCloseTo(3 / 5);
    expect(accuracy([])).toBe(0);
  });
  it('weighted F1 weights per-class F1 by gold support', () => {
    // A: P 1/2 R 1/2 F 0.5 (n 2); B: P 1/2 R 1 F 2/3 (n 1); none: P 1 R 1/2 F 2/3 (n 2)
    const byLabel = Object.fromEntries(perClass(pairs).map((c) => [c.label, c]));
    expect(byLabel.A!.f1).toBeCloseTo(0.5);
    expect(byLabel.B!.f1).toBeCloseTo(2 / 3);
    expect(byLabel['(none)']!.f1).toBeCloseTo(2 / 3);
    expect(weightedF1(pairs)).toBeCloseTo((0.5 * 2 + (2 / 3) * 1 + (2 / 3) * 2) / 5);
  });
  it('a date matches when the gold day is inside the range', () => {
    const r = { start: '2016-01-01', end: '2016-01-07', precision: 'week' as const };
    expect(dateWithin('2016-01-04', r)).toBe(true);
    expect(dateWithin('2016-01-08', r)).toBe(false);
    expect(dateWithin('2016-01-08', null)).toBe(false);
    expect(dateWithin('2016-01-08', { start: '', end: '', precision: 'day' })).toBe(false);
  });
  it("Docket's null toll equals ACLED's 0", () => {
    expect(fatalitiesEqual(0, null)).toBe(true);
    expect(fatalitiesEqual(3, 3)).toBe(true);
    expect(fatalitiesEqual(3, null)).toBe(false);
  });
});
