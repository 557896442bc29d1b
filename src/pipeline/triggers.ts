// Stage: event triggers — words that report something happening — with the ACLED type they suggest.
// The type may still change once the weapons and the target are known (see typing.ts).
import type { EventType, Span, SubEventType } from '../domain/types.js';
import { PatternSet } from './pattern-set.js';

export type TriggerFamily = 'remote' | 'battle' | 'violence' | 'protest' | 'riot' | 'strategic' | 'territory';

export interface TriggerRule {
  rx: RegExp;
  family: TriggerFamily;
  eventType: EventType;
  subEventType: SubEventType;
  /** Higher wins when two triggers overlap or share a clause. */
  priority: number;
}

export interface TriggerMention extends Span {
  text: string;
  rule: TriggerRule;
}

const t = (
  rx: RegExp,
  family: TriggerFamily,
  eventType: EventType,
  subEventType: SubEventType,
  priority: number,
): TriggerRule => ({
  rx,
  family,
  eventType,
  subEventType,
  priority,
});

export const TRIGGERS: TriggerRule[] = [
  // ACLED's "Other": significant non-violent developments outside the named sub-types (coups, mass
  // graves, curfews, states of emergency)
  t(
    /\b(?:mass graves?|imposed (?:a |an )?(?:[\w-]+ )?curfew|declared (?:a )?state of emergency)/gi,
    'strategic',
    'Strategic developments',
    'Other',
    34,
  ),
  // a coup is the news even when the clause tells the arrests it brought ("staged a coup and detained …")
  t(
    /\b(?:(?:staged|launched|attempted|carried out|foiled) (?:a )?(?:military )?coup|coup (?:attempt|d[’'][eé]tat)|military takeover)/gi,
    'strategic',
    'Strategic developments',
    'Other',
    47,
  ),
  t(
    /\b(?:chemical (?:attack|weapons? attack|strike)|(?:chlorine|sarin|toxic|poison|mustard|nerve) (?:gas )?(?:attack|was used|bombs?|shells?|strike)|(?:used|using|dropped|fired|deployed) (?:[\w-]+ ){0,2}?(?:sarin|chlorine|mustard gas|nerve agents?|chemical weapons?|toxic gas|poison gas))\b/gi,
    'remote',
    'Explosions/Remote violence',
    'Chemical weapon',
    95,
  ),
  t(
    /\bsuicide (?:bomb(?:ing|er|ers|s)?|attack(?:er|ers|s)?|car bomb(?:ing)?|truck bomb(?:ing)?|blast|vests?)\b|\bblew (?:himself|herself|themselves) up\b/gi,
    'remote',
    'Explosions/Remote violence',
    'Suicide bomb',
    90,
  ),
  t(
    /\b(?:roadside bombs?|IEDs?|improvised explosive devices?|landmines?|land mines?|car bomb(?:s|ing)?|truck bomb|bomb (?:exploded|went off|blast|attack)|booby[- ]trap(?:ped)?|explosive device)\b/gi,
    'remote',
    'Explosions/Remote violence',
    'Remote explosive/landmine/IED',
    80,
  ),
  t(
    /\b(?:air ?strikes?|air raids?|airstrikes?|aerial (?:bombardment|attacks?|strikes?)|drone (?:strikes?|attacks?)|bombing raids?|warplanes?|used (?:military |armed |combat )?drones)\b/gi,
    'remote',
    'Explosions/Remote violence',
    'Air/drone strike',
    70,
  ),
  t(
    /\b(?:shell(?:ed|ing)|artillery (?:fire|strikes?|barrage|attacks?)|mortar (?:fire|rounds?|attacks?|shells?)|rockets? (?:attacks?|fire)|missile (?:strikes?|attacks?)|(?:fired|launched) (?:[\w-]+ ){0,3}?(?:rockets?|missiles?|mortars?|mortar rounds?|shells?|projectiles?)|(?:artillery |tank |mortar )?(?:shells?|rockets?|missiles?|mortar rounds?|mortars|projectiles?) (?:fell|landed|rained|slammed|crashed) (?:on|in|into|near|down)|barrages? of (?:rockets?|missiles?|shells?|artillery|mortars?))\b/gi,
    'remote',
    'Explosions/Remote violence',
    'Shelling/artillery/missile attack',
    65,
  ),
  t(
    /\b(?:threw|thrown|hurled|lobbed|tossed) (?:a |an |two |three )?(?:hand )?grenades?\b|\bgrenades? (?:was |were )?(?:thrown|hurled|lobbed|tossed)\b|\bgrenade (?:attack|blast|explosion)\b/gi,
    'remote',
    'Explosions/Remote violence',
    'Grenade',
    85,
  ),
  // "bombed the bank", "dynamited the pylons", "blew up a bridge": an explosive attack; aircraft named in the
  // report make it an air strike (typing.ts)
  t(
    /\b(?:bombed|bombings?|dynamit(?:ed|ing)|dynamite attacks?|blew up|blown up|blowing up|set off (?:a |an )?(?:bomb|explosive|charge)s?|planted (?:a |an )?(?:bomb|explosive (?:device|charge))s?)\b/gi,
    'remote',
    'Explosions/Remote violence',
    'Remote explosive/landmine/IED',
    60,
  ),
  t(
    /\b(?:explosions?|blasts?|detonated|exploded)\b/gi,
    'remote',
    'Explosions/Remote violence',
    'Remote explosive/landmine/IED',
    40,
  ),
  t(
    /\b(?:struck|hit|pounded|targeted|bombarded|(?:a|an|the)\s+strikes?\s+(?=on|against|targeting|near|in))\b/gi,
    'remote',
    'Explosions/Remote violence',
    'Air/drone strike',
    30,
  ),
  t(
    /\b(?:recaptured|retook|retaken|regained(?: control of)?|liberated|took back|taken back|won back|wrested back)\b/gi,
    'territory',
    'Battles',
    'Government regains territory',
    60,
  ),
  t(
    // no "i" flag: under it \p{Lu} would match any letter, and "seized a cache" is not a capture
    /\b(?:[Cc]aptured|[Ss]eized control of|[Tt]ook control of|[Oo]verran|[Ss]eized the (?:town|city|village|base)|[Ss]eized(?= \p{Lu})|(?:[Tt]ook|[Tt]aken) over (?:the (?:[\w-]+ )?(?:towns?|city|village|district|base|airport|port|camp|area|region|province|county|locality)|(?=\p{Lu})))\b/gu,
    'territory',
    'Battles',
    'Non-state actor overtakes territory',
    58,
  ),
  t(
    /\b(?:clash(?:es|ed)?|fighting|fought|firefights?|gun ?battles?|exchanged fire|ambush(?:ed)?|battles?|offensive|assault on)\b/gi,
    'battle',
    'Battles',
    'Armed clash',
    50,
  ),
  t(
    // "were captured at the bus station": people taken, not a place
    /\b(?:abduct(?:ed|ion|s)?|kidnapp?(?:ed|ing|ings)?|taken hostage|seized (?:\w+ )?hostages?|(?:was|were|been|being) captured)\b/gi,
    'violence',
    'Violence against civilians',
    'Abduction/forced disappearance',
    75,
  ),
  t(
    /\b(?:raped|rape|sexual(?:ly)? (?:violence|assault(?:ed)?|abuse))\b/gi,
    'violence',
    'Violence against civilians',
    'Sexual violence',
    75,
  ),
  t(
    /\b(?:attack(?:ed|s)?|killed|opened fire|assassinat(?:ed|ion)|murdered|machine-?gunned|strafed|fired (?:on|at)|shot at|shot to death|shot and killed|riddled (?:\w+ )?with bullets|massacred?|shot dead|gunned down|executed|stormed|raided|raid|ambush|lynched|beheaded|torched (?:\w+ )?(?:homes|houses|village)|(?:hacked|stabbed|beat|beaten|bludgeoned|clubbed|stoned) (?:[\w-]+ ){0,3}?to death|burned (?:[\w-]+ ){0,3}?alive|tortured)\b/gi,
    'violence',
    'Violence against civilians',
    'Attack',
    35,
  ),
  t(
    // "riot police" and "riot gear" are the ones facing a crowd, not a riot
    /\b(?:riot(?:s|ed|ers|ing)?(?!\s+(?:police|policemen|gear|squads?|control|shields?|units?|officers?|troops|act))|threw stones|stone-throwing|set (?:fire|ablaze)|torched)\b/gi,
    'riot',
    'Riots',
    'Violent demonstration',
    45,
  ),
  t(/\b(?:mob|lynch(?:ed|ing)?|vigilantes)\b/gi, 'riot', 'Riots', 'Mob violence', 44),
  t(
    /\b(?:protest(?:ed|ing|s|ers|ors)?|demonstrat(?:ed|ing|ion|ions|ors)|rall(?:y|ied|ies)|marched|sit-ins?|took to the streets|gathered (?=in|at|outside|near|on)|staged (?:a )?(?:march|vigil|strike|walkout)|went on (?:a )?(?:\w+ )?strike|(?:general|hunger|labou?r) strikes?|walked off the job)\b/gi,
    'protest',
    'Protests',
    'Peaceful protest',
    42,
  ),
  t(
    /\b(?:arrest(?:ed|s)?|detained|rounded up|took into custody|taken into custody)\b/gi,
    'strategic',
    'Strategic developments',
    'Arrests',
    41,
  ),
  t(
    /\b(?:ceasefire|truce|peace (?:deal|agreement|accord)|signed (?:an? )?(?:agreement|deal)|(?:prisoner|detainee|captive) (?:swap|exchange|release deal)|exchanged (?:\w+ )?(?:prisoners|detainees|captives|prisoners of war)|agreed to (?:a )?(?:ceasefire|truce))\b/gi,
    'strategic',
    'Strategic developments',
    'Agreement',
    43,
  ),
  t(
    /\b(?:defused|defusing|dismantled|neutrali[sz]ed|detonated safely|intercepted|shot down|seized|found|discovered|uncovered|recovered)\s+(?:[\w-]+\s+){0,3}?(?:bombs?|IEDs?|(?:improvised )?explosive devices?|explosives|(?:land)?mines|landmine|car bombs?|suicide vests?|drones?|missiles?|rockets?|(?:weapons?|arms|ammunition) (?:caches?|depots?|stockpiles?)|(?:caches?|stockpiles?|depots?|haul) of (?:weapons|arms|ammunition|explosives))\b/gi,
    'strategic',
    'Strategic developments',
    'Disrupted weapons use',
    88,
  ),
  t(
    // "the missile was intercepted"; "police intercepted four suspects", "intercepted the car" stop people, not
    // a weapon (weapons named after the verb are read by the rule above)
    /\b(?:defused|intercepted(?!\s+(?:a|an|the|his|her|their|its|two|three|four|five|six|\d+|several|some)\b)|shot down|dismantled (?:an? )?(?:IED|bomb|explosive)|weapons cache)\b/gi,
    'strategic',
    'Strategic developments',
    'Disrupted weapons use',
    62,
  ),
  t(
    /\b(?:(?:established|set up|setting up|opened|built|erected) (?:a |an |its |their )?(?:new )?(?:\w+ )?(?:base|bases|headquarters|outposts?|military posts?|command (?:centre|center|post)|training camp))\b/gi,
    'strategic',
    'Strategic developments',
    'Headquarters or base established',
    43,
  ),
  // sabotage of installations: property destroyed; with explosives it is an explosive attack (typing.ts)
  t(
    /\b(?:sabotag(?:ed|ing)|acts? of sabotage|sabotage (?:of|against|on))\b/gi,
    'strategic',
    'Strategic developments',
    'Looting/property destruction',
    48,
  ),
  t(
    /\b(?:looted|looting|pillaged|demolished|burned down|burned (?=(?:(?:the|a|an|\d+|two|three|four|five|six|seven|eight|nine|ten|several|some|their|its)\s+)?(?:[\w-]+\s+){0,2}(?:houses?|homes?|vehicles?|buses|bus|cars?|trucks?|buildings?|offices?|shops?|stores?|farms?|facilities|warehouses?|churche?s?|schools?)\b))/gi,
    'strategic',
    'Strategic developments',
    'Looting/property destruction',
    46,
  ),
  t(
    /\b(?:withdrew from|pulled out of|handed over (?:control of )?)\b/gi,
    'strategic',
    'Strategic developments',
    'Non-violent transfer of territory',
    37,
  ),
  t(
    /\b(?:pledged allegiance|announced (?:the |its )?(?:formation|merger|dissolution|disbandment)|defected|disbanded|merged with|joined forces with|split from|broke away from|rebranded)\b/gi,
    'strategic',
    'Strategic developments',
    'Change to group/activity',
    36,
  ),
];

/** The rules' patterns, scanned together. */
const TRIGGER_SET = new PatternSet(TRIGGERS.map((r) => r.rx));

// News that is not political violence, a protest or a strategic development uses the same verbs
// ("floods killed 12", "an earthquake struck", "shares rallied", "robbers raided a bank"). A general
// trigger is dropped when its sentence names such a cause and no armed or political party; a trigger that
// names a weapon of war (a drone strike, a roadside bomb) is never dropped.

/** Natural hazards, accidents and disease: causes of death and damage that no party inflicts. */
const NATURAL_OR_ACCIDENT =
  /\b(?:floods?|flooding|floodwaters?|flash floods?|heavy rains?|torrential rains?|earthquakes?|quakes?|tremors?|aftershocks?|landslides?|mudslides?|storms?|cyclones?|hurricanes?|typhoons?|tornado(?:e)?s?|lightning|droughts?|heat ?waves?|wildfires?|bushfires?|forest fires?|avalanches?|tsunamis?|volcan\w*|eruptions?|(?:road|traffic|car|bus|truck|lorry|train|rail|plane|air|boat|ferry|mining|mine|industrial|factory) (?:accident|crash|collision|disaster|fire|blast|explosion)s?|crash(?:ed|es)?|collided|collisions?|derail(?:ed|ment)|capsized|sank|gas (?:cylinders?|canisters?|tanks?|leaks?|pipelines?)|boilers?|short[- ]circuits?|electrical faults?|fireworks|(?:a|the) (?:fire|blaze) (?:at|in|broke out|swept)|fire broke out|blaze|outbreaks?|epidemics?|pandemics?|cholera|measles|ebola|malaria|dengue|covid(?:-19)?|coronavirus|influenza|virus(?:es)?|infections?|diseases?)\b/i;
/** Crime for gain or in the family: ordinary crime whoever the victim is. */
const GAIN_OR_FAMILY_WORDS =
  'robbers?|robber(?:y|ies)|robbed|burglar(?:s|y|ies)?|thieves|thief|thefts?|stealing|stole|stolen|heists?|carjack\\w*|domestic (?:violence|dispute)|family (?:feud|dispute)';
const GAIN_OR_FAMILY = new RegExp(`\\b(?:${GAIN_OR_FAMILY_WORDS})\\b`, 'i');
/** Ordinary crime against property: not coded as political violence or arrests. */
const PROPERTY_CRIME = new RegExp(
  `\\b(?:${GAIN_OR_FAMILY_WORDS}|shoplift\\w*|pickpocket\\w*|fraud(?:sters?)?|embezzl\\w*|counterfeit\\w*|stabb(?:ed|ing)|murder(?:ed|ing|s)?)\\b`,
  'i',
);
/** People killed for the public role they hold: their murder is political violence, not ordinary crime. */
const PUBLIC_FIGURE =
  /\b(?:diplomats?|ambassadors?|consuls?|(?:first|second|third) secretary|judges?|magistrates?|prosecutors?|mayors?|governors?|ministers?|senators?|congress(?:m[ae]n|wom[ae]n)|legislators?|deputies|council(?:l)?ors?|politicians?|(?:presidential |political )?candidates?|journalists?|reporters?|editors?|priests?|bishops?|archbishops?|nuns?|trade unionists?|union (?:leaders?|officials?)|(?:political|party|opposition|peasant|student|labou?r|community) leaders?|(?:human )?rights (?:activists?|defenders?|workers?)|spokes(?:m[ae]n|person))\b/i;
/** Markets and the economy: prices "hit" highs, shares "rally", firms "fight" inflation. */
const ECONOMY =
  /\b(?:shares|stocks?|stock (?:market|exchange)|(?:market|share|stock) prices?|prices?|currency|currencies|exchange rates?|bonds?|yields?|investors|inflation|GDP|economy|economic growth|earnings|profits?|revenues?|tariffs?|(?:\w+-)?(?:month|year|week) (?:high|low)s?|record (?:high|low)s?|all-time (?:high|low)s?|per ?cent|percent)\b/i;
/** A party to political violence or a political contest: with one present, the sentence stays. */
const ARMED_OR_POLITICAL =
  /\b(?:gunmen|guerrillas?|death squads?|paramilitar(?:y|ies)|commandos?|militants?|militias?|militiamen|insurgents?|rebels?|jihadists?|fighters|terrorists?|armed (?:group|men|forces)|soldiers?|troops|army|military|security forces|forces|warplanes?|drones?|shelling|bomb(?:s|ing|ings|ed)?|opposition|protesters?|demonstrators?|activists?|rioters?|mob|junta|regime)\b/i;
/** "Armed robbers raided a bank": crime even where someone is armed; only a named conflict party overrides. */
const CONFLICT_PARTY =
  /\b(?:guerrillas?|death squads?|paramilitar(?:y|ies)|commandos?|national guard|military|security forces|militants?|militias?|militiamen|insurgents?|rebels?|jihadists?|terrorists?|soldiers?|troops|army|opposition|protesters?|demonstrators?|activists?|junta)\b/i;

/** The sentence around a span: from the last sentence end before it to the next one after it. */
function sentenceAround(text: string, span: Span): Span {
  const before = text.slice(0, span.start);
  const from = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'), -1) + 1;
  const rest = text.slice(span.end);
  const stop = rest.search(/[.!?](?:\s|$)|\n/);
  return { start: from, end: stop < 0 ? text.length : span.end + stop };
}

/**
 * Why a trigger reports no conflict, protest or strategic event, or null when it may. `parties` are the
 * spans of named armed parties (actors of the lexicon: "the Shining Path murdered two officials" is
 * political violence, not crime, though no generic word like "rebels" says so).
 */
export function nonConflictReason(
  text: string,
  m: TriggerMention,
  parties: readonly Span[] = [],
): string | null {
  if (m.rule.priority >= 62) return null;
  const around = sentenceAround(text, m);
  const s = text.slice(around.start, around.end);
  const party = parties.some((p) => p.start >= around.start && p.end <= around.end);
  // "the diplomat was murdered in the capital": a killing for the victim's public role is political violence
  const publicFigure = m.rule.family === 'violence' && PUBLIC_FIGURE.test(s) && !GAIN_OR_FAMILY.test(s);
  if (
    m.rule.family !== 'riot' &&
    PROPERTY_CRIME.test(s) &&
    !CONFLICT_PARTY.test(s) &&
    !party &&
    !publicFigure
  )
    return 'ordinary crime';
  if (party || ARMED_OR_POLITICAL.test(s)) return null;
  // people protest about floods, prices and lockdowns: only a market "rally" is no protest
  const crowd = m.rule.family === 'protest' || m.rule.family === 'riot';
  if (crowd) return /^rall/i.test(m.text) && ECONOMY.test(s) ? 'markets and the economy' : null;
  if (NATURAL_OR_ACCIDENT.test(s)) return 'natural hazard, accident or disease';
  if (ECONOMY.test(s)) return 'markets and the economy';
  return null;
}

/**
 * "a man accused of kidnapping children", "after accusing them of theft": what a person is accused of is
 * no event of this report (the arrest or the mob that follows is). A party accusing another party
 * ("Ukraine accused Russia of shelling Kherson") still reports an event.
 */
const ALLEGED_BEFORE =
  /\b(?:accused|accusing|accuses|suspected|charged|convicted|guilty)\s+(?:(?:him|her|them)\s+)?(?:of|with)\s+(?:\w+\s+){0,2}$/i;

/**
 * Triggers in a text; where two overlap, the higher priority stays. Non-conflict news is left out
 * (`parties`: the spans of named armed parties, see nonConflictReason).
 */
export function findTriggers(text: string, parties: readonly Span[] = []): TriggerMention[] {
  const all: TriggerMention[] = [];
  const matches = TRIGGER_SET.matchAll(text);
  TRIGGERS.forEach((rule, k) => {
    for (const m of matches[k]!) all.push({ start: m.index, end: m.index + m[0].length, text: m[0], rule });
  });
  all.sort((a, b) => b.rule.priority - a.rule.priority || a.start - b.start);
  const kept: TriggerMention[] = [];
  for (const m of all) if (!kept.some((k) => k.start < m.end && m.start < k.end)) kept.push(m);
  return kept
    .filter(
      (m) =>
        !nonConflictReason(text, m, parties) &&
        !ALLEGED_BEFORE.test(text.slice(Math.max(0, m.start - 50), m.start)),
    )
    .sort((a, b) => a.start - b.start);
}
