import { describe, expect, it } from 'vitest';
import { binLabel, chooseUnit, dayOf, isoOf, makeBins } from './timeline.js';

describe('timeline bins', () => {
  it('counts per day over short spans, filling empty days with zero', () => {
    const { unit, bins } = makeBins([
      { date: '2024-03-01', count: 2 },
      { date: '2024-03-03', count: 5 },
    ]);
    expect(unit).toBe('day');
    expect(bins.map((b) => [isoOf(b.start), b.count])).toEqual([
      ['2024-03-01', 2],
      ['2024-03-02', 0],
      ['2024-03-03', 5],
    ]);
  });

  it('groups by Monday-based weeks over months, and by calendar months over years', () => {
    const weeks = makeBins([
      { date: '2024-01-07', count: 1 }, // a Sunday: the week of Monday 1 January
      { date: '2024-01-08', count: 2 },
      { date: '2024-06-30', count: 3 },
    ]);
    expect(weeks.unit).toBe('week');
    expect(binLabel(weeks.bins[0]!, 'week')).toBe('week of 2024-01-01');
    expect(weeks.bins[0]!.count).toBe(1);
    expect(weeks.bins[1]!.count).toBe(2);
    expect(weeks.bins.reduce((n, b) => n + b.count, 0)).toBe(6);
    const months = makeBins([
      { date: '2020-02-29', count: 1 },
      { date: '2024-02-01', count: 4 },
    ]);
    expect(months.unit).toBe('month');
    expect(binLabel(months.bins[0]!, 'month')).toBe('2020-02');
    expect(months.bins.at(-1)).toMatchObject({ count: 4 });
    expect(isoOf(months.bins.at(-1)!.end)).toBe('2024-03-01');
  });

  it('chooses the unit by span and reads dates in UTC', () => {
    expect([chooseUnit(120), chooseUnit(121), chooseUnit(1098), chooseUnit(1099)]).toEqual([
      'day',
      'week',
      'week',
      'month',
    ]);
    expect(isoOf(dayOf('2024-02-29'))).toBe('2024-02-29');
    expect(makeBins([])).toEqual({ unit: 'day', bins: [] });
  });
});
