// Classification of a short text (a snippet, an ACLED note) into one ACLED event and sub-event type:
// the type of its main event, or null when it reports no conflict, protest or strategic event.
//
// The extraction pipeline decides: its events, typed the usual way. A snippet often lacks the time,
// place or actor that extraction needs to record an event ("Hundreds of teachers marched to the
// ministry"), so triggers that pass the gates but were left unanchored are candidates too, typed by the
// same stage (typing.ts) over the same clause window. The main event is the one told first: in the
// first sentence that has a candidate, the strongest trigger (a bombing told as "two soldiers were
// killed when a roadside bomb exploded" is a bombing), the earliest on a tie.
import type { EventType, ExtractedEvent, IsoDate, SubEventType } from '../domain/types.js';
import { armedGroupSpans, findActorMentions, type ActorMention } from './actors.js';
import { findDates } from './dates.js';
import { extract, type PipelineDeps } from './extract.js';
import { combineFatalities, findFatalities } from './fatalities.js';
import { GATES } from './gates.js';
import { splitClauses, splitSentences } from './sentences.js';
import { findTriggers, type TriggerMention } from './triggers.js';
import { settleType } from './typing.js';
import { findWeapons } from './weapons.js';

export interface Classification {
  eventType: EventType | null;
  subEventType: SubEventType | null;
  /** The words that set the type, when there is one. */
  trigger: string | null;
  /** Where the type came from: an extracted event, an unanchored trigger that passed the gates, or none. */
  basis: 'event' | 'trigger' | 'none';
  /** The extracted event the type is that of (its place, date and toll), when extraction recorded it. */
  event: ExtractedEvent | null;
}

/**
 * No publication date: relative dates stay unresolved and no date-based gate (historical, restated)
 * fires, so the text alone decides. A caller that knows the date passes it.
 */
export const NEUTRAL_PUBLISHED: IsoDate | null = null;

interface Candidate {
  trigger: TriggerMention;
  sentence: number;
  eventType: EventType;
  subEventType: SubEventType;
  basis: 'event' | 'trigger';
  event?: ExtractedEvent;
}

const inside = (s: { start: number; end: number }, w: { start: number; end: number }): boolean =>
  s.start >= w.start && s.end <= w.end;

/** The inter code of the first actor mention in a stretch of text, if any. */
const interOf = (ms: ActorMention[]): number | null => ms[0]?.actor.inter ?? null;

/** Every trigger that passes the gates, typed over its clause window as extraction would. */
export function gatedCandidates(text: string, published: IsoDate | null): Candidate[] {
  const actors = findActorMentions(text);
  const triggers = findTriggers(text, armedGroupSpans(actors));
  const dates = findDates(text, published);
  const weapons = findWeapons(text);
  const fatalities = findFatalities(text);
  const out: Candidate[] = [];
  for (const sentence of splitSentences(text)) {
    const perClause = splitClauses(sentence).map((clause) => {
      const own = triggers.filter((t) => inside(t, clause));
      own.sort((a, b) => b.rule.priority - a.rule.priority || a.start - b.start);
      return { clause, trigger: own[0] ?? null };
    });
    perClause.forEach(({ clause, trigger: top }, i) => {
      if (!top) return;
      let end = clause.end;
      for (let j = i + 1; j < perClause.length && !perClause[j]!.trigger; j++) end = perClause[j]!.clause.end;
      const window = { start: clause.start, end };
      // every trigger of the clause is a candidate: extraction types the clause by its strongest, the
      // snippet's main event may be another ("burned down the village and killed 20 residents")
      for (const trigger of triggers.filter((t) => inside(t, clause))) {
        const gateInput = {
          before: text.slice(clause.start, trigger.start),
          after: text.slice(trigger.start, end),
          sentence: sentence.text,
          dates: dates.filter((d) => inside(d, window)),
          published,
          triggerStart: trigger.start,
        };
        if (GATES.some((gate) => gate(gateInput))) continue;
        const inWindow = actors.filter((a) => inside(a, window));
        const typed = settleType({
          trigger,
          weaponKinds: weapons.filter((w) => inside(w, window)).map((w) => w.kind),
          window: text.slice(window.start, window.end),
          actor1Inter: interOf(inWindow.filter((a) => a.end <= trigger.start)),
          actor2Inter: interOf(inWindow.filter((a) => a.start >= trigger.end)),
          fatalities:
            combineFatalities(fatalities.filter((f) => inside(f, window) && !f.aggregate))?.best ?? null,
        });
        out.push({ trigger, sentence: sentence.index, ...typed, basis: 'trigger' });
      }
    });
  }
  return out;
}

/**
 * How strongly a trigger speaks for the snippet's main event. ACLED codes a strategic development
 * (looting, arrests, a truce) only where no violence or demonstration is told: "insurgents burned down
 * the village and killed 20 residents" is an attack. A disrupted weapon ("defused a bomb") stays strong.
 */
const rank = (t: TriggerMention): number =>
  t.rule.family === 'strategic' && t.rule.priority < 60 ? t.rule.priority - 30 : t.rule.priority;

/** The main event among the candidates: first sentence with one, strongest trigger, earliest on a tie. */
export function mainCandidate<T extends { trigger: TriggerMention; sentence: number }>(cands: T[]): T | null {
  if (!cands.length) return null;
  const first = Math.min(...cands.map((c) => c.sentence));
  return (
    cands
      .filter((c) => c.sentence === first)
      .sort((a, b) => rank(b.trigger) - rank(a.trigger) || a.trigger.start - b.trigger.start)[0] ?? null
  );
}

/**
 * A protest is typed by what happened to it anywhere in the snippet: "Police fired tear gas; 40 were
 * arrested" after the march is one protest with intervention, though extraction splits the clauses.
 */
function protestInSnippet(c: Candidate, text: string): Candidate {
  if (c.trigger.rule.family !== 'protest') return c;
  const typed = settleType({
    trigger: c.trigger,
    weaponKinds: [],
    window: text,
    actor1Inter: null,
    actor2Inter: null,
    fatalities: combineFatalities(findFatalities(text).filter((f) => !f.aggregate))?.best ?? null,
  });
  return { ...c, ...typed };
}

export function classify(
  text: string,
  deps: PipelineDeps,
  published: IsoDate | null = NEUTRAL_PUBLISHED,
): Classification {
  const extraction = extract({ text, published }, deps);
  const sentences = splitSentences(text);
  const gated = gatedCandidates(text, published);
  const fromEvents: Candidate[] = [];
  for (const e of extraction.events) {
    const at = e.evidence.find((x) => x.field === 'trigger');
    const trigger = at && gated.find((c) => c.trigger.start === at.start)?.trigger;
    if (!trigger) continue;
    const sentence = sentences.find((s) => inside(trigger, s))?.index ?? 0;
    fromEvents.push({
      trigger,
      sentence,
      eventType: e.eventType,
      subEventType: e.subEventType,
      basis: 'event',
      event: e,
    });
  }
  // Extracted events first; a gated trigger extraction did not record stands in for an event only
  // where extraction has none in an earlier sentence.
  const taken = new Set(fromEvents.map((c) => c.trigger.start));
  const stopped = new Set(
    extraction.notes.filter((n) => n.reason === 'refers to an event already told').map((n) => n.span.start),
  );
  const extra = gated.filter((c) => !taken.has(c.trigger.start) && !stopped.has(c.trigger.start));
  const main = mainCandidate([...fromEvents, ...extra]);
  if (!main) return { eventType: null, subEventType: null, trigger: null, basis: 'none', event: null };
  const settled = protestInSnippet(main, text);
  return {
    eventType: settled.eventType,
    subEventType: settled.subEventType,
    trigger: settled.trigger.text,
    basis: settled.basis,
    event: settled.event ?? null,
  };
}
