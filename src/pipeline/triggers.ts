// Stage: event triggers — words that report something happening — with the ACLED type they suggest.
// The type may still change once the weapons and the target are known (see typing.ts).
import type { EventType, Span, SubEventType } from '../domain/types.js';

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
  t(
    /\b(?:chemical (?:attack|weapons? attack|strike)|(?:chlorine|sarin|toxic) gas (?:attack|was used))\b/gi,
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
    /\b(?:air ?strikes?|air raids?|airstrikes?|aerial (?:bombardment|attacks?|strikes?)|drone (?:strikes?|attacks?)|bombing raids?|bombed|warplanes?|used (?:military |armed |combat )?drones)\b/gi,
    'remote',
    'Explosions/Remote violence',
    'Air/drone strike',
    70,
  ),
  t(
    /\b(?:shell(?:ed|ing)|artillery (?:fire|strikes?|barrage|attacks?)|mortar (?:fire|rounds?|attacks?|shells?)|rockets? (?:attacks?|fire)|missile (?:strikes?|attacks?)|fired (?:an? |\w+ ){0,2}(?:rockets?|missiles?|mortars?|shells?))\b/gi,
    'remote',
    'Explosions/Remote violence',
    'Shelling/artillery/missile attack',
    65,
  ),
  t(
    /\b(?:threw|hurled|lobbed) (?:a )?(?:hand )?grenades?\b|\bgrenade attack\b/gi,
    'remote',
    'Explosions/Remote violence',
    'Grenade',
    85,
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
    /\b(?:recaptured|retook|regained control of|liberated)\b/gi,
    'territory',
    'Battles',
    'Government regains territory',
    60,
  ),
  t(
    /\b(?:captured|seized control of|took control of|overran|seized the (?:town|city|village|base)|seized(?= \p{Lu}))\b/giu,
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
    /\b(?:abduct(?:ed|ion|s)?|kidnapp?(?:ed|ing|ings)?|taken hostage|seized (?:\w+ )?hostages?)\b/gi,
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
    /\b(?:attack(?:ed|s)?|killed|opened fire|massacred?|shot dead|gunned down|executed|stormed|raided|raid|ambush|lynched|beheaded|torched (?:\w+ )?(?:homes|houses|village))\b/gi,
    'violence',
    'Violence against civilians',
    'Attack',
    35,
  ),
  t(
    /\b(?:riot(?:s|ed|ers|ing)?|threw stones|stone-throwing|set (?:fire|ablaze)|torched)\b/gi,
    'riot',
    'Riots',
    'Violent demonstration',
    45,
  ),
  t(/\b(?:mob|lynch(?:ed|ing)?|vigilantes)\b/gi, 'riot', 'Riots', 'Mob violence', 44),
  t(
    /\b(?:protest(?:ed|s|ers|ors)?|demonstrat(?:ed|ion|ions|ors)|rall(?:y|ied|ies)|marched|sit-ins?|took to the streets|gathered (?=in|at|outside|near|on)|staged (?:a )?(?:march|vigil|strike|walkout))\b/gi,
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
    /\b(?:ceasefire|truce|peace (?:deal|agreement|accord)|signed (?:an? )?(?:agreement|deal)|prisoner (?:swap|exchange)|agreed to (?:a )?(?:ceasefire|truce))\b/gi,
    'strategic',
    'Strategic developments',
    'Agreement',
    43,
  ),
  t(
    /\b(?:defused|intercepted|shot down|dismantled (?:an? )?(?:IED|bomb|explosive)|weapons cache)\b/gi,
    'strategic',
    'Strategic developments',
    'Disrupted weapons use',
    62,
  ),
  t(
    /\b(?:established (?:a |an )?(?:new )?(?:base|headquarters|outpost|military post))\b/gi,
    'strategic',
    'Strategic developments',
    'Headquarters or base established',
    43,
  ),
  t(
    /\b(?:looted|looting|pillaged|demolished|burned down)\b/gi,
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
    /\b(?:pledged allegiance|announced (?:the )?(?:formation|merger|dissolution)|defected)\b/gi,
    'strategic',
    'Strategic developments',
    'Change to group/activity',
    36,
  ),
];

/** Triggers in a text; where two overlap, the higher priority stays. */
export function findTriggers(text: string): TriggerMention[] {
  const all: TriggerMention[] = [];
  for (const rule of TRIGGERS) {
    for (const m of text.matchAll(rule.rx))
      all.push({ start: m.index, end: m.index + m[0].length, text: m[0], rule });
  }
  all.sort((a, b) => b.rule.priority - a.rule.priority || a.start - b.start);
  const kept: TriggerMention[] = [];
  for (const m of all) if (!kept.some((k) => k.start < m.end && m.start < k.end)) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}
