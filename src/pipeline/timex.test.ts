import { describe, expect, it } from 'vitest';
import { findDates } from './dates.js';
import { findTimexes } from './timex.js';

/** [text, value] of every expression found, offsets checked against the text. */
const values = (text: string, published: string | null): [string, string][] =>
  findTimexes(text, published).map((t) => {
    expect(text.slice(t.start, t.end)).toBe(t.text);
    return [t.text, t.value];
  });

describe('findTimexes: quarters, halves and figures a year before (published 1989-10-30)', () => {
  const pub = '1989-10-30';
  it.each([
    ['third-quarter profit rose', [['third-quarter', '1989-Q3']]],
    ['profit in the fourth quarter', [['the fourth quarter', '1989-Q4']]],
    ['sales in the first quarter fell', [['the first quarter', '1989-Q1']]],
    ['It will report results for the first quarter.', [['the first quarter', '1990-Q1']]],
    ['the third quarter of 1987', [['the third quarter of 1987', '1987-Q3']]],
    ['fiscal 1988 ended', [['fiscal 1988', '1988']]],
    ['the first half of 1990', [['the first half of 1990', '1990-H1']]],
    ['Q2 2018 revenue', [['Q2 2018', '2018-Q2']]],
    [
      'Net income rose 10% in the third quarter from $5 million a year earlier.',
      [
        ['the third quarter', '1989-Q3'],
        ['a year earlier', '1988-Q3'],
      ],
    ],
    [
      'Third-quarter sales beat the year-ago quarter.',
      [
        ['Third-quarter', '1989-Q3'],
        ['the year-ago quarter', '1988-Q3'],
      ],
    ],
    ['Earnings fell from a year ago.', [['a year ago', '1988']]],
  ])('%s', (text, expected) => expect(values(text, pub)).toEqual(expected));
});

describe('findTimexes: years, decades, seasons and centuries', () => {
  it.each([
    ['the 1998 budget', '1998-05-01', [['1998', '1998']]],
    ['in the 1990s', '1998-05-01', [['the 1990s', '199X']]],
    ['during the nineties', '1998-05-01', [['the nineties', '199X']]],
    ['in the 20th century', '1998-05-01', [['the 20th century', '19']]],
    ['Atlanta, nineteen ninety-six.', '1998-02-27', [['nineteen ninety-six', '1996']]],
    ['by the year two thousand', '1998-02-27', [['the year two thousand', '2000']]],
    ['last fall', '1998-02-06', [['last fall', '1997-FA']]],
    ['this summer', '1998-02-06', [['this summer', '1998-SU']]],
    ['the winter of 1994', '1998-02-06', [['the winter of 1994', '1994-WI']]],
    ['mid-1998', '1999-01-01', [['mid-1998', '1998']]],
  ])('%s (published %s)', (text, pub, expected) => expect(values(text, pub)).toEqual(expected));

  it('does not read counts, amounts or ages as years', () => {
    expect(values('1,998 people and 2000 troops paid $1998', '2018-10-16')).toEqual([]);
    expect(values('two thousand people fled', '2018-10-16')).toEqual([]);
    expect(values('a man in his forties', '2018-10-16')).toEqual([]);
    expect(values('Prices may fall sharply', '2018-10-16')).toEqual([]);
  });
});

describe('findTimexes: relative to publication (2018-10-16, a Tuesday)', () => {
  const pub = '2018-10-16';
  it.each([
    ['talks next week', [['next week', '2018-W43']]],
    ['fighting this week', [['this week', '2018-W42']]],
    ['a vote next Monday', [['next Monday', '2018-10-22']]],
    ['shelled last Friday', [['last Friday', '2018-10-12']]],
    ['two years ago', [['two years ago', '2016']]],
    ['three weeks ago', [['three weeks ago', '2018-W39']]],
    ['six months ago', [['six months ago', '2018-04']]],
    ['nearly four years ago', [['nearly four years ago', '2014']]],
    ['due tomorrow', [['tomorrow', '2018-10-17']]],
    ['next year', [['next year', '2019']]],
    ['later this month', [['this month', '2018-10']]],
    ['It has recently grown', [['recently', 'PAST_REF']]],
    ['in the near future', [['the near future', 'FUTURE_REF']]],
    ['The town is now calm', [['now', 'PRESENT_REF']]],
  ])('%s', (text, expected) => expect(values(text, pub)).toEqual(expected));

  it('looks forward only where the sentence speaks of the future', () => {
    expect(values('The two leaders will meet on Friday.', pub)).toEqual([['Friday', '2018-10-19']]);
    expect(values('The ministry said on Friday that talks will resume.', pub)).toEqual([
      ['Friday', '2018-10-12'],
    ]);
    expect(values('Troops shelled the town on Friday.', pub)).toEqual([['Friday', '2018-10-12']]);
  });

  it('reads a deadline ahead, a past event behind', () => {
    expect(values('The dividend is payable Dec. 7.', '1989-10-30')).toEqual([['Dec. 7', '1989-12-07']]);
    expect(values('Fighting broke out on Dec. 7.', '1989-10-30')).toEqual([['Dec. 7', '1988-12-07']]);
  });

  it('"last April" is the latest April before the current month', () => {
    expect(values('last April', '1998-02-06')).toEqual([['last April', '1997-04']]);
    expect(values('last January', '1998-02-06')).toEqual([['last January', '1998-01']]);
  });

  it('resolves holidays to the latest one before publication', () => {
    expect(values('fighting on Christmas Day', '2019-01-05')).toEqual([['Christmas Day', '2018-12-25']]);
  });

  it('anchors "the next day" on the date told before it', () => {
    expect(
      values('Gunmen attacked the village on 3 March. The next day, troops arrived.', '2024-03-14'),
    ).toEqual([
      ['3 March', '2024-03-03'],
      ['The next day', '2024-03-04'],
    ]);
  });

  it('keeps a weekday and its date as one expression', () => {
    expect(values('on Monday, Oct. 26, 1998', pub)).toEqual([['Monday, Oct. 26, 1998', '1998-10-26']]);
  });
});

describe('findTimexes and findDates spans', () => {
  it('leaves a leading preposition out of the expression but keeps it for extraction', () => {
    const text = 'struck on Tuesday';
    expect(findTimexes(text, '2018-10-16')[0]).toMatchObject({ text: 'Tuesday', start: 10, outerStart: 7 });
    expect(findDates(text, '2018-10-16')[0]).toMatchObject({ text: 'on Tuesday', start: 7 });
  });

  it('"since 2011" is the year 2011 as a period', () => {
    expect(findTimexes('killed since 2011', '2018-10-16')[0]).toMatchObject({
      text: '2011',
      value: '2011',
      kind: 'period',
    });
  });

  it('gives extraction only expressions with a calendar range', () => {
    expect(findDates('It has recently grown', '2018-10-16')).toEqual([]);
    expect(findDates('It grew two years ago', '2018-10-16')[0]?.range).toEqual({
      start: '2016-01-01',
      end: '2016-12-31',
      precision: 'year',
    });
  });
});

describe('findTimexes: a 24-hour clock time after "at" is no year (published 1989-12-12)', () => {
  const pub = '1989-12-12';
  it.each([
    ['The rebels struck the bridge at 1930 on 9 December.', [['9 December', '1989-12-09']]],
    ['The shooting began at about 2030 yesterday.', [['yesterday', '1989-12-11']]],
    ['the patrol was ambushed at 0830 hours in the hills', []],
    ['The plant was built in 1930.', [['1930', '1930']]],
    [
      'Prices fell back to their 1998 level by 2030.',
      [
        ['1998', '1998'],
        ['2030', '2030'],
      ],
    ],
    ['The office closed at 1999 prices.', [['1999', '1999']]],
  ])('%s', (text, expected) => expect(values(text, pub)).toEqual(expected));
});
