import { describe, expect, it } from 'vitest';
import { findDates } from './dates.js';

const one = (text: string, published: string) => {
  const found = findDates(text, published);
  expect(found.length, `dates in "${text}"`).toBeGreaterThan(0);
  const d = found[0]!;
  expect(text.slice(d.start, d.end)).toBe(d.text);
  return { ...d.range, value: d.value, text: d.text, kind: d.kind };
};

describe('findDates against the published date (2018-10-16, a Tuesday)', () => {
  const pub = '2018-10-16';
  it.each([
    [
      'told the agency on Tuesday',
      { start: '2018-10-16', end: '2018-10-16', precision: 'day', value: '2018-10-16' },
    ],
    [
      'clashes on Saturday night',
      { start: '2018-10-13', end: '2018-10-13', precision: 'day', value: '2018-10-13' },
    ],
    [
      'struck earlier this month',
      { start: '2018-10-01', end: '2018-10-16', precision: 'month', value: '2018-10' },
    ],
    [
      'an attack in September',
      { start: '2018-09-01', end: '2018-09-30', precision: 'month', value: '2018-09' },
    ],
    ['a raid in November', { start: '2017-11-01', end: '2017-11-30', precision: 'month', value: '2017-11' }],
    ['killed yesterday', { start: '2018-10-15', end: '2018-10-15', precision: 'day', value: '2018-10-15' }],
    ['fighting last week', { start: '2018-10-08', end: '2018-10-14', precision: 'week', value: '2018-W41' }],
    ['a blast last month', { start: '2018-09-01', end: '2018-09-30', precision: 'month', value: '2018-09' }],
    ['on 3 March', { start: '2018-03-03', end: '2018-03-03', precision: 'day', value: '2018-03-03' }],
    [
      'on October 14, 2018',
      { start: '2018-10-14', end: '2018-10-14', precision: 'day', value: '2018-10-14' },
    ],
    ['on 20 October', { start: '2017-10-20', end: '2017-10-20', precision: 'day', value: '2017-10-20' }],
    ['in early September', { start: '2018-09-01', end: '2018-09-10', precision: 'month', value: '2018-09' }],
    ['two days ago', { start: '2018-10-14', end: '2018-10-14', precision: 'day', value: '2018-10-14' }],
    [
      'an attack on October 11 killed three',
      { start: '2018-10-11', end: '2018-10-11', precision: 'day', value: '2018-10-11' },
    ],
    ['captured in 2011', { start: '2011-01-01', end: '2011-12-31', precision: 'year', value: '2011' }],
  ])('%s', (text, expected) => expect(one(text, pub)).toMatchObject(expected));

  it('marks "since 2011" as a period, not a point', () => {
    expect(one('hundreds killed since 2011', pub)).toMatchObject({
      kind: 'period',
      start: '2011-01-01',
      end: pub,
    });
  });

  it('marks "since January" as a period from that month to publication', () => {
    expect(one('300 killed since January', pub)).toMatchObject({
      kind: 'period',
      start: '2018-01-01',
      end: pub,
      value: '2018-01',
    });
    expect(one('killed in January', pub)).toMatchObject({ kind: 'point', end: '2018-01-31' });
  });

  it('does not read "Today" in an outlet\'s name as a date', () => {
    expect(findDates('officials told Mesopotamia Today', pub)).toEqual([]);
    expect(findDates('Today, fighting resumed', pub)).toHaveLength(1);
  });

  it('does not read the verbs "may" and "march" as months', () => {
    expect(findDates('Officials may march on the capital', pub)).toEqual([]);
  });

  it('never resolves a weekday after publication', () => {
    // published on a Monday: "on Friday" is the Friday before
    expect(one('shelled on Friday', '2024-03-18')).toMatchObject({ start: '2024-03-15' });
  });
});
