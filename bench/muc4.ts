// `npm run bench -- muc4 [--data ../shared/bench/events/muc4]`: Docket's extraction mapped to MUC-4 role
// fillers (bench/muc4/map.ts) on TST1 + TST2 (200 documents, read in place), scored with document-level
// role-filler entity F1 (bench/muc4/metric.ts). Writes per-document errors to bench/out/ (git-ignored)
// and prints the most common error kinds.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Gazetteer } from '../src/ports/gazetteer.port.js';
import { extract } from '../src/pipeline/extract.js';
import { loadMuc4, type MucDoc } from './muc4/data.js';
import { classifyErrors, type DocError } from './muc4/errors.js';
import { mapExtraction, toPredRoles, type Filler } from './muc4/map.js';
import { matchDoc, ROLES, scoreDocs, type DocMatch, type Prf } from './muc4/metric.js';

/** For documents whose dateline has no year ("25 JAN", "NO DATE"): mid-period of the corpus. */
export const NEUTRAL_DATE = '1989-07-01';

const f3 = (x: number): string => x.toFixed(3);
const row = (name: string, s: Prf): string =>
  `  ${name.padEnd(8)} ${String(s.gold).padStart(5)} ${String(s.predicted).padStart(5)} ${String(s.matched).padStart(5)}   ${f3(s.p)}  ${f3(s.r)}  ${f3(s.f1)}`;

interface DocRun {
  doc: MucDoc;
  fillers: Filler[];
  match: DocMatch;
  errors: DocError[];
  events: number;
  claims: number;
}

export function runMuc4(docs: MucDoc[], gazetteer: Gazetteer): DocRun[] {
  return docs.map((doc) => {
    const x = extract({ text: doc.text, published: doc.dateline ?? NEUTRAL_DATE }, { gazetteer });
    const fillers = mapExtraction(x);
    const match = matchDoc(doc.gold, toPredRoles(fillers));
    return {
      doc,
      fillers,
      match,
      errors: classifyErrors(match, fillers, x),
      events: x.events.length,
      claims: x.claims.length,
    };
  });
}

function errorFile(runs: DocRun[]): string {
  const lines: string[] = [];
  for (const r of runs) {
    if (!r.errors.length) continue;
    lines.push(
      `## ${r.doc.id} (published ${r.doc.dateline ?? `${NEUTRAL_DATE}, neutral`}; ${r.doc.templates} gold templates; Docket: ${r.events} events, ${r.claims} claims)`,
    );
    for (const role of ROLES)
      for (const p of r.match[role].predicted.filter((p) => p.reason === 'matched'))
        lines.push(`  ok    ${role.padEnd(7)} ${JSON.stringify(p.text)}`);
    for (const e of r.errors) lines.push(`${e.line}    [${e.kind}]`);
    for (const f of r.fillers)
      lines.push(`  from  ${f.role.padEnd(7)} ${JSON.stringify(f.text)} ← ${f.from}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function muc4Bench(
  dir: string,
  openGazetteer: () => Promise<Gazetteer & { close(): void }>,
): Promise<void> {
  if (!existsSync(join(dir, 'gtt', 'dev.json'))) {
    console.log(
      `muc4: ${join(dir, 'gtt', 'dev.json')} not found — nothing to score (pass --data DIR pointing at the muc4 folder with gtt/dev.json and raw/)`,
    );
    return;
  }
  const docs = loadMuc4(dir);
  const gazetteer = await openGazetteer();
  const t0 = performance.now();
  const runs = runMuc4(docs, gazetteer);
  const seconds = (performance.now() - t0) / 1000;
  gazetteer.close();
  const scores = scoreDocs(runs.map((r) => r.match));
  const dated = docs.filter((d) => d.dateline).length;
  const relevant = docs.filter((d) => d.templates > 0).length;
  console.log('muc4: role-filler entity F1, document level (no template alignment), TST1 + TST2');
  console.log(
    `  ${docs.length} documents (${relevant} with a relevant incident), text from gtt/dev.json (lower case, as distributed); ${dated} dated from the raw dateline, ${docs.length - dated} with the neutral date ${NEUTRAL_DATE}`,
  );
  console.log('  issue #4 target: micro F1 ≥ 0.50');
  console.log(`  ${'role'.padEnd(8)}  gold  pred match   P      R      F1`);
  for (const r of ROLES) console.log(row(r, scores[r]));
  console.log(row('micro', scores.micro));
  console.log(`  ${(docs.length / seconds).toFixed(0)} docs/s`);
  const kinds = new Map<string, { n: number; example: string }>();
  for (const r of runs)
    for (const e of r.errors) {
      const k = kinds.get(e.kind) ?? { n: 0, example: `${r.doc.id}${e.line}` };
      k.n++;
      kinds.set(e.kind, k);
    }
  console.log('  most common errors:');
  for (const [kind, k] of [...kinds].sort((a, b) => b[1].n - a[1].n).slice(0, 12))
    console.log(`    ${String(k.n).padStart(4)}  ${kind.padEnd(62)} e.g. ${k.example}`);
  const outDir = join(process.cwd(), 'bench', 'out');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'muc4-tst1-tst2.txt');
  writeFileSync(file, errorFile(runs));
  console.log(`  per-document errors: ${file}`);
}
