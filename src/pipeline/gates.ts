// Predicates that decide whether a trigger reports an event: negated, hypothetical, historical,
// aggregate and anaphoric mentions are not new events. Each returns a reason or null.
import type { DateMention } from './dates.js';
import { isAbbreviation } from './sentences.js';

export interface GateInput {
  /** The clause text up to the trigger, and from the trigger on. */
  before: string;
  after: string;
  /** The whole sentence. */
  sentence: string;
  dates: DateMention[];
  published: string | null;
  /** Where the trigger starts in the text (the offsets of `dates`), when known. */
  triggerStart?: number;
}

export type Gate = (g: GateInput) => string | null;

const last = (s: string, words: number): string => s.split(/\s+/).slice(-words).join(' ');

export const isNegated: Gate = ({ before, after }) => {
  if (
    /\b(?:no|not|never|neither|nor|without|n't|nobody|none|denied|denies|deny|denying|rejected|dismissed|refuted)\b|\bno one\b/i.test(
      last(before, 7),
    )
  )
    return 'negated';
  if (/^\S+\s+(?:was|were)\s+(?:not|never)\b/i.test(after)) return 'negated';
  if (/\b(?:denied|denies|deny|denying)\b/i.test(before)) return 'negated (denial)';
  return null;
};

export const isHypothetical: Gate = ({ before }) => {
  // "On May 17, …" and "in March" are dates, not the modal "may" or a "march"
  const near = last(before, 8).replace(
    /\bMay\s+\d{1,2}\b|\b\d{1,2}\s+May\b|\b(?:in|on|since|of|early|late|mid-?)\s+May\b/g,
    '',
  );
  if (
    /\b(?:could|would|might|may|will|shall|threaten(?:ed|s|ing)? to|vow(?:ed|s)? to|plan(?:s|ned|ning)? to|intend(?:s|ed)? to|prepar(?:ing|es|ed) to|warn(?:ed|s|ing)? (?:of|that|it would)|fears? (?:of|that)|risk of|possible|potential|if|unless|in case of|ready to|threat of)\b/i.test(
      near,
    )
  )
    return 'hypothetical or threatened';
  return null;
};

export const isHistorical: Gate = ({ before, after, dates, published, triggerStart }) => {
  const clause = `${before} ${after}`;
  const periods = dates.filter((d) => d.kind === 'period');
  if (periods.length) {
    // "the car bomb attack on 6 December, which had been planned since September": a calendar day told
    // right by the trigger, nearer than the period, dates the event; the period belongs to something else
    const away = (d: DateMention): number =>
      triggerStart === undefined ? Infinity : Math.abs(d.start - triggerStart);
    const nearestPeriod = Math.min(...periods.map(away));
    const dated = dates.some(
      (d) =>
        d.kind === 'point' &&
        d.range.precision === 'day' &&
        /^\d{4}-\d{2}-\d{2}$/.test(d.value) &&
        away(d) < Math.min(nearestPeriod, 80),
    );
    if (!dated) return 'aggregate over a period';
  }
  if (published) {
    const year = Number(published.slice(0, 4));
    if (dates.length && dates.every((d) => Number(d.range.end.slice(0, 4)) < year - 1))
      return 'historical background';
    // more than three months before the report: an earlier event restated, not news of this report
    const cutoff = new Date(Date.parse(`${published}T00:00:00Z`) - 92 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    if (dates.length && dates.every((d) => d.range.end < cutoff)) return 'earlier event restated';
    // "last year", "in 2023": a year before the report's is background, not this report's news
    if (
      dates.length &&
      dates.every((d) => d.range.precision === 'year' && Number(d.range.end.slice(0, 4)) < year)
    )
      return 'historical background';
  }
  if (
    /\b(?:began when|began in|war in \w+ began|conflict began|in power since|history of|since the (?:start|beginning) of|Arab Spring|decades?[- ]long|years? of (?:war|conflict|fighting))\b/i.test(
      clause,
    )
  )
    return 'historical background';
  return null;
};

export const isAggregate: Gate = ({ before, after }) => {
  const around = `${last(before, 4)} ${after.split(/\s+/).slice(0, 6).join(' ')}`;
  // "700 drone strikes", "hundreds of attacks", "thousands of air raids": counts of events, not an event
  if (
    /\b(?:\d{2,}(?:,\d{3})*|dozens|hundreds|thousands|scores|numerous|countless|several|multiple)\s+(?:of\s+)?(?:\w+\s+)?(?:drone |air ?|suicide |military |missile |rocket |bomb )?(?:strikes|attacks|raids|operations|bombings|airstrikes|clashes)\b/i.test(
      around,
    )
  )
    return 'aggregate count of events';
  // "to reduce the number of attacks", "a wave of bombings": many events counted or grouped as one
  if (
    /\b(?:(?:the|a) number of|(?:a |the )?(?:wave|series|string|spate|rash|chain) of)\s+(?:\w+\s+)?$/i.test(
      before,
    )
  )
    return 'aggregate count of events';
  // "the militias who attack military posts generally are based there": what a party usually does
  if (
    /\b(?:generally|usually|often|frequently|routinely|habitually)\b/i.test(
      `${last(before, 3)} ${after.split(/\s+/).slice(0, 8).join(' ')}`,
    )
  )
    return 'aggregate: what happens habitually';
  // "the rebel offensive, which began 12 days ago": a campaign of many battles over days or weeks, told as
  // one; its attacks and clashes are the events
  if (/^offensives?\b/i.test(after)) return 'aggregate: a campaign of many events';
  // "has stepped up raids", "intensified its attacks": a trend over many events
  if (
    /\b(?:stepped up|stepping up|steps up|intensified|intensifying|escalated|increased|ramped up|carried out (?:a )?(?:series|wave|string) of)\s+(?:(?:its|their|his|the|a)\s+)?(?:\w+\s+)?$/i.test(
      before,
    ) &&
    /^\w+s\b/i.test(after)
  )
    return 'aggregate: a trend over many events';
  if (
    /\b(?:in|during|throughout)\s+the\s+(?:war|conflict|uprising|insurgency)\b|\bso far this year\b|\bin recent (?:days|weeks|months|years)\b|\bevery (?:day|week)\b|\bdaily\b|\bregularly\b/i.test(
      after.split(/[.;]/)[0] ?? '',
    )
  )
    return 'aggregate over a period';
  if (/\b(?:have|has)\s+(?:been\s+)?(?:included|involved)\b/i.test(before)) return 'generic description';
  // "they have killed many people": a toll of many acts over time, with no one act told
  if (
    /\b(?:have|has)\s+(?:already\s+)?$/i.test(before) &&
    /^\S+\s+(?:many|numerous|countless|so many|hundreds of|thousands of|scores of)\b/i.test(after)
  )
    return 'aggregate total';
  // "at least 14,000 people have been killed": a running total, not one event
  if (
    /\b(?:have|has)\s+been\s*$/i.test(before) &&
    /\b\d{1,3}(?:,\d{3})+|\bthousands\b|\bhundreds\b/i.test(before)
  )
    return 'aggregate total';
  return null;
};

/** "the strikes", "the attack": a reference back to an event already told, not a new one. */
export const isAnaphoric: Gate = ({ before }) => {
  // "It was a massive attack": a predicate about an event already told
  if (/\b(?:it|this|that)\s+(?:was|is|had been|has been)\s+(?:a|an|the)\s+(?:\w+\s+){0,2}$/i.test(before))
    return 'refers to an event already told';
  if (
    /\b(?:the|these|those|such|that|this|similar)\s+(?:\w+\s+)?$/i.test(before) &&
    !/\b(?:in|on|at)\s+the\s+$/i.test(before)
  )
    return 'refers to an event already told';
  return null;
};

/** Where sentence ends lie in a span of text: a period, question or exclamation mark, closing quotes, space. */
const SENTENCE_END = /[.!?]["')\]]*\s+/g;

/**
 * The gate's input cut to the trigger's own sentence. A clause of a text written without capitals (lower-cased
 * wire copy, where splitSentences finds no sentence end) can run over several sentences, and a denial, a
 * modal or a date told sentences away says nothing of this trigger.
 */
export function ownSentence(g: GateInput): GateInput {
  let from = 0;
  for (const m of g.before.matchAll(SENTENCE_END))
    if (m[0][0] !== '.' || !isAbbreviation(g.before, m.index)) from = m.index + m[0].length;
  let to = g.after.length;
  for (const m of g.after.matchAll(SENTENCE_END))
    if (m[0][0] !== '.' || !isAbbreviation(g.after, m.index)) {
      to = m.index + 1;
      break;
    }
  if (from === 0 && to === g.after.length) return g;
  const before = g.before.slice(from);
  const after = g.after.slice(0, to);
  const at = g.triggerStart;
  return {
    ...g,
    before,
    after,
    dates:
      at === undefined
        ? g.dates
        : g.dates.filter((d) => d.start >= at - before.length && d.end <= at + after.length),
  };
}

/** Each input is cut once, however many gates read it. */
const cut = new WeakMap<GateInput, GateInput>();
const own = (g: GateInput): GateInput => {
  let c = cut.get(g);
  if (!c) cut.set(g, (c = ownSentence(g)));
  return c;
};

export const GATES: Gate[] = [isNegated, isHypothetical, isHistorical, isAggregate].map(
  (gate): Gate =>
    (g) =>
      gate(own(g)),
);
