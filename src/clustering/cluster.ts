// Clustering reports' events into incidents. Deterministic for a given set of events (ingest order
// does not matter): candidates come from blocking (same country, overlapping dates), every pair is
// compared with compareItems, and links are applied strongest first with union–find, honouring
// reviewers' constraints (must-link from merges, cannot-link from splits).
import type { ClusterItem } from './item.js';
import { compareItems, type Comparison } from './same-event.js';

export interface Constraints {
  mustLink: [string, string][];
  cannotLink: [string, string][];
}

export interface ClusterLink {
  a: string;
  b: string;
  comparison: Comparison;
}

export interface Cluster {
  /** Member event ids, sorted. */
  members: string[];
  /** The links that joined them (reasons and scores, for reviewers). */
  links: ClusterLink[];
}

class UnionFind {
  private readonly parent: number[];
  private readonly size: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
    this.size = new Array<number>(n).fill(1);
  }
  find(x: number): number {
    let r = x;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[x] !== r) {
      const next = this.parent[x]!;
      this.parent[x] = r;
      x = next;
    }
    return r;
  }
  union(a: number, b: number): number {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return ra;
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra]! += this.size[rb]!;
    return ra;
  }
}

/** Days a range may reach forward to meet another (the sweep window's width). */
const SLACK_DAYS = 1;

/** Candidate pairs: within one country block, events whose date ranges can overlap. */
function* candidatePairs(items: ClusterItem[]): Generator<[number, number]> {
  const blocks = new Map<string, number[]>();
  items.forEach((it, i) => {
    const key = it.countryCode ?? '??';
    let list = blocks.get(key);
    if (!list) blocks.set(key, (list = []));
    list.push(i);
  });
  for (const list of blocks.values()) {
    list.sort(
      (x, y) => items[x]!.start - items[y]!.start || (items[x]!.eventId < items[y]!.eventId ? -1 : 1),
    );
    // a sweep over start days; `open` holds items whose range may still meet later ones
    let open: number[] = [];
    for (const i of list) {
      const it = items[i]!;
      open = open.filter((j) => items[j]!.end + SLACK_DAYS >= it.start);
      for (const j of open) yield [j, i];
      open.push(i);
    }
  }
}

export function clusterItems(
  input: ClusterItem[],
  constraints: Constraints = { mustLink: [], cannotLink: [] },
): Cluster[] {
  const items = [...input].sort((a, b) => (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0));
  const index = new Map(items.map((it, i) => [it.eventId, i]));
  const links: { i: number; j: number; c: Comparison }[] = [];
  for (const [i, j] of candidatePairs(items)) {
    const c = compareItems(items[i]!, items[j]!);
    if (c.same) links.push(i < j ? { i, j, c } : { i: j, j: i, c });
  }
  links.sort((x, y) => y.c.score - x.c.score || x.i - y.i || x.j - y.j);

  const uf = new UnionFind(items.length);
  const members = new Map<number, number[]>(items.map((_, i) => [i, [i]]));
  const cannot = new Map<number, Set<number>>();
  for (const [a, b] of constraints.cannotLink) {
    const ia = index.get(a);
    const ib = index.get(b);
    if (ia === undefined || ib === undefined) continue;
    (cannot.get(ia) ?? cannot.set(ia, new Set()).get(ia)!).add(ib);
    (cannot.get(ib) ?? cannot.set(ib, new Set()).get(ib)!).add(ia);
  }
  // Exact dates of a component: a vague report ("earlier this week") must not chain two incidents
  // whose precise reports name different days.
  const days = new Map<number, [number, number] | null>(
    items.map((it, i) => [i, it.dayPrecise ? [it.start, it.start] : null]),
  );
  const reviewed = new Set<number>();
  const allowed = (ra: number, rb: number, byReviewer: boolean): boolean => {
    const da = days.get(ra) ?? null;
    const db = days.get(rb) ?? null;
    // a reviewer's merge has already decided that the dates belong together
    const decided = byReviewer || reviewed.has(ra) || reviewed.has(rb);
    if (!decided && da && db && Math.max(da[1], db[1]) - Math.min(da[0], db[0]) > SLACK_DAYS) return false;
    const [small, big] = members.get(ra)!.length <= members.get(rb)!.length ? [ra, rb] : [rb, ra];
    const bigSet = new Set(members.get(big));
    return !members.get(small)!.some((m) => [...(cannot.get(m) ?? [])].some((x) => bigSet.has(x)));
  };
  const join = (i: number, j: number, byReviewer = false): boolean => {
    const ra = uf.find(i);
    const rb = uf.find(j);
    if (ra === rb) return true;
    if (!allowed(ra, rb, byReviewer)) return false;
    const r = uf.union(ra, rb);
    const da = days.get(ra) ?? null;
    const db = days.get(rb) ?? null;
    days.set(r, da && db ? [Math.min(da[0], db[0]), Math.max(da[1], db[1])] : (da ?? db));
    if (byReviewer || reviewed.has(ra) || reviewed.has(rb)) reviewed.add(r);
    const merged = [...members.get(ra)!, ...members.get(rb)!];
    members.delete(ra);
    members.delete(rb);
    members.set(r, merged);
    return true;
  };
  const kept: ClusterLink[] = [];
  for (const [a, b] of constraints.mustLink) {
    const ia = index.get(a);
    const ib = index.get(b);
    if (ia !== undefined && ib !== undefined && join(ia, ib, true))
      kept.push({ a, b, comparison: { same: true, score: 1, reasons: ['merged by a reviewer'] } });
  }
  for (const l of links) {
    if (uf.find(l.i) === uf.find(l.j)) continue;
    if (join(l.i, l.j)) kept.push({ a: items[l.i]!.eventId, b: items[l.j]!.eventId, comparison: l.c });
  }
  const byRoot = new Map<number, Cluster>();
  items.forEach((it, i) => {
    const r = uf.find(i);
    let c = byRoot.get(r);
    if (!c) byRoot.set(r, (c = { members: [], links: [] }));
    c.members.push(it.eventId);
  });
  for (const l of kept) byRoot.get(uf.find(index.get(l.a)!))!.links.push(l);
  return [...byRoot.values()].sort((x, y) => (x.members[0]! < y.members[0]! ? -1 : 1));
}
