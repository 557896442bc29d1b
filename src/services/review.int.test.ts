// Incidents end to end on a real SQLite file with the real pipeline and gazetteer: clustering,
// re-ingest, ingest order, review actions with history and undo, tamper evidence, backup and restore.
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testGazetteer, tempDir } from '../../test/helpers.js';
import { SqliteStorage } from '../adapters/sqlite/sqlite.storage.js';
import type { Incident } from '../domain/incident.js';
import type { InputItem } from '../domain/incoming.js';
import type { Gazetteer } from '../ports/gazetteer.port.js';
import { BackupService } from './backup.service.js';
import { ClusterService } from './cluster.service.js';
import { IngestService } from './ingest.service.js';
import { ReviewService } from './review.service.js';

// Self-written reports: one raid told by three outlets (one a relayed wire copy), a look-alike raid
// in the same town three days later, and a drone strike elsewhere told twice.
const WIRE =
  'Islamic State gunmen stormed a checkpoint of the Syrian Democratic Forces in the town of Hajin on Tuesday, killing seven fighters, SDF officials said on Wednesday. The militants fled into the desert after the raid, the officials said.';
const REPORTS: { outlet: string; published: string; text: string }[] = [
  { outlet: 'Continental Wire', published: '2024-03-13', text: WIRE },
  // republished with the wire's credit line: nearly the same text, so one independent source
  { outlet: 'Riverside Herald', published: '2024-03-13', text: `${WIRE} (Continental Wire)` },
  {
    outlet: 'Levant Wire',
    published: '2024-03-14',
    text: 'Nine SDF fighters were killed when Islamic State militants attacked their post in Hajin in Deir ez-Zor province on 12 March, a local commander told Levant Wire.',
  },
  {
    outlet: 'Levant Wire',
    published: '2024-03-16',
    text: 'Islamic State fighters ambushed an SDF patrol near the town of Hajin on Friday, killing two fighters, the group said on Saturday.',
  },
  {
    outlet: 'Sahel Monitor',
    published: '2024-03-18',
    text: 'A Malian army drone strike hit a market in the town of Kidal on Sunday, killing at least eight civilians, residents said on Monday.',
  },
  {
    outlet: 'Agence Nord-Sud',
    published: '2024-03-19',
    text: 'Eleven people were killed on 17 March when a drone of the Malian army struck the weekly market of Kidal, local officials said.',
  },
];

const items = (list = REPORTS): InputItem[] =>
  list.map((r, i) => ({
    kind: 'document',
    doc: {
      origin: `r${i}`,
      text: r.text,
      raw: null,
      mediaType: 'text/plain',
      outlet: r.outlet,
      url: null,
      title: null,
      published: r.published,
    },
  }));

let gazetteer: Gazetteer;
beforeAll(async () => {
  gazetteer = await testGazetteer();
});

const opened: { storage: SqliteStorage; dir: string }[] = [];
function open(dir = tempDir()) {
  const storage = new SqliteStorage(join(dir, 'docket.db'));
  opened.push({ storage, dir });
  const clusters = new ClusterService({ incidents: storage.incidents });
  return {
    dir,
    storage,
    incidents: storage.incidents,
    clusters,
    ingest: new IngestService({ storage, gazetteer, clusters }),
    review: new ReviewService({ incidents: storage.incidents, clusters }),
    backups: new BackupService({ incidents: storage.incidents }),
  };
}
afterEach(async () => {
  for (const o of opened.splice(0)) {
    await o.storage.close();
    rmSync(o.dir, { recursive: true, force: true });
  }
});

/** What reviewers see of the record, without ids or timestamps: partitions and chosen values. */
async function shape(incidents: SqliteStorage['incidents']) {
  const all = (await incidents.listIncidents({}, { limit: 1000, offset: 0 })).items;
  return all
    .map((i: Incident) => ({
      members: i.members.map((m) => m.sourceId).sort(),
      type: i.resolved.subEventType.value,
      place: i.resolved.location.value?.name ?? null,
      date: i.resolved.date.value,
      fatalities: i.resolved.fatalities.value,
      grade: i.grade.value,
      status: i.status,
      edits: i.edits,
    }))
    .sort((a, b) => (a.members[0]! < b.members[0]! ? -1 : 1));
}

const incidentWith = async (incidents: SqliteStorage['incidents'], outlet: string, day: string) =>
  (await incidents.listIncidents({}, { limit: 1000, offset: 0 })).items.find((i) =>
    i.members.some((m) => m.outlet === outlet && m.date.start === day),
  )!;

describe('incidents from many reports', () => {
  it('clusters one raid told three times, keeps the look-alike apart, counts the wire copy once', async () => {
    const a = open();
    const report = await a.ingest.ingest(items());
    expect(report.clustering?.historySeq).toBe(1);
    const raid = await incidentWith(a.incidents, 'Levant Wire', '2024-03-12');
    expect(raid.members.map((m) => m.outlet).sort()).toEqual([
      'Continental Wire',
      'Levant Wire',
      'Riverside Herald',
    ]);
    expect(raid.independentSources).toBe(2); // the Herald republished the wire story
    expect(raid.resolved.fatalities.value).toEqual({ low: 7, best: 7, high: 9 });
    expect(raid.resolved.fatalities.disagreement).toBe(true);
    expect(raid.grade.suggested).toBe('fair');
    const lookAlike = await incidentWith(a.incidents, 'Levant Wire', '2024-03-15');
    expect(lookAlike.id).not.toBe(raid.id);
    expect(lookAlike.members).toHaveLength(1);
    expect(lookAlike.grade.suggested).not.toBe('fair');
    const kidal = await incidentWith(a.incidents, 'Sahel Monitor', '2024-03-17');
    expect(kidal.members).toHaveLength(2);
    expect(kidal.resolved.fatalities.value).toEqual({ low: 8, best: 8, high: 11 });
  });

  it('changes nothing when everything is ingested again', async () => {
    const a = open();
    await a.ingest.ingest(items());
    const before = await shape(a.incidents);
    const history = (await a.incidents.history(null, { limit: 100, offset: 0 })).total;
    const again = await a.ingest.ingest(items());
    expect(again.ingested).toBe(0);
    expect(again.duplicates).toBe(REPORTS.length);
    expect(await shape(a.incidents)).toEqual(before);
    expect((await a.incidents.history(null, { limit: 100, offset: 0 })).total).toBe(history);
  });

  it('gives the same incidents whatever the order of ingest, one by one or all at once', async () => {
    const a = open();
    await a.ingest.ingest(items());
    const b = open();
    for (const it of items([...REPORTS].reverse())) await b.ingest.ingest([it]);
    expect(await shape(b.incidents)).toEqual(await shape(a.incidents));
  });
});

describe('review with history', () => {
  it('merge then split restores the original incidents', async () => {
    const a = open();
    await a.ingest.ingest(items());
    const original = await shape(a.incidents);
    const raid = await incidentWith(a.incidents, 'Levant Wire', '2024-03-12');
    const lookAlike = await incidentWith(a.incidents, 'Levant Wire', '2024-03-15');
    await a.review.merge([raid.id, lookAlike.id], 'ana', 'same raid, misdated');
    const merged = await incidentWith(a.incidents, 'Levant Wire', '2024-03-12');
    expect(merged.members).toHaveLength(4);
    await a.review.split(
      merged.id,
      lookAlike.members.map((m) => m.eventId),
      'ana',
      'two raids after all',
    );
    expect(await shape(a.incidents)).toEqual(original);
  });

  it('undo restores the previous state, and an edit wins over the ladder until undone', async () => {
    const a = open();
    await a.ingest.ingest(items());
    const raid = await incidentWith(a.incidents, 'Levant Wire', '2024-03-12');
    const before = await shape(a.incidents);
    const edit = await a.review.edit(
      raid.id,
      'fatalities',
      { low: 8, best: 8, high: 9 },
      'ana',
      'hospital list',
    );
    await a.review.accept(raid.id, 'ben');
    const edited = await a.incidents.getIncident(raid.id);
    expect(edited?.edits.fatalities).toEqual({ low: 8, best: 8, high: 9 });
    expect(edited?.status).toBe('accepted');
    const entries = (await a.incidents.history(raid.id, { limit: 10, offset: 0 })).items;
    expect(entries.map((e) => [e.action, e.by])).toEqual([
      ['accept', 'ben'],
      ['edit', 'ana'],
      ['cluster', 'docket'],
    ]);
    expect(entries[1]!.why).toBe('hospital list');
    const undoAccept = entries[0]!.seq;
    await a.review.undo(undoAccept, 'ben', 'too early');
    await a.review.undo(edit.seq, 'ana');
    expect(await shape(a.incidents)).toEqual(before);
    await expect(a.review.undo(edit.seq, 'ana')).rejects.toThrow(/already undone/);
  });

  it('undo of a merge brings the incidents back', async () => {
    const a = open();
    await a.ingest.ingest(items());
    const before = await shape(a.incidents);
    const raid = await incidentWith(a.incidents, 'Levant Wire', '2024-03-12');
    const kidal = await incidentWith(a.incidents, 'Sahel Monitor', '2024-03-17');
    await expect(a.review.merge([raid.id, kidal.id], 'ana')).resolves.toBeDefined();
    // two countries cannot be one incident for the clusterer, but a reviewer's merge is obeyed
    expect((await shape(a.incidents)).length).toBe(before.length - 1);
    const merge = (await a.incidents.history(null, { limit: 50, offset: 0 })).items.find(
      (e) => e.action === 'merge',
    )!;
    await a.review.undo(merge.seq, 'ana');
    expect(await shape(a.incidents)).toEqual(before);
  });

  it('rejects edits of unknown fields and bad values, naming them', async () => {
    const a = open();
    await a.ingest.ingest(items());
    const raid = await incidentWith(a.incidents, 'Levant Wire', '2024-03-12');
    await expect(a.review.edit(raid.id, 'colour', 'red', 'ana')).rejects.toThrow(
      /field: colour cannot be edited/,
    );
    await expect(a.review.edit(raid.id, 'fatalities', { low: 9, best: 7, high: 9 }, 'ana')).rejects.toThrow(
      /low ≤ best ≤ high/,
    );
    await expect(a.review.regrade(raid.id, 'certain', 'ana')).rejects.toThrow(/grade: expected one of/);
    await expect(a.review.accept('inc_nope', 'ana')).rejects.toThrow(/incident inc_nope not found/);
  });
});

describe('evidence archive', () => {
  it('verify names a tampered source and a tampered history entry', async () => {
    const a = open();
    await a.ingest.ingest(items());
    const raid = await incidentWith(a.incidents, 'Levant Wire', '2024-03-12');
    await a.review.accept(raid.id, 'ana');
    expect(await a.incidents.verify()).toMatchObject({ alteredSources: [], brokenHistory: [] });
    const path = join(a.dir, 'docket.db');
    const raw = new Database(path);
    const victim = raw.prepare('SELECT id FROM sources ORDER BY id LIMIT 1').get() as { id: string };
    raw.prepare("UPDATE sources SET text = text || ' (edited)' WHERE id = ?").run(victim.id);
    // the history refuses edits; someone with the file drops the guard first
    raw.exec('DROP TRIGGER history_no_update');
    raw.prepare("UPDATE history SET by = 'mallory' WHERE seq = 2").run();
    raw.close();
    const report = await a.incidents.verify();
    expect(report.alteredSources).toEqual([victim.id]);
    expect(report.brokenHistory).toEqual([{ seq: 2, problem: 'content does not match its hash (altered)' }]);
  });

  it('the history refuses edits and deletions', async () => {
    const a = open();
    await a.ingest.ingest(items());
    const raw = new Database(join(a.dir, 'docket.db'));
    expect(() => raw.prepare('DELETE FROM history').run()).toThrow(/append-only/);
    raw.close();
  });

  it('backup into a fresh database and restore round-trips exactly', async () => {
    const a = open();
    await a.ingest.ingest(items());
    const raid = await incidentWith(a.incidents, 'Levant Wire', '2024-03-12');
    await a.review.note(raid.id, 'checked against the SDF statement', 'ana');
    await a.review.rateOutlet('Levant Wire', 'B', 'ana');
    const file = join(a.dir, 'backup.docket.gz');
    const written = await a.backups.backup(file);
    const b = open();
    const restored = await b.backups.restore(file);
    expect(restored.rows).toBe(written.rows);
    expect(restored.verify).toMatchObject({ alteredSources: [], brokenHistory: [] });
    const dump = async (s: SqliteStorage['incidents']) => {
      const rows: unknown[] = [];
      for await (const r of s.dump()) rows.push(r);
      return rows;
    };
    expect(await dump(b.incidents)).toEqual(await dump(a.incidents));
    expect(await b.storage.listEvents({ q: 'checkpoint' }, { limit: 10, offset: 0 })).toMatchObject({
      total: 2,
    });
    await expect(b.backups.restore(file)).rejects.toThrow(/empty database/);
  });
});
