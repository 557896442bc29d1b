import { describe, expect, it } from 'vitest';
import { REGIONS, sharedDivisionNames } from './regions.js';
import { middleOf } from './build.js';

describe('sharedDivisionNames', () => {
  it('finds the name that divisions share once their direction word is off (Darfur, Kivu)', () => {
    const shared = sharedDivisionNames([
      { code: 'SD.47', name: 'Western Darfur' },
      { code: 'SD.49', name: 'Southern Darfur' },
      { code: 'SD.55', name: 'Northern Darfur' },
      { code: 'SD.03', name: 'Khartoum' },
      { code: 'CD.11', name: 'North Kivu' },
      { code: 'CD.12', name: 'South Kivu' },
    ]);
    expect(shared.get('SD|Darfur')).toEqual(['SD.47', 'SD.49', 'SD.55']);
    expect(shared.get('CD|Kivu')).toEqual(['CD.11', 'CD.12']);
    expect(shared.size).toBe(2);
  });

  it('adds nothing for a lone division, or where a division already has the name (Kasai)', () => {
    const shared = sharedDivisionNames([
      { code: 'CD.18', name: 'Kasai' },
      { code: 'CD.23', name: 'Kasai Central' },
      { code: 'CD.04', name: 'East Kasai' },
      { code: 'SY.01', name: 'Northern Aleppo' },
    ]);
    expect(shared.size).toBe(0);
  });
});

describe('regions', () => {
  it('gives every region a point or members, and unique keys', () => {
    for (const r of REGIONS)
      expect(Boolean(r.point) || Boolean(r.members?.length) || Boolean(r.subregions?.length)).toBe(true);
    expect(new Set(REGIONS.map((r) => r.key)).size).toBe(REGIONS.length);
  });

  it('places a region at the middle of its countries, across the antimeridian too', () => {
    expect(
      middleOf([
        { lat: 10, lon: 170 },
        { lat: 20, lon: -170 },
      ]),
    ).toEqual({ lat: 15, lon: 180 });
    expect(
      middleOf([
        { lat: 30, lon: 30 },
        { lat: 40, lon: 50 },
      ]),
    ).toEqual({ lat: 35, lon: 40 });
  });
});
