// Article texts for benchmarks: the public gold sets under ../shared/bench when present (read in
// place, never copied), else the project's own demo corpus, said so clearly.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeXml as decode } from './xml.js';

export interface BenchArticle {
  id: string;
  text: string;
  published: string | null;
}

function xmlArticles(file: string, set: string): BenchArticle[] {
  const xml = readFileSync(file, 'utf8');
  const out: BenchArticle[] = [];
  let i = 0;
  for (const m of xml.matchAll(/<article\b[\s\S]*?<\/article>/g)) {
    const text = /<text>([\s\S]*?)<\/text>/.exec(m[0])?.[1];
    const dl = /<dltime>(\d{4}-\d{2}-\d{2})/.exec(m[0])?.[1] ?? null;
    if (text) out.push({ id: `${set}-${i++}`, text: decode(text), published: dl });
  }
  return out;
}

export function sharedBenchDir(): string {
  return process.env.DOCKET_SHARED_BENCH ?? join(process.cwd(), '..', 'shared', 'bench');
}

/** News articles from the public sets: LGL, GeoVirus, GeoWebNews and MUC-4 (about 1,200). */
export function publicArticles(dir = sharedBenchDir()): BenchArticle[] | null {
  if (!existsSync(dir)) return null;
  const out: BenchArticle[] = [];
  const sets: [string, string][] = [
    ['geo/LGL/lgl.xml', 'lgl'],
    ['geo/GeoVirus/GeoVirus.xml', 'geovirus'],
    ['geo/GeoWebNews/GWN.xml', 'gwn'],
  ];
  for (const [rel, set] of sets)
    if (existsSync(join(dir, rel))) out.push(...xmlArticles(join(dir, rel), set));
  const muc = join(dir, 'events/muc4/gtt/dev.json');
  if (existsSync(muc)) {
    for (const line of readFileSync(muc, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const d = JSON.parse(line) as { docid: string; doctext: string };
      out.push({ id: d.docid, text: d.doctext, published: null });
    }
  }
  return out;
}
