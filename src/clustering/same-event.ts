// "Same event?" — decided apart from "which value wins?" (resolve.ts). A pure, symmetric comparison
// of two reports' events that returns a score and the reasons a reviewer will read.
import type { ClusterItem } from './item.js';

export type TriggerFamilyGroup = 'violence' | 'demonstration' | 'strategic';

export interface Comparison {
  same: boolean;
  score: number;
  reasons: string[];
}

/** Pairs scoring at least this are linked. */
export const LINK_THRESHOLD = 0.6;

const R = Math.PI / 180;
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const x =
    Math.sin(((b.lat - a.lat) * R) / 2) ** 2 +
    Math.cos(a.lat * R) * Math.cos(b.lat * R) * Math.sin(((b.lon - a.lon) * R) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(x)));
}

export function jaccard(a: readonly string[], b: readonly string[]): number {
  // both sorted
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const union = a.length + b.length - common;
  return union ? common / union : 0;
}

const no = (reason: string): Comparison => ({ same: false, score: 0, reasons: [reason] });

export function compareItems(a: ClusterItem, b: ClusterItem): Comparison {
  if (a.sourceId === b.sourceId) return no('same report');
  if (a.group !== b.group) return no('different kinds of event');
  if (a.countryCode && b.countryCode && a.countryCode !== b.countryCode) return no('different countries');
  // Dates: ranges must overlap; two day-precise dates may be a day apart ("late on Monday", "overnight").
  const slack = a.dayPrecise && b.dayPrecise ? 1 : 0;
  if (a.start - slack > b.end || b.start - slack > a.end) return no('dates do not overlap');
  const reasons: string[] = [];
  let score = 0.3;
  const sameDay = a.dayPrecise && b.dayPrecise && a.start === b.start;
  if (sameDay) {
    score += 0.15;
    reasons.push('same day');
  } else reasons.push('dates overlap');
  // Places: within the larger of the two uncertainties (at least 10 km).
  const vague = a.uncertaintyKm >= 100 || b.uncertaintyKm >= 100 || a.lat === null || b.lat === null;
  if (a.lat !== null && a.lon !== null && b.lat !== null && b.lon !== null) {
    const tolerance = Math.max(a.uncertaintyKm, b.uncertaintyKm, 10);
    const d = distanceKm({ lat: a.lat, lon: a.lon }, { lat: b.lat, lon: b.lon });
    if (d > tolerance) return no(`places ${Math.round(d)} km apart (tolerance ${Math.round(tolerance)} km)`);
    if (!vague) {
      score += 0.2 * (1 - d / tolerance);
      reasons.push(d < 1 ? 'same place' : `places ${Math.round(d)} km apart`);
    } else reasons.push('place known only roughly');
  }
  if (a.subEventType === b.subEventType) {
    score += 0.2;
    reasons.push(`both ${a.subEventType}`);
  } else if (a.eventType === b.eventType) {
    score += 0.05;
    reasons.push(`both ${a.eventType}`);
  } else score -= 0.1;
  // Actors: the same named perpetrator supports; two different named perpetrators speak against.
  if (a.perpetrator && b.perpetrator) {
    if (
      a.perpetrator === b.perpetrator ||
      a.actors.includes(b.perpetrator) ||
      b.actors.includes(a.perpetrator)
    ) {
      score += 0.15;
      reasons.push(`same actor: ${a.perpetrator}`);
    } else {
      score -= 0.35;
      reasons.push(`different actors: ${a.perpetrator} / ${b.perpetrator}`);
    }
  } else if (a.actors.some((x) => b.actors.includes(x))) {
    score += 0.1;
    reasons.push('an actor in common');
  }
  const sim = jaccard(a.tokens, b.tokens);
  if (sim > 0) {
    score += 0.3 * sim;
    if (sim >= 0.15) reasons.push(`similar wording (${sim.toFixed(2)})`);
  }
  if (a.fatalities !== null && b.fatalities !== null && a.fatalities > 0 && b.fatalities > 0) {
    const ratio = Math.max(a.fatalities, b.fatalities) / Math.min(a.fatalities, b.fatalities);
    if (ratio <= 2) {
      score += 0.05;
      reasons.push('tolls agree');
    } else if (ratio > 4) {
      score -= 0.1;
      reasons.push('tolls far apart');
    }
  }
  // A place known only to the country links only on strong signs: same day, same kind, and the same actor or wording.
  if (
    vague &&
    !(
      sameDay &&
      a.subEventType === b.subEventType &&
      (reasons.some((r) => r.startsWith('same actor')) || sim >= 0.25)
    )
  )
    return { same: false, score, reasons: [...reasons, 'too vague to link'] };
  score = Math.round(score * 1000) / 1000;
  return { same: score >= LINK_THRESHOLD, score, reasons };
}
