// Stage: toponyms. Candidate spans are runs of capitalised words (with Arabic-style connectors),
// looked up in the gazetteer through folded keys, filtered for people, organisations and common
// words, then resolved with population, feature class and the document's other places.
// Every resolution keeps its candidates and scores as a trace for reviewers.
import type { Span } from '../domain/types.js';
import type { Gazetteer, GazetteerEntry, GazetteerHit } from '../ports/gazetteer.port.js';
import { foldName as foldNameUncached } from '../gazetteer/fold.js';

/** Names recur across a text's mentions and candidates (and across texts): each is folded once. */
const foldCache = new Map<string, string>();
function foldName(name: string): string {
  let f = foldCache.get(name);
  if (f === undefined) {
    f = foldNameUncached(name);
    if (foldCache.size > 50_000) foldCache.clear();
    foldCache.set(name, f);
  }
  return f;
}
import { findNumbers } from './numbers.js';

export type PlaceRole = 'site' | 'reference' | 'context' | 'demonym';

export interface PlaceCandidateTrace {
  key: string;
  name: string;
  countryCode: string;
  score: number;
  reasons: string[];
}

export interface PlaceMention extends Span {
  text: string;
  entry: GazetteerEntry;
  /** site: an event may happen here; reference: "24 km north of X", "bordering X"; context: "Iran's southwest". */
  role: PlaceRole;
  /** The cue before the name ("in", "town of", "near") when there is one. */
  cue: string | null;
  /** "24 km north of X": the offset from this place, with the span of the whole phrase. */
  relative: { distanceKm: number; bearing: string; span: Span } | null;
  /** "Iran's southwest", "northern Syria": a part of the place, region-level. */
  part: string | null;
  trace: PlaceCandidateTrace[];
}

const CONNECTORS = new Set([
  'al',
  'el',
  'ez',
  'az',
  'ad',
  'as',
  'ar',
  'ash',
  'an',
  'de',
  'del',
  'la',
  'le',
  'di',
  'da',
  'du',
  'bin',
  'ibn',
  'abu',
  'bani',
  'beni',
  'ul',
  'es',
  'ed',
  'sur',
  'upon',
]);

/** Capitalised words that are not places even when some village bears the name. */
const STOP = new Set(
  (
    'a an the this that these those he she it they we i you his her its their our my your one two three four five six seven eight nine ten ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december ' +
    'mr mrs ms dr gen brig maj col lt capt sgt president minister ministry spokesman spokeswoman commander chief general colonel major ' +
    'state states guard guards army forces force police military government regime agency news tv radio media times post press ' +
    'islamic revolutionary corps group party front council movement brigade brigades battalion division command coalition alliance union ' +
    'national international united nations un ngo red cross crescent human rights watch amnesty reuters afp ap ' +
    'north south east west northern southern eastern western central upper lower greater new old saint st ' +
    'but and or if when after before while as on in at of for to from by with about during since until over under ' +
    'according sources officials witnesses residents local some many several monitor observatory ' +
    'sunni shia shiite muslim muslims christian christians kurdish kurds arab arabs jihadist jihadists ' +
    'headquarters base airport hospital school mosque church market camp prison district province governorate region village town city ' +
    'sentinel saegheh drone drones missile missiles spring war conflict crisis baath presidential parliament ' +
    'tomahawk homeland gulf red horn lac badia desert valley mount lake river sea bay camp ' +
    'there however all who what where why how im county street road avenue center centre department court house world health ' +
    'office school hospital church university college police fire city hall mr mrs ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun ' +
    'northeast northwest southeast southwest midwest mideast federal free lot god'
  ).split(/\s+/),
);

/**
 * Common given names in English-language news: a capitalised run that starts with one ("George Bush",
 * "Patrick Moore") and is not itself a place is a person.
 */
const GIVEN_NAMES = new Set(
  (
    'James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony ' +
    'Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey ' +
    'Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory ' +
    'Alexander Frank Patrick Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Douglas Zachary ' +
    'Peter Kyle Walter Ethan Jeremy Harold Keith Christian Roger Noah Gerald Carl Terry Sean Austin Arthur ' +
    'Lawrence Jesse Dylan Bryan Joe Jordan Billy Bruce Albert Willie Gabriel Logan Alan Juan Wayne Roy Ralph ' +
    'Randy Eugene Vincent Russell Elijah Louis Bobby Philip Johnny Bill Tom Jim Mike Bob Dave Steve Tony ' +
    'Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Margaret ' +
    'Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah Stephanie Rebecca ' +
    'Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma Nicole Helen Samantha ' +
    'Katherine Christine Debra Rachel Carolyn Janet Catherine Maria Heather Diane Ruth Julie Olivia Joyce ' +
    'Virginia Victoria Kelly Lauren Christina Joan Evelyn Judith Megan Andrea Cheryl Hannah Jacqueline ' +
    'Martha Gloria Teresa Ann Sara Madison Frances Kathryn Janice Jean Abigail Alice Judy Sophia Grace ' +
    'Denise Amber Doris Marilyn Danielle Beverly Isabella Theresa Diana Natalie Brittany Charlotte Marie ' +
    'Kayla Alexis Lori Nadia Wendy Mohammed Muhammad Mohammad Ahmed Ahmad Ali Hassan Hussein Omar Abdul ' +
    'Mahmoud Mustafa Khalid Ibrahim Youssef Yusuf Fatima Aisha Vladimir Sergei Dmitry Igor Olga Natalia'
  ).split(/\s+/),
);

/** Words after a capitalised run that make it an organisation or a person's title, not a place. */
const ORG_FOLLOWERS =
  /^\s*(?:News|news agency|News Agency|Agency|TV|Television|television|Radio|radio|newspaper|Times|Post|Tribune|Herald|Party|Front|Movement|Brigades?|Corps|Council|Ministry|University|Army|Forces|Group|Observatory|Institute|Foundation|Bank|Airways|Airlines|Company|Corporation|Inc|FC|United)\b/;
const TITLE_BEFORE =
  /(?:\b(?:(?:Mr|Mrs|Ms|Dr|Gen|Brig|Maj|Col|Lt|Capt|Sgt|Adm|Gov|Sen)\.?|President|Prime Minister|Minister|Commander|Chief|King|Prince|Sheikh|Imam|Pope|spokesman|spokeswoman|leader|chief|general|colonel|said|says|told|by)\s+)$/;
const SPEECH_BEFORE = /\b(?:said|says|told|by)\s+$/;
const CUE_BEFORE =
  /(?:\b(?:in|at|near|outside|around|from|into|across|toward|towards|on|of|to|inside|within|between|and|via|through|the (?:town|city|village|district|province|governorate|region|area|outskirts|suburb|suburbs|neighbou?rhood|capital|port|port city|centre|center|heart|edge) of|outskirts of|(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)? (?:of )?)\s+(?:the\s+)?(?:(?:eastern|western|northern|southern|central|northeastern|northwestern|southeastern|southwestern)\s+)?(?:\p{Lu}[\p{L}-]*\s+)?(?:(?:town|city|village|district|province|governorate|region|area|capital|port)\s+of\s+)?)$/iu;
const SITE_CUE =
  /\b(?:in|at|near|outside|around|inside|on|into|the (?:town|city|village|district|area|outskirts|suburb|suburbs|neighbou?rhood|capital|port|port city|centre|center|heart|edge) of|outskirts of)\s+(?:the\s+)?(?:(?:eastern|western|northern|southern|central|northeastern|northwestern|southeastern|southwestern)\s+)?(?:\p{Lu}[\p{L}-]*\s+)?(?:(?:town|city|village|district|area|capital|port)\s+of\s+)?$/iu;
const REFERENCE_BEFORE =
  /\b(?:bordering|border with|borders? of|border between|(?:km|kilometers|kilometres|miles)\s+(?:\w+\s+)?(?:of|from)|away from)\s+(?:the\s+)?$/;
const RELATIVE =
  /\b(?:about|some|around|roughly|approximately|nearly)?\s*([\d.,]+|\w+)\s*(?:-|\s)?(km|kilometers|kilometres|kilometre|kilometer|miles|mi)\s+(?:\(\s*[\d.]+\s*miles?\s*\)\s+)?(north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)\s+of\s+$/i;
const LOCATED_AFTER =
  /^,?\s+(?:about\s+|some\s+|around\s+|roughly\s+|approximately\s+|nearly\s+)?[\d.,]+\s*(?:-|\s)?(?:km|kilometers|kilometres|kilometre|kilometer|miles|mi)\s+(?:\(\s*[\d.]+\s*miles?\s*\)\s+)?(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)\s+of\b/i;
const PART_AFTER =
  /^'s\s+(north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west|northern|southern|eastern|western)\b/;
const PART_BEFORE =
  /\b(northern|southern|eastern|western|central|northeastern|northwestern|southeastern|southwestern|north-eastern|north-western|south-eastern|south-western)\s+$/i;

const PERSON_AFTER =
  /^,\s+(?:a|an|the|its|his|her)?\s*(?:\w+\s+){0,3}(?:spokes(?:man|woman|person)|commander|official|officer|minister|governor|head|chief|director|mayor|leader|resident|witness|analyst|researcher|lawmaker|member|doctor|nurse|farmer|teacher|father|mother|brother|sister|son|daughter)\b/i;

// dotted abbreviations ("U.S.", "D.C.", "N.S.W.") are one token; other words run to the next space or stop:
// /(?:\p{Lu}\.){2,}|[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu, read by tokens() one character at a time

/** 0: neither a letter nor a mark; 1: a letter or mark; 2: an upper-case letter. */
const charClasses = new Map<number, number>();
function charClass(cp: number): number {
  if (cp < 128) return cp >= 65 && cp <= 90 ? 2 : cp >= 97 && cp <= 122 ? 1 : 0;
  let k = charClasses.get(cp);
  if (k === undefined) {
    const ch = String.fromCodePoint(cp);
    k = /\p{Lu}/u.test(ch) ? 2 : /[\p{L}\p{M}]/u.test(ch) ? 1 : 0;
    charClasses.set(cp, k);
  }
  return k;
}

/** The text's tokens (see above), as spans: a word's letters, marks, apostrophes and hyphens, or "U.S.". */
function tokens(text: string): Span[] {
  const out: Span[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cp = text.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    const k = charClass(cp);
    if (k === 0) {
      i += w;
      continue;
    }
    if (k === 2) {
      // two or more capitals, each followed by a full stop
      let j = i;
      let dots = 0;
      while (j < n) {
        const c = text.codePointAt(j)!;
        const cw = c > 0xffff ? 2 : 1;
        if (charClass(c) !== 2 || text.charCodeAt(j + cw) !== 46) break;
        j += cw + 1;
        dots++;
      }
      if (dots >= 2) {
        out.push({ start: i, end: j });
        i = j;
        continue;
      }
    }
    let j = i + w;
    while (j < n) {
      const c = text.codePointAt(j)!;
      if (c === 39 || c === 0x2019 || c === 45) j++;
      else if (charClass(c) !== 0) j += c > 0xffff ? 2 : 1;
      else break;
    }
    out.push({ start: i, end: j });
    i = j;
  }
  return out;
}

interface Token extends Span {
  text: string;
}

function isCapitalised(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c >= 65 && c <= 90) return true; // A–Z: the common case, without a regular expression
  if (c >= 97 && c <= 122)
    return (t[2] === '-' || t[3] === '-') && /^(?:al|el|ez|az|ad|as|ar|ash|an)-\p{Lu}/u.test(t);
  return c > 127 && /^\p{Lu}/u.test(t);
}

/** Runs of capitalised tokens separated only by spaces (and lower-case connectors inside). */
function capitalisedRuns(text: string): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  let lastEnd = -1;
  for (const t of tokens(text)) {
    const word = text.slice(t.start, t.end);
    const possessive = word.length > 2 && (word.endsWith("'s") || word.endsWith('’s'));
    const tok = {
      start: t.start,
      end: t.end - (possessive ? 2 : 0),
      text: possessive ? word.slice(0, -2) : word,
    };
    // joined to the run when exactly one space separates it from the token before
    const joined =
      run.length > 0 && tok.start - lastEnd === 1 && (text[lastEnd] === ' ' || text[lastEnd] === '\u00a0');
    const cap = isCapitalised(tok.text);
    const connector = !cap && tok.text.length <= 4 && CONNECTORS.has(tok.text.toLowerCase());
    if (cap || (connector && joined)) {
      if (!joined && run.length) {
        runs.push(run);
        run = [];
      }
      run.push(tok);
    } else if (run.length) {
      runs.push(run);
      run = [];
    }
    lastEnd = tok.end;
    if (possessive) lastEnd = -2; // "Iran's": the possessive ends the run
  }
  if (run.length) runs.push(run);
  // trailing connectors are not part of a name
  return runs
    .map((r) => {
      while (
        r.length &&
        CONNECTORS.has(r[r.length - 1]!.text.toLowerCase()) &&
        !isCapitalised(r[r.length - 1]!.text)
      )
        r.pop();
      return r;
    })
    .filter((r) => r.length > 0);
}

export interface PlaceContext {
  /** Spans already taken by actors (Islamic State) or outlets: not places. */
  blocked: Span[];
  /** Country codes the document is about (outlet hints, actors' countries). */
  hintCountries?: string[];
}

interface Raw extends Span {
  text: string;
  hits: GazetteerHit[];
  cue: string | null;
  role: PlaceRole;
  relative: PlaceMention['relative'];
  part: string | null;
  /** The text just before the name (for the cue checks of the resolver). */
  before: string;
  /** The text just after the name ("… province"). */
  after: string;
}

/** A country or a larger region: named outright, never a namesake's context. */
const isArea = (e: GazetteerEntry): boolean => e.kind === 'country' || e.kind === 'region';

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

function bearingWord(w: string): string {
  return w.toLowerCase().replace('-', '');
}

/** Find and resolve place mentions in a text. */
export function findPlaces(text: string, gazetteer: Gazetteer, ctx: PlaceContext): PlaceMention[] {
  return resolve(candidateMentions(text, gazetteer, ctx), ctx);
}

/** The text's candidate place names with their gazetteer hits, before resolution. */
function candidateMentions(text: string, gazetteer: Gazetteer, ctx: PlaceContext): Raw[] {
  const raws: Raw[] = [];
  // small places' names seen as the later word of a longer name ("Donald Trump"): alone elsewhere in the
  // text ("Trump said") they are that name again
  const inNames = new Set<string>();
  // surnames of people the text introduces with a title, an initial, an age or a role
  const persons = new Set<string>();
  // words the text also writes in lower case ("man", "hill", "commerce"): capitalised, they may still be
  // words, at the start of a sentence or in a title-case headline
  const lowerSeen = new Map<string, boolean>();
  const writtenLower = (word: string): boolean => {
    let seen = lowerSeen.get(word);
    if (seen === undefined) lowerSeen.set(word, (seen = writesLower(text, word)));
    return seen;
  };
  for (const run of capitalisedRuns(text)) {
    const runStart = run[0]!.start;
    const runEnd = run[run.length - 1]!.end;
    // A person: "said Col. Ahmed Hassan", "Taras Hrytsenko, deputy head of …", "Ashley L. Evans",
    // "George Bush"; the surname alone later in the text ("Evans said") is that person again
    const lead = text.slice(Math.max(0, runStart - 40), runStart);
    const givenName =
      run.length >= 2 &&
      GIVEN_NAMES.has(run[0]!.text) &&
      isCapitalised(run[1]!.text) &&
      gazetteer.lookup(foldName(text.slice(runStart, runEnd))).length === 0;
    if (
      givenName ||
      titledPerson(lead, () => gazetteer.lookup(foldName(text.slice(runStart, runEnd)))) ||
      /\b\p{Lu}\p{Ll}+\s+\p{Lu}\.\s+$/u.test(lead) ||
      /^,\s+\d{1,3},/.test(text.slice(runEnd, runEnd + 8)) || // "Juantissa Hill, 24, …"
      (run.length >= 2 && PERSON_AFTER.test(text.slice(runEnd, runEnd + 40)))
    ) {
      persons.add(foldName(run[run.length - 1]!.text.replace(/['’]$/, '')));
      continue;
    }
    // A street is an address, not a place of its own name ("Wichita Street", "Baghdad Road")
    if (
      run.length >= 2 &&
      /^(?:Street|St|Road|Rd|Avenue|Ave|Drive|Lane|Boulevard|Blvd)$/.test(run[run.length - 1]!.text)
    )
      continue;
    // A larger feature named "X of Y" ("Horn of Africa", "Gulf of Aden") is not a settlement.
    if (/^\s+of\s+(?:the\s+)?\p{Lu}/u.test(text.slice(runEnd, runEnd + 20))) continue;
    let i = 0;
    while (i < run.length) {
      let taken = 0;
      for (let len = Math.min(5, run.length - i); len >= 1; len--) {
        const first = run[i]!;
        const last = run[i + len - 1]!;
        if (!isCapitalised(last.text)) continue;
        const span = { start: first.start, end: last.end };
        const surface = text.slice(span.start, span.end);
        const folded = foldName(surface);
        if (!folded || (len === 1 && (surface.length < 2 || STOP.has(surface.toLowerCase())))) continue;
        // Acronyms ("SANA", "SDF") are places only when they name a country or region ("US", "DRC",
        // "EU") or are a division's known abbreviation ("D.C.", "NSW").
        const acronym = /^[A-Z.]{2,6}$/.test(surface);
        if (ctx.blocked.some((b) => overlaps(b, span))) continue;
        const hits = gazetteer
          .lookup(folded)
          .filter(
            (h) => !acronym || isArea(h.entry) || (h.entry.kind === 'admin1' && h.match === 'alternate'),
          );
        if (!hits.length) continue;
        const before = text.slice(Math.max(0, span.start - 80), span.start);
        const after = text.slice(span.end, span.end + 40);
        if (after.startsWith('$')) continue; // a currency: "US$460 million", "NZ$
        // "Fars News Agency" is no place; "Pakistan Army" names its country as a demonym does
        const orgOf = ORG_FOLLOWERS.test(after) && !/^\s*(?:province|governorate|region)/i.test(after);
        if (orgOf && !hits.some((h) => h.entry.kind === 'country' && h.match === 'name')) continue;
        if (titledPerson(before, () => hits)) continue;
        const demonymOnly = orgOf || hits.every((h) => h.match === 'demonym');
        // "in Eastern Ghouta", "near Kurdish-held Kobani": the cue stands before the part words
        const described = i > 0 && run.slice(0, i).every((t) => isDescriptor(t.text, gazetteer));
        const cueText = described ? text.slice(Math.max(0, runStart - 80), runStart) : before;
        const cueMatch = CUE_BEFORE.exec(cueText);
        // "Hajin, 24 km north of Albukamal": a place located from another is a place, and the site
        const located = LOCATED_AFTER.test(after);
        // Without a cue, a name must be well known (a country, a province, a city of 50,000+).
        const strong = hits.some((h) => h.entry.kind !== 'city' || h.entry.population >= 50_000);
        if (!cueMatch && !located && !strong && !demonymOnly) continue;
        // A small place's name inside a longer proper name is a word of that name: "King Nut", "Franklin
        // Elementary", "Mad Cow", "Jose Angel Cordova", "Centers for Disease Control". A well-known place
        // keeps its mention ("Los Angeles Dodgers", "Baghdad police"), and so does one after a part
        // word, a demonym or an "-held" ("Eastern Ghouta", "Kurdish-held Kobani").
        // … and so is one that names a disease ("Ebola virus", "Lassa fever", "Reston virus")
        // … and so is one named after an organisation's "of" ("Chamber of Commerce", "Bank of …")
        const inName =
          (i > 0 && !described) ||
          i + len < run.length ||
          (i === 0 && /\p{Lu}\p{Ll}+\s+of\s+(?:the\s+)?$/u.test(before)) ||
          (len === 1 &&
            writtenLower(surface.toLowerCase()) &&
            !hits.some((h) => isArea(h.entry) || h.entry.kind === 'admin1')) ||
          /^\s+for\s+(?:the\s+)?\p{Lu}/u.test(after) ||
          /^[\s-]+(?:virus|viruses|fever|disease|vaccine|strain)\b/i.test(after);
        if (inName && !/\bof$/.test(cueMatch?.[0].trim() ?? '') && !hits.some(wellKnown)) {
          if (i > 0 || i + len === run.length) inNames.add(folded);
          continue;
        }
        const rel = RELATIVE.exec(before);
        let relative: PlaceMention['relative'] = null;
        if (rel) {
          const n = findNumbers(rel[1] ?? '')[0]?.value ?? Number((rel[1] ?? '').replace(/,/g, ''));
          if (Number.isFinite(n) && n > 0) {
            const km = /mi/i.test(rel[2] ?? '') ? n * 1.609 : n;
            relative = {
              distanceKm: km,
              bearing: bearingWord(rel[3] ?? ''),
              span: { start: span.start - rel[0].length, end: span.end },
            };
          }
        }
        const partAfter = PART_AFTER.exec(text.slice(span.end, span.end + 20));
        const partBefore = PART_BEFORE.exec(before);
        // "The United States said …", "Rwanda denied …": a country speaking is no place of the event
        const speaking =
          /^\s+(?:has\s+|had\s+)?(?:said|says|told|announced|accused|condemned|denied|denies|warned|called|blamed|urged)\b/.test(
            after,
          );
        const role: PlaceRole = demonymOnly
          ? 'demonym'
          : relative || speaking || REFERENCE_BEFORE.test(cueText)
            ? 'reference'
            : partAfter
              ? 'context'
              : SITE_CUE.test(cueText) || located
                ? 'site'
                : 'context';
        raws.push({
          ...span,
          text: surface,
          hits,
          cue: cueMatch ? cueMatch[0].trim() : null,
          role,
          relative,
          part: partAfter ? (partAfter[1] ?? null) : partBefore ? (partBefore[1] ?? '').toLowerCase() : null,
          before: before.slice(-12),
          after: text.slice(span.end, span.end + 24),
        });
        taken = len;
        break;
      }
      i += taken || 1;
    }
  }
  return inNames.size === 0 && persons.size === 0
    ? raws
    : raws.filter((r) => {
        const key = foldName(r.text.replace(/['’]$/, ''));
        // a surname is the person, unless the name is also a country's or a state's
        if (persons.has(key)) return r.hits.some((h) => h.entry.kind !== 'city');
        return !inNames.has(key) || /\bof$/.test(r.cue ?? '') || r.hits.some(wellKnown);
      });
}

const LOWER_WORD = /^\p{Ll}[\p{Ll}\p{M}]+$/u;
const ENDS_IN_LETTER = /[\p{L}\p{M}]$/u;
const STARTS_LOWER = /^[\p{Ll}\p{M}]/u;

/**
 * Whether the text writes `word` as a word in lower case: a whole run of lower-case letters (and marks),
 * two or more, with no letter just before it — found where the word occurs instead of by listing every
 * such run of the text.
 */
function writesLower(text: string, word: string): boolean {
  if (!LOWER_WORD.test(word)) return false;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const end = at + word.length;
    if (at > 0 && ENDS_IN_LETTER.test(text.slice(Math.max(0, at - 2), at))) continue;
    if (end < text.length && STARTS_LOWER.test(text.slice(end, end + 2))) continue;
    return true;
  }
  return false;
}

/**
 * A person's name follows a title or a verb of speech ("Gen. Ahmed", "said Hassan") — but after a verb
 * of speech a country or province named by its own name is the place ("says Turkey fired …").
 */
function titledPerson(before: string, hits: () => GazetteerHit[]): boolean {
  if (!TITLE_BEFORE.test(before)) return false;
  return !(
    SPEECH_BEFORE.test(before) &&
    hits().some((h) => h.match === 'name' && (isArea(h.entry) || h.entry.kind === 'admin1'))
  );
}

/** A name known well enough to stand inside a longer name: a division, a country, a city of 100,000+, by its own name. */
const wellKnown = (h: GazetteerHit): boolean =>
  (h.entry.kind !== 'city' || h.entry.population >= 100_000) && (h.match === 'name' || h.match === 'demonym');

const FUNCTION_WORD =
  /^(?:The|A|An|In|At|On|Of|For|To|From|By|With|And|But|Or|As|After|Before|While|When|If|This|That|These|Those|His|Her|Its|Their|Our|Both|All|Some|Many|Most)$/;

const PART_WORD =
  /^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower|Greater|Downtown|Rural|Old|Outer|Inner|Northeast|Northwest|Southeast|Southwest|Northeastern|Northwestern|Southeastern|Southwestern)$/;

/**
 * A word that may stand before a place in one capitalised run: a part word, "X-held", a demonym, or a
 * function word capitalised at a sentence's start ("The NSW government").
 */
function isDescriptor(word: string, gazetteer: Gazetteer): boolean {
  if (PART_WORD.test(word) || /-\p{Ll}+$/u.test(word) || FUNCTION_WORD.test(word)) return true;
  const hits = gazetteer.lookup(foldName(word));
  return hits.length > 0 && hits.every((h) => h.match === 'demonym');
}

/** Choose one gazetteer entry per mention, using the document's other places. */
function resolve(raws: Raw[], ctx: PlaceContext, forced: ReadonlySet<Raw> = new Set()): PlaceMention[] {
  // Countries named or implied by the text: exact country names and demonyms are unambiguous.
  const docCountries = new Map<string, number>();
  // the actors' countries make a place plausible, but do not pull resolution towards them
  // (Russian forces strike Ukrainian towns)
  const hinted = new Set(ctx.hintCountries ?? []);
  for (const r of raws) {
    for (const h of r.hits) {
      if (h.entry.kind === 'country')
        docCountries.set(h.entry.countryCode, (docCountries.get(h.entry.countryCode) ?? 0) + 1);
    }
  }
  // Provinces and states the text names ("Borno state", "Deir ez-Zor province", "Texas"): the towns in
  // them are the likelier namesakes.
  const namedAdmin1 = new Set<string>();
  for (const r of raws) {
    const provinces = r.hits.filter((h) => h.entry.kind === 'admin1');
    // by its own name, against towns known only by that name as an alternate or too small to count
    const onlyProvince =
      provinces.some((h) => h.match === 'name') &&
      r.hits.every((h) => h.entry.kind !== 'city' || h.match !== 'name' || h.entry.population < 1000);
    if (
      provinces.length &&
      (onlyProvince || /^\s+(?:province|governorate|region|state|oblast)\b/i.test(r.after))
    )
      for (const h of provinces) namedAdmin1.add(`${h.entry.countryCode}|${foldName(h.entry.name)}`);
  }
  // Counties and parishes the text names ("Henry County")
  const namedCounties = new Set(
    raws
      .filter((r) => r.hits.some((h) => h.entry.featureCode === 'ADM2' && h.match === 'name'))
      .map((r) => foldName(r.text)),
  );
  // In the second pass, how many of the document's other names were resolved in each country (a
  // text about Kentucky towns means the Kentucky Paris, a text about Syria the Syrian Homs).
  let votes: Map<string, Set<string>> | null = null;
  // … and in each first-level division ("Richmond" near Lexington and Berea is the Kentucky one)
  const divisionVotes = new Map<string, Set<string>>();
  const divisionOf = (e: GazetteerEntry): string | null =>
    e.kind === 'admin1' ? `${e.countryCode}|${e.name}` : e.admin1 ? `${e.countryCode}|${e.admin1}` : null;
  const score = (r: Raw, h: GazetteerHit, chosen: PlaceMention[]): PlaceCandidateTrace => {
    const reasons: string[] = [];
    const fold = foldName(r.text);
    let s = 0;
    const e = h.entry;
    if (isArea(e)) {
      // a country's own name outweighs a namesake town ("China, Maine"; "Mexico" the country, not its
      // capital nor Mexico, New York) even with all the document's context on the town's side
      s += h.match === 'name' ? 22 : h.match === 'demonym' ? 15 : 9;
      reasons.push('country name');
    } else if (e.kind === 'admin1') {
      // A province usually shares its name with its capital: the town is meant unless the cue says
      // otherwise ("Kidal" is the town unless the text says "Kidal region"), and "Washington" is the
      // nation's capital. A namesake town elsewhere is neither: a state named by its own name outranks it
      // ("California" is the state, not California, Pennsylvania).
      const capital = r.hits.some(
        (o) =>
          o.entry.kind === 'city' &&
          o.entry.countryCode === e.countryCode &&
          (o.entry.admin1 === e.name || o.entry.featureCode === 'PPLC'),
      );
      s += (h.match === 'name' && !capital ? 8 : 5) + Math.log10(e.population + 1) * 0.3;
      reasons.push('first-level division');
      if (
        capital &&
        !/^\s+(?:province|governorate|region|state|oblast|district|department|prefecture)\b/i.test(r.after) &&
        !/province|governorate|region/.test(r.cue ?? '')
      ) {
        s -= 2.5;
        reasons.push('named without "province" or "region"');
      }
    } else {
      s += Math.log10(e.population + 10);
      reasons.push(`population ${e.population}`);
      if (/^PPL(C|A)$/.test(e.featureCode)) {
        s += 1;
        reasons.push(`feature ${e.featureCode}`);
      }
    }
    if (h.match === 'alternate') {
      s -= 0.5;
      reasons.push('alternate name');
    } else if (h.match === 'skeleton') {
      s -= 2;
      reasons.push('loose spelling');
    }
    // containment: "Pokrovsk in Donetsk region", "Hajin, Deir ez-Zor"
    const container = raws.find(
      (o) =>
        o.start >= r.end &&
        o.start - r.end <= 12 &&
        /^(?:,|\s+in|\s+of)?\s*(?:the\s+)?$/i.test(o.before.slice(-(o.start - r.end))),
    );
    if (container && e.kind === 'city') {
      const inside = container.hits.some(
        (c) =>
          (c.entry.kind === 'admin1' &&
            c.entry.countryCode === e.countryCode &&
            e.admin1 !== null &&
            foldName(c.entry.name) === foldName(e.admin1)) ||
          (c.entry.kind === 'country' && c.entry.countryCode === e.countryCode),
      );
      if (inside) {
        s += 4;
        reasons.push(`inside ${container.text}`);
      }
    }
    // a division that holds the town named just before it: "Atlanta, Georgia" is the US state, whatever
    // the country of that name
    if (e.kind === 'admin1') {
      const held = raws.find(
        (o) =>
          o.end <= r.start &&
          r.start - o.end <= 3 &&
          /^,\s*$/.test(r.before.slice(-(r.start - o.end))) &&
          o.hits.some(
            (c) =>
              c.entry.kind === 'city' && c.entry.countryCode === e.countryCode && c.entry.admin1 === e.name,
          ),
      );
      if (held) {
        s += 15;
        reasons.push(`holds ${held.text}, named just before`);
      }
    }
    // a county the text names holds the town ("Paris" beside "Henry County": Paris, Tennessee), and the
    // county is the one that holds a town the text names
    if (
      e.kind === 'city' &&
      e.featureCode !== 'ADM2' &&
      e.admin2 &&
      foldName(e.admin2) !== fold &&
      namedCounties.has(foldName(e.admin2))
    ) {
      s += 3;
      reasons.push(`in ${e.admin2}, named in the text`);
    }
    if (
      e.featureCode === 'ADM2' &&
      h.match === 'name' &&
      raws.some(
        (o) =>
          foldName(o.text) !== fold &&
          o.hits.some(
            (c) =>
              c.entry.kind === 'city' &&
              c.entry.featureCode !== 'ADM2' &&
              c.entry.countryCode === e.countryCode &&
              c.entry.admin1 === e.admin1 &&
              c.entry.admin2 === e.name,
          ),
      )
    ) {
      s += 3;
      reasons.push(`holds a town the text names`);
    }
    if (e.kind === 'city' && e.admin1 && namedAdmin1.has(`${e.countryCode}|${foldName(e.admin1)}`)) {
      s += 3;
      reasons.push(`in ${e.admin1}, named in the text`);
    }
    const inDoc = docCountries.get(e.countryCode) ?? 0;
    if (!inDoc && hinted.has(e.countryCode) && e.kind !== 'country') {
      s += 2;
      reasons.push(`an actor of ${e.countryCode} is named`);
    }
    if (inDoc && e.kind !== 'country') {
      s += 3 + Math.min(inDoc, 3);
      reasons.push(`country ${e.countryCode} named in the text`);
    }
    const near = votes
      ? [...(votes.get(e.countryCode) ?? [])].filter((t) => t !== fold).length
      : chosen.filter((c) => c.entry.kind !== 'country' && c.entry.countryCode === e.countryCode).length;
    if (near && !isArea(e)) {
      s += Math.min(near, 3);
      reasons.push(`${near} other place(s) in ${e.countryCode}`);
    }
    const division = votes && e.kind === 'city' ? divisionOf(e) : null;
    const sameDivision = division
      ? [...(divisionVotes.get(division) ?? [])].filter((t) => t !== fold).length
      : 0;
    if (sameDivision) {
      s += Math.min(sameDivision, 3);
      reasons.push(`${sameDivision} other place(s) in ${e.admin1 ?? ''}`);
    }
    // "Georgia" in a text about American towns is the state, not the country (but "Mexico" in a text
    // about Mexican towns is the country, not the state of México)
    if (
      votes &&
      near >= 2 &&
      e.kind === 'admin1' &&
      r.hits.some((o) => o.entry.kind === 'country' && o.entry.countryCode !== e.countryCode)
    ) {
      const most = Math.max(...[...votes.values()].map((v) => v.size));
      if ((votes.get(e.countryCode)?.size ?? 0) >= most) {
        s += 12;
        reasons.push(`a division of ${e.countryCode}, where the text's places are`);
      }
    }
    if (r.cue && /province|governorate|region/.test(r.cue) && e.kind === 'admin1') {
      s += 3;
      reasons.push('cue names a province');
    }
    if (/(?:town|city|village) of/.test(r.cue ?? '') && e.kind === 'city') {
      s += 3;
      reasons.push('cue names a town');
    }
    return {
      key: e.key,
      name: e.name,
      countryCode: e.countryCode,
      score: Math.round(s * 100) / 100,
      reasons,
    };
  };
  const pass = (): PlaceMention[] => {
    const out: PlaceMention[] = [];
    // Countries and demonyms first, then the rest with what is known.
    const order = [...raws].sort(
      (a, b) =>
        Number(b.hits.some((h) => h.entry.kind === 'country')) -
        Number(a.hits.some((h) => h.entry.kind === 'country')),
    );
    for (const r of order) {
      const traces = r.hits.map((h) => ({ h, t: score(r, h, out) })).sort((a, b) => b.t.score - a.t.score);
      const explicit =
        /(?:town|city|village|district|province|governorate|region|area|centre|center|heart|outskirts|suburbs?) of/.test(
          r.cue ?? '',
        );
      const plainCue = r.role === 'site' && !/\bthe\s*$/i.test(r.cue ?? '') && !/\bthe\s+$/i.test(r.before);
      const acceptable = (e: GazetteerEntry): boolean => {
        if (isArea(e) || docCountries.has(e.countryCode) || hinted.has(e.countryCode)) return true;
        // a country where another of the text's names was placed counts as named
        if ((votes?.get(e.countryCode)?.size ?? 0) >= 1) return true;
        // a province of a country the text never names is a coincidence of names ("the Red Sea"), unless
        // it is a populous one named by its own name ("California", "Punjab")
        if (e.kind === 'admin1')
          return (
            /province|governorate|region/.test(r.cue ?? '') ||
            (r.hits.some((o) => o.entry === e && o.match === 'name') && e.population >= 1_000_000)
          );
        // a small place in a country the text never mentions is more likely a word than a place
        return explicit || (plainCue && e.population >= 5000) || e.population >= 500_000;
      };
      // a forced mention (a span given by the caller) is known to be a place: its best candidate wins
      const best = forced.has(r) ? traces[0] : traces.find((x) => acceptable(x.h.entry));
      if (!best) continue;
      out.push({
        start: r.start,
        end: r.end,
        text: r.text,
        entry: best.h.entry,
        role: r.role,
        cue: r.cue,
        relative: r.relative,
        part: r.part,
        trace: traces.slice(0, 5).map((x) => x.t),
      });
    }
    return out;
  };
  const first = pass();
  // Second pass: every name now sees where all the others (not only the earlier ones) were placed.
  votes = new Map();
  for (const m of first) {
    if (isArea(m.entry)) continue;
    const v = votes.get(m.entry.countryCode) ?? new Set<string>();
    v.add(foldName(m.text));
    votes.set(m.entry.countryCode, v);
    const division = divisionOf(m.entry);
    if (division)
      divisionVotes.set(division, (divisionVotes.get(division) ?? new Set()).add(foldName(m.text)));
  }
  return pass().sort((a, b) => a.start - b.start);
}

/**
 * Resolve the given spans only (resolution-only geoparsing): one result per span, in order, scored as
 * findPlaces scores, with the document's other place names as context; null when no candidate is known.
 */
export function resolveSpans(
  text: string,
  gazetteer: Gazetteer,
  spans: readonly Span[],
  ctx: PlaceContext,
): (PlaceMention | null)[] {
  const found = candidateMentions(text, gazetteer, ctx);
  const given: Raw[] = spans.map((span) => {
    const same = found.find((r) => r.start === span.start && r.end === span.end);
    if (same) return same;
    const surface = text.slice(span.start, span.end);
    const name = surface.replace(/^the\s+/i, '').replace(/['’]s$/, '');
    let hits = gazetteer.lookup(foldName(name));
    // "Bulacan province", "New York City": fall back to the name without a trailing generic word
    if (!hits.length) {
      const bare = name.replace(/\s+(?:city|province|state|county|region|district|governorate)$/i, '');
      if (bare !== name) hits = gazetteer.lookup(foldName(bare));
    }
    // "Palestinians", "Russians": the people of a country, as a demonym
    if (!hits.length && /[^s]s$/.test(name))
      hits = gazetteer.lookup(foldName(name.slice(0, -1))).filter((h) => h.match === 'demonym');
    // a feature the gazetteer lacks, named after a place it has: "Colorado State University", "Port of
    // Los Angeles", "Dubai World Cup", "Miami-Dade" — the longest known place inside the name stands in
    if (!hits.length) hits = placeInside(name, gazetteer);
    const before = text.slice(Math.max(0, span.start - 80), span.start);
    const cue = CUE_BEFORE.exec(before);
    const partAfter = PART_AFTER.exec(text.slice(span.end, span.end + 20));
    return {
      ...span,
      text: surface,
      hits,
      cue: cue ? cue[0].trim() : null,
      role:
        hits.length && hits.every((h) => h.match === 'demonym')
          ? 'demonym'
          : SITE_CUE.test(before)
            ? 'site'
            : 'context',
      relative: null,
      part: partAfter ? (partAfter[1] ?? null) : null,
      before: before.slice(-12),
      after: text.slice(span.end, span.end + 24),
    };
  });
  const givenSet = new Set(given);
  const others = found.filter((r) => !givenSet.has(r) && !spans.some((s) => overlaps(s, r)));
  const resolved = resolve([...others, ...given], ctx, givenSet);
  return given.map((r) => resolved.find((m) => m.start === r.start && m.end === r.end) ?? null);
}

/** The gazetteer hits of the longest run of words inside a name that the gazetteer knows. */
function placeInside(name: string, gazetteer: Gazetteer): GazetteerHit[] {
  const words = name.split(/[\s-]+/).filter(Boolean);
  for (let len = words.length - 1; len >= 1; len--) {
    for (let i = 0; i + len <= words.length; i++) {
      const part = words.slice(i, i + len).join(' ');
      if (!/^\p{Lu}/u.test(part) || (len === 1 && STOP.has(part.toLowerCase()))) continue;
      const hits = gazetteer.lookup(foldName(part));
      if (hits.length) return hits;
    }
  }
  return [];
}

const BEARINGS: Record<string, number> = {
  north: 0,
  northeast: 45,
  east: 90,
  southeast: 135,
  south: 180,
  southwest: 225,
  west: 270,
  northwest: 315,
};

/** The point `km` away from (lat, lon) in a compass direction. */
export function offsetPoint(
  lat: number,
  lon: number,
  km: number,
  bearing: string,
): { lat: number; lon: number } {
  const deg = BEARINGS[bearing] ?? 0;
  const R = 6371;
  const br = (deg * Math.PI) / 180;
  const φ1 = (lat * Math.PI) / 180;
  const λ1 = (lon * Math.PI) / 180;
  const δ = km / R;
  const φ2 = Math.asin(Math.sin(φ1) * Math.cos(δ) + Math.cos(φ1) * Math.sin(δ) * Math.cos(br));
  const λ2 =
    λ1 + Math.atan2(Math.sin(br) * Math.sin(δ) * Math.cos(φ1), Math.cos(δ) - Math.sin(φ1) * Math.sin(φ2));
  return {
    lat: Math.round(((φ2 * 180) / Math.PI) * 1e5) / 1e5,
    lon: Math.round(((λ2 * 180) / Math.PI) * 1e5) / 1e5,
  };
}

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const x =
    Math.sin(((lat2 - lat1) * r) / 2) ** 2 +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(x)));
}
