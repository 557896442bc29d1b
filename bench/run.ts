// `npm run bench -- <suite> [--data DIR] [--n N]`: benchmark suites. Speed is measured here, never in tests.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStorage } from '../src/adapters/sqlite/sqlite.storage.js';
import { loadConfig } from '../src/config.js';
import { openGazetteer } from '../src/gazetteer/sqlite.gazetteer.js';
import type { InputItem } from '../src/domain/incoming.js';
import { IngestService } from '../src/services/ingest.service.js';
import { DEMO_CORPUS } from '../src/services/demo.service.js';
import { publicArticles, sharedBenchDir, type BenchArticle } from './corpus.js';

const args = process.argv.slice(2);
const suite = args.find((a) => !a.startsWith('--')) ?? 'help';
const opt = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

function peakRss(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.resourceUsage().maxRSS * 1024);
    },
  };
}

function demoArticles(n: number): BenchArticle[] {
  const lines = readFileSync(DEMO_CORPUS, 'utf8').trim().split('\n');
  const out: BenchArticle[] = [];
  for (let i = 0; out.length < n; i++) {
    const d = JSON.parse(lines[i % lines.length]!) as { text: string; published: string };
    // a distinct trailing line keeps each copy a distinct source (no deduplication)
    out.push({ id: `demo-${i}`, text: `${d.text}\n\n(copy ${i})`, published: d.published });
  }
  return out;
}

async function throughput(): Promise<void> {
  const dir = opt('data') ?? sharedBenchDir();
  let articles = publicArticles(dir);
  let origin = `public news sets in ${dir} (LGL, GeoVirus, GeoWebNews, MUC-4)`;
  if (!articles || articles.length === 0) {
    console.log(
      `note: ${dir} not found — using the project's demo corpus, repeated, instead of the public sets`,
    );
    articles = demoArticles(Number(opt('n') ?? 1200));
    origin = 'demo corpus, repeated';
  }
  const words = articles.reduce((n, a) => n + a.text.split(/\s+/).length, 0);
  const config = loadConfig();
  const gazetteer = await openGazetteer(config.cacheDir);
  const tmp = mkdtempSync(join(tmpdir(), 'docket-bench-'));
  const storage = new SqliteStorage(join(tmp, 'bench.db'));
  const service = new IngestService({ storage, gazetteer });
  const items: InputItem[] = articles.map((a) => ({
    kind: 'document',
    doc: {
      origin: a.id,
      text: a.text,
      raw: null,
      mediaType: 'text/plain',
      outlet: null,
      url: null,
      title: null,
      published: a.published ?? '2020-01-01',
    },
  }));
  const mem = peakRss();
  const t0 = performance.now();
  const report = await service.ingest(items);
  const seconds = (performance.now() - t0) / 1000;
  const peak = mem.stop();
  await storage.close();
  gazetteer.close();
  rmSync(tmp, { recursive: true, force: true });
  console.log(`throughput: ingest + extract + store (SQLite), one process, one core`);
  console.log(`  corpus            ${origin}`);
  console.log(`  articles          ${articles.length} (mean ${Math.round(words / articles.length)} words)`);
  console.log(
    `  stored            ${report.ingested} sources, ${report.events} events, ${report.claims} claims, ${report.skipped.length} skipped`,
  );
  console.log(`  time              ${seconds.toFixed(2)} s`);
  console.log(`  articles/second   ${(articles.length / seconds).toFixed(1)}`);
  console.log(`  words/second      ${Math.round(words / seconds)}`);
  console.log(`  600-word articles/second (words/second ÷ 600)  ${(words / seconds / 600).toFixed(1)}`);
  console.log(`  peak RSS          ${(peak / 1024 / 1024).toFixed(0)} MB`);
}

async function cluster(): Promise<void> {
  const { clusterQuality, CLUSTER_CORPUS } = await import('./cluster-quality.js');
  const { clusterSpeed } = await import('./cluster-speed.js');
  const config = loadConfig();
  const gazetteer = await openGazetteer(config.cacheDir);
  const q = await clusterQuality(gazetteer);
  gazetteer.close();
  console.log(`cluster quality: ${CLUSTER_CORPUS}`);
  console.log(
    `  reports ${q.reports}, gold incidents ${q.goldIncidents}, predicted incidents ${q.predictedIncidents}`,
  );
  console.log(
    `  pairwise precision ${q.precision.toFixed(3)}  recall ${q.recall.toFixed(3)}  F1 ${q.f1.toFixed(3)}`,
  );
  for (const s of q.splits) console.log(`  split  ${s.gold}: ${s.parts.map((p) => p.join('+')).join(' | ')}`);
  for (const m of q.mixes) console.log(`  mixed  ${m.incident}: ${m.gold.join(', ')}`);
  const sizes = (opt('sizes') ?? '100000,1000000').split(',').map(Number);
  console.log('cluster speed (synthetic reports, clustering only, one core):');
  for (const n of sizes) {
    const r = clusterSpeed(n);
    console.log(
      `  ${String(n).padStart(8)} reports  ${r.seconds.toFixed(1).padStart(6)} s  ${Math.round(n / r.seconds)} reports/s  ${r.clusters} incidents  peak RSS ${r.peakMb.toFixed(0)} MB  pairwise P ${r.precision.toFixed(3)} R ${r.recall.toFixed(3)}`,
    );
  }
}

async function geo(): Promise<void> {
  const { geoBench } = await import('./geo.js');
  await geoBench(opt('data') ?? join(sharedBenchDir(), 'geo'), () => openGazetteer(loadConfig().cacheDir));
}

async function dates(): Promise<void> {
  const { datesBench } = await import('./dates.js');
  datesBench(opt('data') ?? join(sharedBenchDir(), 'time'));
}

async function muc4(): Promise<void> {
  const { muc4Bench } = await import('./muc4.js');
  await muc4Bench(opt('data') ?? join(sharedBenchDir(), 'events', 'muc4'), () =>
    openGazetteer(loadConfig().cacheDir),
  );
}

async function formats(): Promise<void> {
  const { formatsBench } = await import('./formats.js');
  await formatsBench(opt('data') ?? join(sharedBenchDir(), 'formats'), () =>
    openGazetteer(loadConfig().cacheDir),
  );
}

async function scale(): Promise<void> {
  const { scale: run } = await import('./scale.js');
  await run({ opt, flag: (name) => args.includes(`--${name}`) });
}

async function api(): Promise<void> {
  const { apiBench } = await import('./api.js');
  await apiBench({ opt, flag: (name) => args.includes(`--${name}`) });
}

const SUITES: Record<string, () => Promise<void>> = {
  throughput,
  cluster,
  geo,
  dates,
  muc4,
  scale,
  formats,
  api,
};

if (!SUITES[suite]) {
  console.log(`usage: npm run bench -- <suite> [--data DIR]\nsuites: ${Object.keys(SUITES).join(', ')}`);
  process.exitCode = suite === 'help' ? 0 : 2;
} else {
  await SUITES[suite]();
}
