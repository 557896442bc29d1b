// Role-filler entity F1 for MUC-4, document level (the GRIT/GTT way, no template alignment):
// the gold entities of a role are pooled over a document's templates (entities sharing a mention are
// one entity); a predicted filler is right when its normalised text equals any normalised mention of a
// gold entity; each gold entity is matched at most once (pooled entities share no mention, so a filler
// can match only one; the matching is still a maximum bipartite one), so a second filler for an entity
// already matched is a false positive.

export const ROLES = ['PerpInd', 'PerpOrg', 'Target', 'Victim', 'Weapon'] as const;
export type Role = (typeof ROLES)[number];

/** One gold entity: its coreferent mentions as written. */
export type GoldEntity = string[];
export type GoldRoles = Record<Role, GoldEntity[]>;
export type PredRoles = Record<Role, string[]>;

export interface RoleCounts {
  gold: number;
  predicted: number;
  matched: number;
}

export interface RoleMatch {
  /** Gold entities, normalised mentions; `hit` is the predicted filler that matched it. */
  gold: { mentions: string[]; hit: string | null }[];
  /** Predicted fillers (normalised, distinct); `entity` is the index of the gold entity it matched. */
  predicted: { text: string; entity: number | null; reason: 'matched' | 'duplicate' | 'no-match' }[];
}

export type DocMatch = Record<Role, RoleMatch>;

export interface Prf extends RoleCounts {
  p: number;
  r: number;
  f1: number;
}

const ARTICLES = new Set(['a', 'an', 'the']);

/** Lower case, punctuation to spaces, articles dropped, spaces collapsed. */
export function normalise(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && !ARTICLES.has(w))
    .join(' ');
}

/** Pool a role's entities over templates: entities sharing a normalised mention become one. */
export function poolEntities(entities: GoldEntity[]): string[][] {
  const pooled: Set<string>[] = [];
  for (const e of entities) {
    const mentions = new Set(e.map(normalise).filter(Boolean));
    if (!mentions.size) continue;
    const overlapping = pooled.filter((p) => [...mentions].some((m) => p.has(m)));
    const into = new Set<string>(mentions);
    for (const p of overlapping) for (const m of p) into.add(m);
    for (const p of overlapping) pooled.splice(pooled.indexOf(p), 1);
    pooled.push(into);
  }
  return pooled.map((p) => [...p]);
}

/** Maximum bipartite matching (Kuhn's augmenting paths): predicted fillers to gold entities. */
function bipartite(edges: number[][], nGold: number): (number | null)[] {
  const goldTo: (number | null)[] = Array.from({ length: nGold }, () => null);
  const tryPred = (p: number, seen: boolean[]): boolean => {
    for (const g of edges[p] ?? []) {
      if (seen[g]) continue;
      seen[g] = true;
      const holder = goldTo[g] ?? null;
      if (holder === null || tryPred(holder, seen)) {
        goldTo[g] = p;
        return true;
      }
    }
    return false;
  };
  for (let p = 0; p < edges.length; p++) tryPred(p, []);
  const predTo: (number | null)[] = edges.map(() => null);
  goldTo.forEach((p, g) => {
    if (p !== null) predTo[p] = g;
  });
  return predTo;
}

export function matchRole(gold: GoldEntity[], predicted: string[]): RoleMatch {
  const entities = poolEntities(gold);
  const preds = [...new Set(predicted.map(normalise).filter(Boolean))];
  const edges = preds.map((p) => entities.flatMap((e, i) => (e.includes(p) ? [i] : [])));
  const predTo = bipartite(edges, entities.length);
  return {
    gold: entities.map((mentions, i) => ({
      mentions,
      hit: preds[predTo.indexOf(i)] ?? null,
    })),
    predicted: preds.map((text, i) => {
      const entity = predTo[i] ?? null;
      const reason = entity !== null ? 'matched' : (edges[i] ?? []).length ? 'duplicate' : 'no-match';
      return { text, entity, reason };
    }),
  };
}

export function matchDoc(gold: GoldRoles, predicted: PredRoles): DocMatch {
  return Object.fromEntries(ROLES.map((r) => [r, matchRole(gold[r], predicted[r])])) as DocMatch;
}

export function prf(c: RoleCounts): Prf {
  const p = c.predicted ? c.matched / c.predicted : 0;
  const r = c.gold ? c.matched / c.gold : 0;
  return { ...c, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

export function countRole(m: RoleMatch): RoleCounts {
  return {
    gold: m.gold.length,
    predicted: m.predicted.length,
    matched: m.predicted.filter((x) => x.entity !== null).length,
  };
}

/** Per role and micro (counts summed over roles and documents) P/R/F1. */
export function scoreDocs(docs: DocMatch[]): Record<Role | 'micro', Prf> {
  const sum = (a: RoleCounts, b: RoleCounts): RoleCounts => ({
    gold: a.gold + b.gold,
    predicted: a.predicted + b.predicted,
    matched: a.matched + b.matched,
  });
  const zero: RoleCounts = { gold: 0, predicted: 0, matched: 0 };
  const out = {} as Record<Role | 'micro', Prf>;
  let micro = zero;
  for (const r of ROLES) {
    const c = docs.map((d) => countRole(d[r])).reduce(sum, zero);
    out[r] = prf(c);
    micro = sum(micro, c);
  }
  out.micro = prf(micro);
  return out;
}
