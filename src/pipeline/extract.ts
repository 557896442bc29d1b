// The extraction pipeline: small stages over spans of one text, in this order —
//   sentences → dates → actors → places → weapons → fatalities → triggers (gated) → event drafts
//   → in-document merge → claims (resolved, merged, linked) → evidence.
// Pure: the only dependency is the gazetteer port.
import type {
  DateRange,
  EventActor,
  Evidence,
  EvidenceField,
  ExtractedClaim,
  ExtractedEvent,
  Extraction,
  Fatalities,
  IsoDate,
  Place,
  Span,
  SpanText,
  Weapon,
} from '../domain/types.js';
import type { Gazetteer } from '../ports/gazetteer.port.js';
import { actorName, armedGroupSpans, findActorMentions, type ActorMention } from './actors.js';
import { findClaims, type ClaimMention } from './claims.js';
import { findDates, type DateMention } from './dates.js';
import { combineFatalities, findFatalities, type FatalityMention } from './fatalities.js';
import { GATES, isAnaphoric } from './gates.js';
import { findPlaces, offsetPoint, type PlaceMention } from './places.js';
import { splitClauses, splitSentences, type Sentence } from './sentences.js';
import { findTriggers, type TriggerFamily, type TriggerMention } from './triggers.js';
import {
  findTargetPhrases,
  findTargets,
  findVictims,
  withFullName,
  type SpanMention,
  type VictimMention,
} from './targets.js';
import { settleType } from './typing.js';
import { findWeapons, isSeizedWeapon, type WeaponMention } from './weapons.js';

export const PIPELINE_VERSION = 'docket-extract/1';

export interface ExtractInput {
  text: string;
  published: IsoDate | null;
  outlet?: string | null;
  title?: string | null;
  url?: string | null;
}

export interface PipelineDeps {
  gazetteer: Gazetteer;
}

interface Draft {
  sentence: Sentence;
  trigger: TriggerMention;
  family: TriggerFamily;
  window: Span;
  event: Omit<ExtractedEvent, 'id'>;
  explicitDate: boolean;
  placeLevel: number; // 3 city, 2 relative/admin, 1 country, 0 none
}

const inside = (s: Span, w: Span): boolean => s.start >= w.start && s.end <= w.end;
const ev = (text: string, field: EvidenceField, span: Span): Evidence => ({
  field,
  start: span.start,
  end: span.end,
  text: text.slice(span.start, span.end),
});

function placeFrom(m: PlaceMention): Place {
  const e = m.entry;
  const base: Place = {
    name: e.name,
    geonameId: e.geonameId,
    lat: e.lat,
    lon: e.lon,
    countryCode: e.countryCode,
    country: e.country,
    admin1: e.admin1,
    admin2: e.admin2,
    featureCode: e.featureCode,
    geoPrecision: 1,
    wherePrec: 1,
    uncertaintyKm: 5,
  };
  if (e.kind === 'admin1')
    return { ...base, admin1: e.name, geoPrecision: 3, wherePrec: 4, uncertaintyKm: 100 };
  if (e.kind === 'region')
    return { ...base, countryCode: '', geoPrecision: 3, wherePrec: 7, uncertaintyKm: 1500 };
  if (e.kind === 'country') {
    const part = m.part ? `${m.part.replace(/ern$/, '')} ` : '';
    return {
      ...base,
      name: part ? `${e.name} (${part.trim()})` : e.name,
      geoPrecision: 3,
      wherePrec: part ? 5 : 6,
      uncertaintyKm: 500,
    };
  }
  return base;
}

function relativePlace(m: PlaceMention): Place {
  const rel = m.relative!;
  const p = offsetPoint(m.entry.lat, m.entry.lon, rel.distanceKm, rel.bearing);
  return {
    ...placeFrom(m),
    name: `${Math.round(rel.distanceKm)} km ${rel.bearing} of ${m.entry.name}`,
    geonameId: null,
    lat: p.lat,
    lon: p.lon,
    geoPrecision: 2,
    wherePrec: 2,
    uncertaintyKm: Math.max(5, rel.distanceKm * 0.25),
    reference: {
      name: m.entry.name,
      geonameId: m.entry.geonameId,
      distanceKm: rel.distanceKm,
      bearing: rel.bearing,
    },
  };
}

const placeLevel = (m: PlaceMention | null): number =>
  !m ? 0 : m.entry.kind === 'city' ? 3 : m.entry.kind === 'admin1' ? 2 : 1;

/** The place an event happened at, from the mentions in its window (reference points excluded). */
function chooseLocation(
  window: PlaceMention[],
): { place: Place; mention: PlaceMention; level: number } | null {
  const sites = window.filter((p) => p.role === 'site' || p.role === 'context');
  const towns = sites.filter((p) => p.entry.kind === 'city');
  const pick =
    towns.find((p) => p.role === 'site') ??
    towns[0] ??
    sites.find((p) => p.entry.kind === 'admin1') ??
    sites.find((p) => p.entry.kind === 'country' && p.role === 'site') ??
    sites.find((p) => p.entry.kind === 'country');
  if (pick) {
    const place = placeFrom(pick);
    const rel = window.find((p) => p.relative && p.start > pick.end);
    if (rel?.relative && pick.entry.kind === 'city') {
      place.reference = {
        name: rel.entry.name,
        geonameId: rel.entry.geonameId,
        distanceKm: rel.relative.distanceKm,
        bearing: rel.relative.bearing,
      };
    }
    return { place, mention: pick, level: placeLevel(pick) };
  }
  const rel = window.find((p) => p.relative);
  if (rel) return { place: relativePlace(rel), mention: rel, level: 2 };
  return null;
}

export function extract(input: ExtractInput, deps: PipelineDeps): Extraction {
  const { text, published } = input;
  const notes: Extraction['notes'] = [];
  const sentences = splitSentences(text);
  const dates = findDates(text, published);
  const actors = findActorMentions(text);
  const hintCountries = actors.flatMap((a) =>
    'name' in a.actor && a.actor.countryCode ? [a.actor.countryCode] : [],
  );
  const places = findPlaces(text, deps.gazetteer, {
    blocked: actors.filter((a) => !a.anaphoric).map((a) => ({ start: a.start, end: a.end })),
    hintCountries,
  });
  const weapons = findWeapons(text);
  const fatalities = findFatalities(text);
  const triggers = findTriggers(text, armedGroupSpans(actors));
  const docCountry = mostMentionedCountry(places);

  const drafts: Draft[] = [];
  const anaphoricRefs: { trigger: TriggerMention; sentence: Sentence }[] = [];
  const backRefs: { trigger: TriggerMention; window: Span }[] = [];
  for (const sentence of sentences) {
    const clauses = splitClauses(sentence);
    const perClause = clauses.map((c) => {
      const inClause = triggers.filter((t) => inside(t, c));
      inClause.sort((a, b) => b.rule.priority - a.rule.priority || a.start - b.start);
      return { clause: c, trigger: inClause[0] ?? null };
    });
    // "…, killing four demonstrators": a result clause tells the outcome of the event before it, so a
    // trigger word inside it ("demonstrators", "attackers") starts no event of its own.
    perClause.forEach((p, i) => {
      if (
        i > 0 &&
        p.trigger &&
        perClause.slice(0, i).some((q) => q.trigger) &&
        RESULT_CLAUSE.test(text.slice(p.clause.start, p.clause.end)) &&
        p.trigger.rule.priority < 62
      )
        p.trigger = null;
    });
    perClause.forEach(({ clause, trigger }, i) => {
      if (!trigger) return;
      // The window runs on through following clauses that have no trigger of their own ("…, killing 12").
      let end = clause.end;
      for (let j = i + 1; j < perClause.length && !perClause[j]!.trigger; j++) end = perClause[j]!.clause.end;
      const window = { start: clause.start, end };
      const before = text.slice(clause.start, trigger.start);
      const after = text.slice(trigger.start, end);
      // "…, Hassan told Levant Wire on Wednesday": a date in the attribution dates the statement, not the event
      const datesIn = (w: Span): DateMention[] =>
        dates.filter(
          (d) => inside(d, w) && !ATTRIBUTION_DATE.test(text.slice(Math.max(w.start, d.start - 50), d.start)),
        );
      let windowDates = datesIn(window);
      // "The conflict began in 2012, when jihadists captured Gao": a when-clause happens at the time of
      // the clause it hangs on
      const host = perClause[i - 1]?.clause;
      if (!windowDates.length && host && /^when\b/i.test(text.slice(clause.start, clause.end)))
        windowDates = datesIn(host);
      const gateInput = {
        before,
        after,
        sentence: sentence.text,
        dates: windowDates,
        published,
        triggerStart: trigger.start,
      };
      for (const gate of GATES) {
        const reason = gate(gateInput);
        if (reason) {
          notes.push({ span: { start: trigger.start, end: trigger.end }, text: trigger.text, reason });
          return;
        }
      }
      const windowPlaces = places.filter((p) => inside(p, window));
      // "the attack", "the strikes": a reference back, even when the clause adds a place or time
      const definite =
        /\b(?:the|these|those|this|that)\s+(?:\w+\s+)?$/i.test(before) &&
        !/\b(?:in|on|at|of|for|to)\s+the\s+(?:\w+\s+)?$/i.test(before);
      const hasNewAnchor =
        !definite &&
        (windowDates.some((d) => d.kind === 'point') ||
          windowPlaces.some((p) => p.role === 'site' && p.entry.kind === 'city'));
      if (isAnaphoric(gateInput) && !hasNewAnchor && drafts.length > 0) {
        anaphoricRefs.push({ trigger, sentence });
        backRefs.push({ trigger, window });
        notes.push({
          span: { start: trigger.start, end: trigger.end },
          text: trigger.text,
          reason: 'refers to an event already told',
        });
        return;
      }
      const draft = buildDraft(text, sentence, trigger, window, {
        dates: windowDates,
        places: windowPlaces,
        // A participle clause ("…, killing 12") keeps the subject of the clause before it.
        actors: actors.filter(
          (a) =>
            inside(a, window) ||
            (i > 0 &&
              /^(?:killing|wounding|leaving|which|who|and then|while|as)\b/i.test(
                text.slice(clause.start, clause.end),
              ) &&
              inside(a, sentence) &&
              a.end <= clause.start),
        ),
        // arms seized or found are no weapons of this event, unless the seizure is the event
        weapons: weapons.filter(
          (w) =>
            inside(w, window) &&
            (trigger.rule.subEventType === 'Disrupted weapons use' || !isSeizedWeapon(text, w)),
        ),
        fatalities: fatalities.filter((f) => inside(f, window)),
        // read only where an event is: most of a report is not
        // harm to persons ("killed", "kidnapped") hits no building or vehicle unless one is named as what was
        // attacked; an explosion, arson or sabotage hits what the clause names
        targets: inWindow(text, window, HARMS_PERSONS.test(trigger.text) ? findTargets : findTargetPhrases),
        victims: victimsIn(text, window),
        published,
        docCountry,
      });
      if (!draft) {
        notes.push({
          span: { start: trigger.start, end: trigger.end },
          text: trigger.text,
          reason: 'no time, place or actor anchors it',
        });
        return;
      }
      // "It struck a residential district, killing two": the same event, told on.
      const previous = drafts[drafts.length - 1];
      // "Three civilians were killed, an official said.": a toll told after the event, no new time or place
      const tollOnly =
        /^(?:killed|died|dead|slain)$/i.test(trigger.text) &&
        !draft.explicitDate &&
        (!draft.event.location ||
          draft.placeLevel < 3 ||
          placesCompatible(previous?.event.location ?? null, draft.event.location));
      if (
        previous &&
        sentence.index - previous.sentence.index <= 1 &&
        (CONTINUATION.test(before) || tollOnly)
      ) {
        continueDraft(previous, draft);
        return;
      }
      drafts.push(draft);
    });
  }
  // "Nobody was killed, the city said.": a toll told in a sentence of its own belongs to the event before.
  for (const sentence of sentences) {
    if (drafts.some((d) => d.sentence.index === sentence.index)) continue;
    const tolls = fatalities.filter((f) => inside(f, sentence) && !f.aggregate);
    const previous = [...drafts].reverse().find((d) => d.sentence.index < sentence.index);
    if (
      !tolls.length ||
      !previous ||
      sentence.index - previous.sentence.index > 1 ||
      previous.event.fatalities
    )
      continue;
    previous.event.fatalities = combineFatalities(tolls);
    for (const f of tolls) previous.event.evidence.push(ev(text, 'fatalities', f));
  }

  // "the explosion of 300 kg of dynamite destroyed …": the weapon told where the report refers back to a
  // violent event already told is that event's (the last one told before it, of the same kind)
  for (const ref of backRefs) {
    if (FAMILY_GROUP[ref.trigger.rule.family] !== 'violence') continue;
    const previous = [...drafts]
      .reverse()
      .find((d) => d.trigger.start < ref.trigger.start && FAMILY_GROUP[d.family] === 'violence');
    if (!previous) continue;
    const e = previous.event;
    for (const w of weapons) {
      if (!inside(w, ref.window) || isSeizedWeapon(text, w)) continue;
      if (e.evidence.some((x) => x.field === 'weapons' && x.start === w.start)) continue;
      if (!e.weapons.some((x) => x.kind === w.kind)) e.weapons.push({ kind: w.kind, count: w.count });
      e.evidence.push(ev(text, 'weapons', w));
    }
    const harmsPersons = HARMS_PERSONS.test(ref.trigger.text);
    mergeSpanTexts(e, {
      ...e,
      targets: inWindow(text, ref.window, harmsPersons ? findTargets : findTargetPhrases).map(spanText),
      victims: victimsIn(text, ref.window).map((v) => ({ ...spanText(v), kind: v.kind })),
    });
  }

  // "The victims were identified as X and Y.", "Z was among those killed.": a person named as harmed in a
  // sentence that starts no event of its own is a victim of the violent event told just before
  for (const sentence of sentences) {
    if (drafts.some((d) => d.sentence.index === sentence.index)) continue;
    const previous = [...drafts]
      .reverse()
      .find((d) => d.sentence.index < sentence.index && FAMILY_GROUP[d.family] === 'violence');
    if (!previous || sentence.index - previous.sentence.index > 3) continue;
    const named = victimsIn(text, sentence).filter((v) => v.kind === 'name');
    if (named.length)
      mergeSpanTexts(previous.event, {
        ...previous.event,
        targets: [],
        victims: named.map((v) => ({ ...spanText(v), kind: v.kind })),
      });
  }

  // "A man and a woman were seen leaving a suitcase near the gate.": people told placing or leaving a device,
  // in a sentence that starts no event of its own, are the doers of the violent event told just before
  for (const m of actors) {
    if (!m.doer || drafts.some((d) => inside(m, d.window))) continue;
    const at = sentences.find((s) => inside(m, s))?.index ?? -1;
    const violent = drafts.filter((d) => FAMILY_GROUP[d.family] === 'violence');
    const target = [...violent].reverse().find((d) => d.sentence.index < at && at - d.sentence.index <= 3);
    if (!target) continue;
    joinAsDoer(text, target.event, m, /^terrorists?$/i);
  }

  // "the killing of six priests, carried out by uniformed men, …": the party told as having carried out a
  // violent act is its doer, wherever the report tells it; it is a better name for the doers than a word
  // that tells only their side ("guerrillas")
  for (const cue of text.matchAll(CARRIED_OUT_BY)) {
    const from = cue.index + cue[0].length;
    const m = actors.find((a) => a.start === from);
    if (!m || !m.actor.armed || drafts.some((d) => inside(m, d.window) && d.window.start <= cue.index))
      continue;
    const violent = drafts.filter((d) => FAMILY_GROUP[d.family] === 'violence');
    const target = [...violent].reverse().find((d) => d.trigger.start < cue.index) ?? violent[0];
    if (target) joinAsDoer(text, target.event, m, SIDE_LABEL);
  }

  const merged = mergeDrafts(drafts, published, docCountry, notes);
  const events: ExtractedEvent[] = merged.map((d, i) => ({ id: `e${i + 1}`, ...d.event }));
  const claims = buildClaims(text, sentences, actors, dates, events, merged, anaphoricRefs);
  for (const c of claims) for (const id of c.eventIds) events.find((e) => e.id === id)?.claimIds.push(c.id);
  return {
    source: { published, outlet: input.outlet ?? null, title: input.title ?? null, url: input.url ?? null },
    events,
    claims,
    notes,
  };
}

/** "carried out by", "perpetrated by", "committed by": the doer of the act follows. */
const CARRIED_OUT_BY =
  /\b(?:carried out|perpetrated|committed|detonated|placed|planted|set off|thrown|hurled|staged|planned|ordered|masterminded|(?:was|were|been)\s+(?:murdered|killed|assassinated|kidnapp?ed|abducted|shot(?: to death| dead)?|machine-?gunned|gunned down)(?:\s+(?:on|in|at|near|last|early|late)(?:\s+[\w-]+){1,3}?)?)\s+by\s+(?:the\s+)?(?:(?:a|an)\s+(?:(?:group|band|gang|squad|commando)\s+of\s+)?)?/gi;
/** Words for the doers that tell only their side, which a fuller description told of them replaces. */
const SIDE_LABEL = /^(?:terrorists?|guerrillas|rebels|insurgents|fighters)$/i;

/** Adds a party told apart from the event's clause as one of its doers: actor1 when the event has none,
 * else an associate; where the event has the same party already under a mention that `replaces` matches,
 * the new mention names it instead. */
function joinAsDoer(text: string, e: Draft['event'], m: ActorMention, replaces: RegExp): void {
  const name = actorName(m, e.location?.country ?? null, e.location?.countryCode ?? null);
  const have = e.actors.find((x) => x.name === name);
  if (have && !replaces.test(have.mention)) return;
  if (have) have.mention = m.text;
  else {
    const def = 'name' in m.actor ? m.actor : null;
    e.actors.push({
      name,
      short: def?.short ?? null,
      countryCode: def?.countryCode ?? e.location?.countryCode ?? null,
      inter: m.actor.inter,
      role: e.actors.some((x) => x.role === 'actor1') ? 'associate' : 'actor1',
      mention: m.text,
    });
  }
  e.evidence.push(ev(text, 'actors', m));
}

/** A date right after a verb of saying belongs to the statement ("said on Tuesday", "told Fars on Tuesday"). */
const ATTRIBUTION_DATE =
  /\b(?:said|says|told|announced|reported|added|stated|confirmed|wrote|tweeted)(?:\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*){0,4}(?:\s+(?:by phone|by telephone|in a statement|in an interview|in a video|late|early))?\s+$/u;

/** Runs a span finder on a window (with a little context either side) and keeps what lies inside it. */
function inWindow<T extends Span>(text: string, w: Span, find: (s: string) => T[]): T[] {
  const from = Math.max(0, w.start - 60);
  const to = Math.min(text.length, w.end + 20);
  const out: T[] = [];
  for (const m of find(text.slice(from, to))) {
    const shifted = { ...m, start: m.start + from, end: m.end + from };
    if (inside(shifted, w)) out.push(shifted);
  }
  return out;
}

/** The victims told in a window, names as the report first told them in full ("delgado parker" → "hector
 * delgado parker"; a surname alone only so). */
function victimsIn(text: string, w: Span): VictimMention[] {
  return inWindow(text, w, findVictims).flatMap((v) => {
    if (v.kind !== 'name') return [v];
    const full = withFullName(text, v);
    return full ? [full] : [];
  });
}

/** A participle clause that tells what the event before it did ("killing 12", "wounding four", "leaving …"). */
const RESULT_CLAUSE = /^(?:killing|wounding|injuring|leaving)\b/i;

/** A clause whose subject points back at the weapon or attack just told ("It struck", "The missile hit"). */
const CONTINUATION =
  /^\s*(?:it|they|the (?:missiles?|rockets?|drones?|strikes?|shells?|bombs?|blasts?|explosions?|attacks?|shelling|projectiles?))\s+(?:\w+\s+)?$/i;

function continueDraft(into: Draft, d: Draft): void {
  const e = into.event;
  const n = d.event;
  if (!e.fatalities && n.fatalities) {
    e.fatalities = n.fatalities;
    e.evidence.push(...n.evidence.filter((x) => x.field === 'fatalities'));
  }
  for (const w of n.weapons) if (!e.weapons.some((x) => x.kind === w.kind)) e.weapons.push({ ...w });
  mergeSpanTexts(e, n);
  if (d.placeLevel > into.placeLevel && n.location && placesCompatible(e.location, n.location)) {
    e.location = n.location;
    into.placeLevel = d.placeLevel;
    e.evidence = e.evidence.filter((x) => x.field !== 'location');
    e.evidence.push(...n.evidence.filter((x) => x.field === 'location'));
  }
  for (const a of n.actors)
    if (!e.actors.some((x) => x.name === a.name))
      e.actors.push({ ...a, role: e.actors.some((x) => x.role === a.role) ? 'associate' : a.role });
  e.summary = `${e.summary} ${n.summary}`;
}

function mostMentionedCountry(places: PlaceMention[]): PlaceMention | null {
  const counts = new Map<string, { n: number; m: PlaceMention }>();
  for (const p of places) {
    if (p.role === 'reference') continue;
    const c = counts.get(p.entry.countryCode) ?? { n: 0, m: p };
    c.n += p.entry.kind === 'country' ? 1 : 2;
    if (p.entry.kind === 'country') c.m = p;
    counts.set(p.entry.countryCode, c);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]?.m ?? null;
}

interface WindowArgs {
  dates: DateMention[];
  places: PlaceMention[];
  actors: ActorMention[];
  weapons: WeaponMention[];
  fatalities: FatalityMention[];
  targets: SpanMention[];
  victims: VictimMention[];
  published: IsoDate | null;
  docCountry: PlaceMention | null;
}

/** "Nine SDF fighters were killed …": the subject of a passive verb of harm is on the receiving end. */
const PATIENT_AFTER =
  /^\s*(?:[\w-]+\s+){0,2}?(?:were|was|have been|had been|are|is|being|got)\s+(?:\w+\s+)?(?:killed|wounded|injured|attacked|abducted|kidnapped|targeted|hit|shot|ambushed|captured|arrested|detained|struck)\b/i;

/** Triggers of harm done to persons. */
const HARMS_PERSONS =
  /^(?:killed|murdered|assassinat|shot|gunned|executed|massacre|abduct|kidnap|taken hostage|seized|(?:was|were|been|being) captured|tortured|lynched|beheaded|hacked|stabbed|beat|raped)/i;

/** Right after an actor: a verb of attack it is the subject of ("attacked", "(fmln) dynamited"). */
const AGENT_BEFORE =
  /^\s*(?:\([^)]{1,60}\)\s*)?(?:(?:have|has|had|reportedly|allegedly|also|then|later)\s+)?(?:attacked|bombed|dynamited|blew up|burned|set fire to|machine-?gunned|sabotaged|kidnapp?ed|abducted|murdered|assassinated|killed|shot|ambushed|raided|stormed|opened fire|fired (?:on|at)|detonated|exploded|hurled|threw)\b/i;

/** "accused X of", "blamed X for", "held X responsible for" right before the trigger. */
const ACCUSATION =
  /\b(?:(?:accus(?:ed|es|ing)|blam(?:ed|es|ing))\s+(?:[\w'’()-]+\s+){1,8}?(?:of|for)|(?:held|holds?|holding)\s+(?:[\w'’()-]+\s+){1,8}?responsible for)\s+(?:[\w'’-]+\s+){0,2}$/gi;

/** Where the last accusation verb before the trigger starts, in the text before it, or null. */
function accusationBefore(before: string): number | null {
  let at: number | null = null;
  for (const m of before.matchAll(ACCUSATION)) at = m.index;
  return at;
}

/** An emblem or a message left behind, just before the group it is of ("a flag of the", "leaflets signed by"). */
const EMBLEM_BEFORE =
  /\b(?:flags?|banners?|pamphlets?|leaflets?|flyers?|posters?|propaganda|slogans?|graffiti|inscriptions?|emblems?)(?:\s+[\w-]+){0,4}?\s+(?:of|from|signed by)\s+(?:the\s+)?$/i;

/** People told as members of a named group, just before its name ("members of the", "a commando of"). */
const MEMBERS_OF =
  /\b(?:(?:some|several|two|three|four|five|\d+)\s+)?(?:members|militants|commandos?|a\s+commando)\s+of\s+(?:the\s+)?$/i;

function buildDraft(
  text: string,
  sentence: Sentence,
  trigger: TriggerMention,
  window: Span,
  a: WindowArgs,
): Draft | null {
  const evidence: Evidence[] = [ev(text, 'trigger', trigger)];
  const date = a.dates.find((d) => d.kind === 'point') ?? null;
  const loc = chooseLocation(a.places);
  const fatalities = combineFatalities(a.fatalities);
  const usableFatalities = a.fatalities.filter((f) => !f.aggregate);
  const anchored =
    date || (loc && loc.level >= 2) || usableFatalities.length > 0 || a.weapons.some((w) => w.count !== null);
  // "guerrillas blew up a power substation", "gunmen kidnapped mayor X": a party, and what it hit or whom
  // it harmed, tell a particular event even where no place or time is given in the clause
  const particular =
    a.victims.some((v) => v.kind === 'name') ||
    (a.actors.length > 0 && (a.targets.length > 0 || a.weapons.length > 0));
  if (!anchored && !particular && (!a.actors.length || !loc)) return null;
  const country = loc?.place.country ?? a.docCountry?.entry.country ?? null;

  // Roles: the subject before the trigger is actor1; "by X" after a passive trigger is actor1;
  // what follows the trigger ("against X", "the X headquarters") is actor2.
  const seen = new Map<string, EventActor>();
  const passiveBy =
    /\b(?:by|claimed by)\s+(?:the\s+)?(?:(?:a|an|one|two|three|some|several|\d+)\s+)?(?:(?:group|band|gang|squad|column|unit|team|number)\s+of\s+)?(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|some)\s+)?(?:(?:heavily armed|armed|hired|paid|masked|unidentified|uniformed)\s+)?$/i;
  // "The army accused the RSF of shelling …": the accuser tells of the event, it takes no part in it
  const accusedAt = accusationBefore(text.slice(window.start, trigger.start));
  const agents = new Set<string>();
  let previous: ActorMention | null = null;
  let previousRole: EventActor['role'] | null = null;
  for (const m of a.actors) {
    if (accusedAt !== null && m.end <= window.start + accusedAt) continue;
    const name = actorName(m, country, loc?.place.countryCode ?? a.docCountry?.entry.countryCode ?? null);
    const have = seen.get(name);
    // "the terrorist attack … the terrorists fled": the people named beat the adjective
    if (have && /^terrorist$/i.test(have.mention) && /s$/i.test(m.text)) have.mention = m.text;
    // "a man and a woman were seen leaving a suitcase": the people seen doing it beat a label for them
    if (have && m.doer && /^terrorists?$/i.test(have.mention)) {
      have.mention = m.text;
      evidence.push(ev(text, 'actors', m));
    }
    if (have) continue;
    const beforeMention = text.slice(Math.max(window.start, m.start - 30), m.start);
    let role: EventActor['role'];
    if (m.site || PATIENT_AFTER.test(text.slice(m.end, m.end + 50))) role = 'actor2';
    // "a flag of the FPMR was found at the scene", "they left pamphlets of the Lautaro front": the group
    // whose emblem the doers left behind is named as theirs
    else if (EMBLEM_BEFORE.test(text.slice(Math.max(window.start, m.start - 70), m.start))) {
      role = 'actor1';
      agents.add(name);
    }
    // "… when members of the FMLN attacked a substation": the subject of a verb of attack acts, wherever
    // the clause's trigger stands
    else if (AGENT_BEFORE.test(text.slice(m.end, Math.min(window.end, m.end + 60)))) {
      role = 'actor1';
      agents.add(name);
    }
    // "A mob of residents beat …", "Protesters marched …": the trigger word names the crowd that acts
    else if (
      m.start <= trigger.start &&
      m.end >= trigger.end &&
      !a.actors.some((x) => x.end <= m.start && x.start >= window.start)
    )
      role = 'actor1';
    else if (m.end <= trigger.start)
      role = /\b(?:against|on|targeting|at)\s+(?:the\s+)?$/i.test(beforeMention) ? 'actor2' : 'actor1';
    else if (passiveBy.test(beforeMention)) {
      // "kidnapped by guerrillas": the party after "by" is named as the doer
      role = 'actor1';
      agents.add(name);
    } else role = 'actor2';
    // "guerrillas of the ELN", "a commando of the FMLN": the group they belong to acts with them
    const owner = previous && /^\s+(?:[\w-]+\s+)?of\s+(?:the\s+)?$/i.test(text.slice(previous.end, m.start));
    if (owner && previous && previousRole === 'actor1' && !('name' in previous.actor) && 'name' in m.actor) {
      role = 'actor1';
      agents.add(name);
    }
    previous = m;
    previousRole = role;
    const def = 'name' in m.actor ? m.actor : null;
    seen.set(name, {
      name,
      short: def?.short ?? null,
      countryCode: def?.countryCode ?? loc?.place.countryCode ?? null,
      // a state's forces acting outside their country are external forces (ACLED inter 8)
      inter:
        m.actor.inter === 1 && def?.countryCode && loc && def.countryCode !== loc.place.countryCode
          ? 8
          : m.actor.inter,
      role,
      mention: m.text,
    });
    // "members of the FMLN attacked": the evidence names the people who acted, with the group they belong to
    const members =
      role === 'actor1' && 'name' in m.actor ? MEMBERS_OF.exec(text.slice(window.start, m.start)) : null;
    evidence.push(ev(text, 'actors', members ? { start: m.start - members[0].length, end: m.end } : m));
  }
  // the subject of a verb of attack comes first among those that act
  const actors = [...seen.values()].sort((x, y) => Number(agents.has(y.name)) - Number(agents.has(x.name)));
  // Civilians are never the ones acting in ACLED's coding: they are actor2.
  for (const x of actors)
    if (x.inter === 7 && x.role === 'actor1')
      x.role = actors.some((y) => y.role === 'actor2') ? 'associate' : 'actor2';
  // "terrorists of the FMLN attacked": a named group beats a description of its members as actor1
  const firstA1 = actors.findIndex((x) => x.role === 'actor1');
  const namedA1 = actors.findIndex(
    (x, i) =>
      i > firstA1 &&
      x.role === 'actor1' &&
      x.inter !== 1 &&
      !/^(?:Unidentified Armed Group|Civilians|Protesters|Rioters) \(|^(?:Military|Police) Forces of /.test(
        x.name,
      ),
  );
  if (firstA1 >= 0 && namedA1 > firstA1 && /^Unidentified Armed Group \(/.test(actors[firstA1]!.name))
    actors.unshift(...actors.splice(namedA1, 1));
  // one actor1 and one actor2 at most; the rest are associates
  for (const r of ['actor1', 'actor2'] as const) {
    actors
      .filter((x) => x.role === r)
      .slice(1)
      .forEach((x) => (x.role = 'associate'));
  }
  if (!actors.some((x) => x.role === 'actor1')) {
    // "… were killed when Islamic State militants attacked": the armed party left over acts
    const generic = (x: EventActor) =>
      /^(?:Unidentified Armed Group|Civilians|Protesters|Rioters) \(/.test(x.name);
    const armed = actors.filter((x) => x.role === 'associate' && x.inter !== 7);
    const promote = armed.find((x) => !generic(x)) ?? armed[0];
    if (promote) promote.role = 'actor1';
    else {
      const a2s = actors.filter((x) => x.role === 'actor2');
      if (a2s.length > 1) a2s[0]!.role = 'actor1';
    }
  }

  const weaponList: Weapon[] = [];
  for (const w of a.weapons) {
    const same = weaponList.find((x) => x.kind === w.kind);
    if (same) {
      if (same.count !== null && w.count !== null) same.count = Math.max(same.count, w.count);
    } else weaponList.push({ kind: w.kind, count: w.count });
    evidence.push(ev(text, 'weapons', w));
  }
  for (const f of usableFatalities) evidence.push(ev(text, 'fatalities', f));
  if (date) evidence.push(ev(text, 'date', date));
  if (loc)
    evidence.push(
      ev(
        text,
        'location',
        loc.mention.relative && loc.place.geoPrecision === 2 ? loc.mention.relative.span : loc.mention,
      ),
    );

  const a1 = actors.find((x) => x.role === 'actor1');
  const a2 = actors.find((x) => x.role === 'actor2');
  const typed = settleType({
    trigger,
    weaponKinds: weaponList.map((w) => w.kind),
    window: text.slice(window.start, window.end),
    actor1Inter: a1?.inter ?? null,
    actor2Inter: a2?.inter ?? null,
    fatalities: fatalities?.best ?? null,
  });
  const range: DateRange | null = date?.range ?? null;
  return {
    sentence,
    trigger,
    family: trigger.rule.family,
    window,
    explicitDate: Boolean(date),
    placeLevel: loc?.level ?? 0,
    event: {
      eventType: typed.eventType,
      subEventType: typed.subEventType,
      date: range ?? { start: a.published ?? '', end: a.published ?? '', precision: 'day' },
      actors,
      location: loc?.place ?? null,
      weapons: weaponList,
      fatalities,
      reportedBy: [],
      claimIds: [],
      summary: sentence.text,
      evidence,
      ...(a.targets.length ? { targets: a.targets.map(spanText) } : {}),
      ...(a.victims.length ? { victims: a.victims.map((v) => ({ ...spanText(v), kind: v.kind })) } : {}),
    },
  };
}

/** A mention as the source phrase and where it is. */
const spanText = (m: SpanMention): SpanText => ({ text: m.text, span: { start: m.start, end: m.end } });

/** Adds the targets and victims of a draft merged into another, without repeats. */
function mergeSpanTexts(e: Draft['event'], n: Draft['event']): void {
  const fresh = <T extends SpanText>(have: T[] | undefined, add: T[]): T[] =>
    add.filter((t) => !have?.some((x) => x.span.start === t.span.start));
  const targets = fresh(e.targets, n.targets ?? []);
  if (targets.length) e.targets = [...(e.targets ?? []), ...targets];
  const victims = fresh(e.victims, n.victims ?? []);
  if (victims.length) e.victims = [...(e.victims ?? []), ...victims];
}

const FAMILY_GROUP: Record<TriggerFamily, string> = {
  remote: 'violence',
  battle: 'violence',
  violence: 'violence',
  territory: 'violence',
  protest: 'protest',
  riot: 'protest',
  strategic: 'strategic',
};

const rangesOverlap = (a: DateRange, b: DateRange): boolean => a.start <= b.end && b.start <= a.end;

function placesCompatible(a: Place | null, b: Place | null): boolean {
  if (!a || !b) return true;
  if (a.countryCode !== b.countryCode) return false;
  if (a.geoPrecision === 3 || b.geoPrecision === 3) return true;
  return a.geonameId === b.geonameId || a.name === b.name;
}

/** Merge drafts that tell one event over several sentences ("drones struck IS in Syria this month. Seven drones hit Hajin…"). */
function mergeDrafts(
  drafts: Draft[],
  published: IsoDate | null,
  docCountry: PlaceMention | null,
  notes: Extraction['notes'],
): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    const prev = [...out]
      .reverse()
      .find(
        (p) =>
          d.sentence.index - p.sentence.index <= 2 &&
          p.sentence.index !== d.sentence.index &&
          FAMILY_GROUP[p.family] === FAMILY_GROUP[d.family] &&
          p.event.subEventType === d.event.subEventType &&
          (!d.explicitDate || !p.explicitDate || rangesOverlap(p.event.date, d.event.date)) &&
          placesCompatible(p.event.location, d.event.location) &&
          (!d.explicitDate || !p.explicitDate || d.placeLevel < 3 || p.placeLevel < 3),
      );
    if (prev) {
      absorb(prev, d);
      continue;
    }
    out.push(d);
  }
  // Past the lead, an undated mention told with a general word ("attacks", "fighting", "hit") is the
  // event already told or background, not a new event: keep it as a note for reviewers.
  const lead = out[0]?.sentence.index ?? 0;
  const hasDated = out.some((d) => d.explicitDate);
  // An undated mention placed only in a country, beside an event placed in a town of that country, is that
  // event told again in general words (or background), not a second event.
  const precise = out.filter((d) => d.placeLevel === 3);
  const vagueRepeat = (d: Draft): boolean =>
    d.placeLevel <= 2 &&
    precise.some(
      (p) =>
        p !== d &&
        FAMILY_GROUP[p.family] === FAMILY_GROUP[d.family] &&
        (!d.explicitDate || rangesOverlap(p.event.date, d.event.date)) &&
        (!d.event.location || p.event.location?.countryCode === d.event.location.countryCode),
    );
  const kept = out.filter(
    (d) =>
      !vagueRepeat(d) &&
      (d.explicitDate ||
        !hasDated ||
        d.sentence.index <= lead + 1 ||
        (d.trigger.rule.priority > 50 && d.placeLevel === 3)),
  );
  for (const d of out) {
    if (!kept.includes(d))
      notes.push({
        span: { start: d.trigger.start, end: d.trigger.end },
        text: d.trigger.text,
        reason: 'undated mention after the lead: the event already told, or background',
      });
  }
  out.splice(0, out.length, ...kept);
  for (const d of out) {
    if (!d.explicitDate && published) {
      d.event.date = { start: published, end: published, precision: 'day' };
    }
    if (!d.event.location && docCountry) {
      d.event.location = { ...placeFromCountry(docCountry) };
      d.event.evidence.push(ev(d.sentence.text, 'location', { start: 0, end: 0 }));
      d.event.evidence.pop(); // the country comes from elsewhere in the text: point at that mention
      d.event.evidence.push({
        field: 'location',
        start: docCountry.start,
        end: docCountry.end,
        text: docCountry.text,
      });
    }
  }
  return out;
}

function placeFromCountry(m: PlaceMention): Place {
  const e = m.entry;
  return {
    name: e.kind === 'country' ? e.name : e.country,
    geonameId: e.kind === 'country' ? null : e.geonameId,
    lat: e.lat,
    lon: e.lon,
    countryCode: e.countryCode,
    country: e.country,
    admin1: e.kind === 'country' ? null : e.admin1,
    admin2: null,
    featureCode: e.kind === 'country' ? 'PCLI' : e.featureCode,
    geoPrecision: 3,
    wherePrec: 6,
    uncertaintyKm: 500,
  };
}

function absorb(into: Draft, d: Draft): void {
  const e = into.event;
  const n = d.event;
  if (d.placeLevel > into.placeLevel && n.location) {
    e.location = n.location;
    into.placeLevel = d.placeLevel;
    e.evidence = e.evidence.filter((x) => x.field !== 'location');
    e.evidence.push(...n.evidence.filter((x) => x.field === 'location'));
  }
  if (!into.explicitDate && d.explicitDate) {
    e.date = n.date;
    into.explicitDate = true;
    e.evidence.push(...n.evidence.filter((x) => x.field === 'date'));
  }
  for (const a of n.actors) {
    const have = e.actors.find((x) => x.name === a.name);
    if (!have) {
      const roleTaken = e.actors.some((x) => x.role === a.role);
      e.actors.push({
        ...a,
        role: roleTaken
          ? a.role === 'actor1' && !e.actors.some((x) => x.role === 'actor2')
            ? 'actor2'
            : 'associate'
          : a.role,
      });
    }
  }
  for (const w of n.weapons) {
    const same = e.weapons.find((x) => x.kind === w.kind);
    if (!same) e.weapons.push({ ...w });
    else if (same.count === null) same.count = w.count;
  }
  e.fatalities = mergeFatalities(e.fatalities, n.fatalities);
  mergeSpanTexts(e, n);
  e.evidence.push(...n.evidence.filter((x) => x.field !== 'location' && x.field !== 'date'));
  if (n.subEventType !== e.subEventType && d.trigger.rule.priority > into.trigger.rule.priority) {
    e.eventType = n.eventType;
    e.subEventType = n.subEventType;
  }
  e.summary = `${e.summary} ${n.summary}`;
}

function mergeFatalities(a: Fatalities | null, b: Fatalities | null): Fatalities | null {
  if (!a) return b;
  if (!b) return a;
  return { low: Math.min(a.low, b.low), best: Math.min(a.best, b.best), high: Math.max(a.high, b.high) };
}

function buildClaims(
  text: string,
  sentences: Sentence[],
  actors: ActorMention[],
  dates: DateMention[],
  events: ExtractedEvent[],
  drafts: Draft[],
  anaphoricRefs: { trigger: TriggerMention; sentence: Sentence }[],
): ExtractedClaim[] {
  const mentions: ClaimMention[] = sentences.flatMap((s) => findClaims(s, actors, dates));
  // Resolve pronouns and descriptions: "he added" → the last named speaker; "its aerospace chief"
  // → the person named as speaker in the next two sentences.
  mentions.forEach((m, i) => {
    if (m.claimantUnresolved === 'pronoun') {
      const prev = mentions
        .slice(0, i)
        .reverse()
        .find((p) => !p.claimantUnresolved && /\s/.test(p.claimant.name));
      if (prev) {
        m.claimant = { ...prev.claimant };
        if (!m.via.length) m.via = prev.via;
        m.claimantUnresolved = null;
      }
    } else if (m.claimantUnresolved === 'description') {
      const next = mentions
        .slice(i + 1)
        .find(
          (n) =>
            !n.claimantUnresolved &&
            n.sentence.index - m.sentence.index <= 2 &&
            n.claimant.title &&
            /\s/.test(n.claimant.name),
        );
      if (next) {
        const possessive = /^its\s/i.test(m.claimant.name)
          ? actors.find((a) => a.start >= m.sentence.start && a.end <= m.sentence.end && 'name' in a.actor)
          : null;
        m.claimant = {
          name: next.claimant.name,
          title: [next.claimant.title, m.claimant.name.replace(/^(?:its|their|his|her)\s+/i, '')]
            .filter(Boolean)
            .join(', '),
          affiliation:
            possessive && 'name' in possessive.actor
              ? possessive.actor.name
              : (m.claimant.affiliation ?? next.claimant.affiliation),
        };
        next.claimant = {
          ...next.claimant,
          affiliation: next.claimant.affiliation ?? m.claimant.affiliation,
        };
        m.claimantUnresolved = null;
      }
    }
  });
  // One statement told twice (paraphrase, then the quote): same claimant, same quantity, adjacent.
  const merged: ClaimMention[] = [];
  const extraEvidence = new Map<ClaimMention, Evidence[]>();
  for (const m of mentions) {
    const prev = merged[merged.length - 1];
    if (
      prev &&
      prev.claimant.name === m.claimant.name &&
      m.sentence.index - prev.sentence.index === 1 &&
      prev.quantity &&
      m.quantity &&
      prev.quantity.value === m.quantity.value
    ) {
      const list = extraEvidence.get(prev) ?? [];
      list.push(ev(text, 'statement', m.statementSpan));
      if (m.claimantSpan) list.push(ev(text, 'claimant', m.claimantSpan));
      extraEvidence.set(prev, list);
      if (!prev.claimant.title && m.claimant.title) prev.claimant.title = m.claimant.title;
      continue;
    }
    merged.push(m);
  }

  return merged.map((m, i) => {
    const eventIds = new Set<string>();
    const aggregate = Boolean(
      m.quantity &&
      m.quantity.value >= 20 &&
      /strikes|attacks|operations|raids|sorties|missions/i.test(m.quantity.unit),
    );
    if (!aggregate) {
      if (m.kind === 'responsibility' && m.aboutSpan) {
        const about = m.aboutSpan;
        const nearest = [...drafts.entries()]
          .filter(([, d]) => d.trigger.start >= about.start && d.trigger.end <= about.end)
          .pop();
        // "X claimed responsibility." on its own: the attack told just before
        const target =
          nearest ??
          [...drafts.entries()]
            .filter(([, d]) => d.trigger.start < m.span.start && m.sentence.index - d.sentence.index <= 2)
            .pop();
        if (target) eventIds.add(events[target[0]]!.id);
      } else
        drafts.forEach((d, k) => {
          const about = m.statementSpan;
          const t = d.trigger;
          const inStatement = t.start >= about.start && t.end <= about.end;
          const sameSentence =
            d.sentence.index === m.sentence.index ||
            d.event.evidence.some(
              (x) => x.field === 'trigger' && x.start >= m.sentence.start && x.end <= m.sentence.end,
            );
          if (inStatement || (sameSentence && m.kind !== 'responsibility')) eventIds.add(events[k]!.id);
        });
      // "the strikes were the first time …": a definite reference to the last violent event told
      if (
        !eventIds.size &&
        /\bthe\s+(?:\w+\s+)?(?:strikes|attacks?|raids?|bombings?|operation|shelling|assault)\b/i.test(
          text.slice(m.statementSpan.start, m.statementSpan.end),
        )
      ) {
        const target = [...drafts.entries()]
          .reverse()
          .find(([, d]) => d.trigger.start < m.statementSpan.start && FAMILY_GROUP[d.family] === 'violence');
        if (target) eventIds.add(events[target[0]]!.id);
      }
      for (const ref of anaphoricRefs) {
        if (ref.trigger.start >= m.statementSpan.start && ref.trigger.end <= m.statementSpan.end) {
          const target = [...drafts.entries()]
            .reverse()
            .find(
              ([, d]) =>
                d.trigger.start < ref.trigger.start &&
                FAMILY_GROUP[d.family] === FAMILY_GROUP[ref.trigger.rule.family],
            );
          if (target) eventIds.add(events[target[0]]!.id);
        }
      }
    }
    // A responsibility claim names the perpetrator: add it to the event when the event has none.
    if (m.kind === 'responsibility') {
      for (const id of eventIds) {
        const e = events.find((x) => x.id === id);
        if (e && !e.actors.some((a) => a.name === m.claimant.name)) {
          const def = actors.find((a) => 'name' in a.actor && a.actor.name === m.claimant.name);
          e.actors.unshift({
            name: m.claimant.name,
            short: def && 'name' in def.actor ? def.actor.short : null,
            countryCode: null,
            inter: def?.actor.inter ?? null,
            role: e.actors.some((a) => a.role === 'actor1') ? 'associate' : 'actor1',
            mention: m.claimantSpan ? text.slice(m.claimantSpan.start, m.claimantSpan.end) : m.claimant.name,
          });
          if (m.claimantSpan) e.evidence.push(ev(text, 'actors', m.claimantSpan));
        }
      }
    }
    // An outlet or agency that reports an event is its reported source.
    if (
      /\b(?:TV|television|media|news agency|agency|radio|broadcaster)\b/i.test(m.claimant.name) ||
      m.via.length === 0
    ) {
      for (const id of eventIds) {
        const e = events.find((x) => x.id === id);
        if (
          e &&
          /\b(?:TV|television|media|agency|radio|broadcaster)\b/i.test(m.claimant.name) &&
          !e.reportedBy.includes(m.claimant.name)
        )
          e.reportedBy.push(m.claimant.name);
      }
    }
    const evidence: Evidence[] = [ev(text, 'statement', m.statementSpan)];
    if (m.claimantSpan) evidence.push(ev(text, 'claimant', m.claimantSpan));
    for (const v of m.via) evidence.push(ev(text, 'via', v.span));
    if (m.statedOn) evidence.push(ev(text, 'statedOn', m.statedOn));
    if (m.quantity) evidence.push(ev(text, 'quantity', m.quantity.span));
    evidence.push(...(extraEvidence.get(m) ?? []));
    return {
      id: `c${i + 1}`,
      kind: m.kind,
      stance: m.stance,
      claimant: m.claimant,
      via: [...new Set(m.via.map((v) => v.name))],
      statedOn: m.statedOn?.range ?? null,
      quantity: m.quantity ? { value: m.quantity.value, unit: m.quantity.unit } : null,
      text: text.slice(m.span.start, m.span.end),
      eventIds: [...eventIds],
      evidence,
    };
  });
}
