import { describe, expect, it } from 'vitest';
import { datelineDate, datelines } from './data.js';

describe('datelineDate', () => {
  it('reads the day, month and two-digit year of a MUC dateline', () => {
    expect(datelineDate('\n   SAN SALVADOR, 19 APR 89 (DOMESTIC SERVICE) -- [TEXT] THE')).toBe('1989-04-19');
    expect(datelineDate('   GUATEMALA CITY, 4 FEB 90 (ACAN-EFE) -- [TEXT]')).toBe('1990-02-04');
  });
  it('gives null without a year or a date, and ignores dates in the body', () => {
    expect(datelineDate('   BUENOS AIRES, 25 JAN (NA) -- [TEXT] ON 3 MAR 89 THE')).toBeNull();
    expect(datelineDate('   CLANDESTINE, NO DATE (RADIO VENCEREMOS) -- [TEXT]')).toBeNull();
  });
});

describe('datelines', () => {
  it('splits a raw file by document id', () => {
    const raw =
      'TST1-MUC3-0001\n\n   LIMA, 2 JAN 90 (EFE) -- X\n\nTST1-MUC3-0002\n\n   NO CITY, NO DATE -- Y\n';
    expect([...datelines(raw)]).toEqual([
      ['TST1-MUC3-0001', '1990-01-02'],
      ['TST1-MUC3-0002', null],
    ]);
  });
});
