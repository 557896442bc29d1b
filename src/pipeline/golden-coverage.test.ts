// What the golden table (golden-cases.ts) must cover: enough cases, every ACLED sub-event type, every
// claim kind and every kind of hard case (negation, threats, background, aggregates, restated events,
// relay chains). This checks the table itself, without the gazetteer; extract.golden.int.test.ts runs it.
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, type ClaimKind, type EventType } from '../domain/types.js';
import { GOLDEN_CASES, GOLDEN_TAGS, type GoldenCase, type GoldenTag } from './golden-cases.js';

/** Every claim kind of the domain: the compiler rejects this object if ClaimKind gains or loses one. */
const CLAIM_KINDS = Object.keys({
  responsibility: true,
  activity: true,
  casualties: true,
  denial: true,
  assessment: true,
  other: true,
} satisfies Record<ClaimKind, true>) as ClaimKind[];

const MIN_CASES = 60;
const MIN_PER_TAG = 2;
const MAX_KNOWN_GAPS = 5;
/** A restated event is one recalled more than about three months after it happened. */
const RESTATED_DAYS = 92;

/** Cases whose expectations the golden test holds Docket to (known gaps are reported, not held). */
const held = GOLDEN_CASES.filter((c) => !c.knownGap);

const daysBefore = (published: string, date: string): number =>
  (Date.parse(`${published}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000;

/** What a case must assert for its tag to mean something (a tag on a case that checks nothing is a label). */
const TAG_IS_CHECKED: Record<GoldenTag, (c: GoldenCase) => boolean> = {
  negation: (c) =>
    (c.notes ?? []).some((n) => n.includes('negated')) || (c.claims ?? []).some((k) => k.kind === 'denial'),
  denial: (c) => (c.claims ?? []).some((k) => k.kind === 'denial'),
  threat: (c) => c.events.length === 0 || (c.notes ?? []).some((n) => n.includes('threatened')),
  hypothetical: (c) => c.events.length === 0 || (c.notes ?? []).some((n) => n.includes('hypothetical')),
  background: (c) => c.events.length === 0 || (c.notes ?? []).length > 0,
  aggregate: (c) => c.events.length === 0 || (c.notes ?? []).some((n) => n.includes('aggregate')),
  restated: (c) =>
    (c.notes ?? []).some((n) => n.includes('restated')) ||
    c.events.some((e) => e.date && daysBefore(c.published, e.date.end) > RESTATED_DAYS),
  'relay-chain': (c) => (c.claims ?? []).some((k) => (k.via ?? []).length >= 2),
};

describe('golden table coverage', () => {
  it(`has at least ${MIN_CASES} cases, each with a unique name`, () => {
    expect(GOLDEN_CASES.length).toBeGreaterThanOrEqual(MIN_CASES);
    const names = GOLDEN_CASES.map((c) => c.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('spells every expected event type and sub-event type as ACLED does', () => {
    const wrong = GOLDEN_CASES.flatMap((c) =>
      c.events
        .filter(
          (e) =>
            !(e.eventType in EVENT_TYPES) ||
            !(EVENT_TYPES[e.eventType as EventType] as readonly string[]).includes(e.subEventType),
        )
        .map((e) => `${c.name}: ${e.eventType} / ${e.subEventType}`),
    );
    expect(wrong).toEqual([]);
  });

  it('expects every ACLED sub-event type at least once', () => {
    const covered = new Set(held.flatMap((c) => c.events.map((e) => `${e.eventType} / ${e.subEventType}`)));
    const all = Object.entries(EVENT_TYPES).flatMap(([type, subs]) => subs.map((s) => `${type} / ${s}`));
    expect(all).toHaveLength(25);
    expect(all.filter((x) => !covered.has(x))).toEqual([]);
  });

  it('expects every claim kind at least once', () => {
    const covered = new Set(held.flatMap((c) => (c.claims ?? []).map((k) => k.kind)));
    expect(CLAIM_KINDS.filter((k) => !covered.has(k))).toEqual([]);
  });

  it(`has at least ${MIN_PER_TAG} cases of each tag, each asserting what its tag is about`, () => {
    const short = GOLDEN_TAGS.filter(
      (t) => held.filter((c) => c.tags?.includes(t) && TAG_IS_CHECKED[t](c)).length < MIN_PER_TAG,
    );
    expect(short).toEqual([]);
    const unchecked = GOLDEN_CASES.flatMap((c) =>
      (c.tags ?? []).filter((t) => !TAG_IS_CHECKED[t](c)).map((t) => `${c.name}: ${t}`),
    );
    expect(unchecked).toEqual([]);
  });

  it(`has at most ${MAX_KNOWN_GAPS} known gaps, each with a reason`, () => {
    const gaps = GOLDEN_CASES.filter((c) => c.knownGap !== undefined);
    expect(gaps.length).toBeLessThanOrEqual(MAX_KNOWN_GAPS);
    expect(gaps.filter((c) => !c.knownGap?.trim()).map((c) => c.name)).toEqual([]);
  });
});
