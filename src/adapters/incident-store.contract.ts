// The incident-store contract: what every IncidentStore adapter must do, as a vitest suite. An adapter's
// integration test calls incidentStoreContract('name', harness); the harness opens fresh, empty stores
// and can tamper with one behind its back (as someone holding the database could). Inputs are built by
// hand, so the suite tests storage alone. Dumps are compared as JSON lines, byte for byte: a backup
// written by one database must restore into the other and hash the same.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../domain/errors.js';
import type { HistoryEntry, Incident, Resolved } from '../domain/incident.js';
import type { DateRange, ExtractedEvent, Extraction, Place, StoredEvent } from '../domain/types.js';
import { entryHash, GENESIS_HASH } from '../integrity.js';
import type { BackupRecord, ChangeSet, IncidentStore } from '../ports/incident.port.js';
import type { NewSource, Storage } from '../ports/storage.port.js';
import { SQLITE_MIGRATIONS } from './sqlite/migrations.js';

/** Storage with the incident store that lives in the same database. */
export type StoreWithIncidents = Storage & { readonly incidents: IncidentStore };

export interface IncidentStoreHarness {
  /** A fresh, empty store on every call (the contract closes it). */
  open(): Promise<StoreWithIncidents>;
  /**
   * Behind the store's back: append " (edited)" to the text of source `sourceId`, and set `by` of
   * history entry `historySeq` to "mallory" (getting past the append-only guard as an owner could).
   */
  tamper(store: StoreWithIncidents, target: { sourceId: string; historySeq: number }): Promise<void>;
  /** Try to change the history directly, without removing the guard: must reject. */
  writeHistoryDirectly(store: StoreWithIncidents, how: 'update' | 'delete'): Promise<void>;
  /** Other adapters: their dumps must restore here, and this store's dump into them, unchanged. */
  peers?: { name: string; open(): Promise<StoreWithIncidents> }[];
}

const PIPELINE = 'contract-test/1';
const ALL = { limit: 1000, offset: 0 };
const LATEST = Math.max(...SQLITE_MIGRATIONS.map((m) => m.version));

const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');
const sourceIdOf = (text: string): string => `src_${sha256(text).slice(0, 16)}`;

function place(name: string, lat: number, lon: number, countryCode: string, country: string): Place {
  return {
    name,
    geonameId: null,
    lat,
    lon,
    countryCode,
    country,
    admin1: null,
    admin2: null,
    featureCode: 'PPL',
    geoPrecision: 1,
    wherePrec: 1,
    uncertaintyKm: 5,
  };
}

const day = (d: string): DateRange => ({ start: d, end: d, precision: 'day' });

function event(id: string, over: Partial<ExtractedEvent>): ExtractedEvent {
  return {
    id,
    eventType: 'Explosions/Remote violence',
    subEventType: 'Air/drone strike',
    date: day('2024-03-12'),
    actors: [
      { name: 'Coalition', short: null, countryCode: null, inter: 8, role: 'actor1', mention: 'Coalition' },
    ],
    location: place('Hajin', 34.695, 40.831, 'SY', 'Syria'),
    weapons: [{ kind: 'aircraft', count: null }],
    fatalities: { low: 12, best: 12, high: 12 },
    reportedBy: [],
    claimIds: [],
    summary: 'Coalition aircraft struck a market in Hajin',
    evidence: [],
    ...over,
  };
}

interface Fixture {
  source: NewSource;
  extraction: Extraction;
}

function fixture(text: string, published: string, outlet: string | null, events: ExtractedEvent[]): Fixture {
  return {
    source: {
      sha256: sha256(text),
      text,
      raw: null,
      mediaType: 'text/plain',
      outlet,
      url: null,
      title: null,
      published,
      retrievedAt: '2024-05-01T10:00:00.000Z',
      origin: 'incident-contract',
    },
    extraction: {
      source: { published, outlet, title: null, url: null },
      events,
      claims: [
        {
          id: 'c1',
          kind: 'casualties',
          stance: 'assert',
          claimant: { name: 'Syrian Observatory for Human Rights', title: null, affiliation: null },
          via: [],
          statedOn: null,
          quantity: { value: 12, unit: 'civilians' },
          text: 'killing 12 civilians',
          eventIds: [events[0]!.id],
          evidence: [],
        },
      ],
      notes: [],
    },
  };
}

// Three self-written reports: one strike told twice (one text with Arabic script and CRLF), a
// month-long battle, and a clash in Mali with an unlocated abduction.
const HAJIN =
  'Coalition aircraft struck a market in Hajin (هجين) on Tuesday, killing 12 civilians.\r\nEarlier this month SDF fought IS around Hajīn.';
const RELAY = 'A coalition strike on the market of Hajin killed 12 civilians on Tuesday, monitors said.';
const KIDAL =
  'Malian troops clashed with rebels near Kidal last week. Gunmen abducted a village chief on Saturday.';
const FIXTURES: Fixture[] = [
  fixture(HAJIN, '2024-03-14', null, [
    event('e1', {}),
    event('e2', {
      eventType: 'Battles',
      subEventType: 'Armed clash',
      date: { start: '2024-03-01', end: '2024-03-31', precision: 'month' },
      location: place('Deir ez-Zor', 35.336, 40.141, 'SY', 'Syria'),
      fatalities: null,
      weapons: [],
    }),
  ]),
  fixture(RELAY, '2024-03-13', 'Levant Wire', [event('e1', {})]),
  fixture(KIDAL, '2024-02-12', 'AFP', [
    event('e1', {
      eventType: 'Battles',
      subEventType: 'Armed clash',
      date: { start: '2024-02-05', end: '2024-02-11', precision: 'week' },
      location: place('Kidal', 18.441, 1.407, 'ML', 'Mali'),
      fatalities: { low: 5, best: 5, high: 5 },
    }),
    event('e2', {
      eventType: 'Violence against civilians',
      subEventType: 'Abduction/forced disappearance',
      date: day('2024-02-10'),
      location: null,
      fatalities: null,
      weapons: [],
    }),
  ]),
];
const H1 = `${sourceIdOf(HAJIN)}.e1`;
const H2 = `${sourceIdOf(HAJIN)}.e2`;
const R1 = `${sourceIdOf(RELAY)}.e1`;
const K1 = `${sourceIdOf(KIDAL)}.e1`;
const K2 = `${sourceIdOf(KIDAL)}.e2`;

const resolved = <T>(value: T): Resolved<T> => ({ value, rule: 'only report', disagreement: false });

/** An incident over stored events, shaped as the clusterer makes them. */
function incidentOf(id: string, events: StoredEvent[], over: Partial<Incident> = {}): Incident {
  const e = events[0]!;
  const actors = e.actors.map((a) => ({ name: a.name, role: a.role }));
  return {
    id,
    status: 'proposed',
    resolved: {
      eventType: resolved(e.eventType),
      subEventType: resolved(e.subEventType),
      date: resolved(e.date),
      location: resolved(e.location),
      actors: resolved(actors),
      fatalities: resolved(e.fatalities),
      weapons: resolved(e.weapons),
    },
    edits: {},
    members: events.map((m) => ({
      eventId: m.id,
      sourceId: m.sourceId,
      outlet: m.outlet,
      published: m.published,
      sourceGroup: m.sourceId,
      eventType: m.eventType,
      subEventType: m.subEventType,
      date: m.date,
      place: m.location
        ? {
            name: m.location.name,
            lat: m.location.lat,
            lon: m.location.lon,
            geoPrecision: m.location.geoPrecision,
            geonameId: m.location.geonameId,
          }
        : null,
      actors: m.actors.map((a) => ({ name: a.name, role: a.role })),
      fatalities: m.fatalities,
      weapons: m.weapons,
      score: m === e ? 1 : 0.8,
      reasons: m === e ? ['first report'] : ['same day', 'same place'],
    })),
    grade: { suggested: 'weak', value: 'weak', reasons: ['one source'], setBy: 'machine' },
    admiralty: { reliability: 'F', credibility: 6, reasons: [] },
    independentSources: new Set(events.map((m) => m.sourceId)).size,
    notes: [],
    updatedAt: '2024-05-01T10:00:00.000Z',
    ...over,
  };
}

let clock = 0;
/** A history entry's own fields; `at` moves on a second per entry. */
function entry(
  action: HistoryEntry['action'],
  subjects: string[],
  over: Partial<ChangeSet['entry']> = {},
): ChangeSet['entry'] {
  clock++;
  return {
    at: new Date(Date.UTC(2024, 4, 1, 10, 0, clock)).toISOString(),
    by: 'ana',
    action,
    subjects,
    before: null,
    after: null,
    why: null,
    undoes: null,
    ...over,
  };
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** A dump as the lines a backup file holds: equal lines mean equal content hashes. */
const dumpLines = async (s: StoreWithIncidents): Promise<string[]> =>
  (await collect(s.incidents.dump())).map((r) => JSON.stringify(r));

/** The columns of every table, in order, as a backup carries them (SQLite's declaration order). */
const BACKUP_COLUMNS: [string, string[]][] = [
  [
    'sources',
    [
      'rowid',
      'id',
      'sha256',
      'text',
      'raw',
      'media_type',
      'outlet',
      'url',
      'title',
      'published',
      'retrieved_at',
      'origin',
    ],
  ],
  ['reports', ['id', 'source_id', 'extracted_at', 'pipeline_version', 'notes']],
  [
    'events',
    [
      'id',
      'report_id',
      'source_id',
      'event_type',
      'sub_event_type',
      'date_start',
      'date_end',
      'date_precision',
      'country_code',
      'country',
      'admin1',
      'location_name',
      'lat',
      'lon',
      'geo_precision',
      'fatalities_best',
      'actors',
      'summary',
      'outlet',
      'published',
      'doc',
    ],
  ],
  ['claims', ['id', 'report_id', 'source_id', 'kind', 'claimant', 'stated_on', 'outlet', 'published', 'doc']],
  ['claim_events', ['claim_id', 'event_id']],
  [
    'incidents',
    [
      'id',
      'status',
      'grade',
      'event_type',
      'date_start',
      'date_end',
      'country_code',
      'lat',
      'lon',
      'sources',
      'doc',
    ],
  ],
  ['incident_members', ['event_id', 'incident_id']],
  ['link_constraints', ['kind', 'a', 'b', 'seq']],
  ['outlets', ['name', 'reliability', 'updated_at']],
  [
    'history',
    ['seq', 'at', 'by', 'action', 'subjects', 'before', 'after', 'why', 'undoes', 'prev_hash', 'hash'],
  ],
  ['history_subjects', ['subject', 'seq']],
];

/** An IncidentStore contract suite over `harness` (see IncidentStoreHarness). */
export function incidentStoreContract(name: string, harness: IncidentStoreHarness): void {
  describe(`incident store contract: ${name}`, () => {
    const opened: StoreWithIncidents[] = [];
    const open = async (
      opener: () => Promise<StoreWithIncidents> = () => harness.open(),
    ): Promise<StoreWithIncidents> => {
      const s = await opener();
      opened.push(s);
      return s;
    };
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
    });

    async function seed(s: StoreWithIncidents): Promise<Map<string, StoredEvent>> {
      for (const f of FIXTURES) await s.saveExtraction(f.source, f.extraction, PIPELINE);
      const events = await s.incidents.eventsByIds([H1, H2, R1, K1, K2]);
      return new Map(events.map((e) => [e.id, e]));
    }
    const pick = (m: Map<string, StoredEvent>, ...ids: string[]): StoredEvent[] =>
      ids.map((id) => m.get(id)!);

    /** A record with every kind of row: incidents, members, constraints, an outlet, undo, notes. */
    async function populate(s: StoreWithIncidents): Promise<void> {
      const ev = await seed(s);
      const strike = incidentOf('inc_strike', pick(ev, H1, R1));
      await s.incidents.apply({
        upsert: [strike, incidentOf('inc_battle', pick(ev, H2)), incidentOf('inc_kidal', pick(ev, K1, K2))],
        remove: [],
        entry: entry('cluster', ['inc_battle', 'inc_kidal', 'inc_strike'], { by: 'docket' }),
      });
      const noted = {
        ...strike,
        notes: [{ at: '2024-05-02T08:00:00.000Z', by: 'ana', text: 'checked «هجين» — ok 🚑' }],
      };
      await s.incidents.apply({
        upsert: [noted],
        remove: [],
        entry: entry('note', ['inc_strike'], { before: { notes: [] }, after: { notes: noted.notes } }),
      });
      const accept = await s.incidents.apply({
        upsert: [{ ...noted, status: 'accepted' }],
        remove: [],
        entry: entry('accept', ['inc_strike'], {
          before: { status: 'proposed' },
          after: { status: 'accepted' },
        }),
      });
      await s.incidents.apply({
        upsert: [noted],
        remove: [],
        entry: entry('undo', ['inc_strike'], { undoes: accept.seq, why: 'too early' }),
      });
      await s.incidents.apply({
        upsert: [],
        remove: [],
        addConstraints: [{ kind: 'cannot', a: 'inc_strike', b: 'inc_battle' }],
        entry: entry('split', ['inc_strike', 'inc_battle'], { why: 'two events' }),
      });
      await s.incidents.apply({
        upsert: [],
        remove: [],
        outlet: { name: 'Levant Wire', reliability: 'B' },
        entry: entry('outlet', ['Levant Wire'], { before: null, after: 'B' }),
      });
    }

    it('starts empty, at the shared schema version', async () => {
      const s = await open();
      expect(s.incidents.schemaVersion()).toBe(LATEST);
      expect(await s.incidents.listIncidents({}, ALL)).toMatchObject({ items: [], total: 0 });
      expect(await s.incidents.history(null, ALL)).toMatchObject({ items: [], total: 0 });
      expect(await s.incidents.constraints()).toEqual([]);
      expect((await s.incidents.outletRatings()).size).toBe(0);
      expect(await s.incidents.verify()).toEqual({
        sources: 0,
        historyEntries: 0,
        alteredSources: [],
        brokenHistory: [],
      });
      expect(await collect(s.incidents.dump())).toEqual([]);
    });

    it('reads events, sources and claims for clustering', async () => {
      const s = await open();
      const ev = await seed(s);
      expect([...ev.keys()].sort()).toEqual([H1, H2, K1, K2, R1].sort());
      const all = await s.incidents.eventsInScope(null);
      expect(all.map((e) => e.id)).toEqual([H1, H2, K1, K2, R1].sort());
      // Scope: the countries asked for plus unlocated events, overlapping the dates.
      const scoped = await s.incidents.eventsInScope({
        countries: ['SY'],
        from: '2024-03-12',
        to: '2024-03-12',
      });
      expect(scoped.map((e) => e.id)).toEqual([H1, H2, R1].sort());
      const mali = await s.incidents.eventsInScope({
        countries: ['ML'],
        from: '2024-02-01',
        to: '2024-02-28',
      });
      expect(mali.map((e) => e.id)).toEqual([K1, K2].sort());
      expect(
        await s.incidents.eventsInScope({ countries: [], from: '2024-02-10', to: '2024-02-10' }),
      ).toEqual([ev.get(K2)]);
      expect(await s.incidents.eventsByIds([])).toEqual([]);
      expect((await s.incidents.eventsByIds([R1, 'nope'])).map((e) => e.id)).toEqual([R1]);
      const sources = await s.incidents.sourcesByIds([sourceIdOf(KIDAL), sourceIdOf(HAJIN), 'src_nope']);
      expect(sources).toEqual(
        [
          { id: sourceIdOf(HAJIN), ...FIXTURES[0]!.source },
          { id: sourceIdOf(KIDAL), ...FIXTURES[2]!.source },
        ].sort((a, b) => (a.id < b.id ? -1 : 1)),
      );
      const claims = await s.incidents.claimsForEvents([H1, R1, K2]);
      expect(claims.map((c) => c.id)).toEqual([`${sourceIdOf(HAJIN)}.c1`, `${sourceIdOf(RELAY)}.c1`].sort());
      expect(await s.incidents.claimsForEvents([])).toEqual([]);
    });

    it('applies a change and returns its entry, the first of the chain', async () => {
      const s = await open();
      const ev = await seed(s);
      const strike = incidentOf('inc_strike', pick(ev, H1, R1));
      const battle = incidentOf('inc_battle', pick(ev, H2), { grade: { ...strike.grade, value: 'fair' } });
      const fields = entry('cluster', ['inc_battle', 'inc_strike'], {
        by: 'docket',
        after: { incidents: 2 },
      });
      const e = await s.incidents.apply({ upsert: [strike, battle], remove: [], entry: fields });
      expect(e).toEqual({
        ...fields,
        seq: 1,
        prevHash: GENESIS_HASH,
        hash: entryHash(GENESIS_HASH, { ...fields, seq: 1 }),
      });
      expect(await s.incidents.historyEntry(1)).toEqual(e);
      // The incident comes back exactly as written.
      expect(await s.incidents.getIncident('inc_strike')).toEqual(strike);
      expect(await s.incidents.getIncident('inc_nope')).toBeNull();
      expect((await s.incidents.incidentsOfEvents([H1, R1, H2, K1])).map((i) => i.id)).toEqual([
        'inc_battle',
        'inc_strike',
      ]);
      expect(await s.incidents.incidentsOfEvents([K1])).toEqual([]);
      expect(await s.incidents.incidentsOfEvents([])).toEqual([]);
    });

    it('applies upserts, removals, constraints and an outlet rating in one change', async () => {
      const s = await open();
      const ev = await seed(s);
      await s.incidents.apply({
        upsert: [
          incidentOf('inc_a', pick(ev, H1)),
          incidentOf('inc_b', pick(ev, R1)),
          incidentOf('inc_c', pick(ev, K1)),
        ],
        remove: [],
        addConstraints: [{ kind: 'must', a: 'inc_c', b: 'inc_a' }],
        entry: entry('cluster', ['inc_a', 'inc_b', 'inc_c']),
      });
      // Constraints are stored with the pair in order.
      expect(await s.incidents.constraints()).toEqual([{ kind: 'must', a: 'inc_a', b: 'inc_c' }]);
      const merged = incidentOf('inc_a', pick(ev, H1, R1), { status: 'accepted' });
      const second = await s.incidents.apply({
        upsert: [merged],
        remove: ['inc_b', 'inc_c'],
        addConstraints: [
          { kind: 'must', a: 'inc_b', b: 'inc_a' },
          // the opposite kind replaces the must-link of the same pair
          { kind: 'cannot', a: 'inc_a', b: 'inc_c' },
        ],
        outlet: { name: 'Levant Wire', reliability: 'B' },
        entry: entry('merge', ['inc_a', 'inc_b']),
      });
      expect(second.seq).toBe(2);
      expect(await s.incidents.getIncident('inc_a')).toEqual(merged);
      expect(await s.incidents.getIncident('inc_b')).toBeNull();
      expect(await s.incidents.getIncident('inc_c')).toBeNull();
      expect((await s.incidents.incidentsOfEvents([R1])).map((i) => i.id)).toEqual(['inc_a']);
      expect(await s.incidents.incidentsOfEvents([K1])).toEqual([]);
      expect(await s.incidents.constraints()).toEqual([
        { kind: 'cannot', a: 'inc_a', b: 'inc_c' },
        { kind: 'must', a: 'inc_a', b: 'inc_b' },
      ]);
      expect([...(await s.incidents.outletRatings())]).toEqual([['Levant Wire', 'B']]);
      expect((await s.incidents.listIncidents({}, ALL)).total).toBe(1);

      // Undo of the merge: its constraints go, the earlier one stays; a rating is replaced.
      await s.incidents.apply({
        upsert: [incidentOf('inc_a', pick(ev, H1)), incidentOf('inc_b', pick(ev, R1))],
        remove: [],
        dropConstraintsOf: second.seq,
        outlet: { name: 'Levant Wire', reliability: 'D' },
        entry: entry('undo', ['inc_a', 'inc_b'], { undoes: second.seq }),
      });
      expect(await s.incidents.constraints()).toEqual([]);
      expect((await s.incidents.incidentsOfEvents([R1])).map((i) => i.id)).toEqual(['inc_b']);
      expect((await s.incidents.getIncident('inc_a'))?.members.map((m) => m.eventId)).toEqual([H1]);
      expect(await s.incidents.outletRatings()).toEqual(new Map([['Levant Wire', 'D']]));
    });

    it('a change that fails writes nothing, not even its history entry', async () => {
      const s = await open();
      const ev = await seed(s);
      const first = await s.incidents.apply({
        upsert: [incidentOf('inc_a', pick(ev, H1))],
        remove: [],
        entry: entry('cluster', ['inc_a']),
      });
      const ghost = { ...ev.get(R1)!, id: 'src_0000000000000000.e9' };
      await expect(
        s.incidents.apply({
          upsert: [incidentOf('inc_b', pick(ev, K1)), incidentOf('inc_ghost', [ghost])],
          remove: ['inc_a'],
          addConstraints: [{ kind: 'must', a: 'inc_b', b: 'inc_ghost' }],
          outlet: { name: 'AFP', reliability: 'A' },
          entry: entry('cluster', ['inc_b', 'inc_ghost']),
        }),
      ).rejects.toThrow();
      expect((await s.incidents.listIncidents({}, ALL)).items.map((i) => i.id)).toEqual(['inc_a']);
      expect(await s.incidents.constraints()).toEqual([]);
      expect((await s.incidents.outletRatings()).size).toBe(0);
      expect((await s.incidents.history(null, ALL)).total).toBe(1);
      // The chain goes on from the last entry that was written.
      const next = await s.incidents.apply({ upsert: [], remove: [], entry: entry('note', ['inc_a']) });
      expect(next).toMatchObject({ seq: 2, prevHash: first.hash });
      expect((await s.incidents.verify()).brokenHistory).toEqual([]);
    });

    it('lists incidents newest first, filtered by dates, country, grade and status, in pages', async () => {
      const s = await open();
      const ev = await seed(s);
      await s.incidents.apply({
        upsert: [
          incidentOf('inc_strike', pick(ev, H1, R1), { status: 'accepted' }),
          incidentOf('inc_battle', pick(ev, H2)),
          incidentOf('inc_kidal', pick(ev, K1), {
            grade: { suggested: 'fair', value: 'fair', reasons: [], setBy: 'machine' },
          }),
          incidentOf('inc_abduction', pick(ev, K2)),
        ],
        remove: [],
        entry: entry('cluster', ['inc_strike']),
      });
      const ids = async (f: Parameters<IncidentStore['listIncidents']>[0]): Promise<string[]> => {
        const page = await s.incidents.listIncidents(f, ALL);
        expect(page.total).toBe(page.items.length);
        return page.items.map((i) => i.id);
      };
      // date_start descending, then id
      expect(await ids({})).toEqual(['inc_strike', 'inc_battle', 'inc_abduction', 'inc_kidal']);
      expect(await ids({ country: 'sy' })).toEqual(['inc_strike', 'inc_battle']);
      expect(await ids({ from: '2024-03-13' })).toEqual(['inc_battle']);
      expect(await ids({ to: '2024-02-09' })).toEqual(['inc_kidal']);
      expect(await ids({ grade: 'fair' })).toEqual(['inc_kidal']);
      expect(await ids({ status: 'accepted' })).toEqual(['inc_strike']);
      // the abduction has no place: a country filter leaves it out, a date filter does not
      expect(await ids({ status: 'proposed', country: 'ML' })).toEqual(['inc_kidal']);
      expect(await ids({ status: 'proposed', from: '2024-02-10', to: '2024-02-10' })).toEqual([
        'inc_abduction',
        'inc_kidal',
      ]);
      expect(await ids({ country: 'FR' })).toEqual([]);
      const page = await s.incidents.listIncidents({}, { limit: 2, offset: 1 });
      expect(page).toMatchObject({ total: 4, limit: 2, offset: 1 });
      expect(page.items.map((i) => i.id)).toEqual(['inc_battle', 'inc_abduction']);
    });

    it('pages the history newest first, by subject, and finds entries and their undo', async () => {
      const s = await open();
      await populate(s);
      const all = await s.incidents.history(null, ALL);
      expect(all.total).toBe(6);
      expect(all.items.map((e) => e.seq)).toEqual([6, 5, 4, 3, 2, 1]);
      expect(all.items.map((e) => e.action)).toEqual([
        'outlet',
        'split',
        'undo',
        'accept',
        'note',
        'cluster',
      ]);
      const page = await s.incidents.history(null, { limit: 2, offset: 1 });
      expect(page).toMatchObject({ total: 6, limit: 2, offset: 1 });
      expect(page.items.map((e) => e.seq)).toEqual([5, 4]);
      const strike = await s.incidents.history('inc_strike', ALL);
      expect(strike.items.map((e) => e.seq)).toEqual([5, 4, 3, 2, 1]);
      const battle = await s.incidents.history('inc_battle', { limit: 1, offset: 1 });
      expect(battle).toMatchObject({ total: 2, items: [{ seq: 1, by: 'docket' }] });
      expect((await s.incidents.history('Levant Wire', ALL)).items.map((e) => e.seq)).toEqual([6]);
      expect(await s.incidents.history('nobody', ALL)).toMatchObject({ total: 0, items: [] });

      // Entries come back with their JSON values and nulls as written.
      const note = await s.incidents.historyEntry(2);
      expect(note).toMatchObject({
        action: 'note',
        subjects: ['inc_strike'],
        before: { notes: [] },
        after: { notes: [{ text: 'checked «هجين» — ok 🚑' }] },
        why: null,
        undoes: null,
      });
      expect((await s.incidents.historyEntry(6))?.after).toBe('B');
      expect(await s.incidents.historyEntry(7)).toBeNull();
      expect(await s.incidents.historyEntry(0)).toBeNull();
      expect(await s.incidents.undoOf(3)).toMatchObject({
        seq: 4,
        action: 'undo',
        undoes: 3,
        why: 'too early',
      });
      expect(await s.incidents.undoOf(2)).toBeNull();
      expect(await s.incidents.undoOf(4)).toBeNull();
    });

    it('chains every entry to the one before, also when changes arrive together', async () => {
      const s = await open();
      await populate(s);
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          s.incidents.apply({ upsert: [], remove: [], entry: entry('note', [`inc_${i}`]) }),
        ),
      );
      const entries = (await s.incidents.history(null, ALL)).items.reverse();
      expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
      let prev = GENESIS_HASH;
      for (const e of entries) {
        expect(e.prevHash).toBe(prev);
        expect(e.hash).toBe(entryHash(prev, e));
        prev = e.hash;
      }
      expect(await s.incidents.verify()).toEqual({
        sources: 3,
        historyEntries: 14,
        alteredSources: [],
        brokenHistory: [],
      });
    });

    it('verify names a tampered source and a tampered history entry', async () => {
      const s = await open();
      await populate(s);
      expect(await s.incidents.verify()).toMatchObject({ alteredSources: [], brokenHistory: [] });
      await harness.tamper(s, { sourceId: sourceIdOf(RELAY), historySeq: 3 });
      const report = await s.incidents.verify();
      expect(report).toMatchObject({ sources: 3, historyEntries: 6 });
      expect(report.alteredSources).toEqual([sourceIdOf(RELAY)]);
      expect(report.brokenHistory).toEqual([
        { seq: 3, problem: 'content does not match its hash (altered)' },
      ]);
      expect((await s.incidents.historyEntry(3))?.by).toBe('mallory');
    });

    it('the history refuses edits and deletions', async () => {
      const s = await open();
      await populate(s);
      await expect(harness.writeHistoryDirectly(s, 'update')).rejects.toThrow(/append-only/);
      await expect(harness.writeHistoryDirectly(s, 'delete')).rejects.toThrow(/append-only/);
      expect((await s.incidents.history(null, ALL)).total).toBe(6);
      expect((await s.incidents.verify()).brokenHistory).toEqual([]);
    });

    it('dumps every table in restore order, with the shared columns and JSON types', async () => {
      const s = await open();
      await populate(s);
      const records = await collect(s.incidents.dump());
      const tables = [...new Set(records.map((r) => r.table))];
      expect(tables).toEqual(BACKUP_COLUMNS.map(([t]) => t));
      // Parents come before children: one block per table.
      expect(records.map((r) => r.table)).toEqual(
        [...records.map((r) => r.table)].sort((a, b) => tables.indexOf(a) - tables.indexOf(b)),
      );
      for (const [table, columns] of BACKUP_COLUMNS)
        for (const r of records.filter((x) => x.table === table)) expect(Object.keys(r.row)).toEqual(columns);
      const rows = (table: string): Record<string, unknown>[] =>
        records.filter((r) => r.table === table).map((r) => r.row);
      expect(rows('sources').map((r) => r.rowid)).toEqual([1, 2, 3]);
      expect(rows('sources')[0]).toMatchObject({
        id: sourceIdOf(HAJIN),
        text: HAJIN,
        raw: null,
        title: null,
      });
      const strike = rows('events').find((r) => r.id === H1)!;
      expect(strike).toMatchObject({ lat: 34.695, lon: 40.831, geo_precision: 1, fatalities_best: 12 });
      expect(strike.doc).toBe(JSON.stringify(await s.getEvent(H1)));
      expect(rows('events').find((r) => r.id === K2)).toMatchObject({ lat: null, geo_precision: null });
      expect(rows('incidents').map((r) => [r.id, r.sources, typeof r.lat])).toEqual([
        ['inc_battle', 1, 'number'],
        ['inc_kidal', 1, 'number'],
        ['inc_strike', 2, 'number'],
      ]);
      expect(rows('history').map((r) => [r.seq, r.undoes])).toEqual([
        [1, null],
        [2, null],
        [3, null],
        [4, 3],
        [5, null],
        [6, null],
      ]);
      expect(rows('link_constraints')).toEqual([
        { kind: 'cannot', a: 'inc_battle', b: 'inc_strike', seq: 5 },
      ]);
      expect(rows('history_subjects')[0]).toEqual({ subject: 'Levant Wire', seq: 6 });
    });

    it('restores a dump into a fresh store: the same dump, a verified chain, and the store works on', async () => {
      const a = await open();
      await populate(a);
      const before = await dumpLines(a);
      const b = await open();
      const { rows } = await b.incidents.restore(a.incidents.dump());
      expect(rows).toBe(before.length);
      expect(await dumpLines(b)).toEqual(before);
      expect(await b.incidents.verify()).toMatchObject({ sources: 3, historyEntries: 6, brokenHistory: [] });
      expect(await b.stats()).toEqual(await a.stats());
      // search is rebuilt from the restored rows
      expect((await b.listEvents({ q: 'Kidal' }, ALL)).total).toBe(2);
      expect((await b.listSources({ q: 'monit' }, ALL)).items.map((x) => x.id)).toEqual([sourceIdOf(RELAY)]);
      // new sources continue after the restored rowids; the chain continues after the last entry
      const late = fixture('Shelling hit Kidal again on Monday, residents said.', '2024-02-13', null, [
        event('e1', { location: place('Kidal', 18.441, 1.407, 'ML', 'Mali') }),
      ]);
      expect(await b.saveExtraction(late.source, late.extraction, PIPELINE)).toMatchObject({ created: true });
      const sources = (await collect(b.incidents.dump())).filter((r) => r.table === 'sources');
      expect(sources.map((r) => r.row.rowid)).toEqual([1, 2, 3, 4]);
      const last = (await b.incidents.historyEntry(6))!;
      const next = await b.incidents.apply({ upsert: [], remove: [], entry: entry('note', ['inc_kidal']) });
      expect(next).toMatchObject({ seq: 7, prevHash: last.hash });
      expect((await b.incidents.verify()).brokenHistory).toEqual([]);
    });

    it('verifies, dumps and restores tables larger than a page', async () => {
      const a = await open();
      const many = fixture('A long report of strikes around Hajin, day after day.', '2024-03-30', null, [
        ...Array.from({ length: 1100 }, (_, i) => event(`e${i + 1}`, {})),
      ]);
      await a.saveExtraction(many.source, many.extraction, PIPELINE);
      const small = Array.from({ length: 1001 }, (_, i) => {
        const f = fixture(`Short report number ${i}.`, '2024-03-30', null, [event('e1', {})]);
        return {
          source: f.source,
          extraction: { ...f.extraction, events: [], claims: [] },
          pipelineVersion: PIPELINE,
        };
      });
      for (const r of await a.saveExtractions(small)) expect(r).toMatchObject({ created: true });
      expect(await a.incidents.verify()).toMatchObject({ sources: 1002, alteredSources: [] });
      const records = await collect(a.incidents.dump());
      const events = records.filter((r) => r.table === 'events').map((r) => r.row.id as string);
      expect(events).toHaveLength(1100);
      expect(events).toEqual([...new Set(events)].sort());
      const rowids = records.filter((r) => r.table === 'sources').map((r) => r.row.rowid);
      expect(rowids).toEqual(Array.from({ length: 1002 }, (_, i) => i + 1));
      const b = await open();
      expect(await b.incidents.restore(a.incidents.dump())).toEqual({ rows: records.length });
      expect(await dumpLines(b)).toEqual(records.map((r) => JSON.stringify(r)));
    });

    it('restore refuses a store that is not empty, and a backup naming an unknown table', async () => {
      const a = await open();
      await populate(a);
      const dump = await collect(a.incidents.dump());
      async function* from(records: BackupRecord[]): AsyncIterable<BackupRecord> {
        for (const r of records) yield await Promise.resolve(r);
      }
      await expect(a.incidents.restore(from(dump))).rejects.toThrow(ConflictError);
      await expect(a.incidents.restore(from(dump))).rejects.toThrow(/empty database/);
      const onlyHistory = await open();
      await onlyHistory.incidents.apply({ upsert: [], remove: [], entry: entry('note', ['x']) });
      await expect(onlyHistory.incidents.restore(from(dump))).rejects.toThrow(/empty database/);
      const b = await open();
      const bad = [...dump.slice(0, 3), { table: 'sources; DROP TABLE history', row: {} }];
      await expect(b.incidents.restore(from(bad))).rejects.toThrow(/unknown table/);
      expect(await b.stats()).toMatchObject({ sources: 0 });
      // column names come from the file too: one that is not a column is refused, not spliced into SQL
      const src = dump.find((r) => r.table === 'sources')!;
      const injected = {
        table: 'sources',
        row: { ...src.row, 'origin) VALUES (1); DROP TABLE history; --': 'x' },
      };
      await expect(b.incidents.restore(from([injected]))).rejects.toThrow(/unknown column/);
      expect(await b.stats()).toMatchObject({ sources: 0 });
      // nothing half-loaded stays behind: the whole dump restores afterwards
      await b.incidents.restore(from(dump));
      expect(await dumpLines(b)).toEqual(dump.map((r) => JSON.stringify(r)));
    });

    for (const peer of harness.peers ?? []) {
      it(`round-trips a ${peer.name} dump through ${name} and back, unchanged`, async () => {
        const there = await open(() => peer.open());
        await populate(there);
        const original = await dumpLines(there);
        const here = await open();
        await here.incidents.restore(there.incidents.dump());
        expect(await dumpLines(here)).toEqual(original);
        expect(await here.incidents.verify()).toMatchObject({
          sources: 3,
          alteredSources: [],
          brokenHistory: [],
        });
        expect((await here.listEvents({ q: 'hajin' }, ALL)).total).toBe(3);
        const back = await open(() => peer.open());
        await back.incidents.restore(here.incidents.dump());
        expect(await dumpLines(back)).toEqual(original);
      });
    }
  });
}
