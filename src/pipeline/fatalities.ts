// Stage: fatalities as low/best/high, coded the conservative ACLED way; null when not reported.
import type { Fatalities, Span } from '../domain/types.js';
import { findNumbers } from './numbers.js';

export interface FatalityMention extends Span {
  text: string;
  fatalities: Fatalities;
  /** "hundreds of thousands killed in the war": an aggregate, never an event's figure. */
  aggregate: boolean;
}

const VICTIMS =
  '(?:(?:of\\s+)?(?:people|persons|civilians|soldiers|troops|fighters|militants|members|police(?:men| officers)?|officers|children|women|men|villagers|worshippers|protesters|demonstrators|passengers|residents|attackers|insurgents|jihadists|rebels|combatants|servicemen|guards|workers|pilgrims|students|farmers|others|of them|Palestinians|Israelis|Ukrainians|Russians)\\s+)?';
const KILL_AFTER = new RegExp(
  `^\\s*${VICTIMS}(?:,[^,.]{1,60},\\s*)?(?:\\w+\\s+){0,2}?(?:were|have been|had been|was|are|being)?\\s*(?:killed|dead|died|slain|massacred|executed|shot dead|lost their lives|perished|beheaded|(?:beaten |stoned |hacked |burned |burnt |clubbed |stabbed )?to death)\\b`,
  'i',
);
const KILL_BEFORE =
  /\b(?:killing|killed|kills|massacring|massacred|executed|executing|shot dead|gunned down|beheaded|claiming the lives of|left|leaving|(?:put|puts|putting|gave|placed) the (?:death )?toll at|death toll (?:rose|climbed|reached|has risen|stood|stands|was|is)?\s*(?:to|at)?|(?:a |the )?toll of|deaths? of|bodies of)\s*$/i;
/**
 * "Nine members of the Syrian Democratic Forces were killed", "Eleven people, most of them women and
 * children, were killed": a longer subject, as long as no other verb or number comes first
 * ("12 were wounded and 3 were killed" gives 3, not 12).
 */
const KILL_SUBJECT =
  /^(?:(?!\b(?:were|was|are|is|who|which|wounded|injured)\b|\d)[^.;:]){0,90}?\b(?:were|was|have been|had been)\s+(?:\w+\s+)?(?:killed|slain|massacred|executed|shot dead|beheaded)\b/i;
const ONE_KILLED =
  /\b(?:a|one) (?:child|boy|girl|man|woman|civilian|soldier|policeman|police officer|fighter|farmer|student|journalist|person) (?:was )?(?:killed|shot dead|died)\b/gi;
const DEAD_AFTER = /^\s*(?:\w+\s+)?(?:dead|deaths|fatalities|bodies|were found dead)\b/i;
const ZERO =
  /\b(?:no one|nobody|no-one|none) (?:was|were|had been|has been) (?:killed|hurt|injured|harmed)|\bno (?:casualties|deaths|fatalities|injuries|one died)\b(?!\s+(?:were|was|have been|has been)\s+(?:immediately\s+)?reported)|\bwithout (?:causing )?casualties\b|\bcaused no casualties\b/i;

export function findFatalities(text: string): FatalityMention[] {
  const out: FatalityMention[] = [];
  // "A child was killed …": one death told without a numeral
  for (const one of text.matchAll(ONE_KILLED)) {
    out.push({
      start: one.index,
      end: one.index + one[0].length,
      text: one[0],
      fatalities: { low: 1, best: 1, high: 1 },
      aggregate: false,
    });
  }
  for (const z of text.matchAll(new RegExp(ZERO.source, 'gi'))) {
    out.push({
      start: z.index,
      end: z.index + z[0].length,
      text: z[0],
      fatalities: { low: 0, best: 0, high: 0 },
      aggregate: false,
    });
  }
  for (const n of findNumbers(text)) {
    const after = text.slice(n.end, n.end + 70);
    const before = text.slice(Math.max(0, n.start - 45), n.start);
    const after2 = text.slice(n.end, n.end + 110);
    // "sentenced two men to death" is a court's sentence, not a death
    const sentenced = /\b(?:sentenced|condemned)\s+$/i.test(before);
    const killed = sentenced ? null : (KILL_AFTER.exec(after) ?? KILL_SUBJECT.exec(after2));
    const beforeHit =
      KILL_BEFORE.test(before) &&
      /^\s*(?:people|civilians|soldiers|persons|of|and|,|\.|fighters|troops|children|women|villagers|worshippers|others|members|militants|police|protesters|dead)?/i.test(
        after,
      ) &&
      !/^\s*(?:wounded|injured|hurt)\b/i.test(
        after.replace(/^\s*(?:people|civilians|soldiers|persons)\s*/i, ''),
      );
    const dead = DEAD_AFTER.test(after);
    if (!killed && !beforeHit && !dead) continue;
    // "leaving 12 wounded" is not a death toll
    if (/^\s*(?:\w+\s+)?(?:wounded|injured|hurt|missing|displaced)\b/i.test(after) && !killed) continue;
    const end = killed ? n.end + killed[0].length : n.end;
    const low = n.value;
    const high = n.high ?? n.value;
    out.push({
      start: n.start,
      end,
      text: text.slice(n.start, end),
      fatalities: { low, best: low, high: Math.max(low, high) },
      aggregate:
        n.aggregate ||
        n.value >= 10_000 ||
        (n.value >= 1000 &&
          /\b(?:have|has) (?:been )?(?:killed|died)\b/i.test(text.slice(n.end, n.end + 60))) ||
        /\b(?:in|during|throughout|since)\s+the\s+(?:war|conflict|fighting|uprising|insurgency)\b|\bsince\s+(?:(?:early|late|mid-?)\s*)?(?:(?:19|20)\d\d|January|February|March|April|May|June|July|August|September|October|November|December|the (?:start|beginning) of)\b|\bso far this year\b/i.test(
          text.slice(n.start, n.end + 100),
        ),
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Combine several figures for one event: the most conservative credible figure as best. */
export function combineFatalities(found: FatalityMention[]): Fatalities | null {
  const usable = found.filter((f) => !f.aggregate);
  if (!usable.length) return null;
  const low = Math.min(...usable.map((f) => f.fatalities.low));
  const high = Math.max(...usable.map((f) => f.fatalities.high));
  return { low, best: low, high };
}
