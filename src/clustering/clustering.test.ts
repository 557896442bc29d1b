import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../domain/types.js';
import { clusterItems } from './cluster.js';
import { admiraltyGrade, suggestGrade } from './grade.js';
import { dayNumber, type ClusterItem } from './item.js';
import { sourceGroups } from './relay.js';
import { resolveValues } from './resolve.js';
import { compareItems } from './same-event.js';

const item = (over: Partial<ClusterItem> & { eventId: string }): ClusterItem => ({
  sourceId: `src-${over.eventId}`,
  outlet: null,
  published: '2024-03-13',
  group: 'violence',
  eventType: 'Battles',
  subEventType: 'Armed clash',
  start: dayNumber('2024-03-12'),
  end: dayNumber('2024-03-12'),
  dayPrecise: true,
  countryCode: 'SY',
  lat: 34.695,
  lon: 40.831,
  uncertaintyKm: 5,
  actors: ['islamic state'],
  perpetrator: 'islamic state',
  fatalities: 7,
  tokens: ['checkpoint', 'hajin', 'islamic', 'state'],
  ...over,
});

describe('compareItems ("same event?")', () => {
  it('links two reports of one clash: same day, same place, same actor', () => {
    const c = compareItems(item({ eventId: 'a' }), item({ eventId: 'b', fatalities: 9 }));
    expect(c.same).toBe(true);
    expect(c.reasons).toEqual(
      expect.arrayContaining(['same day', 'same place', 'same actor: islamic state']),
    );
  });

  it('is symmetric', () => {
    const a = item({ eventId: 'a' });
    const b = item({
      eventId: 'b',
      start: dayNumber('2024-03-13'),
      end: dayNumber('2024-03-13'),
      lat: 34.75,
    });
    expect(compareItems(a, b)).toEqual(compareItems(b, a));
  });

  it.each([
    [
      'three days apart',
      { start: dayNumber('2024-03-15'), end: dayNumber('2024-03-15') },
      'dates do not overlap',
    ],
    ['a town 50 km away', { lat: 35.14, lon: 40.83 }, 'places 49 km apart (tolerance 10 km)'],
    ['another country', { countryCode: 'IQ' }, 'different countries'],
    [
      'a protest',
      { group: 'demonstration' as const, eventType: 'Protests', subEventType: 'Peaceful protest' },
      'different kinds of event',
    ],
  ])('keeps apart a look-alike: %s', (_name, over, reason) => {
    const c = compareItems(item({ eventId: 'a' }), item({ eventId: 'b', ...over }));
    expect(c.same).toBe(false);
    expect(c.reasons).toContain(reason);
  });

  it('keeps apart the same place and day when the sources name different perpetrators', () => {
    const c = compareItems(
      item({ eventId: 'a' }),
      item({
        eventId: 'b',
        perpetrator: 'syrian democratic forces',
        actors: ['syrian democratic forces'],
        tokens: [],
      }),
    );
    expect(c.same).toBe(false);
  });

  it('does not link an event placed only in the country without strong signs', () => {
    const vague = { lat: 35, lon: 38, uncertaintyKm: 500, perpetrator: null, actors: [], tokens: ['syria'] };
    expect(compareItems(item({ eventId: 'a' }), item({ eventId: 'b', ...vague })).same).toBe(false);
  });
});

describe('clusterItems', () => {
  const items = [
    item({ eventId: 'a' }),
    item({ eventId: 'b', lat: 34.7 }),
    item({ eventId: 'c', start: dayNumber('2024-03-13'), end: dayNumber('2024-03-13') }),
    item({ eventId: 'd', start: dayNumber('2024-03-20'), end: dayNumber('2024-03-20') }),
    item({ eventId: 'e', countryCode: 'IQ', lat: 36.3, lon: 43.1 }),
  ];

  it('groups one incident and leaves distinct ones apart', () => {
    expect(clusterItems(items).map((c) => c.members)).toEqual([['a', 'b', 'c'], ['d'], ['e']]);
  });

  it('gives the same clusters whatever the order of the reports', () => {
    const shuffled = [items[3]!, items[1]!, items[4]!, items[0]!, items[2]!];
    expect(clusterItems(shuffled).map((c) => c.members)).toEqual(clusterItems(items).map((c) => c.members));
  });

  it('honours a reviewer split (cannot-link) and merge (must-link)', () => {
    const split = clusterItems(items, {
      mustLink: [],
      cannotLink: [
        ['c', 'a'],
        ['c', 'b'],
      ],
    });
    expect(split.map((c) => c.members)).toEqual([['a', 'b'], ['c'], ['d'], ['e']]);
    const merged = clusterItems(items, { mustLink: [['a', 'd']], cannotLink: [] });
    expect(merged.map((c) => c.members)).toEqual([['a', 'b', 'c', 'd'], ['e']]);
    expect(merged[0]!.links.some((l) => l.comparison.reasons.includes('merged by a reviewer'))).toBe(true);
  });
});

const stored = (id: string, over: Partial<StoredEvent>): StoredEvent => ({
  id,
  eventType: 'Battles',
  subEventType: 'Armed clash',
  date: { start: '2024-03-12', end: '2024-03-12', precision: 'day' },
  actors: [],
  location: null,
  weapons: [],
  fatalities: null,
  reportedBy: [],
  claimIds: [],
  summary: '',
  evidence: [],
  reportId: `${id}.r`,
  sourceId: `src-${id}`,
  outlet: null,
  published: '2024-03-13',
  ...over,
});

describe('resolveValues ("which value wins?")', () => {
  it('takes the most conservative toll as best and the range across reports', () => {
    const v = resolveValues([
      stored('a', { fatalities: { low: 7, best: 7, high: 7 } }),
      stored('b', { fatalities: { low: 9, best: 9, high: 12 } }),
      stored('c', { fatalities: null }),
    ]);
    expect(v.fatalities.value).toEqual({ low: 7, best: 7, high: 12 });
    expect(v.fatalities.disagreement).toBe(true);
  });

  it('prefers the most precise date and flags different days', () => {
    const v = resolveValues([
      stored('a', { date: { start: '2024-03-01', end: '2024-03-13', precision: 'month' } }),
      stored('b', { date: { start: '2024-03-12', end: '2024-03-12', precision: 'day' } }),
      stored('c', { date: { start: '2024-03-11', end: '2024-03-11', precision: 'day' } }),
      stored('d', { date: { start: '2024-03-12', end: '2024-03-12', precision: 'day' } }),
    ]);
    expect(v.date.value).toEqual({ start: '2024-03-12', end: '2024-03-12', precision: 'day' });
    expect(v.date.disagreement).toBe(true);
  });

  it('keeps null fatalities when no report gives a toll', () => {
    expect(resolveValues([stored('a', {}), stored('b', {})]).fatalities.value).toBeNull();
  });
});

describe('grading', () => {
  const src = (reliability: 'A' | 'C' | 'E' | 'F') => ({ outlet: null, reliability });
  it.each([
    ['a single source is weak', { sources: [src('F')], claims: [] }, 'weak'],
    ['two independent credible sources are fair', { sources: [src('F'), src('C')], claims: [] }, 'fair'],
    ['two sources, one of them unreliable, stay weak', { sources: [src('E'), src('C')], claims: [] }, 'weak'],
    [
      'responsibility accepted by a party is confirmed',
      {
        sources: [src('F')],
        claims: [
          {
            kind: 'responsibility' as const,
            stance: 'assert' as const,
            claimant: { name: 'Islamic State', title: null, affiliation: null },
          },
        ],
      },
      'confirmed',
    ],
    [
      'competing claims are contested',
      {
        sources: [src('F'), src('F')],
        claims: [
          {
            kind: 'responsibility' as const,
            stance: 'assert' as const,
            claimant: { name: 'Islamic State', title: null, affiliation: null },
          },
          {
            kind: 'responsibility' as const,
            stance: 'assert' as const,
            claimant: { name: 'Al-Shabaab', title: null, affiliation: null },
          },
        ],
      },
      'contested',
    ],
  ])('%s', (_n, x, grade) => {
    expect(suggestGrade({ actors: ['islamic state'], perpetratorsDisagree: false, ...x }).grade).toBe(grade);
  });

  it('gives the Admiralty grade from the best rated source and the corroboration', () => {
    expect(admiraltyGrade([{ reliability: 'B' }, { reliability: 'F' }], false, false)).toMatchObject({
      reliability: 'B',
      credibility: 1,
    });
    expect(admiraltyGrade([{ reliability: 'F' }], false, false)).toMatchObject({
      reliability: 'F',
      credibility: 6,
    });
    expect(admiraltyGrade([{ reliability: 'C' }], false, true)).toMatchObject({ credibility: 5 });
  });
});

describe('sourceGroups (relayed copies)', () => {
  const story =
    'Gunmen attacked a checkpoint near the town of Hajin on Tuesday, killing seven fighters, officials said on Wednesday.';
  it('counts a wire story republished by two outlets as one source', () => {
    const g = sourceGroups([
      { sourceId: 's1', outlet: 'Wire', published: '2024-03-13', text: story },
      { sourceId: 's2', outlet: 'Daily', published: '2024-03-14', text: `${story} Reporting by staff.` },
      {
        sourceId: 's3',
        outlet: 'Herald',
        published: '2024-03-13',
        text: 'Seven fighters died when attackers stormed a post at Hajin late on Tuesday, residents told the Herald.',
      },
    ]);
    expect(g.get('s2')).toBe('s1');
    expect(g.get('s3')).toBe('s3');
  });
});
