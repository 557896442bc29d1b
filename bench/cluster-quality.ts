// Clustering quality on the project's multi-outlet corpus (bench/cluster/corpus.jsonl): every report is
// ingested through the real pipeline and clusterer, then report pairs are scored against the gold incidents.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteStorage } from '../src/adapters/sqlite/sqlite.storage.js';
import type { InputItem } from '../src/domain/incoming.js';
import type { Gazetteer } from '../src/ports/gazetteer.port.js';
import { ClusterService } from '../src/services/cluster.service.js';
import { IngestService } from '../src/services/ingest.service.js';

export const CLUSTER_CORPUS = fileURLToPath(new URL('./cluster/corpus.jsonl', import.meta.url));

export interface CorpusReport {
  id: string;
  gold: string;
  outlet: string;
  published: string;
  url?: string;
  title?: string;
  text: string;
}

export interface PairScores {
  reports: number;
  goldIncidents: number;
  predictedIncidents: number;
  precision: number;
  recall: number;
  f1: number;
  /** Gold incidents split over several predicted ones, and predicted ones mixing gold incidents. */
  splits: { gold: string; parts: string[][] }[];
  mixes: { incident: string; gold: string[] }[];
}

export function pairScores(
  gold: Map<string, string>,
  predicted: Map<string, string>,
): Omit<PairScores, 'splits' | 'mixes' | 'reports' | 'goldIncidents' | 'predictedIncidents'> {
  const ids = [...gold.keys()];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) {
      const g = gold.get(ids[i]!) === gold.get(ids[j]!);
      const p = predicted.get(ids[i]!) === predicted.get(ids[j]!);
      if (g && p) tp++;
      else if (p) fp++;
      else if (g) fn++;
    }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

export function readCorpus(path = CLUSTER_CORPUS): CorpusReport[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CorpusReport);
}

export async function clusterQuality(
  gazetteer: Gazetteer,
  reports: CorpusReport[] = readCorpus(),
): Promise<PairScores> {
  const dir = mkdtempSync(join(tmpdir(), 'docket-cluster-'));
  const storage = new SqliteStorage(join(dir, 'cluster.db'));
  try {
    const clusters = new ClusterService({ incidents: storage.incidents });
    const ingest = new IngestService({ storage, gazetteer, clusters });
    const items: InputItem[] = reports.map((r) => ({
      kind: 'document',
      // the JSON line is what was received: two outlets' identical copies stay two sources
      doc: {
        origin: r.id,
        text: r.text,
        raw: JSON.stringify({
          text: r.text,
          published: r.published,
          outlet: r.outlet,
          url: r.url,
          title: r.title,
        }),
        mediaType: 'application/jsonl',
        outlet: r.outlet,
        url: r.url ?? null,
        title: r.title ?? null,
        published: r.published,
      },
    }));
    const report = await ingest.ingest(items);
    // each report is judged by its lead event (the first it tells); a report with no event stands alone
    const predicted = new Map<string, string>();
    const gold = new Map(reports.map((r) => [r.id, r.gold]));
    const sourceOf = new Map(report.sourceIds.map((s, i) => [s, reports[i]!.id]));
    for (const sourceId of report.sourceIds) {
      const events = await storage.listEvents({ sourceId }, { limit: 1000, offset: 0 });
      const lead = [...events.items].sort(
        (a, b) => Number(a.id.split('.e')[1]) - Number(b.id.split('.e')[1]),
      )[0];
      const incident = lead ? (await storage.incidents.incidentsOfEvents([lead.id]))[0]?.id : undefined;
      predicted.set(sourceOf.get(sourceId)!, incident ?? `alone:${sourceId}`);
    }
    const scores = pairScores(gold, predicted);
    const byGold = new Map<string, Map<string, string[]>>();
    for (const [rid, g] of gold) {
      const parts = byGold.get(g) ?? new Map<string, string[]>();
      const p = predicted.get(rid) ?? `missing:${rid}`;
      parts.set(p, [...(parts.get(p) ?? []), rid]);
      byGold.set(g, parts);
    }
    const byPred = new Map<string, Set<string>>();
    for (const [rid, p] of predicted) byPred.set(p, (byPred.get(p) ?? new Set()).add(gold.get(rid)!));
    return {
      reports: reports.length,
      goldIncidents: new Set(gold.values()).size,
      predictedIncidents: new Set(predicted.values()).size,
      ...scores,
      splits: [...byGold.entries()]
        .filter(([, parts]) => parts.size > 1)
        .map(([g, parts]) => ({ gold: g, parts: [...parts.values()] })),
      mixes: [...byPred.entries()]
        .filter(([, gs]) => gs.size > 1)
        .map(([p, gs]) => ({ incident: p, gold: [...gs] })),
    };
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
