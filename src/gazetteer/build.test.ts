import { describe, expect, it } from 'vitest';
import { trimmedMidpoint } from './build.js';

describe('trimmedMidpoint', () => {
  it('places a division at the middle of its extent, not at the mean of where its towns crowd', () => {
    const lats = [...Array.from({ length: 90 }, () => 30), ...Array.from({ length: 10 }, (_, i) => 31 + i)];
    expect(trimmedMidpoint(lats)).toBeCloseTo(34.5, 5);
  });

  it('ignores the outlying 1% at either end (an island far offshore)', () => {
    const lons = [...Array.from({ length: 99 }, (_, i) => -100 + i / 10), 150];
    expect(trimmedMidpoint(lons)).toBeCloseTo((-99.9 + -90.2) / 2, 5);
  });
});
