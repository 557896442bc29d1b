// The workers half of `npm run bench -- scale`: the same articles ingested through the job queue by
// 1, 2 and 4 `docket worker` processes on one PostgreSQL (a fresh schema each run), timed from the
// workers' start until every ingest and clustering job is done.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { queueSchemaFor } from '../src/adapters/queue/pgboss.queue.js';
import { DEMO_CORPUS } from '../src/services/demo.service.js';
import { publicArticles, sharedBenchDir, type BenchArticle } from './corpus.js';
import type { ScaleOptions } from './scale.js';

const CLI = new URL('../dist/cli/main.js', import.meta.url).pathname;

async function sql<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

/** Jobs not yet finished in pg-boss's table (created, retry or active), per queue. */
async function pending(base: string, jobSchema: string): Promise<number> {
  const rows = await sql<{ n: string }>(
    base,
    `SELECT COUNT(*) AS n FROM "${jobSchema}".job WHERE state IN ('created', 'retry', 'active')`,
  );
  return Number(rows[0]?.n ?? 0);
}

function articlesFor(o: ScaleOptions): { articles: BenchArticle[]; origin: string } {
  const n = Number(o.opt('articles') ?? 3600);
  const pub = publicArticles(o.opt('data') ?? sharedBenchDir());
  if (pub?.length) {
    // repeated past the set's size, each copy made distinct so that none is a duplicate
    const articles = Array.from({ length: n }, (_, i) => {
      const a = pub[i % pub.length]!;
      return i < pub.length ? a : { ...a, id: `${a.id}#${i}`, text: `${a.text}\n\n(copy ${i})` };
    });
    const origin = `public news sets (LGL, GeoVirus, GeoWebNews, MUC-4)${n > pub.length ? ', repeated' : ''}`;
    return { articles, origin };
  }
  console.log('note: ../shared/bench not found — using generated copies of the demo corpus');
  const lines = readFileSync(DEMO_CORPUS, 'utf8').trim().split('\n');
  const articles = Array.from({ length: n }, (_, i) => {
    const d = JSON.parse(lines[i % lines.length]!) as { text: string; published: string };
    return { id: `demo-${i}`, text: `${d.text}\n\n(copy ${i})`, published: d.published };
  });
  return { articles, origin: 'demo corpus, repeated' };
}

export async function workerPart(o: ScaleOptions, base: string): Promise<void> {
  const counts = (o.opt('workers') ?? '1,2,4').split(',').map(Number);
  const { articles, origin } = articlesFor(o);
  const dir = mkdtempSync(join(tmpdir(), 'docket-scale-workers-'));
  const file = join(dir, 'articles.jsonl');
  writeFileSync(
    file,
    articles
      .map((a) => JSON.stringify({ id: a.id, text: a.text, published: a.published ?? '2020-01-01' }))
      .join('\n') + '\n',
  );
  console.log(`\nworkers: ${articles.length} articles from ${origin}, PostgreSQL ${base}`);
  const rows: { workers: number; seconds: number; rate: number; sources: number }[] = [];
  for (const k of counts) {
    const schema = `docket_scale_w${k}_${Date.now().toString(36)}`;
    const u = new URL(base);
    u.searchParams.set('schema', schema);
    const url = u.toString();
    const env = { ...process.env, DOCKET_DB: url, DOCKET_LOG_LEVEL: 'warn', DOCKET_WORKER_CONCURRENCY: '8' };
    const enq = spawnSync(process.execPath, [CLI, 'ingest', '--queue', file], { env, encoding: 'utf8' });
    if (enq.status !== 0) throw new Error(`docket ingest --queue failed: ${enq.stderr}`);
    const jobSchema = queueSchemaFor(url);
    const t0 = performance.now();
    const workers: ChildProcess[] = Array.from({ length: k }, () =>
      spawn(process.execPath, [CLI, 'worker'], { env, stdio: ['ignore', 'ignore', 'inherit'] }),
    );
    try {
      while ((await pending(base, jobSchema)) > 0) await new Promise((r) => setTimeout(r, 250));
    } finally {
      for (const w of workers) w.kill('SIGTERM');
    }
    const seconds = (performance.now() - t0) / 1000;
    const [stored] = await sql<{ n: string }>(url, `SELECT COUNT(*) AS n FROM "${schema}".sources`);
    const sources = Number(stored?.n ?? 0);
    rows.push({ workers: k, seconds, rate: articles.length / seconds, sources });
    console.log(
      `  ${k} worker(s): ${seconds.toFixed(1)} s, ${(articles.length / seconds).toFixed(1)} articles/s, ${sources} sources stored`,
    );
    await new Promise((r) => setTimeout(r, 500));
    await sql(
      base,
      `DROP SCHEMA IF EXISTS "${schema}" CASCADE; DROP SCHEMA IF EXISTS "${jobSchema}" CASCADE`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
  console.log('\n| workers | seconds | articles/s | speed-up |\n|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.workers} | ${r.seconds.toFixed(1)} | ${r.rate.toFixed(1)} | ${(r.rate / rows[0]!.rate).toFixed(2)}× |`,
    );
}
