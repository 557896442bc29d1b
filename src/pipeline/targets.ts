// Stage: physical targets ("a police station", "the electricity pylons") and victim descriptions
// ("six jesuit priests", "the attorney general") of attacks, as spans of the source. Word lists only, no
// capitals needed, so it works the same on mixed-case news and on single-case wire copy.
import type { Span } from '../domain/types.js';

export interface SpanMention extends Span {
  text: string;
}

export interface VictimMention extends SpanMention {
  kind: 'name' | 'description';
}

/** Head nouns of things that are attacked: buildings, installations, vehicles. */
const TARGET_HEADS =
  'embass(?:y|ies)|station|stations|post|posts|headquarters|offices?|buildings?|houses?|homes?|residences?|mansions?|' +
  'farms?|plants?|substations?|pylons?|towers?|bridges?|power ?lines?|pipelines?|installations?|facilities|facility|' +
  'banks?|churche?s?|temples?|schools?|hotels?|hospitals?|institutes?|barracks|garrisons?|bases|' +
  'vehicles?|cars?|trucks?|buses|bus|jeeps?|ambulances?|planes?|aircraft|helicopters?|trains?|' +
  'station wagons?|airports?|ministry|ministries|stores?|shops?|restaurants?|businesse?s?|company|companies|' +
  'refinery|refineries|dams?|warehouses?|electrical system|power system|network|court(?:house)?s?';

/** Words that cannot be part of a target or victim noun phrase before its head. */
const STOP = new Set(
  (
    'the a an of in on at to from by with and or but his her their its our your this that these those ' +
    'was were is are been be being had has have which who whom when where while after before during into ' +
    'against near outside inside several some two three four five six seven eight nine ten one many ' +
    'other another same said also not no than as for about over under up down out off one s'
  ).split(' '),
);

/** An attack verb (or noun) whose object is a target or a victim. */
const ATTACK =
  String.raw`(?:attack(?:ed|ing|s)?|bomb(?:ed|ing|ings)?|dynamit(?:ed|ing)|blew up|blown up|destroy(?:ed|ing)|` +
  String.raw`burn(?:ed|ing|t)|set fire to|fired (?:on|at)|shot at|raid(?:ed|ing)?|damag(?:ed|ing)|hit|struck|` +
  String.raw`explo(?:ded|sion) (?:at|in|near)|exploded (?:outside|in front of)|sabotag(?:ed|e)|machinegunned|` +
  String.raw`occup(?:ied|ying)|seized?|against|targeting|assault(?:ed)? on|attack on|bombing of|bomb at)`;

/** A word that is not a function word (a noun phrase does not run across "and", "of", "was"). */
const CONTENT = String.raw`(?!(?:the|a|an|and|or|of|in|on|at|to|by|with|for|from|was|were|is|are|had|has|have|that|who|which|when|after|before|during|into|near|outside|said|says)\b)[a-z][\w'’-]*`;
/** A word of a noun phrase; dots only inside ("u.s."), never the full stop after it. */
const WORD = String.raw`${CONTENT}(?:(?:\.[a-z][\w'’-]*)+\.?)?`;
const MOD = String.raw`(?:${WORD}\s+){0,3}`;

/** "attacked the police station", "a bomb at the u.s. embassy", "dynamited 3 electricity pylons". */
const TARGET_RE = new RegExp(
  String.raw`\b${ATTACK}\s+(?:(?:the|a|an|two|three|four|five|six|several|some|\d+|its|their|his)\s+)?(${MOD}(?:${TARGET_HEADS}))\b`,
  'gi',
);

/** Verbs of harm whose object (or passive subject) is a victim. */
const HARM =
  'killed|murdered|assassinated|kidnapped|abducted|wounded|injured|shot|executed|massacred|tortured|slain|slew';
const VICTIM_NOUNS =
  String.raw`(?:priests?|jesuits?|peasants?|civilians?|students?|children|women|men|people|persons|person|` +
  String.raw`workers?|union(?:ists)?|leaders?|mayors?|judges?|journalists?|officials?|politicians?|ministers?|` +
  String.raw`general|governor|councilm[ae]n|policem[ae]n|soldiers?|guards?|bodyguards?|agents?|citizens?|` +
  String.raw`businessm[ae]n|farmers?|nuns?|teachers?|candidates?|deput(?:y|ies)|senators?|diplomats?|` +
  String.raw`ambassadors?|residents?|villagers?|relatives?|family|passengers?|employees?|members?|legislators?|` +
  String.raw`attorney general|archbishop|bishop|president|brothers?|sons?|wife|daughters?|missionar(?:y|ies))`;

/** "killed six jesuit priests", "the assassination of the attorney general". */
const VICTIM_AFTER = new RegExp(
  String.raw`\b(?:${HARM}|(?:murder|assassination|kidnapping|abduction|killing|massacre) of)\s+(?:(?:the|a|an|\d+|two|three|four|five|six|seven|eight|nine|ten|several|some)\s+)?(${MOD}${VICTIM_NOUNS})\b`,
  'gi',
);
/** "six jesuit priests were murdered". */
const PASSIVE_HARM = new RegExp(
  String.raw`\b(?:were|was|have been|had been|are|is)\s+(?:\w+\s+)?(?:${HARM})\b`,
  'gi',
);
/** The subject just before a passive verb of harm (read on a short stretch, for speed). */
const SUBJECT_BEFORE = new RegExp(String.raw`\b(${MOD}${VICTIM_NOUNS})\s+$`, 'i');

function victimsBefore(text: string): SpanMention[] {
  const out: SpanMention[] = [];
  for (const m of text.matchAll(PASSIVE_HARM)) {
    const from = Math.max(0, m.index - 80);
    const s = SUBJECT_BEFORE.exec(text.slice(from, m.index));
    if (!s?.[1]) continue;
    const t = trimPhrase(text, from + s.index + s[0].indexOf(s[1]), s[1]);
    if (t) out.push(t);
  }
  return out;
}

/** Titles and descriptions that stand before a person's name ("governor", "jesuit", "colleague"). */
const TITLE =
  String.raw`(?:governor|leader|candidate|priests?|father|archbishop|bishop|president|minister|senator|judge|` +
  String.raw`colleague|dr|mr|mrs|jesuit|general|colonel|captain|major|mayor|commander|journalist|director|` +
  String.raw`spokesman|secretary|deputy|councilman|citizens?|businessman|attorney general|ambassador|` +
  String.raw`pilot|wife|son|daughter|brother|politician|official|magistrate|lawyer|student|unionist)`;
/** A name after its title: lower-case words up to punctuation or a function word. */
const NAME = String.raw`(${CONTENT}(?:\s+(?:de la|del|de|${CONTENT})){0,3}?)(?=\s*(?:[,.;:"()]|'s\b|\s(?:and|who|was|were|had|has|is|of|in|on|at|--)\b))`;
/** "the murder of antioquia department governor antonio roldan betancur". */
const VICTIM_NAME = new RegExp(
  String.raw`\b(?:murder|assassination|death|killing|kidnapping|abduction|attack (?:against|on)|${HARM})\s+(?:of\s+)?(?:the\s+)?(?:[\w()'.-]+\s+){0,4}?${TITLE}\s+${NAME}`,
  'gi',
);
const NOT_NAME = new RegExp(String.raw`^(?:${TITLE}|${VICTIM_NOUNS})$`, 'i');

/** Drops leading words that cannot open a noun phrase ("the", numbers, verbs picked up by the modifiers). */
function trimPhrase(text: string, start: number, phrase: string): SpanMention | null {
  const words = [...phrase.matchAll(/[^\s]+/g)];
  let i = 0;
  // the phrase opens after the last word that cannot be in it ("now that priests": "priests")
  for (let j = 0; j < words.length - 1; j++)
    if (STOP.has(words[j]![0].toLowerCase()) || /^\d/.test(words[j]![0]) || /[,;:]$/.test(words[j]![0]))
      i = j + 1;
  // the head noun alone when a modifier looks like a verb or adverb ("exploded car": keep "car")
  while (i < words.length - 1 && /(?:ed|ing|ly)$/i.test(words[i]![0]) && words[i]![0].length > 4) i++;
  const first = words[i];
  const last = words[words.length - 1];
  if (!first || !last) return null;
  const s = start + first.index;
  const e = start + last.index + last[0].length;
  return { start: s, end: e, text: text.slice(s, e) };
}

function collect(text: string, re: RegExp): SpanMention[] {
  const out: SpanMention[] = [];
  for (const m of text.matchAll(re)) {
    const phrase = m[1];
    if (!phrase || m.index === undefined) continue;
    const at = m.index + m[0].lastIndexOf(phrase);
    const t = trimPhrase(text, at, phrase);
    if (t && !out.some((o) => o.start === t.start)) out.push(t);
  }
  return out;
}

/** Any noun phrase headed by a target noun ("a fuel truck", "the houses"): read only inside an event's
 * window, where the attack is the event's. */
const TARGET_NP = new RegExp(
  String.raw`\b(?:the|a|an|two|three|four|five|six|several|some|\d+|its|their|his|her)\s+(${MOD}(?:${TARGET_HEADS}))\b`,
  'gi',
);

/** Physical targets named as the object of an attack. */
export function findTargets(text: string): SpanMention[] {
  return collect(text, TARGET_RE);
}

/** Noun phrases headed by a target noun, wherever they stand. */
export function findTargetPhrases(text: string): SpanMention[] {
  // "taken to a hospital", "fled from their houses", "traveling in a car": a place of the story, not hit
  return collect(text, TARGET_NP).filter(
    (t) => !NOT_HIT_BEFORE.test(text.slice(Math.max(0, t.start - 40), t.start)),
  );
}

const NOT_HIT_BEFORE =
  /\b(?:to|from|by|with|for|toward|towards|returning|left|leaving|taken|rushed|flown|owned|inside|aboard|traveling in|travelling in|riding in)\s+(?:(?:the|a|an|their|his|her|its|\d+|two|three|several|some)\s+)?(?:\S+\s+){0,3}$/i;

/** Victims named as the object, or the passive subject, of a verb of harm. */
export function findVictims(text: string): VictimMention[] {
  const names = collect(text, VICTIM_NAME).filter(
    (n) => !n.text.split(/\s+/).some((w) => STOP.has(w) || NOT_NAME.test(w)),
  );
  const descriptions = [...collect(text, VICTIM_AFTER), ...victimsBefore(text)].filter(
    // the title of a name already found ("governor antonio roldan betancur") is not a victim of its own
    (d) => !names.some((n) => n.start >= d.start && n.start - d.end <= 2),
  );
  return [
    ...names.map((n) => ({ ...n, kind: 'name' as const })),
    ...descriptions.map((d) => ({ ...d, kind: 'description' as const })),
  ].sort((a, b) => a.start - b.start);
}
