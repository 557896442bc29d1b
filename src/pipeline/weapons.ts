// Stage: weapons with counts ("seven military drones as well as six ballistic missiles").
import type { Span, Weapon } from '../domain/types.js';
import { STATE_FORCES } from './actor-lexicon.js';
import { parseNumber } from './numbers.js';

const VAGUE_COUNTS = new Set(['several', 'dozens', 'dozens of', 'hundreds of']);

export interface WeaponMention extends Span, Weapon {
  text: string;
}

/** Weapon nouns → the kind Docket records (singular; type-defining adjectives kept). */
const NOUNS: [RegExp, string][] = [
  [
    /suicide (?:car |truck )?bombs?|suicide vests?|explosives?[- ](?:vests?|belts?)|(?:vehicle-borne )?suicide bombers?/,
    'suicide bomb',
  ],
  [/car[- ]bombs?|truck[- ]bombs?|VBIEDs?|vehicle-borne (?:improvised )?explosive devices?/, 'car bomb'],
  [/roadside bombs?|IEDs?|improvised explosive devices?|improvised bombs?/, 'improvised explosive device'],
  [/(?:land)?mines?|land mines?/, 'landmine'],
  [/barrel bombs?/, 'barrel bomb'],
  [/ballistic missiles?/, 'ballistic missile'],
  [/cruise missiles?/, 'cruise missile'],
  [/(?:anti-tank |guided |surface-to-air |air-to-surface )?missiles?/, 'missile'],
  [/(?:Grad |Katyusha )?rockets?/, 'rocket'],
  [/mortar (?:shells?|rounds?|bombs?)|mortars?/, 'mortar'],
  [/artillery (?:shells?|rounds?)|tank shells?|shells?/, 'artillery shell'],
  [
    /(?:kamikaze |suicide |combat |armed |attack |bomber |military |Shahed |FPV )?drones?|unmanned aerial vehicles?|UAVs?/,
    'drone',
  ],
  [/rocket-propelled grenades?|RPGs?/, 'rocket-propelled grenade'],
  [/(?:hand )?grenades?/, 'grenade'],
  [/warplanes?|fighter jets?|jets|aircraft|helicopter gunships?|helicopters?/, 'aircraft'],
  [/(?:chlorine|sarin|mustard) gas|chemical weapons?|toxic gas/, 'chemical weapon'],
  [/bombs?/, 'bomb'],
  [/dynamite(?: (?:charges?|sticks?|gel))?|sticks? of dynamite/, 'dynamite'],
  [/explosive (?:devices?|charges?)|explosives/, 'explosives'],
  [
    /(?:sub)?machine ?guns?|(?:sub)?machineguns?|automatic (?:weapons|rifles?)|(?:(?:AK-?47|M-?16|assault) )?rifles?|AK-?47s?|firearms?|pistols?|revolvers?|shotguns?/,
    'firearm',
  ],
  [/knives|knife|machetes?|axes/, 'blade'],
];

const COUNT = `(?:(\\d{1,3}(?:,\\d{3})*|\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty|forty|fifty|dozens of|several|two dozen|a dozen|dozens|hundreds of)\\s+)?`;
const ADJ = `(?:(?:military|${Object.keys(STATE_FORCES)
  .map((k) => k.replace(/\./g, '\\.'))
  .join(
    '|',
  )}|locally[- ]made|locally[- ]produced|home-?made|heavy|explosive-laden|explosives-laden|unidentified|enemy|armed)\\s+){0,2}`;

const RX = new RegExp(`\\b${COUNT}${ADJ}(${NOUNS.map(([rx]) => rx.source).join('|')})\\b`, 'gi');

const SKILL_OR_SUPPLY_BEFORE =
  /\b(?:speciali[sz](?:ing|ed|ts?) in|experts? (?:in|on)|expertise in|trained in|(?:ammunition|rounds|cartridges|magazines|spare parts) for)\s+$/i;

export function findWeapons(text: string): WeaponMention[] {
  const out: WeaponMention[] = [];
  for (const m of text.matchAll(RX)) {
    const noun = m[2] ?? '';
    const kind = NOUNS.find(([rx]) => new RegExp(`^(?:${rx.source})$`, 'i').test(noun))?.[1];
    if (!kind) continue;
    const rawCount = (m[1] ?? '').toLowerCase();
    let count: number | null = null;
    // Vague words ("several shells", "dozens of rockets") give no count: Docket does not invent one.
    if (rawCount && !VAGUE_COUNTS.has(rawCount)) {
      if (rawCount === 'a dozen') count = 12;
      else if (rawCount === 'two dozen') count = 24;
      else count = rawCount === 'a' || rawCount === 'an' ? 1 : parseNumber(rawCount);
    }
    // "23-millimeter cannons", "drone footage": a noun used as a modifier is no weapon
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 14);
    // "police specializing in explosives", "ammunition for ak-47 rifles": a skill or a supply, not arms used
    if (SKILL_OR_SUPPLY_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    if (
      /^[\s-]*(?:operations?|programme|program|industry|footage|images?|factory|production|unit|debris|launch(?:er|ers|es)?|disposal|squads?|experts?|technicians?|scares?|threats?|makers?|-making)\b/i.test(
        after,
      )
    )
      continue;
    // "a drone strike" names one drone attack; "700 drone strikes" counts attacks, not weapons
    if (
      /^\s*(?:strikes?|attacks?|raids?)\b/i.test(after) &&
      rawCount &&
      !['a', 'an', 'one'].includes(rawCount)
    )
      continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], kind, count });
  }
  return out;
}

/** "confiscated one rifle", "explosives were found": weapons taken or found, not used. */
const SEIZED_BEFORE =
  /\b(?:confiscat(?:ed|ing)|seiz(?:ed|ing)|found|recover(?:ed|ing)|captur(?:ed|ing)|discover(?:ed|ing)|uncover(?:ed|ing)|impound(?:ed|ing)|cache of|caches of|arsenal of|stockpiles? of|possession of|smuggl(?:ed|ing)|traffick(?:ed|ing)|sold|bought|purchas(?:ed|ing)|suppl(?:y|ied|ying)|deliver(?:ed|ing)|shipments? of|handed over|turned in|surrendered)\s+(?:\.?[\w-]+(?:[,:;\s]+|$)){0,30}$/i;
const SEIZED_AFTER =
  /^\s*(?:[\w-]+\s+){0,4}?(?:were|was|had been|have been|has been)\s+(?:\w+\s+)?(?:confiscated|seized|found|recovered|captured|discovered|impounded|handed over|turned in)\b/i;

/** Whether a weapon mention names arms taken, found or traded rather than used. */
export function isSeizedWeapon(text: string, w: Span): boolean {
  return (
    SEIZED_BEFORE.test(text.slice(Math.max(0, w.start - 240), w.start)) ||
    SEIZED_AFTER.test(text.slice(w.end, w.end + 60))
  );
}
