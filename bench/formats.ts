// `npm run bench -- formats [--data ../shared/bench/formats]`: classification on the kept-back formats,
// read in place (never copied): CASE-style TSV snippets (`id<TAB>EventSnippet<TAB>SubType`, codes in a
// labels file) and ACLED 2016-layout CSV rows (NOTES as the text). Every .tsv and .csv in the folder is
// read. Scores type accuracy and weighted F1 for event and sub-event type; for ACLED rows also the place
// (within 25 km), the date (the row's day inside Docket's range) and the toll. Per-row results go to
// bench/out/ (git-ignored).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { classify } from '../src/pipeline/classify.js';
import type { Gazetteer } from '../src/ports/gazetteer.port.js';
import { parseAcled2016, type AcledRow } from './formats/acled2016.js';
import { parseCaseTsv, parseLabels } from './formats/case.js';
import { accuracy, dateWithin, fatalitiesEqual, perClass, weightedF1, type Label } from './formats/score.js';
import { haversineKm } from './geo-metric.js';

const f3 = (x: number): string => x.toFixed(3);
const pct = (k: number, n: number): string => (n ? `${f3(k / n)} (${k}/${n})` : '  -  ');

/** The last day of a date's month: a report about the row is taken as published that month. */
export function monthEnd(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function typeTable(rows: { type: [Label, Label]; sub: [Label, Label] | null }[]): string[] {
  const types = rows.map((r) => r.type);
  const subs = rows.flatMap((r) => (r.sub ? [r.sub] : []));
  return [
    `  ${'scored'.padEnd(16)} n     accuracy   weighted F1`,
    `  ${'event type'.padEnd(16)} ${String(types.length).padEnd(5)} ${f3(accuracy(types))}      ${f3(weightedF1(types))}`,
    `  ${'sub-event type'.padEnd(16)} ${String(subs.length).padEnd(5)} ${subs.length ? f3(accuracy(subs)) : '  -  '}      ${subs.length ? f3(weightedF1(subs)) : '  -'}`,
  ];
}

function caseSet(file: string, labelsFile: string | null, gaz: Gazetteer, out: string[]): void {
  const rows = parseCaseTsv(readFileSync(file, 'utf8'));
  const labels = labelsFile ? new Set(parseLabels(readFileSync(labelsFile, 'utf8'))) : null;
  const unlisted = [...new Set(rows.map((r) => r.label))].filter((l) => labels && !labels.has(l));
  const nonConflict = rows.filter((r) => !r.gold).length;
  console.log(
    `\nCASE-style TSV ${basename(file)}: ${rows.length} snippets (${rows.length - nonConflict} conflict/protest/strategic, ${nonConflict} non-conflict)${labelsFile ? `, labels from ${basename(labelsFile)}` : ''}`,
  );
  if (unlisted.length)
    console.log(`  labels not in the labels file (scored as non-conflict): ${unlisted.join(', ')}`);
  const scored = rows.map((r) => {
    const c = classify(r.text, { gazetteer: gaz });
    out.push(
      `${c.subEventType === (r.gold?.subEventType ?? null) ? 'ok   ' : 'WRONG'} ${r.id}\tgold ${r.label} (${r.gold?.subEventType ?? 'none'})\tDocket ${c.subEventType ?? 'none'}${c.trigger ? ` via "${c.trigger}"` : ''}\t${r.text}`,
    );
    return {
      type: [r.gold?.eventType ?? null, c.eventType] as [Label, Label],
      sub: [r.gold?.subEventType ?? null, c.subEventType] as [Label, Label],
    };
  });
  for (const l of typeTable(scored)) console.log(l);
  const worst = perClass(scored.map((s) => s.sub))
    .filter((c) => c.support > 0 && c.f1 < 1)
    .sort((a, b) => b.support - a.support)
    .slice(0, 8);
  if (worst.length)
    console.log(
      `  sub-types missed most: ${worst.map((c) => `${c.label} F1 ${f3(c.f1)} (n ${c.support})`).join('; ')}`,
    );
}

function acledSet(file: string, gaz: Gazetteer, out: string[]): void {
  const { rows, problems } = parseAcled2016(readFileSync(file, 'utf8'));
  console.log(
    `\nACLED 2016 CSV ${basename(file)}: ${rows.length} rows (NOTES as the text; published = the row's month end)`,
  );
  for (const p of problems.slice(0, 5)) console.log(`  skipped record ${p.record}: ${p.reason}`);
  if (problems.length > 5) console.log(`  … ${problems.length - 5} more skipped`);
  let placed = 0;
  let dated = 0;
  let toll = 0;
  const scored = rows.map((r: AcledRow) => {
    const c = classify(r.notes, { gazetteer: gaz }, monthEnd(r.date));
    const e = c.event;
    const km = e?.location ? haversineKm(r.lat, r.lon, e.location.lat, e.location.lon) : null;
    const okPlace = km !== null && km <= 25;
    const okDate = dateWithin(r.date, e?.date ?? null);
    const okToll = e !== null && fatalitiesEqual(r.fatalities, e.fatalities?.best ?? null);
    if (okPlace) placed++;
    if (okDate) dated++;
    if (okToll) toll++;
    out.push(
      [
        `${r.id}\tgold ${r.gold.eventType}${r.gold.subEventType ? ` / ${r.gold.subEventType}` : ''} (${r.oldEventType})\tDocket ${c.eventType ?? 'none'}${c.subEventType ? ` / ${c.subEventType}` : ''}`,
        `  place ${okPlace ? 'ok' : 'WRONG'}: gold ${r.location} ${r.lat},${r.lon}; Docket ${e?.location ? `${e.location.name} ${e.location.lat.toFixed(4)},${e.location.lon.toFixed(4)} (${Math.round(km!)} km)` : 'none'}`,
        `  date ${okDate ? 'ok' : 'WRONG'}: gold ${r.date}; Docket ${e?.date.start ?? 'none'}..${e?.date.end ?? ''}`,
        `  fatalities ${okToll ? 'ok' : 'WRONG'}: gold ${r.fatalities}; Docket ${e ? (e.fatalities?.best ?? 'null') : 'no event'}`,
        `  ${r.notes}`,
      ].join('\n'),
    );
    return {
      type: [r.gold.eventType, c.eventType] as [Label, Label],
      sub: r.gold.subEventType ? ([r.gold.subEventType, c.subEventType] as [Label, Label]) : null,
    };
  });
  for (const l of typeTable(scored)) console.log(l);
  console.log(
    '  (sub-event type only where the old type names one: the Battle-… types and the two territory developments)',
  );
  console.log(`  place within 25 km   ${pct(placed, rows.length)}`);
  console.log(`  date within range    ${pct(dated, rows.length)}`);
  console.log(
    `  fatalities equal     ${pct(toll, rows.length)}   (Docket's null "not reported" counts as ACLED's 0)`,
  );
}

export async function formatsBench(
  dir: string,
  gazetteer: () => Promise<Gazetteer & { close(): void }>,
): Promise<void> {
  if (!existsSync(dir)) {
    console.log(
      `formats: ${dir} not found — nothing to score (pass --data DIR to point at the CASE TSV / ACLED CSV files)`,
    );
    return;
  }
  const files = readdirSync(dir).sort();
  const tsv = files.filter((f) => f.endsWith('.tsv'));
  const csv = files.filter((f) => f.endsWith('.csv'));
  if (!tsv.length && !csv.length) {
    console.log(`formats: no .tsv or .csv files under ${dir} — nothing to score`);
    return;
  }
  const labels = files.find((f) => /labels?\.txt$/i.test(f));
  const outDir = join(process.cwd(), 'bench', 'out');
  mkdirSync(outDir, { recursive: true });
  const gaz = await gazetteer();
  try {
    for (const f of tsv) {
      const out: string[] = [];
      caseSet(join(dir, f), labels ? join(dir, labels) : null, gaz, out);
      const file = join(outDir, `formats-${f}.txt`);
      writeFileSync(file, `${out.join('\n')}\n`);
      console.log(`  per-snippet results: ${file}`);
    }
    for (const f of csv) {
      const out: string[] = [];
      acledSet(join(dir, f), gaz, out);
      const file = join(outDir, `formats-${f}.txt`);
      writeFileSync(file, `${out.join('\n')}\n`);
      console.log(`  per-row results: ${file}`);
    }
  } finally {
    gaz.close();
  }
}
