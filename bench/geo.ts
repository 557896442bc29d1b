// `npm run bench -- geo [--data ../shared/bench/geo]`: geoparsing on LGL, GeoWebNews and GeoVirus, read in
// place (never copied). Scores the peers' published outputs and Docket under the same metric
// (bench/geo-metric.ts), and writes per-document errors to bench/out/.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Gazetteer } from '../src/ports/gazetteer.port.js';
import { geoparse } from '../src/pipeline/geoparse.js';
import { matchDoc, parsePeerLine, score, type DocScore, type GeoScores, type GeoSpan } from './geo-metric.js';
import { decodeXml as decode } from './xml.js';

export interface GeoDoc {
  text: string;
  gold: GeoSpan[];
}

export interface GeoSet {
  name: string;
  /** File stem of the EUPEG outputs (LGL, GeoWebNews, GeoVirus). */
  eupeg: string;
  docs: GeoDoc[];
}

const tag = (xml: string, name: string): string | null => {
  const m = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(xml);
  return m ? decode(m[1] ?? '') : null;
};
const num = (s: string | null): number | null => (s === null || s.trim() === '' ? null : Number(s));

/** Articles of an XML file, without the commented-out templates some files carry. */
const articles = (file: string): string[] =>
  [
    ...readFileSync(file, 'utf8')
      .replace(/<!--[\s\S]*?-->/g, '')
      .matchAll(/<article\b[\s\S]*?<\/article>/g),
  ].map((m) => m[0]);

/** LGL: toponyms with a GeoNames gaztag (4,462). */
export function loadLgl(file: string): GeoDoc[] {
  return articles(file).map((a) => {
    const text = tag(a, 'text') ?? '';
    const gold: GeoSpan[] = [];
    for (const m of a.matchAll(/<toponym>([\s\S]*?)<\/toponym>/g)) {
      const t = m[1] ?? '';
      const gaz = /<gaztag\b[\s\S]*?<\/gaztag>/.exec(t)?.[0];
      if (!gaz) continue;
      gold.push({
        start: Number(tag(t, 'start')),
        end: Number(tag(t, 'end')),
        text: tag(t, 'phrase') ?? '',
        lat: num(tag(gaz, 'lat')),
        lon: num(tag(gaz, 'lon')),
      });
    }
    return { text, gold };
  });
}

/** GeoWebNews: toponyms with a GeoNames id (2,401); the few offsets that do not slice the name are re-found. */
export function loadGwn(file: string): GeoDoc[] {
  return articles(file).map((a) => {
    const text = tag(a, 'text') ?? '';
    const all = [...a.matchAll(/<toponym>([\s\S]*?)<\/toponym>/g)].map((m) => {
      const t = m[1] ?? '';
      return {
        start: Number(tag(t, 'start')),
        end: Number(tag(t, 'end')),
        text: tag(t, 'extractedName') ?? '',
        id: (tag(t, 'geonamesID') ?? '').trim(),
        lat: num(tag(t, 'latitude')),
        lon: num(tag(t, 'longitude')),
      };
    });
    const gold: GeoSpan[] = [];
    for (const g of all) {
      if (!g.id) continue;
      if (text.slice(g.start, g.end) !== g.text && g.text) {
        // an offset slip: take the occurrence no other annotation covers (else the first)
        const found: number[] = [];
        for (let i = text.indexOf(g.text); i >= 0; i = text.indexOf(g.text, i + 1)) found.push(i);
        const free = found.find((i) => !all.some((o) => o !== g && o.start <= i && i < o.end));
        const at = free ?? found[0];
        if (at === undefined) continue;
        g.start = at;
        g.end = at + g.text.length;
      }
      gold.push({ start: g.start, end: g.end, text: g.text, lat: g.lat, lon: g.lon });
    }
    return { text, gold };
  });
}

/** GeoVirus: offsets are 1-based (text[start-1:end-1] is the name). */
export function loadGeoVirus(file: string): GeoDoc[] {
  return articles(file).map((a) => {
    const text = tag(a, 'text') ?? '';
    const gold: GeoSpan[] = [];
    for (const m of a.matchAll(/<location>([\s\S]*?)<\/location>/g)) {
      const t = m[1] ?? '';
      gold.push({
        start: Number(tag(t, 'start')) - 1,
        end: Number(tag(t, 'end')) - 1,
        text: tag(t, 'name') ?? '',
        lat: num(tag(t, 'lat')),
        lon: num(tag(t, 'lon')),
      });
    }
    return { text, gold };
  });
}

export function loadSets(dir: string): GeoSet[] {
  const sets: GeoSet[] = [];
  const lgl = join(dir, 'LGL', 'lgl.xml');
  const gwn = join(dir, 'GeoWebNews', 'GWN.xml');
  const gv = join(dir, 'GeoVirus', 'GeoVirus.xml');
  if (existsSync(lgl)) sets.push({ name: 'LGL', eupeg: 'LGL', docs: loadLgl(lgl) });
  if (existsSync(gwn)) sets.push({ name: 'GeoWebNews', eupeg: 'GeoWebNews', docs: loadGwn(gwn) });
  if (existsSync(gv)) sets.push({ name: 'GeoVirus', eupeg: 'GeoVirus', docs: loadGeoVirus(gv) });
  return sets;
}

export const PEERS = [
  'CamCoder',
  'Edinburgh',
  'CLAVIN',
  'Yahoo',
  'StanfordNER',
  'TopoCluster',
  'GeoTxt',
  'DBpedia',
  'SpaCyNER',
];

/** A peer's outputs, one line per document in the set's order (the EUPEG texts are the XML texts + "\n"). */
export function peerPredictions(dir: string, set: GeoSet, peer: string): GeoSpan[][] | null {
  const file = join(dir, 'peers', 'EUPEG', `${set.eupeg}_${peer}.txt`);
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').split('\n');
  return set.docs.map((_, i) => parsePeerLine(lines[i] ?? ''));
}

export function scoreSet(set: GeoSet, preds: GeoSpan[][]): { docs: DocScore[]; scores: GeoScores } {
  const docs = set.docs.map((d, i) => matchDoc(d.gold, preds[i] ?? []));
  return { docs, scores: score(docs) };
}

const f3 = (x: number): string => x.toFixed(3);

function row(name: string, s: GeoScores, resolution?: GeoScores): string {
  return [
    name.padEnd(12),
    `${f3(s.tagP)} ${f3(s.tagR)} ${f3(s.tagF)}`,
    `${f3(s.p161)} ${f3(s.r161)} ${f3(s.f161)}`,
    `${f3(s.a161)} ${f3(s.auc)}`,
    `${String(s.predicted).padStart(5)} ${String(s.matched).padStart(5)} ${String(s.correct).padStart(5)}`,
    resolution ? f3(resolution.a161) : '  -  ',
  ].join('  |  ');
}

/** One document's errors, for reading where Docket goes wrong. */
function errorReport(set: GeoSet, docs: DocScore[], label: string): string {
  const lines: string[] = [];
  set.docs.forEach((_d, i) => {
    const s = docs[i]!;
    const wrong = s.matches.filter((m) => m.errorKm >= 161);
    if (!wrong.length && !s.missed.length && !s.spurious.length) return;
    lines.push(`## ${set.name} doc ${i} (${label})`);
    for (const m of wrong)
      lines.push(
        `  far    ${JSON.stringify(m.gold.text)} @${m.gold.start}: gold ${m.gold.lat},${m.gold.lon} pred ${JSON.stringify(m.pred.text)} ${m.pred.lat},${m.pred.lon} (${Math.round(m.errorKm)} km)`,
      );
    for (const g of s.missed) lines.push(`  missed ${JSON.stringify(g.text)} @${g.start}`);
    for (const p of s.spurious)
      lines.push(`  extra  ${JSON.stringify(p.text)} @${p.start} ${p.lat},${p.lon}`);
  });
  return `${lines.join('\n')}\n`;
}

export async function geoBench(
  dir: string,
  gazetteer: () => Promise<Gazetteer & { close(): void }>,
): Promise<void> {
  if (!existsSync(dir)) {
    console.log(`geo: ${dir} not found — nothing to score (pass --data DIR to point at the geoparsing sets)`);
    return;
  }
  const sets = loadSets(dir);
  if (!sets.length) {
    console.log(`geo: no LGL, GeoWebNews or GeoVirus files under ${dir} — nothing to score`);
    return;
  }
  const outDir = join(process.cwd(), 'bench', 'out');
  mkdirSync(outDir, { recursive: true });
  const gaz = await gazetteer();
  const header = `${'system'.padEnd(12)}  |  tag P R F${' '.repeat(9)}|  P@161 R@161 F@161  |  A@161 AUC    |  pred match corr |  res-only A@161`;
  try {
    for (const set of sets) {
      const golds = set.docs.reduce((n, d) => n + d.gold.length, 0);
      console.log(`\n${set.name}: ${set.docs.length} docs, ${golds} gold toponyms`);
      console.log(header);
      for (const peer of PEERS) {
        const preds = peerPredictions(dir, set, peer);
        if (!preds) continue;
        console.log(row(peer, scoreSet(set, preds).scores));
      }
      // Docket, end to end
      let t0 = performance.now();
      const e2e = set.docs.map((d) => geoparse(d.text, gaz));
      const e2eSeconds = (performance.now() - t0) / 1000;
      // Docket, resolution only (gold spans given)
      t0 = performance.now();
      const res = set.docs.map((d) => geoparse(d.text, gaz, d.gold));
      const resSeconds = (performance.now() - t0) / 1000;
      const e = scoreSet(set, e2e);
      const r = scoreSet(set, res);
      console.log(row('Docket', e.scores, r.scores));
      console.log(
        `  Docket speed: ${(set.docs.length / e2eSeconds).toFixed(1)} docs/s end to end, ${(set.docs.length / resSeconds).toFixed(1)} docs/s resolution-only`,
      );
      const file = join(outDir, `geo-${set.name}.txt`);
      writeFileSync(
        file,
        errorReport(set, e.docs, 'end to end') + errorReport(set, r.docs, 'resolution-only'),
      );
      console.log(`  per-document errors: ${file}`);
    }
  } finally {
    gaz.close();
  }
}
