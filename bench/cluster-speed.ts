// Clustering speed on synthetic reports: incidents over two years in 30 countries, each told by 1–5
// reports with jittered places, dates, figures and wording; a tenth of reports know only the month.
import { clusterItems } from '../src/clustering/cluster.js';
import type { ClusterItem } from '../src/clustering/item.js';
import { mulberry32 } from './cluster/lib.js';

const SUBTYPES: [string, string, ClusterItem['group']][] = [
  ['Battles', 'Armed clash', 'violence'],
  ['Explosions/Remote violence', 'Air/drone strike', 'violence'],
  ['Explosions/Remote violence', 'Shelling/artillery/missile attack', 'violence'],
  ['Explosions/Remote violence', 'Remote explosive/landmine/IED', 'violence'],
  ['Violence against civilians', 'Attack', 'violence'],
  ['Protests', 'Peaceful protest', 'demonstration'],
  ['Strategic developments', 'Arrests', 'strategic'],
];
const VOCAB =
  'attack village checkpoint market convoy patrol base town fighters soldiers civilians drone shelling rebels militants army police officials residents hospital bridge road camp mosque school district province border river valley'.split(
    ' ',
  );

export function syntheticItems(n: number, seed = 42): { items: ClusterItem[]; gold: Map<string, number> } {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const countries = Array.from({ length: 30 }, (_, i) => ({
    cc: `C${i}`,
    lat: -30 + 2 * i,
    lon: -60 + 4 * i,
  }));
  const items: ClusterItem[] = [];
  const gold = new Map<string, number>();
  const day0 = Math.floor(Date.parse('2023-01-01') / 86_400_000);
  let incident = 0;
  while (items.length < n) {
    incident++;
    const c = pick(countries);
    const [eventType, subEventType, group] = pick(SUBTYPES);
    const lat = c.lat + (rnd() - 0.5) * 8;
    const lon = c.lon + (rnd() - 0.5) * 8;
    const day = day0 + Math.floor(rnd() * 730);
    const perpetrator = rnd() < 0.7 ? `group ${Math.floor(rnd() * 200)}` : null;
    const words = Array.from({ length: 8 }, () => pick(VOCAB));
    const reports = 1 + Math.floor(rnd() * 5);
    for (let r = 0; r < reports && items.length < n; r++) {
      const id = `e${String(items.length).padStart(8, '0')}`;
      const month = rnd() < 0.1;
      const shift = rnd() < 0.2 ? 1 : 0;
      items.push({
        eventId: id,
        sourceId: `s${id}`,
        outlet: `outlet ${Math.floor(rnd() * 40)}`,
        published: null,
        group,
        eventType,
        subEventType,
        start: month ? day - (day % 30) : day + shift,
        end: month ? day - (day % 30) + 29 : day + shift,
        dayPrecise: !month,
        countryCode: c.cc,
        lat: lat + (rnd() - 0.5) * 0.02,
        lon: lon + (rnd() - 0.5) * 0.02,
        uncertaintyKm: month ? 25 : 5,
        actors: perpetrator ? [perpetrator] : [],
        perpetrator,
        fatalities: Math.floor(rnd() * 20),
        tokens: [...new Set(words.filter(() => rnd() < 0.8))].sort(),
      });
      gold.set(id, incident);
    }
  }
  return { items, gold };
}

export function clusterSpeed(n: number): {
  n: number;
  seconds: number;
  clusters: number;
  peakMb: number;
  precision: number;
  recall: number;
} {
  const { items, gold } = syntheticItems(n);
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  const clusters = clusterItems(items);
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  // pairwise precision/recall on a sample of incidents (all pairs of 1M reports are too many to list)
  const predicted = new Map<string, number>();
  clusters.forEach((c, i) => c.members.forEach((m) => predicted.set(m, i)));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const c of clusters)
    for (let i = 0; i < c.members.length; i++)
      for (let j = i + 1; j < c.members.length; j++) {
        if (gold.get(c.members[i]!) === gold.get(c.members[j]!)) tp++;
        else fp++;
      }
  const byGold = new Map<number, string[]>();
  for (const [id, g] of gold) byGold.set(g, [...(byGold.get(g) ?? []), id]);
  for (const ids of byGold.values())
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) if (predicted.get(ids[i]!) !== predicted.get(ids[j]!)) fn++;
  return {
    n,
    seconds,
    clusters: clusters.length,
    peakMb: peak / 1024 / 1024,
    precision: tp / (tp + fp || 1),
    recall: tp / (tp + fn || 1),
  };
}
