// Relayed copies: the same wire story republished by several outlets is one source, not several.
// Texts are compared by word 4-gram shingles; same outlet also means the same source.

function shingles(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const out = new Set<string>();
  for (let i = 0; i + 4 <= words.length; i++) out.add(words.slice(i, i + 4).join(' '));
  return out;
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let common = 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const s of small) if (big.has(s)) common++;
  return common / Math.min(a.size, b.size);
}

export interface RelaySource {
  sourceId: string;
  outlet: string | null;
  published: string | null;
  text: string;
}

/** Texts sharing this much of the shorter one's 4-grams are copies of one story. */
export const RELAY_OVERLAP = 0.7;

/** Group sources into independent ones: returns sourceId → group id (the group's earliest source). */
export function sourceGroups(sources: RelaySource[]): Map<string, string> {
  const sorted = [...sources].sort(
    (a, b) =>
      (a.published ?? '9999').localeCompare(b.published ?? '9999') || a.sourceId.localeCompare(b.sourceId),
  );
  const sh = new Map(sorted.map((s) => [s.sourceId, shingles(s.text)]));
  const group = new Map<string, string>();
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i]!;
    if (group.has(s.sourceId)) continue;
    group.set(s.sourceId, s.sourceId);
    for (let j = i + 1; j < sorted.length; j++) {
      const t = sorted[j]!;
      if (group.has(t.sourceId)) continue;
      const sameOutlet = s.outlet !== null && s.outlet === t.outlet;
      if (sameOutlet || overlap(sh.get(s.sourceId)!, sh.get(t.sourceId)!) >= RELAY_OVERLAP)
        group.set(t.sourceId, s.sourceId);
    }
  }
  return group;
}
