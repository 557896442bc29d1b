// `npm run bench -- dates [--data ../shared/bench/time]`: Docket's date finder on TBAQ-cleaned (TimeBank +
// AQUAINT, TimeML) and MEANTIME (CAT XML), read in place, scored for DATE expressions the TempEval-3 way
// (bench/dates/metric.ts). Writes per-document errors to bench/out/ (git-ignored) and prints the most
// common error kinds.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findTimexes } from '../src/pipeline/timex.js';
import { loadTimeCorpora, type TimeCorpus } from './dates/corpora.js';
import { docErrors, matchDates, scoreDates, type DateScores, type DocResult } from './dates/metric.js';

const f3 = (x: number): string => x.toFixed(3);

function table(name: string, s: DateScores): string[] {
  return [
    `  ${'corpus'.padEnd(14)} gold  pred match |  extent P   R     F1   | strict F1 | value acc  value F1`,
    `  ${name.padEnd(14)} ${String(s.gold).padStart(4)} ${String(s.predicted).padStart(5)} ${String(s.matched).padStart(5)} |  ${f3(s.p)} ${f3(s.r)} ${f3(s.f1)} |   ${f3(s.strictF1)}   |   ${f3(s.valueAccuracy)}    ${f3(s.valueF1)}`,
  ];
}

/** Kinds of error, most common first, each with its count and a first example. */
export function errorKinds(results: DocResult[]): { kind: string; n: number; example: string }[] {
  const kinds = new Map<string, { n: number; example: string }>();
  for (const d of results)
    for (const [kind, line] of docErrors(d)) {
      const k = kinds.get(kind) ?? { n: 0, example: line.trim() };
      k.n++;
      kinds.set(kind, k);
    }
  return [...kinds.entries()].map(([kind, k]) => ({ kind, ...k })).sort((a, b) => b.n - a.n);
}

function errorFile(results: DocResult[]): string {
  const lines: string[] = [];
  for (const d of results) {
    const errors = docErrors(d);
    if (!errors.length) continue;
    lines.push(`## ${d.doc.id} (published ${d.doc.published ?? 'unknown'})`);
    for (const [kind, line] of errors) lines.push(`${line}    [${kind}]`);
    for (const o of d.otherType)
      lines.push(
        `  other  ${JSON.stringify(o.pred.text)} @${o.pred.start} ${o.pred.value} on gold ${o.gold.type} ${JSON.stringify(o.gold.text)} ${o.gold.value}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

export function runDates(corpus: TimeCorpus): { results: DocResult[]; scores: DateScores; seconds: number } {
  const t0 = performance.now();
  const preds = corpus.docs.map((d) => findTimexes(d.text, d.published));
  const seconds = (performance.now() - t0) / 1000;
  const results = corpus.docs.map((d, i) => matchDates(d, preds[i] ?? []));
  return { results, scores: scoreDates(results), seconds };
}

export function datesBench(dir: string): void {
  if (!existsSync(dir)) {
    console.log(
      `dates: ${dir} not found — nothing to score (pass --data DIR pointing at a folder with TBAQ-cleaned/ and MEANTIME/)`,
    );
    return;
  }
  const corpora = loadTimeCorpora(dir);
  if (!corpora.length) {
    console.log(`dates: no TBAQ-cleaned (*.tml) or MEANTIME (*.xml) files under ${dir} — nothing to score`);
    return;
  }
  const outDir = join(process.cwd(), 'bench', 'out');
  mkdirSync(outDir, { recursive: true });
  console.log(
    'dates: DATE expressions, TempEval-3 scoring (relaxed extent = overlap; value F1 = F1 × value accuracy)',
  );
  console.log('  published on TempEval-3 Platinum, value F1: HeidelTime 0.776, NavyTime 0.710, SUTime 0.674');
  for (const corpus of corpora) {
    const { results, scores, seconds } = runDates(corpus);
    const types = new Map<string, number>();
    for (const d of corpus.docs) for (const g of d.gold) types.set(g.type, (types.get(g.type) ?? 0) + 1);
    console.log(
      `\n${corpus.name}: ${corpus.docs.length} docs; TIMEX3 ${[...types].map(([t, n]) => `${t} ${n}`).join(', ')}`,
    );
    for (const line of table(corpus.name, scores)) console.log(line);
    console.log(
      `  extent strict P ${f3(scores.strictP)} R ${f3(scores.strictR)}; ${scores.otherType} predictions on gold TIME/DURATION/SET (not scored); ${(corpus.docs.length / seconds).toFixed(0)} docs/s`,
    );
    console.log('  most common errors:');
    for (const k of errorKinds(results).slice(0, 10))
      console.log(`    ${String(k.n).padStart(4)}  ${k.kind.padEnd(46)} e.g. ${k.example}`);
    const file = join(outDir, `dates-${corpus.name}.txt`);
    writeFileSync(file, errorFile(results));
    console.log(`  per-document errors: ${file}`);
  }
}
