// Stage: physical targets ("a police station", "the electricity pylons") and victim descriptions
// ("six jesuit priests", "the attorney general") of attacks, as spans of the source. Word lists only, no
// capitals needed, so it works the same on mixed-case news and on single-case wire copy.
import type { Span } from '../domain/types.js';

export interface SpanMention extends Span {
  text: string;
}

export interface VictimMention extends SpanMention {
  kind: 'name' | 'description';
  /** A name of one word ("ferreyros was kidnapped"): a victim only where the report told the full name
   * before ({@link withFullName}). */
  surname?: true;
}

/** Head nouns of things that are attacked: buildings, installations, vehicles. */
const TARGET_HEADS =
  'bank branch(?:es)?|embass(?:y|ies)|station wagons?|station|stations|post|posts|headquarters|offices?|buildings?|houses?|homes?|residences?|mansions?|' +
  'farms?|plants?|substations?|pylons?|towers?|bridges?|power ?lines?|pipelines?|installations?|facilities|facility|' +
  'banks?|churche?s?|temples?|schools?|hotels?|hospitals?|institutes?|barracks|garrisons?|bases|' +
  'vehicles?|cars?|trucks?|buses|bus|jeeps?|ambulances?|planes?|aircraft|helicopters?|trains?|' +
  'airports?|ministry|ministries|stores?|shops?|restaurants?|businesse?s?|company|companies|' +
  'refinery|refineries|dams?|warehouses?|electrical system|power system|network|court(?:house)?s?|' +
  'poles?|transformers?|power lines?|consulates?|universit(?:y|ies)|newspapers?|terminals?|structures?|' +
  'branch(?:es)?(?= of)|premises|depots?|antennas?|vessels?|ships?|boats?|pickups?|tank trucks?|' +
  'sub-?stations?|cable cars?|bulldozers?|tractors?|gas stations?|kiosks?|' +
  'supermarkets?|pharmac(?:y|ies)|drugstores?|theaters?|cinemas?|clubs?|discotheques?|' +
  'apartments?|dwellings?|estates?|ranch(?:es)?|haciendas?|plantations?';

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
/** A modifier word; a quoted name counts ("the "santo tomas" presidential farm"). */
const MOD = String.raw`(?:["“]?${WORD}["”]?\s+){0,3}`;

/** "attacked the police station", "a bomb at the u.s. embassy", "dynamited 3 electricity pylons". */
const TARGET_RE = new RegExp(
  String.raw`\b${ATTACK}\s+(?:(?:the|a|an|two|three|four|five|six|several|some|\d+|its|their|his)\s+)?(${MOD}(?:${TARGET_HEADS}))\b(?![\s-]+bomb)`,
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
const NAME = String.raw`(${CONTENT}(?:\s+(?:de la|del|de|${CONTENT})){0,3}?)(?=\s*(?:[,.;:"()]|'s\b|\s(?:and|who|was|were|had|has|is|of|in|on|at|near|from|by|as|after|during|while|when|outside|--)\b))`;
/** "the murder of antioquia department governor antonio roldan betancur". */
const VICTIM_NAME = new RegExp(
  String.raw`\b(?:murder|assassination|death|killing|kidnapping|abduction|attack (?:against|on)|${HARM})\s+(?:of\s+)?(?:the\s+)?(?:(?!of\s)[\w()'.-]+\s+){0,4}?${TITLE}\s+${NAME}`,
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
  String.raw`\b(?:the|a|an|two|three|four|five|six|seven|eight|nine|ten|several|some|many|various|\d+|its|their|his|her)\s+(${MOD}(?:${TARGET_HEADS}))\b(?![\s-]+bomb)`,
  'gi',
);

/** "the offices of the national union federation": a head that names a place of someone takes its owner. */
const OWNED_HEAD =
  /^(?:offices?|headquarters|residences?|homes?|houses?|branch(?:es)?|facilities|premises)$/i;
const OF_OWNER = new RegExp(
  String.raw`^\s+of\s+((?:the\s+)?(?:${WORD}\s+){0,5}${WORD})(?=\s*(?:[,.;:"()]|--|$|\s(?:and|who|which|was|were|in|on|at|by|from|with|near|when|after|had|has|such|including)\b))`,
  'i',
);

function withOwner(text: string, t: SpanMention): SpanMention {
  const head = /\S+$/.exec(t.text)?.[0] ?? '';
  if (!OWNED_HEAD.test(head)) return t;
  const m = OF_OWNER.exec(text.slice(t.end, t.end + 90));
  if (!m) return t;
  const end = t.end + m[0].length;
  return { start: t.start, end, text: text.slice(t.start, end) };
}

/** Physical targets named as the object of an attack. */
export function findTargets(text: string): SpanMention[] {
  const objects = collect(text, TARGET_RE);
  // "seven bank branches were also attacked", "two transformers were destroyed": the passive subject
  for (const c of text.matchAll(PASSIVE_HIT)) {
    const from = Math.max(0, c.index - 80);
    const m = HEAD_BEFORE.exec(text.slice(from, c.index));
    if (!m?.[1]) continue;
    const t = trimPhrase(text, from + m.index, m[1]);
    if (t && !objects.some((o) => o.start < t.end && t.start < o.end)) objects.push(t);
  }
  return objects.sort((a, b) => a.start - b.start).map((t) => withOwner(text, t));
}

/** A passive verb of damage after its subject. */
const PASSIVE_HIT =
  /\s(?:were|was|have been|has been|had been)\s+(?:also\s+|partially\s+|completely\s+|totally\s+|seriously\s+|heavily\s+)?(?:attacked|destroyed|damaged|burned|burnt|bombed|dynamited|sabotaged|blown up|set on fire|set ablaze|derailed|machinegunned|razed)\b/gi;
/** A noun phrase headed by a target noun, ending where the text ends. */
const HEAD_BEFORE = new RegExp(String.raw`(?<![\w'’-])(${MOD}(?:${TARGET_HEADS}))$`, 'i');

/** Noun phrases headed by a target noun, wherever they stand. */
export function findTargetPhrases(text: string): SpanMention[] {
  // "taken to a hospital", "fled from their houses", "traveling in a car": a place of the story, not hit
  const phrases = collect(text, TARGET_NP)
    .filter((t) => !NOT_HIT_BEFORE.test(text.slice(Math.max(0, t.start - 40), t.start)))
    // "a truck rigged with dynamite exploded": the vehicle is the bomb, not what it hit
    .filter((t) => !BOMB_VEHICLE_AFTER.test(text.slice(t.end, t.end + 40)))
    .map((t) => withOwner(text, t));
  // "sabotaged pylons and transformers": the object of an attack verb needs no article
  const objects = findTargets(text).filter((o) => !phrases.some((p) => p.start < o.end && o.start < p.end));
  // "the national energy company" inside "a branch of the national energy company" is its owner, not a target
  const found = [...phrases, ...objects]
    .filter(
      (t, _, all) =>
        !all.some((o) => o.end - o.start > t.end - t.start && o.start <= t.start && t.end <= o.end),
    )
    .sort((a, b) => a.start - b.start);
  // "several public buses, houses, and businesses": the next items of a list of targets
  for (let i = 0; i < found.length; i++) {
    const t = found[i]!;
    const m = LIST_NEXT.exec(text.slice(t.end, t.end + 80));
    if (!m?.[1]) continue;
    const start = t.end + m[0].length - m[1].length;
    const next = trimPhrase(text, start, m[1]);
    if (next && !found.some((f) => f.start < next.end && next.start < f.end)) found.splice(i + 1, 0, next);
  }
  return found;
}

/** The next noun phrase of a list, headed by a target noun, with or without an article. */
const LIST_NEXT = new RegExp(
  String.raw`^(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:(?:the|a|an|other|several|some|its|their)\s+)?(${MOD}(?:${TARGET_HEADS}))\b(?![\s-]+bomb)`,
  'i',
);

const BOMB_VEHICLE_AFTER =
  /^\s+(?:(?:that|which) (?:was|had been) )?(?:rigged|loaded|packed|laden|filled|booby-trapped) with\b/i;
const NOT_HIT_BEFORE =
  /\b(?:to|from|by|with|for|toward|towards|returning|left|leaving|taken|rushed|flown|owned|inside|aboard|traveling in|travelling in|riding in|out of|(?:fled|escaped|fleeing|escaping|arrived|drove off) in)\s+(?:(?:the|a|an|their|his|her|its|\d+|two|three|several|some)\s+)?(?:\S+\s+){0,3}$/i;

/**
 * Words that are no part of a person's name, for text in one case where capitals tell nothing: pronouns,
 * time words, and the common nouns and adjectives that stand where a name could ("the death of innocent
 * people", "was killed yesterday").
 */
const NOT_NAME_WORD = new Set(
  (
    'he she it they we you him them us me i who whom whose himself herself themselves today yesterday ' +
    'tonight tomorrow now then later earlier recently instantly immediately monday tuesday wednesday ' +
    'thursday friday saturday sunday morning afternoon evening night week month year day dawn midnight ' +
    'january february march april may june july august september october november december ' +
    'innocent civilian civilians population people persons person man woman men women child children boy ' +
    'girl youth youths victim victims body bodies relatives family group groups member members unit units ' +
    'army police military government forces force guerrilla guerrillas terrorist terrorists rebels ' +
    'soldier soldiers troops security national state public local foreign international political ' +
    'several many all both each every any other others another more most some such only also just even ' +
    'former late alleged so called known unknown unidentified armed heavily young old ' +
    'near during because since while after before when where there here than then what which that ' +
    'case cases crime crimes incident attack attacks murder murders death deaths killing killings ' +
    'kidnapping kidnappings hostage hostages prisoner prisoners leader leaders official officials ' +
    'school schools university region border area zone town city village country province department ' +
    'capital street road highway house home office building car vehicle number large small big few past ' +
    'hours minutes days weeks months years time signs sign brutal sector sectors business industrial ' +
    'different new same own second first third last next movement party front command corps service ' +
    'services intelligence investigation investigations committee council commission union federation ' +
    'association organization company firm bank church court ministry embassy agency station radio ' +
    'newspaper television network activists militants comrades subversives traffickers drug purpose reason ' +
    'order orders way means part side members commander chief head director president minister ' +
    'report reports preliminary neighborhood neighbourhood port district avenue square park market ' +
    'spaniard spanish italian american german french british swiss canadian mexican cuban soviet ' +
    'colombian peruvian bolivian chilean salvadoran guatemalan honduran nicaraguan ecuadoran ecuadorean ' +
    'venezuelan argentine brazilian panamanian israeli english marines contras brother-in-law ' +
    'reporter photographer cameraman correspondent editor engineer doctor nurse teacher professor rector ' +
    'banker pilot driver impresario technician executive manager owner officer directorate niece nephew ' +
    'cousin uncle aunt approximately about nearly minor minors lieutenant sergeant corporal'
  ).split(' '),
);
const NAME_WORD = String.raw`(?!(?:the|a|an|and|or|of|in|on|at|to|by|with|for|from|that|this|these|those|who|which|was|were|is|are|has|have|had|been|be|his|her|their|its|as|but|not|no|said|says|after|before|when|while|during|into|near|also|then|than)\b)[a-z][a-z'’-]*`;
/** Two to five words of a name ("carlos galan", "maria elena diaz perez", "stela torrado de otalora"). */
/** Where a name ends: punctuation, a possessive or a function word. */
const NAME_END = String.raw`(?=\s*(?:[,.;:"()]|'s\b|--|$|\s(?:and|who|was|were|had|has|have|is|of|in|on|at|from|by|as|near|after|during|while|when|outside|--)\b))`;
const BARE_NAME = String.raw`((?<![\w'’-])${NAME_WORD}(?:\s+(?:de la|del|de|y|${NAME_WORD})){1,4}?)${NAME_END}`;
/** Nouns of harm done to a person. */
const HARM_NOUN =
  'murder|assassination|death|killing|kidnapping|kidnaping|abduction|seizure|capture|disappearance';
/** "the murder of jecar neghme", "the kidnapping of norberto rodriguez": a harm told of a person by name. */
const NAME_AFTER_HARM = new RegExp(
  String.raw`\b(?:(?:${HARM_NOUN})(?: and (?:${HARM_NOUN}))?(?: on \d{1,2} [a-z]+| on [a-z]+day)? of|(?:victims?|hostages?|dead|the dead) (?:(?:was|were|have been|has been) )?(?:identified|named|listed) as|lists? (?:the )?(?:[\w-]+ )?(?:victims|hostages|dead) as|(?:killed|kidnapp?ed|murdered|assassinated|abducted|wounded|seized|captured)(?:\s+(?:[a-z]+\s+)?(?:peasants?|students?|journalists?|union(?:ists)?|workers?|businessm[ae]n|citizens?))?)\s+["“]?${BARE_NAME}`,
  'gi',
);
/** "senator federico estrada velez was kidnapped", "x and y, who were inside the car, were killed". */
const NAME_BEFORE_HARM = new RegExp(
  String.raw`${BARE_NAME}(?:\s*,((?:(?!\b(?:that|because|since|if|although|especially|now)\b)[^,.;]){3,80}))?,?\s+(?:who\s+)?(?:(?:was|were|has been|have been|had been)\s+)(?:\w+\s+){0,1}?(?:(?:abducted|kidnapp?ed|seized)\s+and\s+)?(?:${HARM}|kidnaped|captured|gunned down|shot dead|shot to death|taken hostage)\b`,
  'gi',
);

/** "candidate bernardo jaramillo ossa's murder": a harm told of a person in the possessive. */
const NAME_POSSESSIVE = new RegExp(
  String.raw`${BARE_NAME}['’]s\s+(?:(?:brutal|cowardly|recent)\s+)?(?:murder|assassination|killing|kidnapping|kidnaping|abduction)\b`,
  'gi',
);
const NAME_AND = new RegExp(String.raw`((?<![\w'’-])${NAME_WORD}(?:\s+${NAME_WORD}){1,3})\s+and\s+$`, 'i');
const AND_NAME = new RegExp(String.raw`^(?:\s*,[^,.;]{3,80})?,?\s+and\s+${BARE_NAME}`, 'i');
/** "the following people were aboard the plane:": a list of the occupants follows. */
const OCCUPANTS =
  /\b(?:people|persons|passengers|occupants|crew|those)\s+(?:were|was)\s+(?:aboard|inside|on board|travell?ing in|riding in)\b[^.:;]{0,60}:/gi;
/** The first name of a list, after up to three words of a title ("u.s. citizen x y"). */
const FIRST_NAME_OF_LIST = new RegExp(String.raw`^\s*(?:\S+\s+){0,3}?${BARE_NAME}`, 'i');
/** The next name of a list: ", y", ", and y", " and y". */
const NEXT_NAME = new RegExp(String.raw`^(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?${BARE_NAME}`, 'i');

/** A phrase a reader takes for a person's name: in one-case text, words that are no common noun. */
function isName(phrase: string, singleCase: boolean): boolean {
  const words = phrase.split(/\s+/);
  if (words.some((w) => STOP.has(w.toLowerCase()) || NOT_NAME.test(w) || /\d/.test(w))) return false;
  if (singleCase) return !words.some((w) => notNameWord(w.toLowerCase()) || /ing$/i.test(w));
  // mixed case: every word but the particles ("de", "la") starts with a capital
  return words.every((w) => /^\p{Lu}/u.test(w) || /^(?:de|la|del|y|van|von|bin|al|el)$/.test(w));
}

/** Where a name before a harm ends: the verb ("… was killed") or the possessive ("… 's murder"). */
const BEFORE_HARM_CUE = new RegExp(
  String.raw`\s(?:who\s+)?(?:(?:are|is|were|was)\s+(?:still\s+)?being|was|were|has been|have been|had been)\s+(?:\w+\s+)?(?:(?:abducted|kidnapp?ed|seized)\s+and\s+)?(?:${HARM}|kidnaped|captured|gunned down|shot dead|shot to death|taken hostage|held hostage)\b`,
  'gi',
);
const POSSESSIVE_CUE =
  /['’]s\s+(?:(?:brutal|cowardly|recent)\s+)?(?:murder|assassination|killing|kidnapping|kidnaping|abduction)\b/gi;

/**
 * The matches of a pattern that ends in a cue, read only in the stretch of text before each cue (the
 * patterns that open on any word would otherwise be tried at every word of the text). Without a cue,
 * the whole text.
 */
function* matchesNear(
  text: string,
  re: RegExp,
  cue: RegExp | null,
): Generator<{ m: RegExpMatchArray; index: number }> {
  if (!cue) {
    for (const m of text.matchAll(re)) yield { m, index: m.index };
    return;
  }
  let from = 0;
  for (const c of text.matchAll(cue)) {
    // a name (five words) with an apposition (80 characters) fits in the 240 before the cue
    let start = Math.max(from, c.index - 240);
    // from the start of a word, never inside one
    while (start < c.index && /[\w'’-]/.test(text[start - 1] ?? '')) start++;
    const end = c.index + c[0].length;
    for (const m of text.slice(start, end).matchAll(re)) yield { m, index: start + m.index };
    from = end;
  }
}

/** Text in one case only (wire copy), where capitals tell nothing about names. */
const isSingleCase = (text: string): boolean => !/\p{Lu}/u.test(text) || !/\p{Ll}/u.test(text);

/** The first word after the words of a title or description ("liberal senator federico …" → 2). */
function nameStart(words: string[], singleCase: boolean): number {
  return (
    words.findLastIndex(
      (w) => NOT_NAME.test(w) || STOP.has(w.toLowerCase()) || (singleCase && notNameWord(w.toLowerCase())),
    ) + 1
  );
}

/** A common word, or the plural of one ("ecuadoreans", "colombians"). */
const notNameWord = (w: string): boolean =>
  NOT_NAME_WORD.has(w) || (/s$/.test(w) && NOT_NAME_WORD.has(w.slice(0, -1)));

/** One word of a name just before a passive verb of harm ("… ferreyros was kidnapped"). */
const SURNAME_BEFORE_HARM = new RegExp(
  String.raw`(?<![\w'’-])(${NAME_WORD})(?=${BEFORE_HARM_CUE.source})`,
  'gi',
);

/**
 * The person's name as the report first told it in full: a name told again in part ("delgado parker was
 * kidnapped" after "hector delgado parker, a television impresario") is the longer name, and so is a surname
 * alone ("ferreyros"); a surname with no full name before it gives nothing (null).
 */
export function withFullName(text: string, v: VictimMention): VictimMention | null {
  const esc = v.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(
    String.raw`(?<![\w'’-])((?:${NAME_WORD}\s+){0,3})${esc}((?:\s+(?:de la|del|de|y|${NAME_WORD})){0,2})${NAME_END}`,
    'gi',
  );
  const singleCase = isSingleCase(text);
  // "attacked merino": no verb or possessive in a name
  const odd = (w: string): boolean => /['’]s$/i.test(w) || (singleCase && /(?:ed|ing)$/i.test(w));
  let best: VictimMention | null = null;
  for (const m of text.slice(0, v.start).matchAll(re)) {
    const words = [...m[1]!.matchAll(/\S+/g)];
    const first =
      words[
        nameStart(
          words.map((w) => w[0]),
          singleCase,
        )
      ];
    const from = m.index + (first?.index ?? m[1]!.length);
    const end = m.index + m[0].length;
    const full = text.slice(from, end);
    if (full.length > v.text.length && isName(full, singleCase) && !full.split(/\s+/).some(odd))
      best = { ...v, start: from, end, text: full };
  }
  if (best) {
    delete best.surname;
    return best;
  }
  return v.surname ? null : v;
}

/** Words that open no item of a subject: the subject starts after them ("according to sources from x"). */
const NOT_SUBJECT =
  /^(?:according|in|on|at|from|after|before|during|since|when|while|as(?! well as)|if|because|although|but|by|for)\b|\b(?:said|says|reported|told|stated|announced|that)\b/i;

/**
 * The items of a list that ends just before `at` (the subject of a passive verb), from the last back to
 * the first: split at commas and "and", brackets left out, an item cut before "of" ("x of milan").
 */
function subjectItems(text: string, at: number): SpanMention[] {
  let from = Math.max(0, at - 240);
  const stretch = text.slice(from, at);
  const stop = Math.max(
    ...[...stretch.matchAll(/[.;:!?]["”']?\s|\s--\s/g)].map((m) => m.index + m[0].length),
    0,
  );
  from += stop;
  // brackets become blanks, so the offsets still point into the text
  const body = text.slice(from, at).replace(/\([^()]*\)/g, (m) => ' '.repeat(m.length));
  const out: SpanMention[] = [];
  const parts = [...body.matchAll(/[^,]+/g)].flatMap((p) =>
    [...p[0].matchAll(/(?:^|\s+and\s+)((?:(?!\s+and\s).)+)/g)].map((q) => ({
      start: p.index + q.index + q[0].length - q[1]!.length,
      text: q[1]!,
    })),
  );
  for (const part of parts.reverse()) {
    const t = part.text.replace(/\s+$/, '');
    if (NOT_SUBJECT.test(t.trim())) break;
    const lead = t.length - t.trimStart().length;
    const start = from + part.start + lead;
    // "x y of milan": the name before "of"; "the seizure of x y": the name after it
    const [head, ...rest] = t.trim().split(/\s+of\s+/);
    out.push({ start, end: start + head!.length, text: head! });
    const tail = rest.at(-1);
    if (tail)
      out.push({ start: start + t.trim().length - tail.length, end: start + t.trim().length, text: tail });
  }
  return out;
}

/** Names around a verb of harm, with the second of two joined by "and" ("x and y were killed"). */
function bareNames(text: string): VictimMention[] {
  const singleCase = isSingleCase(text);
  const out: VictimMention[] = [];
  /** Adds a name (after its title); whether the words are a name. */
  const add = (start: number, whole: string): boolean => {
    // "liberal senator federico estrada velez": the name follows the last word of the title
    const words = [...whole.matchAll(/\S+/g)];
    const first =
      words[
        nameStart(
          words.map((w) => w[0]),
          singleCase,
        )
      ];
    if (!first) return false;
    const phrase = whole.slice(first.index);
    start += first.index;
    const t = { start, end: start + phrase.length, text: phrase, kind: 'name' as const };
    if (!/\s/.test(phrase) || !isName(phrase, singleCase)) return false;
    if (!out.some((o) => o.start === start)) out.push(t);
    return true;
  };
  for (const [re, cue] of [
    [NAME_AFTER_HARM, null],
    [NAME_BEFORE_HARM, BEFORE_HARM_CUE],
    [NAME_POSSESSIVE, POSSESSIVE_CUE],
  ] as const) {
    for (const { m, index } of matchesNear(text, re, cue)) {
      if (!m[1]) continue;
      const at = index + m[0].indexOf(m[1]);
      add(at, m[1]);
      // "x and y": the name before "and", when a harm follows
      // "the commander's wife, stela torrado, was killed": the name may stand in the apposition
      if (m[2])
        add(index + m[0].indexOf(m[2], m[1].length) + (m[2].length - m[2].trimStart().length), m[2].trim());
      if (re === NAME_BEFORE_HARM) {
        const before = NAME_AND.exec(text.slice(Math.max(0, at - 60), at));
        if (before?.[1]) add(at - before[0].length + before[0].indexOf(before[1]), before[1]);
      } else if (re === NAME_AFTER_HARM) {
        // "the seizure of x, y, and z", "x, a teacher, and y": the next names of the list
        let end = at + m[1].length;
        for (let k = 0; k < 8; k++) {
          const rest = text.slice(end, end + 240);
          const next = NEXT_NAME.exec(rest) ?? AND_NAME.exec(rest);
          if (!next?.[1]) break;
          const from = end + next[0].length - next[1].length;
          if (!add(from, next[1])) break;
          end = from + next[1].length;
        }
      }
    }
  }
  // "the following people were aboard the boat: x, y and z": the occupants of what was attacked
  for (const c of text.matchAll(OCCUPANTS)) {
    let end = c.index + c[0].length;
    const first = FIRST_NAME_OF_LIST.exec(text.slice(end, end + 240));
    if (!first?.[1]) continue;
    const from = end + first[0].length - first[1].length;
    if (!add(from, first[1])) continue;
    end = from + first[1].length;
    for (let k = 0; k < 8; k++) {
      const rest = text.slice(end, end + 240);
      const next = NEXT_NAME.exec(rest);
      if (!next?.[1]) break;
      const at = end + next[0].length - next[1].length;
      if (!add(at, next[1])) break;
      end = at + next[1].length;
    }
  }
  // "the jesuit ignacio ellacuria, rector of the university, five other priests, and two women were
  // murdered": each name of a list that is the subject of a passive verb of harm
  for (const c of text.matchAll(BEFORE_HARM_CUE)) {
    for (const item of subjectItems(text, c.index)) add(item.start, item.text);
  }
  // "ferreyros was kidnapped": a surname alone, after a full stop or a comma
  for (const { m, index } of matchesNear(text, SURNAME_BEFORE_HARM, BEFORE_HARM_CUE)) {
    const word = m[1]!;
    const prev = /(\S+)\s*$/.exec(text.slice(Math.max(0, index - 30), index))?.[1] ?? '';
    if (prev && !/[.;:,"]$/.test(prev) && !/^(?:and|but|that|when|while|after|because)$/i.test(prev))
      continue;
    if (
      /['’]s$/i.test(word) ||
      !isName(word, singleCase) ||
      out.some((o) => o.start <= index && index < o.end)
    )
      continue;
    out.push({ start: index, end: index + word.length, text: word, kind: 'name', surname: true });
  }
  return out;
}

/** Victims named as the object, or the passive subject, of a verb of harm. */
export function findVictims(text: string): VictimMention[] {
  const titled = collect(text, VICTIM_NAME).filter(
    (n) => !n.text.split(/\s+/).some((w) => STOP.has(w) || NOT_NAME.test(w)),
  );
  const names = [
    ...titled,
    ...bareNames(text).filter((n) => !titled.some((t) => t.start < n.end && n.start < t.end)),
  ];
  const descriptions = [...collect(text, VICTIM_AFTER), ...victimsBefore(text)].filter(
    // the title of a name already found ("governor antonio roldan betancur") is not a victim of its own
    (d) => !names.some((n) => n.start >= d.start && n.start - d.end <= 2),
  );
  return [
    ...names.map((n): VictimMention => ({ ...n, kind: 'name' })),
    ...descriptions.map((d) => ({ ...d, kind: 'description' as const })),
  ].sort((a, b) => a.start - b.start);
}
