import { describe, expect, it } from 'vitest';
import { findNumbers, parseNumber } from './numbers.js';

describe('parseNumber', () => {
  it.each([
    ['seven', 7],
    ['twenty-three', 23],
    ['two hundred', 200],
    ['one hundred and five', 105],
    ['1,200', 1200],
    ['700', 700],
    ['three thousand', 3000],
    ['seventy', 70],
  ])('%s → %d', (raw, value) => expect(parseNumber(raw)).toBe(value));

  it('rejects words that are not numbers', () => expect(parseNumber('seventh heaven')).toBeNull());
});

describe('findNumbers', () => {
  it('reads qualifiers, ranges and vague words', () => {
    const found = findNumbers(
      'at least 12 killed, between 10 and 15 wounded, dozens missing, hundreds of thousands displaced',
    );
    expect(found.map((n) => [n.value, n.high, n.approximate, n.aggregate])).toEqual([
      [12, null, true, false],
      [10, 15, true, false],
      [12, null, true, false],
      [100000, null, true, true],
    ]);
  });

  it('keeps the span of the number phrase', () => {
    const text = 'Seven military drones';
    const [n] = findNumbers(text);
    expect(text.slice(n!.start, n!.end)).toBe('Seven');
    expect(n!.value).toBe(7);
  });
});
