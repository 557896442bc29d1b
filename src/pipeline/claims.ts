// Stage: claims — who says what, through whom. Attributions ("X said", "X told Y", "according to X",
// "claimed responsibility … carried by Y") become claims with a claimant, a relay chain, a date,
// a quantity and a kind. Claims are kept apart from events and linked to them afterwards.
import type { ClaimKind, Claimant, Span } from '../domain/types.js';
import type { DateMention } from './dates.js';
import type { ActorMention } from './actors.js';
import type { Sentence } from './sentences.js';
import { findNumbers } from './numbers.js';

/** News outlets and agencies that relay statements (names as written; matched case-insensitively). */
const OUTLETS = [
  'Fars(?: News Agency| news agency)?',
  'Tasnim(?: News Agency| news agency)?',
  'IRNA',
  'ISNA',
  'Mehr(?: News Agency| news agency)?',
  'SANA',
  'Amaq(?: News Agency| news agency)?',
  'Reuters',
  'AFP',
  'Agence France-Presse',
  'AP',
  'Associated Press',
  'Anadolu(?: Agency| news agency)?',
  'TASS',
  'RIA Novosti',
  'Interfax',
  'Ukrinform',
  'Al Jazeera',
  'Al-Jazeera',
  'Al Arabiya',
  'Al-Arabiya',
  'Al-Masirah',
  'Al Masirah',
  'Saba(?: news agency)?',
  'BBC',
  'CNN',
  'Xinhua',
  'Shafaq News',
  'Rudaw',
  'Kurdistan 24',
  'Press TV',
  'Al-Manar',
  'Al Mayadeen',
  'Telegram',
  'X',
  'Twitter',
  'Facebook',
  "(?:Iran's |Syria's |Iraqi |Syrian |Iranian |Russian |Yemeni |Nigerian |Sudanese |Somali )?state (?:TV|television|media|news agency|broadcaster|radio)",
  '(?:the )?(?:conservative |semi-official |official |pro-government |opposition |local )*[A-Z][\\w-]+(?: [A-Z][\\w-]+)? (?:news agency|News Agency|TV|television|newspaper|radio|daily)',
];
const OUTLET_RX = new RegExp(
  `(?:the\\s+)?(?:conservative\\s+|semi-official\\s+|official\\s+|pro-government\\s+|opposition\\s+|local\\s+|state-run\\s+)*(?:${OUTLETS.join('|')})(?![\\w-])`,
  'g',
);

const TITLES =
  '(?:(?:Brig(?:adier)?\\.?|Maj(?:or)?\\.?|Lt\\.?|Lieutenant|Col(?:onel)?\\.?|Gen(?:eral)?\\.?|Capt(?:ain)?\\.?|Sgt\\.?|Adm(?:iral)?\\.?|Cmdr\\.?|Commander|Gov(?:ernor)?\\.?|President|Prime Minister|Minister|Foreign Minister|Defen[cs]e Minister|Interior Minister|Sheikh|Imam|Dr\\.?|Mr\\.?|Mrs\\.?|Ms\\.?)\\s+)+';
const NAME = "\\p{Lu}[\\p{L}'’-]+(?:\\s+(?:al-|bin\\s+|ibn\\s+|el-|abu\\s+)?\\p{Lu}[\\p{L}'’-]+){0,3}";
const PERSON_RX = new RegExp(`(${TITLES})?(${NAME})`, 'u');
const SAY =
  '(?:said|says|told|added|stated|announced|reported|claimed|declared|confirmed|insisted|warned|denied|denies|wrote|tweeted|posted)(?!\\s+(?:by|responsibility|credit)\\b)';

/** Attribution patterns, compiled once. */
const TRAILING_RX = new RegExp(
  `^(.*?)[,"”]\\s*((?:the |a |an |its |their |his |her )?[^,"“”]{2,120}?)\\s+(${SAY})\\b([^"“”]*)$`,
  'u',
);
const SAID_FIRST_RX = new RegExp(
  `^(.*?)[,"”]+\\s*(${SAY})\\s+((?:${TITLES})?${NAME}(?:,\\s*[^.]{0,80})?)([^"“”]*)$`,
  'u',
);
const LEADING_RX = new RegExp(
  `^([^"“”]{2,160}?)\\s+(${SAY})(?:\\s+(?:on|at|late|early|in)\\s+[\\w ]{2,25}?)?(?:\\s+that)?\\s+(.+)$`,
  'u',
);
/** Sentences without any of these words carry no attribution: skip the costly patterns. */
const ATTRIBUTION_HINT = new RegExp(
  `\\b(?:${SAY}|according to|responsibility|credit|claimed by|who (?:denied|deny|denies|rejected))\\b`,
  'iu',
);

export interface ClaimMention {
  span: Span;
  sentence: Sentence;
  kind: ClaimKind;
  stance: 'assert' | 'deny';
  claimant: Claimant;
  claimantSpan: Span | null;
  /** True when the claimant is a description ("its aerospace chief") or a pronoun, resolved later. */
  claimantUnresolved: 'pronoun' | 'description' | null;
  via: { name: string; span: Span }[];
  statedOn: DateMention | null;
  quantity: { value: number; unit: string; span: Span } | null;
  statementSpan: Span;
  /** A responsibility claim "claimed by X" points at the event in its clause. */
  aboutSpan: Span | null;
}

const PRONOUNS = /^(?:he|she|they|it|the spokesman|the spokeswoman|the official|the statement)$/i;

function cleanNp(np: string): string {
  return np
    .replace(/^[\s,"“”]+|[\s,."“”]+$/g, '')
    .replace(/^(?:the|a|an)\s+/i, '')
    .replace(
      /^(?:(?:conservative|semi-official|official|state-run|pro-government|opposition|local)\s+)+/i,
      '',
    );
}

/** Parse a claimant noun phrase: "Brig. Gen. Amirali Hajizadeh", "its aerospace chief", "Iranian media". */
export function parseClaimant(
  np: string,
  actors: ActorMention[],
  npStart: number,
): { claimant: Claimant; unresolved: ClaimMention['claimantUnresolved']; span: Span } {
  const text = cleanNp(np);
  const offset = npStart + np.indexOf(text);
  const span = { start: offset, end: offset + text.length };
  if (PRONOUNS.test(text))
    return { claimant: { name: text, title: null, affiliation: null }, unresolved: 'pronoun', span };
  const actorInNp = actors.find((a) => a.start < span.end && span.start < a.end && 'name' in a.actor);
  const person = PERSON_RX.exec(text);
  // "Syrian Democratic Forces spokesman Farhad Shami": the role runs into the name
  const roleThenName = new RegExp(
    `^(.*\\b(?:spokes(?:man|woman|person)|commander|official|minister|governor|chief|head|leader|director|mayor|general|colonel|envoy|representative))\\s+(${NAME})$`,
    'u',
  ).exec(text);
  if (roleThenName?.[2] && roleThenName[2].split(/\s+/).length >= 2) {
    const name = roleThenName[2];
    const start = offset + text.lastIndexOf(name);
    return {
      claimant: {
        name,
        title: roleThenName[1] ?? null,
        affiliation: actorInNp && 'name' in actorInNp.actor ? actorInNp.actor.name : null,
      },
      unresolved: null,
      span: { start, end: start + name.length },
    };
  }
  // "Iran's armed forces chief of staff, Maj. Gen. Mohammad Bagheri" → the appositive name
  const parts = text.split(/,\s*/);
  if (parts.length >= 2) {
    const named = parts
      .map((p) => ({ p, m: new RegExp(`^(${TITLES})?(${NAME})$`, 'u').exec(p) }))
      .find((x) => x.m && (x.m[1] || x.p.split(/\s+/).length >= 2));
    if (named?.m) {
      const role = parts.filter((p) => p !== named.p).join(', ');
      const start = offset + text.indexOf(named.p);
      return {
        claimant: {
          name: (named.m[2] ?? '').trim(),
          title: [named.m[1]?.trim(), role].filter(Boolean).join(', ') || null,
          affiliation: actorInNp && 'name' in actorInNp.actor ? actorInNp.actor.name : null,
        },
        unresolved: null,
        span: { start, end: start + named.p.length },
      };
    }
  }
  if (
    person &&
    person.index === 0 &&
    person[0].length === text.length &&
    (person[1] || /\s/.test(person[2] ?? ''))
  ) {
    const isActor = actorInNp && actorInNp.start === span.start && actorInNp.end === span.end;
    if (!isActor)
      return {
        claimant: { name: (person[2] ?? '').trim(), title: person[1]?.trim() ?? null, affiliation: null },
        unresolved: null,
        span,
      };
  }
  if (actorInNp && 'name' in actorInNp.actor && actorInNp.end - actorInNp.start >= text.length - 6) {
    return {
      claimant: { name: actorInNp.actor.name, title: null, affiliation: null },
      unresolved: null,
      // "the Extraditables today claimed …": the claimant is the group, not the words around it
      span: { start: Math.max(span.start, actorInNp.start), end: Math.min(span.end, actorInNp.end) },
    };
  }
  if (
    /^(?:its|their|his|her|the group's|a|an)\s/i.test(text) ||
    /\b(?:spokes(?:man|woman|person)|chief|commander|official|officer|minister|governor|source|head|director)\b/i.test(
      text,
    )
  ) {
    const possessor = /^its\s/i.test(text)
      ? null
      : actorInNp && 'name' in actorInNp.actor
        ? actorInNp.actor.name
        : null;
    return {
      claimant: { name: text, title: text, affiliation: possessor },
      unresolved:
        /^(?:its|their|his|her)\s/i.test(text) ||
        /\b(?:chief|commander|spokes\w+|minister|governor|head|director)\b/i.test(text)
          ? 'description'
          : null,
      span,
    };
  }
  return { claimant: { name: text, title: null, affiliation: null }, unresolved: null, span };
}

function findVia(text: string, base: number, exclude: Span | null): { name: string; span: Span }[] {
  const out: { name: string; span: Span }[] = [];
  const rx = new RegExp(OUTLET_RX.source, 'g');
  for (const m of text.matchAll(rx)) {
    const span = { start: base + m.index, end: base + m.index + m[0].length };
    if (exclude && span.start < exclude.end && exclude.start < span.end) continue;
    const name = m[0]
      .replace(/^the\s+/i, '')
      .replace(/^(?:conservative|semi-official|official|pro-government|opposition|local|state-run)\s+/i, '');
    if (name === 'X' && !/\bon X\b/.test(text)) continue;
    if (name === 'AP' && !/\bAP\b/.test(m[0])) continue;
    // "state news agency SANA": the agency's own name says more than the description
    const named =
      /^(?:state|official)\s+(?:news agency|TV|television|media|broadcaster)\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)/.exec(
        text.slice(m.index),
      );
    if (named?.[1]) {
      const at = text.indexOf(named[1], m.index);
      out.push({ name: named[1], span: { start: base + at, end: base + at + named[1].length } });
      continue;
    }
    if (out.some((o) => span.start >= o.span.start && span.end <= o.span.end)) continue;
    out.push({ name: name.replace(/\b(news agency)\b/, 'News Agency'), span });
  }
  return out;
}

/** Before a claim of responsibility: nobody made it ("no one has claimed", "neither claimed nor denied"). */
const NO_CLAIM_BEFORE =
  /\b(?:no one|nobody|no group|no organi[sz]ation|not|never|neither|yet to)\s+(?:(?:has|have|had|yet|so far|officially)\s+){0,2}$/i;

function claimKind(statement: string, verb: string): { kind: ClaimKind; stance: 'assert' | 'deny' } {
  if (
    /\b(?:denied|denies|deny|rejected|dismissed|refuted)\b/i.test(verb + ' ' + statement.slice(0, 60)) ||
    /\b(?:denied|denies)\b/i.test(statement) ||
    /\b(?:no|not|never|did not|didn't|was not|were not)\s+(?:\w+\s+){0,3}?(?:carried out|conducted|launched|struck|involved|responsible|attacked|fired|targeted|took part|clashed|fought|shelled|bombed)\b/i.test(
      statement,
    ) ||
    // "no attack took place": an event said not to have happened
    /\bno\s+(?:such\s+)?(?:attacks?|strikes?|air ?strikes?|raids?|shelling|clash(?:es)?|fighting|bombings?|explosions?|incidents?|operations?)\s+(?:(?:has|had|have)\s+)?(?:took place|taken place|happened|occurred)\b/i.test(
      statement,
    )
  )
    return { kind: 'denial', stance: 'deny' };
  if (
    [
      ...statement.matchAll(
        /\bclaim(?:ed|s)? (?:responsibility|credit)|\bclaimed by\b|\btook responsibility\b|\badmitted (?:responsibility|to (?:carrying out|being behind))/gi,
      ),
    ].some((m) => !NO_CLAIM_BEFORE.test(statement.slice(Math.max(0, m.index - 30), m.index)))
  )
    return { kind: 'responsibility', stance: 'assert' };
  if (
    /\b(?:killed|killing|dead|died|to death|wounded|wounding|injured|injuring|casualties|death toll|toll)\b/i.test(
      statement,
    )
  )
    return { kind: 'casualties', stance: 'assert' };
  if (
    /\b(?:carried out|conducted|launched|struck|hit|targeted|destroyed|used|attacked|shot down|fired|captured|eliminat\w+|operations?)\b/i.test(
      statement,
    )
  )
    return { kind: 'activity', stance: 'assert' };
  if (
    /\b(?:first time|believed?|believes|thinks?|likely|indicat\w+|appear\w*|seems?|assess\w*|probably|estimates?|estimated|hallmarks)\b/i.test(
      statement,
    )
  )
    return { kind: 'assessment', stance: 'assert' };
  return { kind: 'other', stance: 'assert' };
}

function findQuantity(text: string, base: number): ClaimMention['quantity'] {
  for (const n of findNumbers(text)) {
    const after = text.slice(n.end, n.end + 40);
    if (
      /^\s*(?:-|–)?\s*(?:millimet|mm\b|km\b|kilomet|miles?\b|years?\b|months?\b|days?\b|hours?\b|percent|%|am\b|pm\b|a\.m|p\.m)/i.test(
        after,
      )
    )
      continue;
    if (n.value >= 1900 && n.value <= 2100 && !n.approximate) continue; // a year
    const unit =
      /^\s*((?:[a-z-]+\s+){0,2}?(?:strikes|attacks|operations|raids|sorties|missions|airstrikes|bombings|fighters|militants|people|civilians|soldiers|targets|drones|missiles|rockets|killed|dead|tonnes|tons)\b)/i.exec(
        after,
      );
    if (!unit) continue;
    return {
      value: n.value,
      unit: (unit[1] ?? '').trim(),
      span: { start: base + n.start, end: base + n.end },
    };
  }
  return null;
}

/** Find attributed statements in one sentence. */
export function findClaims(sentence: Sentence, actors: ActorMention[], dates: DateMention[]): ClaimMention[] {
  const s = sentence.text;
  const base = sentence.start;
  const out: ClaimMention[] = [];
  if (!ATTRIBUTION_HINT.test(s)) return out;
  const sentenceActors = actors.filter((a) => a.start >= sentence.start && a.end <= sentence.end);
  const datesIn = (span: Span): DateMention | null =>
    dates.find((d) => d.start >= span.start && d.end <= span.end && d.kind === 'point') ?? null;
  const push = (
    np: string,
    npStart: number,
    verb: string,
    statement: Span,
    attribution: Span,
    aboutSpan: Span | null = null,
    forcedKind?: ClaimKind,
  ): boolean => {
    const { claimant, unresolved, span } = parseClaimant(np, sentenceActors, npStart);
    if (!isPlausibleClaimant(claimant.name)) return false;
    const stText = s.slice(statement.start - base, statement.end - base);
    const kindInfo = forcedKind
      ? { kind: forcedKind, stance: forcedKind === 'denial' ? ('deny' as const) : ('assert' as const) }
      : claimKind(stText, verb);
    out.push({
      span: {
        start: Math.min(statement.start, attribution.start),
        end: Math.max(statement.end, attribution.end),
      },
      sentence,
      kind: kindInfo.kind,
      stance: kindInfo.stance,
      claimant,
      claimantSpan: span,
      claimantUnresolved: unresolved,
      via: findVia(s.slice(attribution.start - base, attribution.end - base), attribution.start, span),
      statedOn: datesIn(attribution),
      quantity: findQuantity(stText, statement.start),
      statementSpan: statement,
      aboutSpan,
    });
    return true;
  };

  // 1. "…, NP said/told Y (on DATE)." — the attribution closes the sentence.
  const trailing = TRAILING_RX.exec(s);
  // 2. '"…," said TITLE NAME.' — the speaker after the verb.
  const saidFirst = SAID_FIRST_RX.exec(s);
  // 3. "NP, (role,) said (that) …" — the speaker opens the sentence.
  const leading = LEADING_RX.exec(s);
  // 4. "according to NP"
  const according = /\baccording to ((?:the |a |an )?[^,."]{2,80})/i.exec(s);
  // 5. "NP claimed responsibility (for …)(, in a statement carried by Y)"
  const responsibility = !/\b(?:responsibility|credit)\b/i.test(s)
    ? null
    : /((?:the |a |an )?[\p{Lu}][^,.;"]{1,80}?)\s+(?:has |have |had )?(?:claimed|took|claims) (?:responsibility|credit)\b([^.;]*)/iu.exec(
        s,
      );
  // 6. "… claimed by NP"
  // "similar attacks have been claimed by IS in the past" speaks of other attacks
  const claimedByMatch = /\b(?:was |were )?claimed by ((?:the |a )?[^,.;"]{2,60})/i.exec(s);
  const claimedBy =
    claimedByMatch &&
    !/\b(?:in the past|previously|before|similar|have been claimed|has been claimed)\b/i.test(
      `${s.slice(Math.max(0, claimedByMatch.index - 40), claimedByMatch.index)} ${claimedByMatch[0]}`,
    )
      ? claimedByMatch
      : null;

  if (responsibility) {
    const np = responsibility[1] ?? '';
    const npStart = base + responsibility.index;
    push(
      np,
      npStart,
      'claimed',
      { start: npStart, end: base + responsibility.index + responsibility[0].length },
      { start: npStart, end: base + s.length },
      { start: npStart, end: base + s.length },
      'responsibility',
    );
  }
  if (claimedBy) {
    const np = claimedBy[1] ?? '';
    const npStart = base + claimedBy.index + claimedBy[0].indexOf(np);
    push(
      np,
      npStart,
      'claimed',
      { start: base, end: base + s.length },
      { start: base + claimedBy.index, end: base + claimedBy.index + claimedBy[0].length },
      { start: base, end: base + claimedBy.index },
      'responsibility',
    );
  }
  // The attribution patterns, tried in order: the first that yields a plausible claimant wins.
  const attempts: (() => boolean)[] = [
    () => {
      // '"…," said X' and '…, said Brig. Gen. X, a spokesman for Y.'
      if (!saidFirst) return false;
      const np = saidFirst[3] ?? '';
      const quoted = /["”]/.test(s.slice(0, (saidFirst[1] ?? '').length + 2));
      if (!quoted && !new RegExp(`^(?:${TITLES}|\\p{Lu}[\\p{L}'’-]+\\s+\\p{Lu})`, 'u').test(np)) return false;
      const npStart = base + s.indexOf(np, (saidFirst[1] ?? '').length);
      const quoteEnd = base + (saidFirst[1] ?? '').length;
      return push(
        np,
        npStart,
        saidFirst[2] ?? 'said',
        { start: base, end: quoteEnd },
        { start: quoteEnd, end: base + s.length },
      );
    },
    () => {
      if (
        !trailing ||
        /\b(?:that|which|who)\s*$/i.test(trailing[2] ?? '') ||
        /^(?:in|on|at|for|after|with|from|to|as|during|before|while|and|but)\s/.test(trailing[2] ?? '') ||
        (trailing[1] ?? '').length <= 15
      )
        return false;
      const np = trailing[2] ?? '';
      const npStart = base + s.indexOf(np, (trailing[1] ?? '').length);
      return push(
        np,
        npStart,
        trailing[3] ?? 'said',
        { start: base, end: base + (trailing[1] ?? '').length },
        { start: npStart, end: base + s.length },
      );
    },
    () => {
      if (
        !leading ||
        responsibility ||
        (leading[1] ?? '').split(/\s+/).length > 14 ||
        /\b(?:which|who|that|when|after|the time)\b/i.test(leading[1] ?? '')
      )
        return false;
      let restStart = base + s.lastIndexOf(leading[3] ?? '');
      // "told Hawar news agency that …": whom it was told is part of the attribution (the relay)
      const told = /^(.{2,60}?)\s+that\s+/.exec(leading[3] ?? '');
      if (told && /^(?:told|wrote)$/.test(leading[2] ?? '')) restStart += told[0].length;
      return push(
        leading[1] ?? '',
        base,
        leading[2] ?? 'said',
        { start: restStart, end: base + s.length },
        { start: base, end: restStart },
      );
    },
    () => {
      if (!according || responsibility || claimedBy) return false;
      const np = according[1] ?? '';
      const npStart = base + according.index + according[0].indexOf(np);
      return push(
        np,
        npStart,
        'said',
        { start: base, end: base + s.length },
        { start: base + according.index, end: npStart + np.length },
      );
    },
  ];
  attempts.some((attempt) => attempt());
  // "…, according to the SITE monitoring group": the last link of the relay chain of the sentence's claim
  if (
    according &&
    out.length &&
    !out.some((c) => c.claimantSpan && c.claimantSpan.start >= base + according.index)
  ) {
    const np = cleanRelay(according[1] ?? '');
    const at = base + according.index + according[0].indexOf(np);
    for (const c of out)
      if (!c.via.some((v) => v.name === np))
        c.via.push({ name: np, span: { start: at, end: at + np.length } });
  }
  // "the M23 rebels, who denied any involvement"
  const whoDenied = !/\bwho\s+(?:denied|deny|denies|rejected)\b/i.test(s)
    ? null
    : /((?:the\s+)?[\p{Lu}][\p{L}\d'’-]*(?:\s+[\p{L}\d'’-]+){0,3}),?\s+who\s+(?:denied|deny|denies|rejected)\b[^.;]*/u.exec(
        s,
      );
  if (whoDenied && !out.some((c) => c.kind === 'denial')) {
    const np = whoDenied[1] ?? '';
    const npStart = base + whoDenied.index;
    const span = { start: npStart, end: base + whoDenied.index + whoDenied[0].length };
    push(np, npStart, 'denied', span, span, null, 'denial');
  }
  return out;
}

/** A claimant is a name or a description of a speaker, not a clause ("day of mourning was", "No one"). */
export function isPlausibleClaimant(name: string): boolean {
  if (!name || name.length < 2 || name.split(/\s+/).length > 9) return false;
  if (/^(?:no one|nobody|none|no group|no-one|and|but|or|which|that|it|this)$/i.test(name)) return false;
  if (/\b(?:was|were|is|are|has|have|had|did|does|do|been|not|would|could|will)\b/i.test(name)) return false;
  // "The program failed in part because local leaders": a clause, not a speaker
  if (/\b(?:because|although|though|whereas|unless|failed|said)\b/i.test(name)) return false;
  if (/^(?:and|but|or|while|as|when|after|before|because|if|in|on|at|for|of|to|with|from)\s/i.test(name))
    return false;
  if (
    /^[a-z]/.test(name) &&
    !/\b(?:officials?|police|witness(?:es)?|residents?|sources?|leaders?|elders?|workers?|committees?|mediators?|experts?|army|military|ministry|spokes\w+|commander|governor|agency|media|monitor|observers?|doctors?|medics?|hospital|rescuers?|group|statement|service|office|administration|council|authorities|government|forces|chief|head|official|mayor|rebels?|militants?|coalition|observatory|activists?|analysts?|relatives|villagers|survivors?|TV|television|radio|news)\b/i.test(
      name,
    )
  )
    return false;
  return true;
}

function cleanRelay(np: string): string {
  return np.replace(/^(?:the|a|an)\s+/i, '').trim();
}
