// The geoparsing benchmark metric (bench/geo-metric.ts) on small hand-made cases.
import { describe, expect, it } from 'vitest';
import { auc, haversineKm, matchDoc, parsePeerLine, score, type GeoSpan } from '../../bench/geo-metric.js';

const LONDON = { lat: 51.5074, lon: -0.1278 };
const PARIS = { lat: 48.8566, lon: 2.3522 };
const span = (start: number, end: number, at: { lat: number | null; lon: number | null }): GeoSpan => ({
  start,
  end,
  ...at,
});

describe('geo metric', () => {
  it('measures haversine distances in km', () => {
    expect(haversineKm(LONDON.lat, LONDON.lon, PARIS.lat, PARIS.lon)).toBeCloseTo(343.5, 0);
    expect(haversineKm(0, 0, 0, 1)).toBeCloseTo(111.19, 1);
  });

  it('matches overlapping spans one to one, closest start first', () => {
    const gold = [span(0, 10, LONDON), span(12, 20, PARIS)];
    // p0 overlaps both golds; p1 starts exactly at gold 1: gold 1 goes to p1, gold 0 to p0
    const pred = [span(5, 14, LONDON), span(12, 20, PARIS), span(30, 35, PARIS)];
    const d = matchDoc(gold, pred);
    expect(d.matches.map((m) => [m.gold.start, m.pred.start])).toEqual([
      [0, 5],
      [12, 12],
    ]);
    expect(d.missed).toEqual([]);
    expect(d.spurious.map((p) => p.start)).toEqual([30]);
  });

  it('never matches spans that only touch, and uses each gold once', () => {
    const d = matchDoc([span(0, 5, LONDON)], [span(5, 9, LONDON), span(0, 5, LONDON), span(1, 4, LONDON)]);
    expect(d.matches).toHaveLength(1);
    expect(d.matches[0]!.pred.start).toBe(0);
    expect(d.spurious).toHaveLength(2);
  });

  it('counts a toponym correct only when matched and under 161 km', () => {
    const near = { lat: LONDON.lat + 1.4, lon: LONDON.lon }; // ~156 km north
    const far = { lat: LONDON.lat + 1.5, lon: LONDON.lon }; // ~167 km north
    const gold = [span(0, 5, LONDON), span(10, 15, LONDON), span(20, 25, LONDON), span(30, 35, LONDON)];
    const pred = [
      span(0, 5, near),
      span(10, 15, far),
      span(20, 25, { lat: null, lon: null }),
      span(40, 45, LONDON),
    ];
    const s = score([matchDoc(gold, pred)]);
    expect(s).toMatchObject({ gold: 4, predicted: 4, matched: 3, correct: 1 });
    expect(s.tagP).toBeCloseTo(0.75);
    expect(s.tagR).toBeCloseTo(0.75);
    expect(s.p161).toBeCloseTo(0.25);
    expect(s.r161).toBeCloseTo(0.25);
    expect(s.f161).toBeCloseTo(0.25);
    expect(s.a161).toBeCloseTo(1 / 3);
  });

  it('computes AUC as the trapezoid area under sorted ln(1+error), normalised', () => {
    expect(auc([0, 0, 0])).toBe(0);
    expect(auc([20039, 20039])).toBeCloseTo(Math.log(20040) / Math.log(20039), 6);
    // errors e^1-1 and e^3-1 (ln 1 and ln 3): area (1+3)/2 over ln 20039 · 1
    expect(auc([Math.E ** 3 - 1, Math.E - 1])).toBeCloseTo(2 / Math.log(20039), 9);
    // three points 0, 1, 2 in ln: area 0.5 + 1.5 = 2 over ln 20039 · 2
    expect(auc([Math.E ** 2 - 1, 0, Math.E - 1])).toBeCloseTo(1 / Math.log(20039), 9);
  });

  it('reads the peers’ line format, with 1-based offsets shifted when asked', () => {
    const line =
      'Pandi,,Pandi,,14.87,,120.95,,170,,175||Central Luzon,,Central Luzon,,15.47,,120.75,,188,,201,,7.5||';
    expect(parsePeerLine(line, 1)).toEqual([
      { start: 169, end: 174, text: 'Pandi', lat: 14.87, lon: 120.95 },
      { start: 187, end: 200, text: 'Central Luzon', lat: 15.47, lon: 120.75 },
    ]);
    expect(parsePeerLine('')).toEqual([]);
  });
});
