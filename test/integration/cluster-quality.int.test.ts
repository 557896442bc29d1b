// Clustering quality on the project's own multi-outlet corpus (bench/cluster): 59 incidents told by
// 213 reports with paraphrases, differing figures, spelling variants, relayed copies and look-alikes.
import { describe, expect, it } from 'vitest';
import { clusterQuality, readCorpus } from '../../bench/cluster-quality.js';
import { testGazetteer } from '../helpers.js';

describe('clustering the multi-outlet corpus', () => {
  it('reaches pairwise F1 of at least 0.9 and never mixes look-alike incidents', async () => {
    const reports = readCorpus();
    expect(reports.length).toBeGreaterThanOrEqual(150);
    expect(new Set(reports.map((r) => r.gold)).size).toBeGreaterThanOrEqual(40);
    const q = await clusterQuality(await testGazetteer(), reports);
    expect(q.f1).toBeGreaterThanOrEqual(0.9);
    expect(q.mixes).toEqual([]);
  });

  it('gives the same incidents when the reports arrive in reverse order', async () => {
    const reports = readCorpus();
    const forward = await clusterQuality(await testGazetteer(), reports);
    const backward = await clusterQuality(await testGazetteer(), [...reports].reverse());
    expect(backward.f1).toBe(forward.f1);
    expect(backward.predictedIncidents).toBe(forward.predictedIncidents);
  });
});
