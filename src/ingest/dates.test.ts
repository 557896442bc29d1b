import { describe, expect, it } from 'vitest';

import { calendarDate, findDate, isoDateFrom, normaliseDate } from './dates.js';

describe('isoDateFrom', () => {
  it('reads ISO dates and timestamps as the calendar date written', () => {
    expect(isoDateFrom('2018-10-16')).toBe('2018-10-16');
    expect(isoDateFrom('2018-10-16T08:30:00Z')).toBe('2018-10-16');
    expect(isoDateFrom('2018-10-16T23:30:00.000-05:00')).toBe('2018-10-16');
    expect(isoDateFrom('2018-10-16 08:30')).toBe('2018-10-16');
  });

  it('rejects anything else', () => {
    expect(isoDateFrom('16 October 2018')).toBeNull();
    expect(isoDateFrom('2018-02-30')).toBeNull();
    expect(isoDateFrom('2018-10-16T25:00:00Z')).toBeNull();
    expect(isoDateFrom('yesterday')).toBeNull();
  });
});

describe('findDate', () => {
  it.each([
    ['16 October, 2018', '2018-10-16'],
    ['October 16, 2018', '2018-10-16'],
    ['2018-10-16', '2018-10-16'],
    ['16 Oct 2018', '2018-10-16'],
    ['Oct. 16th, 2018', '2018-10-16'],
    ['Tuesday 16th of October 2018', '2018-10-16'],
    ['Sept 3 2019', '2019-09-03'],
  ])('reads %s', (text, date) => {
    expect(findDate(text)?.date).toBe(date);
  });

  it('returns the first date and where it is', () => {
    expect(findDate('Updated 17 Oct 2018, first published 16 Oct 2018')).toEqual({
      date: '2018-10-17',
      index: 8,
      length: 11,
    });
  });

  it('does not guess at ambiguous or impossible dates', () => {
    expect(findDate('10/11/2018')).toBeNull();
    expect(findDate('31 February 2018')).toBeNull();
    expect(findDate('May the forces be with you')).toBeNull();
  });
});

describe('normaliseDate', () => {
  it('reads metadata date formats', () => {
    expect(normaliseDate('Tue, 16 Oct 2018 08:00:00 GMT')).toBe('2018-10-16');
    expect(normaliseDate('20181016')).toBe('2018-10-16');
    expect(normaliseDate('2018/10/16 08:00')).toBe('2018-10-16');
    expect(normaliseDate('')).toBeNull();
  });

  it('checks calendar days', () => {
    expect(calendarDate(2020, 2, 29)).toBe('2020-02-29');
    expect(calendarDate(2019, 2, 29)).toBeNull();
  });
});
