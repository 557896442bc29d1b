// Stage: actor mentions — named groups and forces from the lexicon, generic descriptions
// ("gunmen", "protesters") named after the event's country, and co-reference of descriptions
// ("the guard", "the militant group") to the actor they stand for.
import type { Span } from '../domain/types.js';
import {
  ACTORS,
  ARMED_GROUP_ANAPHORS,
  GENERIC_ACTORS,
  STATE_FORCES,
  STATE_FORCE_RX,
  type ActorDefinition,
} from './actor-lexicon.js';
import { PatternSet } from './pattern-set.js';

export interface ActorMention extends Span {
  text: string;
  /** A known actor, or a generic one whose name needs the event's country. */
  actor:
    | ActorDefinition
    | { generic: (country: string) => string; inter: ActorDefinition['inter']; armed: boolean };
  /** True when the mention is a description resolved by co-reference. */
  anaphoric: boolean;
  /** People told as placing or leaving a device ("a man and a woman left a suitcase"): the doers of the
   * explosion told beside them, though their sentence tells no event of its own. */
  doer?: boolean;
  /** A force's word naming one of its sites ("a police station"): the force is on the receiving end. */
  site?: boolean;
}

const COMPILED = ACTORS.map((def) => ({
  def,
  rx: def.aliases.length ? new RegExp(`(?<![\\w-])(?:${def.aliases.join('|')})(?![\\w-])`, 'g') : null,
  anaphor: def.anaphors?.length ? new RegExp(`\\b(?:${def.anaphors.join('|')})\\b`, 'gi') : null,
}));

/** The same aliases matched regardless of case, for single-case text; two-letter acronyms ("IS") are left
 * out, since in lower case they are common words. */
const COMPILED_ANY_CASE = ACTORS.map((def) => {
  const aliases = def.aliases.filter((a) => a.replace(/\\./g, '').length > 2);
  return {
    def,
    rx: aliases.length ? new RegExp(`(?<![\\w-])(?:${aliases.join('|')})(?![\\w-])`, 'gi') : null,
  };
});

/** Each list's alias patterns scanned together (most texts name no actor at all). */
const named = (list: { def: ActorDefinition; rx: RegExp | null }[]) => {
  const withRx = list.filter((c) => c.rx);
  return { defs: withRx.map((c) => c.def), set: new PatternSet(withRx.map((c) => c.rx!)) };
};
const NAMED = named(COMPILED);
const NAMED_ANY_CASE = named(COMPILED_ANY_CASE);
const GENERIC = new PatternSet(GENERIC_ACTORS.map((g) => g.pattern));

/** Text in one case only (wire copy in all capitals or all lower case): capitals tell nothing there. */
export function isSingleCase(text: string): boolean {
  let upper = 0;
  let lower = 0;
  // the opening stretch tells: wire copy is in one case throughout
  const n = Math.min(text.length, 3000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
  }
  const letters = upper + lower;
  return letters >= 20 && Math.min(upper, lower) / letters < 0.005;
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** Country names followed by a verb of attack: "Russia launched …" stands for its forces. */
const COUNTRY_AS_FORCE: [RegExp, string][] = [
  [
    /\bRussia(?=\s+(?:has\s+|had\s+)?(?:launched|fired|struck|attacked|shelled|bombed|hit|pounded|targeted))/g,
    'Russia',
  ],
  [
    /\bUkraine(?=\s+(?:has\s+|had\s+)?(?:launched|fired|struck|attacked|shelled|bombed|hit|pounded|targeted))/g,
    'Ukraine',
  ],
  [
    /\bIsrael(?=\s+(?:has\s+|had\s+)?(?:launched|fired|struck|attacked|shelled|bombed|hit|pounded|targeted))/g,
    'Israel',
  ],
  [
    /\bTurkey(?=\s+(?:has\s+|had\s+)?(?:launched|fired|struck|attacked|shelled|bombed|hit|pounded|targeted))/g,
    'Turkey',
  ],
  [
    /\bIran(?=\s+(?:has\s+|had\s+)?(?:launched|fired|struck|attacked|shelled|bombed|hit|pounded|targeted))/g,
    'Iran',
  ],
];

/** A person, or people, told by sex or number only ("a man", "two individuals", "an unidentified person"). */
const PERSON =
  '(?:(?:a|an|one|two|three|four|five|\\d+)\\s+)?(?:(?:unidentified|unknown|young|masked)\\s+)?(?:m[ae]n|wom[ae]n|persons?|individuals?|youths?)';

const PERSONS = new RegExp(PERSON, 'gi');

/** People who place, leave or throw a device: the subject (two coordinated, a short relative clause or a
 * first action allowed: "an unidentified person stepped out of a car and placed a package"), then the verb
 * and the device. */
const DEVICE_DOER = new RegExp(
  `\\b(${PERSON}(?:\\s+and\\s+${PERSON})?)(?:,?\\s+(?:who|that)\\s+[^.;,]{0,60}?)?(?:\\s+(?:had|have|has|were|was|reportedly|allegedly|then|later|quickly))*\\s+(?:[^.;]{0,40}?\\s+and\\s+)?(?:plac(?:ed|ing)|plant(?:ed|ing)|le(?:ft|aving)|thr(?:ew|owing)|hurl(?:ed|ing)|toss(?:ed|ing)|set(?:ting)? off|drop(?:ped|ping))\\s+(?:(?:a|an|the|two|three|some|several|\\d+)\\s+)?(?!(?:his|her|their|its)\\b)(?:[\\w-]+\\s+){0,2}?(?:bombs?|explosives?|packages?|suitcases?|briefcases?|devices?|charges?|grenades?|dynamite|bags?|boxes|parcels?)\\b`,
  'gi',
);

/** Nouns a state force's word stands before to name one of its sites ("a police station", "air force
 * installations"): the force is then on the receiving end of what is done there. */
const SITE_AFTER =
  /^\s+(?:stations?|installations?|headquarters|posts?|barracks|sectors?|bases?|academy|garrison|compound|facilities)\b/i;
/** Nouns a state force's word stands before to name a source of the report ("police sources"). */
const SOURCE_AFTER = /^\s+(?:spokesm[ae]n|spokesperson|sources|officials|reports?|communiques?)\b/i;

const SPEAKER_AFTER = /^\s+(?:\w+\s+)?(?:said|say|says|told|reported|added|stated|confirmed|announced)\b/;

/** The generic armed group the doers of an attack belong to. */
const DOER_GROUP = GENERIC_ACTORS[0]!;

const forces = new Map<string, ActorDefinition>();
function stateForce(info: { country: string; cc: string; short?: string }): ActorDefinition {
  const name = `Military Forces of ${info.country}`;
  let def = forces.get(name) ?? ACTORS.find((a) => a.name === name);
  if (!def) {
    def = { name, short: info.short ?? null, countryCode: info.cc, inter: 1, aliases: [], armed: true };
    forces.set(name, def);
  }
  return def;
}

/**
 * Where the text names a non-state armed group (rebels, political or identity militias: ACLED inter 2–4),
 * so that "the Shining Path murdered two officials" is not taken for ordinary crime. State forces are
 * left out: "police arrested a murder suspect" is still crime.
 */
export function armedGroupSpans(mentions: readonly ActorMention[]): Span[] {
  return mentions
    .filter((m) => m.actor.armed && m.actor.inter >= 2 && m.actor.inter <= 4)
    .map((m) => ({ start: m.start, end: m.end }));
}

export function findActorMentions(text: string): ActorMention[] {
  const found: ActorMention[] = [];
  const free = (s: Span): boolean => !found.some((f) => overlaps(f, s));
  // Named actors: where aliases overlap ("Islamic State" in "Islamic State's Sahel branch"), the longest wins.
  const named: ActorMention[] = [];
  const { defs, set } = isSingleCase(text) ? NAMED_ANY_CASE : NAMED;
  set.matchAll(text).forEach((matches, k) => {
    for (const m of matches)
      named.push({
        start: m.index,
        end: m.index + m[0].length,
        text: m[0],
        actor: defs[k]!,
        anaphoric: false,
      });
  });
  named.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (const m of named) if (free(m)) found.push(m);
  for (const [rx, country] of COUNTRY_AS_FORCE) {
    const info = Object.values(STATE_FORCES).find((f) => f.country === country);
    if (!info) continue;
    const def = stateForce(info);
    for (const m of text.matchAll(rx)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (free(span)) found.push({ ...span, text: m[0], actor: def, anaphoric: false });
    }
  }
  // State forces named by a demonym ("Russian missiles", "a Turkish drone").
  for (const m of text.matchAll(STATE_FORCE_RX)) {
    const span = { start: m.index, end: m.index + m[0].length };
    const info = STATE_FORCES[m[1] ?? ''];
    if (!info || !free(span)) continue;
    found.push({ ...span, text: m[0], actor: stateForce(info), anaphoric: false });
  }
  // Descriptions that co-refer to a named actor mentioned earlier in the text.
  for (const { def, anaphor } of COMPILED) {
    // only an actor already found has descriptions that refer back to it
    if (!anaphor || !found.some((f) => f.actor === def)) continue;
    for (const m of text.matchAll(anaphor)) {
      const span = { start: m.index, end: m.index + m[0].length };
      const named = found.some((f) => f.actor === def && f.end <= span.start);
      if (named && free(span)) found.push({ ...span, text: m[0], actor: def, anaphoric: true });
    }
  }
  found.sort((a, b) => a.start - b.start);
  for (const m of text.matchAll(ARMED_GROUP_ANAPHORS)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (!free(span)) continue;
    const antecedent = [...found]
      .reverse()
      .find(
        (f) =>
          f.end <= span.start &&
          'name' in f.actor &&
          f.actor.armed &&
          f.actor.inter !== 1 &&
          f.actor.inter !== 8,
      );
    if (antecedent && 'name' in antecedent.actor) {
      found.push({ ...span, text: m[0], actor: antecedent.actor, anaphoric: true });
      found.sort((a, b) => a.start - b.start);
    }
  }
  for (const m of text.matchAll(DEVICE_DOER)) {
    const subject = m[1] ?? '';
    for (const p of subject.matchAll(PERSONS)) {
      const span = { start: m.index + p.index, end: m.index + p.index + p[0].length };
      if (free(span))
        found.push({
          ...span,
          text: p[0],
          actor: { generic: DOER_GROUP.name, inter: DOER_GROUP.inter, armed: true },
          anaphoric: false,
          doer: true,
        });
    }
  }
  const generic = GENERIC.matchAll(text);
  for (const [k, g] of GENERIC_ACTORS.entries()) {
    for (const m of generic[k]!) {
      const span = { start: m.index, end: m.index + m[0].length };
      const next = text.slice(span.end, span.end + 30);
      // "police said", "the army said": a source of the report, not a party to the event
      if (SPEAKER_AFTER.test(next)) continue;
      // "police sources", "army spokesmen": a force's word before a source of the report names no party
      if (g.inter === 1 && SOURCE_AFTER.test(next)) continue;
      if (free(span))
        found.push({
          ...span,
          text: m[0],
          actor: { generic: g.name, inter: g.inter, armed: g.armed },
          anaphoric: false,
          ...(g.inter === 1 && SITE_AFTER.test(next) ? { site: true } : {}),
        });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The canonical name of a mention, given the event's country name for generic actors. */
export function actorName(
  mention: ActorMention,
  country: string | null,
  countryCode: string | null = null,
): string {
  if ('name' in mention.actor) return mention.actor.name;
  // the same country name as state forces named by demonym ("Military Forces of the Democratic Republic of Congo")
  const known = countryCode
    ? Object.values(STATE_FORCES).find((f) => f.cc === countryCode)?.country
    : undefined;
  return mention.actor.generic(known ?? country ?? 'Unknown');
}
