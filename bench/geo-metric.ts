// The geoparsing metric of ../shared/bench/README.md, pure, so that peers and Docket are scored alike:
// one-to-one matching of predicted to gold spans that overlap (closest start first), error = haversine
// km, a toponym is correct when matched and its error is under 161 km.

export interface GeoSpan {
  start: number;
  end: number;
  text?: string;
  /** null when the system found the name but could not resolve it. */
  lat: number | null;
  lon: number | null;
}

export interface GeoMatch {
  gold: GeoSpan;
  pred: GeoSpan;
  /** km; the largest possible error (half the Earth's circumference) when the prediction has no coordinates. */
  errorKm: number;
}

export interface DocScore {
  matches: GeoMatch[];
  /** Gold toponyms no prediction overlapped. */
  missed: GeoSpan[];
  /** Predictions that overlapped no gold toponym. */
  spurious: GeoSpan[];
}

/** Half the Earth's circumference in km: the error ceiling and the AUC normaliser. */
export const MAX_ERROR_KM = 20039;
export const ACCURACY_KM = 161;

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const x =
    Math.sin(((lat2 - lat1) * r) / 2) ** 2 +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(x)));
}

export function errorKm(gold: GeoSpan, pred: GeoSpan): number {
  if (gold.lat === null || gold.lon === null || pred.lat === null || pred.lon === null) return MAX_ERROR_KM;
  return Math.min(MAX_ERROR_KM, haversineKm(gold.lat, gold.lon, pred.lat, pred.lon));
}

const overlaps = (a: GeoSpan, b: GeoSpan): boolean => a.start < b.end && b.start < a.end;

/**
 * Match one document's predictions to its gold toponyms: among all overlapping pairs, the pair whose
 * starts are closest is taken first (ties: earlier gold, then earlier prediction); each side is used once.
 */
export function matchDoc(gold: GeoSpan[], pred: GeoSpan[]): DocScore {
  const pairs: { g: number; p: number; d: number }[] = [];
  gold.forEach((g, gi) =>
    pred.forEach((p, pi) => {
      if (overlaps(g, p)) pairs.push({ g: gi, p: pi, d: Math.abs(g.start - p.start) });
    }),
  );
  pairs.sort((a, b) => a.d - b.d || gold[a.g]!.start - gold[b.g]!.start || a.g - b.g || a.p - b.p);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const matches: GeoMatch[] = [];
  for (const { g, p } of pairs) {
    if (usedG.has(g) || usedP.has(p)) continue;
    usedG.add(g);
    usedP.add(p);
    matches.push({ gold: gold[g]!, pred: pred[p]!, errorKm: errorKm(gold[g]!, pred[p]!) });
  }
  matches.sort((a, b) => a.gold.start - b.gold.start);
  return {
    matches,
    missed: gold.filter((_, i) => !usedG.has(i)),
    spurious: pred.filter((_, i) => !usedP.has(i)),
  };
}

export interface GeoScores {
  gold: number;
  predicted: number;
  matched: number;
  correct: number;
  /** Geotagging only (spans matched, coordinates ignored). */
  tagP: number;
  tagR: number;
  tagF: number;
  /** End to end: correct / predicted, correct / gold. */
  p161: number;
  r161: number;
  f161: number;
  /** Over matched toponyms: share under 161 km, and the area under the sorted ln(1+error) curve. */
  a161: number;
  auc: number;
  meanKm: number;
  medianKm: number;
}

const f1 = (p: number, r: number): number => (p + r > 0 ? (2 * p * r) / (p + r) : 0);
const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);

/** AUC = trapz(sorted ln(1+err)) / (ln 20039 · (n−1)); 0 is perfect, 1 is as wrong as can be. */
export function auc(errors: number[]): number {
  const y = errors.map((e) => Math.log(1 + Math.min(e, MAX_ERROR_KM))).sort((a, b) => a - b);
  if (y.length < 2) return y.length === 1 ? y[0]! / Math.log(MAX_ERROR_KM) : 0;
  let area = 0;
  for (let i = 1; i < y.length; i++) area += (y[i - 1]! + y[i]!) / 2;
  return area / (Math.log(MAX_ERROR_KM) * (y.length - 1));
}

export function score(docs: DocScore[]): GeoScores {
  let gold = 0;
  let predicted = 0;
  const errors: number[] = [];
  for (const d of docs) {
    gold += d.matches.length + d.missed.length;
    predicted += d.matches.length + d.spurious.length;
    for (const m of d.matches) errors.push(m.errorKm);
  }
  const matched = errors.length;
  const correct = errors.filter((e) => e < ACCURACY_KM).length;
  const sorted = [...errors].sort((a, b) => a - b);
  const median =
    sorted.length === 0
      ? 0
      : sorted.length % 2
        ? sorted[(sorted.length - 1) / 2]!
        : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  const tagP = ratio(matched, predicted);
  const tagR = ratio(matched, gold);
  const p161 = ratio(correct, predicted);
  const r161 = ratio(correct, gold);
  return {
    gold,
    predicted,
    matched,
    correct,
    tagP,
    tagR,
    tagF: f1(tagP, tagR),
    p161,
    r161,
    f161: f1(p161, r161),
    a161: ratio(correct, matched),
    auc: auc(errors),
    meanKm: ratio(
      errors.reduce((s, e) => s + e, 0),
      matched,
    ),
    medianKm: median,
  };
}

/** Parse one line of the EUPEG / WhatsMissing format: `gazName,,surface,,lat,,lon,,start,,end[,,x]||…`. */
export function parsePeerLine(line: string, offsetBase = 0): GeoSpan[] {
  const out: GeoSpan[] = [];
  for (const entry of line.split('||')) {
    if (!entry.trim()) continue;
    const f = entry.split(',,');
    if (f.length < 6) continue;
    const lat = Number(f[2]);
    const lon = Number(f[3]);
    const start = Number(f[4]) - offsetBase;
    const end = Number(f[5]) - offsetBase;
    if (!Number.isFinite(start) || !Number.isFinite(end)) continue;
    out.push({
      start,
      end,
      text: f[1] ?? '',
      lat: f[2] === '' || !Number.isFinite(lat) ? null : lat,
      lon: f[3] === '' || !Number.isFinite(lon) ? null : lon,
    });
  }
  return out;
}
