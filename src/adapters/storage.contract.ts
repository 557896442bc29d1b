// The storage contract: what every Storage adapter must do, as a vitest suite. An adapter's integration
// test calls storageContract('name', open) with a factory that opens a fresh, empty store each time
// (SQLite now; a PostgreSQL adapter later). Inputs are built by hand here, not by the pipeline, so the
// suite tests storage alone.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  DateRange,
  EventActor,
  Evidence,
  EvidenceField,
  ExtractedClaim,
  ExtractedEvent,
  Extraction,
  Place,
  StoredEvent,
} from '../domain/types.js';
import type { ClaimFilter, EventFilter, NewSource, Storage } from '../ports/storage.port.js';

const PIPELINE = 'contract-test/1';

const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

/** Evidence for the first occurrence of `words` in `text` (fails loudly when a fixture is edited wrongly). */
function evidence(text: string, field: EvidenceField, words: string): Evidence {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`fixture text does not contain "${words}"`);
  return { field, start, end: start + words.length, text: words };
}

const day = (d: string): DateRange => ({ start: d, end: d, precision: 'day' });

function actor(
  name: string,
  role: EventActor['role'],
  inter: EventActor['inter'],
  cc: string | null,
): EventActor {
  return { name, short: null, countryCode: cc, inter, role, mention: name };
}

function place(
  name: string,
  lat: number,
  lon: number,
  countryCode: string,
  country: string,
  admin1: string | null = null,
): Place {
  return {
    name,
    geonameId: null,
    lat,
    lon,
    countryCode,
    country,
    admin1,
    admin2: null,
    featureCode: 'PPL',
    geoPrecision: 1,
    wherePrec: 1,
    uncertaintyKm: 5,
  };
}

function newSource(text: string, extra: Partial<NewSource> = {}): NewSource {
  return {
    sha256: sha256(text),
    text,
    raw: null,
    mediaType: 'text/plain',
    outlet: null,
    url: null,
    title: null,
    published: null,
    retrievedAt: '2024-05-01T10:00:00.000Z',
    origin: 'contract-test',
    ...extra,
  };
}

function extraction(
  events: ExtractedEvent[],
  claims: ExtractedClaim[],
  published: string | null,
): Extraction {
  return { source: { published, outlet: null, title: null, url: null }, events, claims, notes: [] };
}

// ---- three hand-made sources (self-written texts) with 2 + 2 + 2 events and 2 + 1 + 1 claims ----

/** Unicode (Arabic script, macron, guillemets, an emoji, an em dash) and CRLF line ends on purpose. */
const HAJIN_TEXT =
  'Coalition strikes on Hajin\r\n\r\nCoalition aircraft struck a market in Hajin (هجين) on Tuesday, killing 12 civilians — ' +
  'the Syrian Observatory for Human Rights said, citing «local medics» 🚑.\r\n' +
  'Earlier this month the Syrian Democratic Forces fought Islamic State fighters around Hajīn, and the ' +
  'Islamic State group claimed it had repelled the assault.\r\n';

const MOSUL_TEXT =
  'A roadside bomb exploded next to a police patrol in western Mosul on Wednesday, wounding three officers, ' +
  'the Security Media Cell said. Police later detained two suspects in the same district.';

const KIDAL_TEXT =
  'Malian army troops clashed with rebels of the Permanent Strategic Framework near Kidal last week, leaving ' +
  'five fighters dead, a military spokesman told AFP. Gunmen abducted a village chief on Saturday.';

interface Fixture {
  source: NewSource;
  extraction: Extraction;
}

function hajin(): Fixture {
  const t = HAJIN_TEXT;
  const e1: ExtractedEvent = {
    id: 'e1',
    eventType: 'Explosions/Remote violence',
    subEventType: 'Air/drone strike',
    date: day('2024-03-12'),
    actors: [actor('Coalition', 'actor1', 8, null), actor('Civilians (Syria)', 'actor2', 7, 'SY')],
    location: place('Hajin', 34.695, 40.831, 'SY', 'Syria', 'Deir ez-Zor'),
    weapons: [{ kind: 'aircraft', count: null }],
    fatalities: { low: 12, best: 12, high: 12 },
    reportedBy: [],
    claimIds: ['c1'],
    summary: 'Coalition aircraft struck a market in Hajin (هجين) on Tuesday, killing 12 civilians',
    evidence: [
      evidence(t, 'trigger', 'struck'),
      evidence(t, 'location', 'Hajin (هجين)'),
      evidence(t, 'date', 'on Tuesday'),
      evidence(t, 'fatalities', 'killing 12 civilians'),
    ],
  };
  const e2: ExtractedEvent = {
    id: 'e2',
    eventType: 'Battles',
    subEventType: 'Armed clash',
    date: { start: '2024-03-01', end: '2024-03-31', precision: 'month' },
    actors: [
      actor('Syrian Democratic Forces', 'actor1', 2, 'SY'),
      actor('Islamic State (Syria)', 'actor2', 2, 'SY'),
    ],
    location: place('Deir ez-Zor', 35.336, 40.141, 'SY', 'Syria', 'Deir ez-Zor'),
    weapons: [],
    fatalities: null,
    reportedBy: [],
    claimIds: ['c2'],
    summary: 'Earlier this month the Syrian Democratic Forces fought Islamic State fighters around Hajīn',
    evidence: [evidence(t, 'trigger', 'fought'), evidence(t, 'date', 'Earlier this month')],
  };
  const c1: ExtractedClaim = {
    id: 'c1',
    kind: 'casualties',
    stance: 'assert',
    claimant: { name: 'Syrian Observatory for Human Rights', title: null, affiliation: null },
    via: ['Reuters'],
    statedOn: day('2024-03-13'),
    quantity: { value: 12, unit: 'civilians' },
    text: 'killing 12 civilians',
    eventIds: ['e1'],
    evidence: [evidence(t, 'claimant', 'Syrian Observatory for Human Rights')],
  };
  const c2: ExtractedClaim = {
    id: 'c2',
    kind: 'activity',
    stance: 'assert',
    claimant: { name: 'Islamic State', title: null, affiliation: null },
    via: [],
    statedOn: null,
    quantity: null,
    text: 'the Islamic State group claimed it had repelled the assault',
    eventIds: ['e2'],
    evidence: [evidence(t, 'claimant', 'Islamic State group')],
  };
  return {
    source: newSource(t, {
      title: 'Coalition strikes on Hajin',
      published: '2024-03-14',
      origin: 'reports/hajin.txt',
    }),
    extraction: extraction([e1, e2], [c1, c2], '2024-03-14'),
  };
}

function mosul(): Fixture {
  const t = MOSUL_TEXT;
  const police = (role: EventActor['role']): EventActor => actor('Police Forces of Iraq', role, 1, 'IQ');
  const e1: ExtractedEvent = {
    id: 'e1',
    eventType: 'Explosions/Remote violence',
    subEventType: 'Remote explosive/landmine/IED',
    date: day('2024-04-03'),
    actors: [police('actor2')],
    location: place('Mosul', 36.335, 43.119, 'IQ', 'Iraq'),
    weapons: [{ kind: 'roadside bomb', count: 1 }],
    fatalities: null,
    reportedBy: ['Security Media Cell'],
    claimIds: ['c1'],
    summary: 'A roadside bomb exploded next to a police patrol in western Mosul on Wednesday',
    evidence: [evidence(t, 'trigger', 'exploded'), evidence(t, 'location', 'western Mosul')],
  };
  const e2: ExtractedEvent = {
    id: 'e2',
    eventType: 'Strategic developments',
    subEventType: 'Arrests',
    date: day('2024-04-03'),
    actors: [police('actor1')],
    location: place('Mosul', 36.335, 43.119, 'IQ', 'Iraq'),
    weapons: [],
    fatalities: null,
    reportedBy: [],
    claimIds: [],
    summary: 'Police later detained two suspects in the same district.',
    evidence: [evidence(t, 'trigger', 'detained')],
  };
  const c1: ExtractedClaim = {
    id: 'c1',
    kind: 'other',
    stance: 'assert',
    claimant: { name: 'Security Media Cell', title: null, affiliation: 'Iraqi government' },
    via: [],
    statedOn: null,
    quantity: { value: 3, unit: 'officers wounded' },
    text: 'wounding three officers',
    eventIds: ['e1'],
    evidence: [evidence(t, 'claimant', 'Security Media Cell')],
  };
  return {
    source: newSource(t, {
      outlet: 'Rudaw',
      url: 'https://example.org/mosul-bomb',
      published: '2024-04-05',
      origin: 'feed.jsonl:1',
      mediaType: 'application/jsonl',
      raw: JSON.stringify({ text: t, published: '2024-04-05' }),
    }),
    extraction: extraction([e1, e2], [c1], '2024-04-05'),
  };
}

function kidal(): Fixture {
  const t = KIDAL_TEXT;
  const e1: ExtractedEvent = {
    id: 'e1',
    eventType: 'Battles',
    subEventType: 'Armed clash',
    date: { start: '2024-02-05', end: '2024-02-11', precision: 'week' },
    actors: [
      actor('Military Forces of Mali', 'actor1', 1, 'ML'),
      actor('CSP-PSD: Permanent Strategic Framework', 'actor2', 2, 'ML'),
    ],
    location: place('Kidal', 18.441, 1.407, 'ML', 'Mali'),
    weapons: [],
    fatalities: { low: 5, best: 5, high: 5 },
    reportedBy: ['AFP'],
    claimIds: ['c1'],
    summary:
      'Malian army troops clashed with rebels of the Permanent Strategic Framework near Kidal last week',
    evidence: [evidence(t, 'trigger', 'clashed'), evidence(t, 'date', 'last week')],
  };
  const e2: ExtractedEvent = {
    id: 'e2',
    eventType: 'Violence against civilians',
    subEventType: 'Abduction/forced disappearance',
    date: day('2024-02-10'),
    actors: [actor('Unidentified Armed Group (Mali)', 'actor1', 3, 'ML')],
    location: null,
    weapons: [],
    fatalities: null,
    reportedBy: [],
    claimIds: [],
    summary: 'Gunmen abducted a village chief on Saturday.',
    evidence: [evidence(t, 'trigger', 'abducted')],
  };
  const c1: ExtractedClaim = {
    id: 'c1',
    kind: 'casualties',
    stance: 'assert',
    claimant: { name: 'military spokesman', title: 'military spokesman', affiliation: 'Malian army' },
    via: ['AFP'],
    statedOn: null,
    quantity: { value: 5, unit: 'fighters' },
    text: 'leaving five fighters dead',
    eventIds: ['e1'],
    evidence: [evidence(t, 'claimant', 'a military spokesman')],
  };
  return {
    source: newSource(t, { outlet: 'AFP', published: '2024-02-12', origin: 'reports/kidal.txt' }),
    extraction: extraction([e1, e2], [c1], '2024-02-12'),
  };
}

const idOf = (f: Fixture, local: string): string => `src_${f.source.sha256.slice(0, 16)}.${local}`;

const ids = (items: { id: string }[]): string[] => items.map((i) => i.id).sort();

const ALL = { limit: 1000, offset: 0 };

/** A Storage contract suite. `open` must return a fresh, empty store on every call. */
export function storageContract(name: string, open: () => Promise<Storage>): void {
  describe(`storage contract: ${name}`, () => {
    let storage: Storage;
    const H = hajin();
    const M = mosul();
    const K = kidal();

    beforeEach(async () => {
      storage = await open();
    });
    afterEach(async () => {
      await storage.close();
    });

    async function seed(): Promise<void> {
      for (const f of [H, M, K]) await storage.saveExtraction(f.source, f.extraction, PIPELINE);
    }
    const eventIds = async (filter: EventFilter): Promise<string[]> => {
      const page = await storage.listEvents(filter, ALL);
      expect(page.total).toBe(page.items.length);
      return ids(page.items);
    };

    describe('saving', () => {
      it('starts empty', async () => {
        expect(await storage.stats()).toEqual({ sources: 0, reports: 0, events: 0, claims: 0 });
        expect(await storage.listEvents({}, ALL)).toMatchObject({ items: [], total: 0 });
      });

      it('stores a source with its events and claims under ids derived from the SHA-256', async () => {
        const saved = await storage.saveExtraction(H.source, H.extraction, PIPELINE);
        const sourceId = `src_${H.source.sha256.slice(0, 16)}`;
        expect(saved).toMatchObject({ sourceId, created: true, events: 2, claims: 2 });
        expect(saved.eventIds).toEqual([`${sourceId}.e1`, `${sourceId}.e2`]);
        expect(await storage.hasSource(H.source.sha256)).toBe(true);
        expect(await storage.stats()).toEqual({ sources: 1, reports: 1, events: 2, claims: 2 });

        const e1 = await storage.getEvent(`${sourceId}.e1`);
        const input = H.extraction.events[0];
        expect(e1).toEqual({
          ...input,
          id: `${sourceId}.e1`,
          claimIds: [`${sourceId}.c1`],
          reportId: expect.any(String) as unknown,
          sourceId,
          outlet: null,
          published: '2024-03-14',
        });
        // Evidence still points into the stored text.
        const source = await storage.getSource(sourceId);
        for (const ev of e1?.evidence ?? []) expect(source?.text.slice(ev.start, ev.end)).toBe(ev.text);
        expect(await storage.getEvent(`${sourceId}.e3`)).toBeNull();
        expect(await storage.getEvent('src_0000000000000000.e1')).toBeNull();
      });

      it('links claims and events both ways, with the derived ids', async () => {
        await storage.saveExtraction(H.source, H.extraction, PIPELINE);
        const claims = await storage.listClaims({ sourceId: `src_${H.source.sha256.slice(0, 16)}` }, ALL);
        const c1 = claims.items.find((c) => c.id === idOf(H, 'c1'));
        const c2 = claims.items.find((c) => c.id === idOf(H, 'c2'));
        expect(c1?.eventIds).toEqual([idOf(H, 'e1')]);
        expect(c2?.eventIds).toEqual([idOf(H, 'e2')]);
        expect(c1).toMatchObject({
          claimant: { name: 'Syrian Observatory for Human Rights' },
          via: ['Reuters'],
          statedOn: day('2024-03-13'),
          quantity: { value: 12, unit: 'civilians' },
          sourceId: `src_${H.source.sha256.slice(0, 16)}`,
          published: '2024-03-14',
        });
        expect((await storage.getEvent(idOf(H, 'e2')))?.claimIds).toEqual([idOf(H, 'c2')]);
        const byEvent = await storage.listClaims({ eventId: idOf(H, 'e1') }, ALL);
        expect(ids(byEvent.items)).toEqual([idOf(H, 'c1')]);
      });

      it('saving the same SHA-256 again writes nothing and says so', async () => {
        await seed();
        const before = await storage.stats();
        const exportBefore = await collect(storage.iterateEvents({}));
        // Same hash, different extraction and metadata: the first archive wins, untouched.
        const again = await storage.saveExtraction(
          { ...H.source, title: 'changed', origin: 'elsewhere.txt' },
          M.extraction,
          PIPELINE,
        );
        expect(again).toMatchObject({
          sourceId: `src_${H.source.sha256.slice(0, 16)}`,
          created: false,
          events: 0,
          claims: 0,
          eventIds: [],
        });
        expect(await storage.stats()).toEqual(before);
        expect(await collect(storage.iterateEvents({}))).toEqual(exportBefore);
        const source = await storage.getSource(again.sourceId);
        expect(source).toMatchObject({ title: 'Coalition strikes on Hajin', origin: 'reports/hajin.txt' });
      });

      it('returns the source exactly as given: unicode, CRLF, raw and metadata', async () => {
        await seed();
        const h = await storage.getSource(`src_${H.source.sha256.slice(0, 16)}`);
        expect(h).toEqual({ id: `src_${H.source.sha256.slice(0, 16)}`, ...H.source });
        expect(h?.text).toBe(HAJIN_TEXT);
        expect(h?.text).toContain('\r\n');
        expect(h?.text).toContain('هجين');
        expect(h?.text).toContain('🚑');
        const m = await storage.getSource(`src_${M.source.sha256.slice(0, 16)}`);
        expect(m).toEqual({ id: `src_${M.source.sha256.slice(0, 16)}`, ...M.source });
        expect(await storage.getSource('src_ffffffffffffffff')).toBeNull();
        expect(await storage.hasSource(sha256('never stored'))).toBe(false);
      });

      it('a save that fails stores nothing: two events with the same id', async () => {
        await storage.saveExtraction(M.source, M.extraction, PIPELINE);
        const before = await storage.stats();
        const [e1] = H.extraction.events;
        const broken = { ...H.extraction, events: [e1!, { ...e1! }], claims: [] };
        await expect(storage.saveExtraction(H.source, broken, PIPELINE)).rejects.toThrow();

        expect(await storage.stats()).toEqual(before);
        expect(await storage.hasSource(H.source.sha256)).toBe(false);
        expect(await storage.getSource(`src_${H.source.sha256.slice(0, 16)}`)).toBeNull();
        expect((await storage.listSources({}, ALL)).total).toBe(1);
        expect(await storage.getEvent(idOf(H, 'e1'))).toBeNull();
        expect((await storage.listEvents({ q: 'Hajin' }, ALL)).total).toBe(0);

        // Nothing half-written is left behind: the same source saves cleanly afterwards.
        const retry = await storage.saveExtraction(H.source, H.extraction, PIPELINE);
        expect(retry).toMatchObject({ created: true, events: 2, claims: 2 });
        expect(await storage.stats()).toEqual({ sources: 2, reports: 2, events: 4, claims: 3 });
      });

      it('a batch stores every good source and returns the failure of a bad one in its place', async () => {
        const [e1] = H.extraction.events;
        const broken = { ...H.extraction, events: [e1!, { ...e1! }], claims: [] };
        const results = await storage.saveExtractions([
          { source: M.source, extraction: M.extraction, pipelineVersion: PIPELINE },
          { source: H.source, extraction: broken, pipelineVersion: PIPELINE },
          { source: M.source, extraction: M.extraction, pipelineVersion: PIPELINE },
        ]);
        expect(results[0]).toMatchObject({ created: true });
        expect(results[1]).toBeInstanceOf(Error);
        expect(results[2]).toMatchObject({ created: false });
        expect(await storage.hasSource(M.source.sha256)).toBe(true);
        expect(await storage.hasSource(H.source.sha256)).toBe(false);
        expect(await storage.getEvent(idOf(H, 'e1'))).toBeNull();
      });

      it('a save that fails after its events were written rolls the events back: two claims with the same id', async () => {
        const before = await storage.stats();
        const [c1] = K.extraction.claims;
        const broken = { ...K.extraction, claims: [c1!, { ...c1! }] };
        await expect(storage.saveExtraction(K.source, broken, PIPELINE)).rejects.toThrow();
        expect(await storage.stats()).toEqual(before);
        expect(await storage.hasSource(K.source.sha256)).toBe(false);
        expect(await storage.getEvent(idOf(K, 'e1'))).toBeNull();
      });
    });

    it('iterates a large set whole, in date order, with no event lost or repeated', async () => {
      const text = 'A long report about many shelling incidents around Goma.';
      const base = hajin().extraction.events[0]!;
      const events: ExtractedEvent[] = Array.from({ length: 1234 }, (_, i) => ({
        ...base,
        id: `e${i + 1}`,
        claimIds: [],
        // 20 distinct days, many events on each: order must hold within a day too.
        date: day(`2024-01-${String(((i * 7) % 20) + 1).padStart(2, '0')}`),
      }));
      await storage.saveExtraction(newSource(text), extraction(events, [], null), PIPELINE);
      const seen = await collect(storage.iterateEvents({}));
      expect(seen).toHaveLength(1234);
      expect(new Set(seen.map((e) => e.id)).size).toBe(1234);
      const keys = seen.map((e) => e.date.start);
      expect(keys).toEqual([...keys].sort());
      expect(await collect(storage.iterateEvents({ from: '2024-01-20' }))).toHaveLength(
        events.filter((e) => e.date.start === '2024-01-20').length,
      );
    });

    describe('querying three stored sources', () => {
      beforeEach(seed);

      it('counts everything in stats', async () => {
        expect(await storage.stats()).toEqual({ sources: 3, reports: 3, events: 6, claims: 4 });
      });

      it('lists every event newest first without a filter', async () => {
        const page = await storage.listEvents({}, ALL);
        expect(page).toMatchObject({ total: 6, limit: 1000, offset: 0 });
        const starts = page.items.map((e) => e.date.start);
        expect(starts).toEqual([...starts].sort().reverse());
        expect(page.items[0]?.sourceId).toBe(`src_${M.source.sha256.slice(0, 16)}`);
        expect(page.items.at(-1)?.id).toBe(idOf(K, 'e1'));
      });

      it('filters dates by overlap of ranges, both bounds inclusive', async () => {
        // Hajin e2 spans March; Kidal e1 spans 5–11 February.
        expect(await eventIds({ from: '2024-03-15' })).toEqual(
          [idOf(H, 'e2'), idOf(M, 'e1'), idOf(M, 'e2')].sort(),
        );
        expect(await eventIds({ to: '2024-02-06' })).toEqual([idOf(K, 'e1')]);
        expect(await eventIds({ from: '2024-02-11', to: '2024-03-01' })).toEqual(
          [idOf(K, 'e1'), idOf(H, 'e2')].sort(),
        );
        expect(await eventIds({ from: '2024-03-12', to: '2024-03-12' })).toEqual(
          [idOf(H, 'e1'), idOf(H, 'e2')].sort(),
        );
        expect(await eventIds({ from: '2024-04-04' })).toEqual([]);
        expect(await eventIds({ to: '2024-02-04' })).toEqual([]);
      });

      it('filters by country, event type and sub-event type', async () => {
        expect(await eventIds({ country: 'SY' })).toEqual([idOf(H, 'e1'), idOf(H, 'e2')].sort());
        expect(await eventIds({ country: 'ML' })).toEqual([idOf(K, 'e1')]);
        expect(await eventIds({ country: 'FR' })).toEqual([]);
        expect(await eventIds({ eventType: 'Battles' })).toEqual([idOf(H, 'e2'), idOf(K, 'e1')].sort());
        expect(await eventIds({ subEventType: 'Air/drone strike' })).toEqual([idOf(H, 'e1')]);
        expect(await eventIds({ eventType: 'Battles', country: 'ML' })).toEqual([idOf(K, 'e1')]);
        expect(await eventIds({ eventType: 'Riots' })).toEqual([]);
      });

      it('filters by actor name substring, ignoring case, with LIKE wildcards taken literally', async () => {
        expect(await eventIds({ actor: 'syrian democratic' })).toEqual([idOf(H, 'e2')]);
        expect(await eventIds({ actor: 'POLICE forces' })).toEqual([idOf(M, 'e1'), idOf(M, 'e2')].sort());
        expect(await eventIds({ actor: 'Islamic State' })).toEqual([idOf(H, 'e2')]);
        expect(await eventIds({ actor: 'Wagner' })).toEqual([]);
        expect(await eventIds({ actor: '%' })).toEqual([]);
        expect(await eventIds({ actor: '_' })).toEqual([]);
        expect(await eventIds({ actor: 'Civilians (Syria)' })).toEqual([idOf(H, 'e1')]);
        // A substring of one actor's name, never one running across two names.
        expect(await eventIds({ actor: 'coalition|civilians' })).toEqual([]);
        expect(await eventIds({ actor: '|' })).toEqual([]);
      });

      it('filters by bounding box as [minLon, minLat, maxLon, maxLat], leaving out unlocated events', async () => {
        expect(await eventIds({ bbox: [38, 32, 46, 38] })).toEqual(
          [idOf(H, 'e1'), idOf(H, 'e2'), idOf(M, 'e1'), idOf(M, 'e2')].sort(),
        );
        // Hajin is at lon 40.8, lat 34.7: swapping the axes would find nothing here.
        expect(await eventIds({ bbox: [40, 34, 41, 35] })).toEqual([idOf(H, 'e1')]);
        expect(await eventIds({ bbox: [-180, -90, 180, 90] })).toHaveLength(5);
        expect(await eventIds({ bbox: [0, 0, 1, 1] })).toEqual([]);
      });

      it('searches the full text of the sources', async () => {
        expect(await eventIds({ q: 'Kidal' })).toEqual([idOf(K, 'e1'), idOf(K, 'e2')].sort());
        expect(await eventIds({ q: 'mosul' })).toEqual([idOf(M, 'e1'), idOf(M, 'e2')].sort());
        expect(await eventIds({ q: 'roadside bomb' })).toEqual([idOf(M, 'e1'), idOf(M, 'e2')].sort());
        // A word of the source that is in no event summary.
        expect(await eventIds({ q: 'medics' })).toEqual([idOf(H, 'e1'), idOf(H, 'e2')].sort());
        // Every word is required; the last one may be a prefix.
        expect(await eventIds({ q: 'bomb Kidal' })).toEqual([]);
        expect(await eventIds({ q: 'Observ' })).toEqual([idOf(H, 'e1'), idOf(H, 'e2')].sort());
        expect(await eventIds({ q: 'Timbuktu' })).toEqual([]);
        expect(await eventIds({ q: 'Kidal', eventType: 'Battles' })).toEqual([idOf(K, 'e1')]);
      });

      it('takes search operators as plain text and never throws on them', async () => {
        for (const q of [
          '"',
          '*',
          'OR',
          '-',
          '- *',
          'Hajin OR Mosul',
          'NOT Mosul',
          'Mosul -police',
          '"unterminated',
          'NEAR(Mosul police)',
          '(',
          'text:Mosul',
          '^Mosul',
          'Mosul\u0000',
          "l'armée",
          '%_\\',
        ]) {
          const page = await storage.listEvents({ q }, ALL);
          expect(page.total, `q=${JSON.stringify(q)}`).toBe(page.items.length);
          await storage.listSources({ q }, ALL);
          await storage.listClaims({ q }, ALL);
          await storage.timeline({ q });
          await collect(storage.iterateEvents({ q }));
        }
        // Quotes are dropped, not parsed: the word inside still matches.
        expect(await eventIds({ q: '"Mosul"' })).toEqual([idOf(M, 'e1'), idOf(M, 'e2')].sort());
      });

      it('pages with limit and offset, reporting the total', async () => {
        const all = await storage.listEvents({}, ALL);
        const seen: string[] = [];
        for (let offset = 0; offset < 6; offset += 4) {
          const page = await storage.listEvents({}, { limit: 4, offset });
          expect(page).toMatchObject({ total: 6, limit: 4, offset });
          seen.push(...page.items.map((e) => e.id));
        }
        expect(seen).toEqual(all.items.map((e) => e.id));
        expect((await storage.listEvents({}, { limit: 4, offset: 4 })).items).toHaveLength(2);
        expect(await storage.listEvents({}, { limit: 10, offset: 6 })).toMatchObject({ items: [], total: 6 });
        expect(await storage.listEvents({ country: 'IQ' }, { limit: 1, offset: 1 })).toMatchObject({
          total: 2,
          items: [{ sourceId: `src_${M.source.sha256.slice(0, 16)}` }],
        });
      });

      it('iterates every matching event in date order', async () => {
        const events = await collect(storage.iterateEvents({}));
        expect(events).toHaveLength(6);
        const starts = events.map((e) => e.date.start);
        expect(starts).toEqual([...starts].sort());
        expect(events[0]?.id).toBe(idOf(K, 'e1'));
        expect(events.at(-1)?.sourceId).toBe(`src_${M.source.sha256.slice(0, 16)}`);
        expect(ids(await collect(storage.iterateEvents({ country: 'SY' })))).toEqual(
          [idOf(H, 'e1'), idOf(H, 'e2')].sort(),
        );
        expect(await collect(storage.iterateEvents({ country: 'FR' }))).toEqual([]);
        // The same events as the list, whole.
        const listed = await storage.listEvents({}, ALL);
        expect([...events].sort(byId)).toEqual([...listed.items].sort(byId));
      });

      it('lets iterations overlap, and saves go on while one is open (a slow export)', async () => {
        const slow = storage.iterateEvents({})[Symbol.asyncIterator]();
        const head = await slow.next();
        expect(head.done).toBe(false);
        // A second export with the same filter, in full, while the first is paused.
        expect(await collect(storage.iterateEvents({}))).toHaveLength(6);
        const saved = await storage.saveExtraction(
          newSource('Shelling hit Kidal on Monday, residents said.', { origin: 'late.txt' }),
          extraction([], [], null),
          PIPELINE,
        );
        expect(saved.created).toBe(true);
        const rest: StoredEvent[] = [];
        for (let r = await slow.next(); !r.done; r = await slow.next()) rest.push(r.value);
        expect(rest).toHaveLength(5);
        expect(await storage.stats()).toMatchObject({ sources: 4, events: 6 });
      });

      it('filters claims by claimant substring, kind, event and source', async () => {
        const claimIds = async (f: ClaimFilter): Promise<string[]> => {
          const page = await storage.listClaims(f, ALL);
          expect(page.total).toBe(page.items.length);
          return ids(page.items);
        };
        expect(await claimIds({})).toHaveLength(4);
        expect(await claimIds({ claimant: 'Observatory' })).toEqual([idOf(H, 'c1')]);
        expect(await claimIds({ claimant: 'observatory' })).toEqual([idOf(H, 'c1')]);
        expect(await claimIds({ claimant: 'Media Cell' })).toEqual([idOf(M, 'c1')]);
        expect(await claimIds({ claimant: '%' })).toEqual([]);
        expect(await claimIds({ kind: 'casualties' })).toEqual([idOf(H, 'c1'), idOf(K, 'c1')].sort());
        expect(await claimIds({ kind: 'denial' })).toEqual([]);
        expect(await claimIds({ eventId: idOf(K, 'e1') })).toEqual([idOf(K, 'c1')]);
        expect(await claimIds({ eventId: idOf(K, 'e2') })).toEqual([]);
        expect(await claimIds({ sourceId: `src_${M.source.sha256.slice(0, 16)}` })).toEqual([idOf(M, 'c1')]);
        expect(await claimIds({ kind: 'casualties', claimant: 'spokesman' })).toEqual([idOf(K, 'c1')]);
        expect(await claimIds({ q: 'Hajin' })).toEqual([idOf(H, 'c1'), idOf(H, 'c2')].sort());
        const page = await storage.listClaims({}, { limit: 3, offset: 2 });
        expect(page).toMatchObject({ total: 4, limit: 3, offset: 2 });
        expect(page.items).toHaveLength(2);
      });

      it('lists source summaries with their counts', async () => {
        const page = await storage.listSources({}, ALL);
        expect(page.total).toBe(3);
        const m = page.items.find((s) => s.id === `src_${M.source.sha256.slice(0, 16)}`);
        expect(m).toEqual({
          id: `src_${M.source.sha256.slice(0, 16)}`,
          sha256: M.source.sha256,
          title: null,
          outlet: 'Rudaw',
          url: 'https://example.org/mosul-bomb',
          published: '2024-04-05',
          retrievedAt: M.source.retrievedAt,
          origin: 'feed.jsonl:1',
          mediaType: 'application/jsonl',
          events: 2,
          claims: 1,
        });
        expect(page.items.find((s) => s.sha256 === H.source.sha256)).toMatchObject({ events: 2, claims: 2 });
        expect((await storage.listSources({ outlet: 'AFP' }, ALL)).items.map((s) => s.sha256)).toEqual([
          K.source.sha256,
        ]);
        expect((await storage.listSources({ q: 'spokesman' }, ALL)).items.map((s) => s.sha256)).toEqual([
          K.source.sha256,
        ]);
        expect(await storage.listSources({}, { limit: 2, offset: 2 })).toMatchObject({ total: 3 });
        expect((await storage.listSources({}, { limit: 2, offset: 2 })).items).toHaveLength(1);
      });

      it('lists sources and claims newest first, undated ones last', async () => {
        const undated = newSource('Militants claimed an attack near Kidal, a statement said.');
        const claim: ExtractedClaim = { ...K.extraction.claims[0]!, eventIds: [] };
        await storage.saveExtraction(undated, extraction([], [claim], null), PIPELINE);
        const sources = await storage.listSources({}, ALL);
        expect(sources.items.map((s) => s.sha256)).toEqual([
          M.source.sha256,
          H.source.sha256,
          K.source.sha256,
          undated.sha256,
        ]);
        const claims = await storage.listClaims({}, ALL);
        expect(claims.items.map((c) => c.published)).toEqual([
          '2024-04-05',
          '2024-03-14',
          '2024-03-14',
          '2024-02-12',
          null,
        ]);
      });

      it('counts events per start day for the timeline, under the same filters', async () => {
        expect(await storage.timeline({})).toEqual([
          { date: '2024-02-05', count: 1 },
          { date: '2024-02-10', count: 1 },
          { date: '2024-03-01', count: 1 },
          { date: '2024-03-12', count: 1 },
          { date: '2024-04-03', count: 2 },
        ]);
        expect(await storage.timeline({ country: 'IQ' })).toEqual([{ date: '2024-04-03', count: 2 }]);
        expect(await storage.timeline({ eventType: 'Battles', from: '2024-03-01' })).toEqual([
          { date: '2024-03-01', count: 1 },
        ]);
        expect(await storage.timeline({ q: 'Timbuktu' })).toEqual([]);
      });

      it('counts facets: event types, countries (located events) and outlets', async () => {
        const f = await storage.facets();
        const byValue = <T extends { value: string }>(a: T[]): T[] =>
          [...a].sort((x, y) => x.value.localeCompare(y.value));
        expect(byValue(f.eventTypes)).toEqual([
          { value: 'Battles', count: 2 },
          { value: 'Explosions/Remote violence', count: 2 },
          { value: 'Strategic developments', count: 1 },
          { value: 'Violence against civilians', count: 1 },
        ]);
        expect(byValue(f.countries)).toEqual([
          { value: 'IQ', name: 'Iraq', count: 2 },
          { value: 'ML', name: 'Mali', count: 1 },
          { value: 'SY', name: 'Syria', count: 2 },
        ]);
        expect(byValue(f.outlets)).toEqual([
          { value: 'AFP', count: 1 },
          { value: 'Rudaw', count: 1 },
        ]);
        // Most frequent first.
        const counts = f.eventTypes.map((t) => t.count);
        expect(counts).toEqual([...counts].sort((a, b) => b - a));
      });

      it('lists newest first with ties in reverse id order: exactly the iteration order backwards', async () => {
        const listed = (await storage.listEvents({}, ALL)).items.map((e) => e.id);
        const iterated = (await collect(storage.iterateEvents({}))).map((e) => e.id);
        expect(listed).toEqual([...iterated].reverse());
      });

      it('filters by first-level region (case ignored) and by whether fatalities were reported', async () => {
        expect(await eventIds({ admin1: 'deir EZ-ZOR' })).toEqual([idOf(H, 'e1'), idOf(H, 'e2')].sort());
        expect(await eventIds({ admin1: 'Nineveh' })).toEqual([]);
        expect(await eventIds({ hasFatalities: true })).toEqual([idOf(H, 'e1'), idOf(K, 'e1')].sort());
        const none = await eventIds({ hasFatalities: false });
        expect(none).toHaveLength(4);
        expect(none).not.toContain(idOf(H, 'e1'));
        expect(await eventIds({ hasFatalities: true, country: 'ML' })).toEqual([idOf(K, 'e1')]);
      });

      it('pages by cursor in both orders, each page starting right after the last one', async () => {
        const all = (await storage.listEvents({}, ALL)).items;
        const walk = async (order: 'asc' | 'desc'): Promise<string[]> => {
          const seen: string[] = [];
          let after: { date: string; id: string } | undefined;
          for (let i = 0; i < 10; i++) {
            const page = await storage.listEvents({}, { limit: 4, offset: 0, after, order });
            seen.push(...page.items.map((e) => e.id));
            const last = page.items.at(-1);
            if (page.items.length < 4 || !last) break;
            after = { date: last.date.start, id: last.id };
          }
          return seen;
        };
        expect(await walk('desc')).toEqual(all.map((e) => e.id));
        expect(await walk('asc')).toEqual(all.map((e) => e.id).reverse());
        // a cursor ignores the offset
        const after = { date: all[1]!.date.start, id: all[1]!.id };
        const page = await storage.listEvents({}, { limit: 10, offset: 3, after });
        expect(page.items.map((e) => e.id)).toEqual(all.slice(2).map((e) => e.id));
      });

      it('groups located events into grid cells for the map, under the same filters', async () => {
        // 1° cells: Hajin and Deir ez-Zor fall in different cells; the two Mosul events share one.
        const cells = await storage.clusters({}, 1);
        const total = cells.reduce((n, c) => n + c.count, 0);
        expect(total).toBe(5); // one of the six events has no location
        const mosul = cells.find((c) => c.count === 2)!;
        expect(mosul).toMatchObject({ eventId: null, uncertaintyKm: null, fatalities: 0 });
        expect(mosul.lat).toBeCloseTo(36.335, 3);
        const hajin = cells.find((c) => c.eventId === idOf(H, 'e1'))!;
        expect(hajin).toMatchObject({ count: 1, fatalities: 12, uncertaintyKm: 5, geoPrecision: 1 });
        expect(hajin.lon).toBeCloseTo(40.831, 3);
        // 10° cells put Hajin and Deir ez-Zor together
        const coarse = await storage.clusters({ country: 'SY' }, 10);
        expect(coarse).toHaveLength(1);
        expect(coarse[0]).toMatchObject({ count: 2, fatalities: 12, eventId: null });
        expect(await storage.clusters({ from: '2025-01-01' }, 1)).toEqual([]);
      });

      it('counts events saved after the map was first asked for, in their cells', async () => {
        const total = (cells: { count: number }[]): number => cells.reduce((n, c) => n + c.count, 0);
        const before = total(await storage.clusters({}, 1));
        const [saved] = await storage.saveExtractions([crowdSource(7)]);
        if (!saved || saved instanceof Error) throw new Error('the crowd source was not saved');
        const located = (await storage.listEvents({ sourceId: saved.sourceId }, ALL)).items.filter(
          (e) => e.location,
        );
        expect(located.length).toBeGreaterThan(0);
        expect(total(await storage.clusters({}, 1))).toBe(before + located.length);
        // and the other filters still narrow the new events
        expect(total(await storage.clusters({ sourceId: saved.sourceId }, 1))).toBe(located.length);
        expect(total(await storage.clusters({ sourceId: saved.sourceId, from: '2100-01-01' }, 1))).toBe(0);
      });

      it('lists actors with event counts, as the events write them, filtered by a substring', async () => {
        const all = await storage.actors(undefined, 100);
        expect(all[0]).toEqual({ name: 'Police Forces of Iraq', events: 2 });
        expect(all.map((a) => a.name)).toContain('Syrian Democratic Forces');
        expect(await storage.actors('SYRIAN DEMO', 10)).toEqual([
          { name: 'Syrian Democratic Forces', events: 1 },
        ]);
        expect(await storage.actors('100%', 10)).toEqual([]);
        expect(await storage.actors(undefined, 1)).toHaveLength(1);
      });

      it('lists places with event counts, filtered by a substring and a country', async () => {
        const mosul = await storage.places('mos', undefined, 10);
        expect(mosul).toHaveLength(1);
        expect(mosul[0]).toMatchObject({ name: 'Mosul', countryCode: 'IQ', events: 2 });
        expect(mosul[0]!.lat).toBeCloseTo(36.335, 3);
        expect((await storage.places(undefined, 'sy', 10)).map((p) => p.name).sort()).toEqual([
          'Deir ez-Zor',
          'Hajin',
        ]);
        expect(await storage.places('zzz', undefined, 10)).toEqual([]);
      });

      it('reads one claim by id', async () => {
        const claim = await storage.getClaim(idOf(H, 'c1'));
        expect(claim?.id).toBe(idOf(H, 'c1'));
        expect(claim?.sourceId).toBe(`src_${H.source.sha256.slice(0, 16)}`);
        expect(await storage.getClaim('nope')).toBeNull();
      });

      it('counts matches only up to countUpTo when asked, and says when the total is a lower bound', async () => {
        expect(await storage.listEvents({}, { limit: 2, offset: 0, countUpTo: 4 })).toMatchObject({
          total: 4,
          totalExact: false,
        });
        expect(await storage.listEvents({}, { limit: 2, offset: 0, countUpTo: 6 })).toMatchObject({
          total: 6,
          totalExact: true,
        });
        const page = await storage.listEvents({ country: 'SY' }, { limit: 1, offset: 0, countUpTo: 100 });
        expect(page).toMatchObject({ total: 2, totalExact: true });
        expect(page.items).toHaveLength(1);
        // without countUpTo the count is exact
        expect((await storage.listEvents({}, { limit: 1, offset: 0 })).total).toBe(6);
      });
    });

    describe('thousands of matches', () => {
      // 450 sources × 5 events: every event names the Common Front and lies in one box; a few name
      // the Forces Armées du Nord (non-ASCII case folding) and lie outside it.
      const MANY = 450;
      beforeEach(async () => {
        const items = Array.from({ length: MANY }, (_, i) => crowdSource(i));
        const results = await storage.saveExtractions(items);
        expect(results.filter((r) => r instanceof Error)).toEqual([]);
      });

      it('pages a filter that matches thousands of events exactly as a full scan orders them', async () => {
        for (const filter of [{ actor: 'common front' }, { bbox: [10, 10, 12, 12] }] as EventFilter[]) {
          const all = (await collect(storage.iterateEvents(filter))).map((e) => e.id).reverse();
          expect(all.length).toBe(MANY * 5 - 3);
          const first = await storage.listEvents(filter, { limit: 50, offset: 0, countUpTo: 1000 });
          expect(first.items.map((e) => e.id)).toEqual(all.slice(0, 50));
          expect(first).toMatchObject({ total: 1000, totalExact: false });
          const later = await storage.listEvents(filter, { limit: 50, offset: 2000 });
          expect(later.items.map((e) => e.id)).toEqual(all.slice(2000, 2050));
          expect(later.total).toBe(all.length);
        }
      });

      it('finds the few events of a rare actor among them, folding non-ASCII case', async () => {
        const page = await storage.listEvents(
          { actor: 'ARMÉES DU NORD' },
          { limit: 50, offset: 0, countUpTo: 1000 },
        );
        expect(page).toMatchObject({ total: 3, totalExact: true });
        expect(page.items.every((e) => e.actors.some((a) => a.name === 'Forces Armées du Nord'))).toBe(true);
        expect((await storage.listEvents({ bbox: [10, 10, 12, 12], actor: 'armées' }, ALL)).total).toBe(0);
      });
    });
  });
}

/** One of many sources for the scale tests: five events a day apart, all in one box but the rare ones. */
function crowdSource(i: number): { source: NewSource; extraction: Extraction; pipelineVersion: string } {
  const text = `Report ${i}: the Common Front clashed with the army near Crowdville on five days.`;
  const events: ExtractedEvent[] = Array.from({ length: 5 }, (_, k) => {
    const rare = i < 3 && k === 0;
    const d = new Date(Date.UTC(2023, 0, 1) + ((i * 5 + k) % 400) * 86_400_000).toISOString().slice(0, 10);
    return {
      id: `e${k + 1}`,
      eventType: 'Battles',
      subEventType: 'Armed clash',
      date: day(d),
      actors: [actor(rare ? 'Forces Armées du Nord' : 'Common Front', 'actor1', 2, null)],
      location: rare ? place('Farville', 40, 40, 'ML', 'Mali') : place('Crowdville', 11, 11, 'ML', 'Mali'),
      weapons: [],
      fatalities: null,
      reportedBy: [],
      claimIds: [],
      summary: text,
      evidence: [evidence(text, 'location', 'Crowdville')],
    };
  });
  return {
    source: newSource(text, { published: '2024-02-05' }),
    extraction: extraction(events, [], '2024-02-05'),
    pipelineVersion: PIPELINE,
  };
}

const byId = (a: StoredEvent, b: StoredEvent): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
