// Stage: settle the ACLED event and sub-event type once weapons, actors and target words are known.
import type { EventType, SubEventType } from '../domain/types.js';
import type { TriggerMention } from './triggers.js';

export interface TypingInput {
  trigger: TriggerMention;
  weaponKinds: string[];
  /** Text of the event's argument window. */
  window: string;
  actor1Inter: number | null;
  actor2Inter: number | null;
  fatalities: number | null;
}

const byWeapon: [string[], SubEventType][] = [
  [['chemical weapon'], 'Chemical weapon'],
  [['suicide bomb'], 'Suicide bomb'],
  [
    ['car bomb', 'improvised explosive device', 'landmine', 'dynamite', 'explosives'],
    'Remote explosive/landmine/IED',
  ],
  [['grenade'], 'Grenade'],
  [['drone', 'aircraft', 'barrel bomb'], 'Air/drone strike'],
  [
    ['ballistic missile', 'cruise missile', 'missile', 'rocket', 'mortar', 'artillery shell'],
    'Shelling/artillery/missile attack',
  ],
];

const CIVILIAN_TARGET =
  /\b(?:village|villages|market|mosque|church|school|hospital|clinic|bus|minibus|camp for displaced|displacement camp|homes?|houses?|wedding|funeral|restaurant|hotel|residential|neighbou?rhood|farm|well)\b/i;
const MILITARY_TARGET =
  /\b(?:soldiers?|troops|military|army|base|checkpoint|convoy|patrol|barracks|police station|parade|positions?|outpost|garrison|fighters?|militants?|insurgents?|jihadists?|rebels?|headquarters)\b/i;

/** "a gold mine", "the mine workers": a mine that is a pit, not an explosive. */
const MINE_AS_PIT =
  /\b(?:gold|coal|copper|diamond|salt|tin|iron|cobalt|uranium|lithium|open[- ]pit|artisanal|mining) mines?\b|\bmines? (?:workers?|site|owners?|shaft)\b/i;
const MINE_AS_WEAPON =
  /\bland ?mines?\b|\bmines? (?:exploded|blasts?|went off|explosions?)\b|\b(?:anti-personnel|anti-tank|planted|laid) mines?\b/i;

/** Crowd violence: what rioters do, not what armed groups fighting each other do. */
const RIOT_CUES =
  /\b(?:(?:threw|throwing|hurled|hurling|pelted|pelting)\s+(?:\w+\s+)?(?:stones|rocks|bricks|bottles|petrol bombs|molotov cocktails)|(?:burn(?:ed|ing|t)|set fire to)\s+(?:\w+\s+)?tyres|burning tires|barricades?|rioters|rioting|stone-throwing)\b/i;

export function settleType(input: TypingInput): { eventType: EventType; subEventType: SubEventType } {
  // a mine that is a pit is no weapon
  const x: TypingInput =
    input.weaponKinds.includes('landmine') &&
    MINE_AS_PIT.test(input.window) &&
    !MINE_AS_WEAPON.test(input.window)
      ? { ...input, weaponKinds: input.weaponKinds.filter((k) => k !== 'landmine') }
      : input;
  const { rule } = x.trigger;
  const strongRemote = rule.family === 'remote' && rule.priority >= 65;
  if (rule.family === 'remote' || rule.family === 'violence' || rule.family === 'battle') {
    if (!(strongRemote && rule.subEventType !== 'Air/drone strike')) {
      for (const [kinds, sub] of byWeapon) {
        if (x.weaponKinds.some((k) => kinds.includes(k))) {
          // a suicide bomb or a chemical trigger stays what it says
          if (rule.priority >= 85) break;
          return { eventType: 'Explosions/Remote violence', subEventType: sub };
        }
      }
    }
  }
  // "the air force bombed …": a bombing from the air
  if (
    /^bomb/i.test(x.trigger.text) &&
    /\b(?:air force|aircraft|(?:war)?planes?|helicopters?|jets?|aviation)\b/i.test(x.window)
  )
    return { eventType: 'Explosions/Remote violence', subEventType: 'Air/drone strike' };
  // sabotage with explosives is an explosive attack
  if (
    rule.subEventType === 'Looting/property destruction' &&
    /^sabotag|sabotage/i.test(x.trigger.text) &&
    x.weaponKinds.some((k) => ['dynamite', 'explosives', 'bomb', 'improvised explosive device'].includes(k))
  )
    return { eventType: 'Explosions/Remote violence', subEventType: 'Remote explosive/landmine/IED' };
  if (rule.family === 'remote' && rule.subEventType === 'Air/drone strike' && rule.priority <= 30) {
    // "struck"/"hit" with no weapon named: an attack, typed by its target below
    if (!x.weaponKinds.length) return settleAttack(x);
  }
  if (rule.family === 'violence' && rule.subEventType === 'Attack') return settleAttack(x);
  if (rule.family === 'territory') {
    if (x.actor1Inter === 1) return { eventType: 'Battles', subEventType: 'Government regains territory' };
    if (x.actor1Inter !== null)
      return { eventType: 'Battles', subEventType: 'Non-state actor overtakes territory' };
  }
  // "supporters clashed with police, throwing stones and burning tyres": a riot, not a battle
  if (
    rule.family === 'battle' &&
    (x.actor1Inter === 5 || x.actor1Inter === 6 || RIOT_CUES.test(x.window)) &&
    !x.weaponKinds.length
  )
    return { eventType: 'Riots', subEventType: 'Violent demonstration' };
  // arson by an armed party ("gunmen set fire to a church") destroys property; by a crowd it is a riot
  if (
    rule.family === 'riot' &&
    rule.subEventType === 'Violent demonstration' &&
    /^(?:set|torched)/i.test(x.trigger.text) &&
    x.actor1Inter !== null &&
    [1, 2, 3, 4, 8].includes(x.actor1Inter)
  )
    return { eventType: 'Strategic developments', subEventType: 'Looting/property destruction' };
  if (rule.family === 'protest') {
    if (
      /\b(?:(?:shot|killed|opened fire on|beat|beaten)\b.*\b(?:protesters|demonstrators)|live (?:fire|ammunition))\b/i.test(
        x.window,
      ) ||
      (x.fatalities ?? 0) > 0
    )
      return { eventType: 'Protests', subEventType: 'Excessive force against protesters' };
    if (
      /\b(?:tear ?gas|dispersed|water cannons?|rubber bullets|arrested|detained|broke up)\b/i.test(x.window)
    )
      return { eventType: 'Protests', subEventType: 'Protest with intervention' };
    if (
      /\b(?:riot|threw stones|torched|set fire|clashed with (?:police|security forces)|looted)\b/i.test(
        x.window,
      ) ||
      RIOT_CUES.test(x.window)
    )
      return { eventType: 'Riots', subEventType: 'Violent demonstration' };
  }
  return { eventType: rule.eventType, subEventType: rule.subEventType };
}

function settleAttack(x: TypingInput): { eventType: EventType; subEventType: SubEventType } {
  // a raid that ends in detentions, with nobody killed, is an arrest operation
  if (
    /^(?:raid|raided|stormed)/i.test(x.trigger.text) &&
    /\b(?:arrest(?:ed|ing)?|detain(?:ed|ing)?|took into custody|rounded up)\b/i.test(x.window) &&
    !x.fatalities &&
    !/\b(?:killed|killing|shot|opened fire|clash(?:ed|es)?|exchange of fire)\b/i.test(x.window)
  )
    return { eventType: 'Strategic developments', subEventType: 'Arrests' };
  // Only what follows the trigger names the target ("soldiers and Wagner fighters executed 17 men").
  const target = x.window.slice(Math.max(0, x.window.indexOf(x.trigger.text)));
  // killing named or chosen people ("assassinated the judge", "murdered two peasants") targets them
  if (/^(?:executed|massacred?|beheaded|lynched|murdered|assassinat|shot to death)/i.test(x.trigger.text))
    return { eventType: 'Violence against civilians', subEventType: 'Attack' };
  if (x.actor2Inter === 7 || CIVILIAN_TARGET.test(target.slice(0, 80)))
    return { eventType: 'Violence against civilians', subEventType: 'Attack' };
  if ((x.actor2Inter !== null && x.actor2Inter !== 6) || MILITARY_TARGET.test(target))
    return { eventType: 'Battles', subEventType: 'Armed clash' };
  return { eventType: 'Violence against civilians', subEventType: 'Attack' };
}
