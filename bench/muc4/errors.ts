// Error kinds for the MUC-4 bench: why a gold entity was missed or a filler was wrong. Pure.
import type { Extraction } from '../../src/domain/types.js';
import type { Filler } from './map.js';
import { normalise, ROLES, type DocMatch, type Role } from './metric.js';

export interface DocError {
  kind: string;
  line: string;
}

const words = (s: string): Set<string> => new Set(s.split(' ').filter((w) => w.length > 2));
const shares = (a: string, b: string): boolean => [...words(a)].some((w) => words(b).has(w));

export function classifyErrors(m: DocMatch, fillers: Filler[], x: Extraction): DocError[] {
  const out: DocError[] = [];
  const byRole = new Map<string, Role[]>();
  for (const f of fillers) {
    const k = normalise(f.text);
    byRole.set(k, [...(byRole.get(k) ?? []), f.role]);
  }
  const claimText = normalise(x.claims.map((c) => c.text).join(' | '));
  const goldOf = (text: string): Role[] =>
    ROLES.filter((r) => m[r].gold.some((g) => g.mentions.includes(text)));
  const hasToll = x.events.some((e) => e.fatalities !== null);
  for (const role of ROLES) {
    const preds = m[role].predicted;
    for (const g of m[role].gold) {
      if (g.hit) continue;
      const shown = JSON.stringify(g.mentions.slice(0, 3));
      const other = g.mentions.flatMap((t) => byRole.get(t) ?? []).find((r) => r !== role);
      let kind: string;
      if (!x.events.length) kind = `${role}: missed, no event extracted from the document`;
      else if (other) kind = `${role}: extracted, but as ${other}`;
      else if (role === 'PerpOrg' && g.mentions.some((t) => claimText.includes(t)))
        kind = 'PerpOrg: named only inside a claim (not a responsibility claimant)';
      else if (preds.some((p) => p.entity === null && g.mentions.some((t) => shares(t, p.text))))
        kind = `${role}: boundary mismatch (a filler shares words)`;
      else if (role === 'Victim' && hasToll) kind = 'Victim: a toll (count) coded, the victims not named';
      else kind = `${role}: filler never extracted`;
      out.push({ kind, line: `  miss ${role.padEnd(7)} ${shown}` });
    }
    for (const p of preds) {
      if (p.reason === 'matched') continue;
      const goldRoles = goldOf(p.text).filter((r) => r !== role);
      let kind: string;
      if (p.reason === 'duplicate') kind = `${role}: a second filler for an entity already matched`;
      else if (goldRoles.length) kind = `${role}: a gold ${goldRoles[0]} put in ${role}`;
      else if (ROLES.every((r) => !m[r].gold.length)) kind = `${role}: filler in a document with no incident`;
      else if (m[role].gold.some((g) => g.mentions.some((t) => shares(t, p.text))))
        kind = `${role}: boundary mismatch (a filler shares words)`;
      else kind = `${role}: spurious filler`;
      out.push({ kind, line: `  extra ${role.padEnd(7)} ${JSON.stringify(p.text)}` });
    }
  }
  return out;
}
