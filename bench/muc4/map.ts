// Docket's extraction → MUC-4 role fillers. Pure: reads an Extraction, returns strings with where each
// came from. The filler text is the source's own words (an evidence span or actor mention) where
// Docket keeps one, so it can match a gold mention.
//   PerpInd  actor1 mentions that describe people, not a named group: generic armed groups
//            ("gunmen", "rebels") and state forces named by their members ("soldiers", "policemen"); also
//            generic armed groups told beside the perpetrator as associates ("fmln guerrillas"); the
//            members of a named group as the actors' evidence span tells them ("members of the fmln").
//   PerpOrg  actor1 mentions of a named group or of a state force as a body ("army", "police"), and
//            the claimant of an asserted responsibility claim.
//   Target   the event's physical targets ("police station"), as the source names them.
//   Victim   the event's victims named by name ("antonio roldan betancur"): the GTT annotation of
//            TST1 + TST2 has only names as Victim fillers, so descriptions ("peasants") and actor2
//            mentions ("people", "police"), which never matched, are not mapped.
//   Weapon   weapons evidence spans; the weapon kind when no span is kept; no aircraft (the platform
//            that fired, not the arm).
import type { EventActor, ExtractedEvent, Extraction } from '../../src/domain/types.js';
import { normalise, ROLES, type PredRoles, type Role } from './metric.js';

export interface Filler {
  role: Role;
  text: string;
  /** Where it came from, for the error file: "e1 actor1 Unidentified Armed Group (Peru)", "c2 claimant". */
  from: string;
}

const GENERIC_GROUP = /^(?:Unidentified Armed Group|Protesters|Rioters|Civilians) \(/;
const STATE_FORCE = /^(?:Military|Police) Forces of /;
/** A state force named by its members rather than as a body. */
const MEMBERS =
  /\b(?:soldiers|troops|policemen|police officers|officers|agents|guards|servicemen|personnel|men)$/i;

/** Which perpetrator role an actor1 mention fills. */
export function perpetratorRole(a: Pick<EventActor, 'name' | 'mention'>): 'PerpInd' | 'PerpOrg' {
  if (GENERIC_GROUP.test(a.name)) return 'PerpInd';
  if (STATE_FORCE.test(a.name)) return MEMBERS.test(a.mention.trim()) ? 'PerpInd' : 'PerpOrg';
  return 'PerpOrg';
}

/** ACLED sub-event types that are no MUC-4 incident: no violent act of terror (agreements, bases, arrests,
 * peaceful protest) or military operations (air strikes, territory won or lost). */
const NOT_INCIDENT = new Set<string>([
  'Agreement',
  'Headquarters or base established',
  'Change to group/activity',
  'Non-violent transfer of territory',
  'Government regains territory',
  'Non-state actor overtakes territory',
  'Air/drone strike',
  'Peaceful protest',
  'Protest with intervention',
  'Arrests',
  'Other',
]);

/** Victims who are combatants: their loss in a clash is no act of terror. */
const COMBATANT =
  /\b(?:soldiers?|troops?|members|policem[ae]n|police|guards?|officers?|rebels?|guerrillas?|fighters?|combatants?|terrorists?|militiam[ae]n|agents?)$/i;

/** Installations and units of the military or police. */
const MILITARY_SITE =
  /\b(?:police|military|army|battalion|brigade|garrison|barracks|base|bases|post|posts|patrol|company|detachment|guard|troops?|soldiers?|outpost|headquarters|infantry|helicopters?|aircraft)\b/i;

/** Vehicles: a target that carries whoever rides in it. */
const VEHICLE = /\b(?:vehicles?|cars?|trucks?|jeeps?|pick-?ups?|vans?|convoys?)$/i;

/** Words of combat between armed parties. */
const CLASH = /^(?:clash|fight|fought|battle|firefight|gun ?battle|exchanged fire|offensive)/i;

/** The words that name an actor in a target ("fmln" of "FMLN: Farabundo Marti …" or of its mention). */
function ownWords(a: EventActor): string[] {
  const short = a.name.split(':')[0]!.trim().toLowerCase();
  return [short, a.mention.trim().toLowerCase()].filter((w) => w.length >= 3).map((w) => ` ${w} `);
}

/**
 * Whether an event is a MUC-4 incident (taskdoc: an act of terror; "clashes" between guerrillas and the
 * military or police are not, unless civilians or their property are hit).
 */
export function isIncident(e: ExtractedEvent): boolean {
  if (NOT_INCIDENT.has(e.subEventType)) return false;
  const trigger = e.evidence.find((v) => v.field === 'trigger')?.text ?? '';
  const a1 = e.actors.find((a) => a.role === 'actor1');
  const a2 = e.actors.find((a) => a.role === 'actor2');
  const armed = (a: EventActor | undefined): boolean => a !== undefined && a.inter !== null && a.inter !== 7;
  // a person named is a civilian unless named by a rank or force ("a noncommissioned officer")
  const civilian =
    (e.victims ?? []).some((v) => !COMBATANT.test(v.text)) || e.actors.some((a) => a.inter === 7);
  // a clash in which civilian property is hit ("fighting raged when rebels attacked a power substation") is
  // an incident; one between armed parties only is not
  // (not a site of an armed party itself: "an fmln safehouse" raided by troops)
  const partySite = (t: string): boolean =>
    e.actors.some((a) => a.inter !== null && a.inter !== 7 && ownWords(a).some((w) => t.includes(w)));
  // the vehicle that carried the soldiers or policemen killed is theirs ("dynamited the vehicle in which
  // seven policemen were travelling")
  const victims = e.victims ?? [];
  const combatantsOnly = victims.length > 0 && victims.every((v) => COMBATANT.test(v.text));
  const site = (t: string): boolean => MILITARY_SITE.test(t) || (combatantsOnly && VEHICLE.test(t));
  const civilianSite =
    a1?.inter !== 1 &&
    (e.targets ?? []).some((t) => !site(t.text) && !partySite(` ${t.text.toLowerCase()} `));
  if (
    (e.subEventType === 'Armed clash' || CLASH.test(trigger)) &&
    armed(a1) &&
    (armed(a2) || e.actors.some((a) => a.role === 'associate' && armed(a) && a.inter !== a1?.inter)) &&
    !civilian &&
    !civilianSite
  )
    return false;
  // "fighting raged around the hospital": combat told with one armed party and no one acting, no civilian hurt
  if ((e.subEventType === 'Armed clash' || CLASH.test(trigger)) && !a1 && armed(a2) && !civilian)
    return false;
  // "25 soldiers were captured", "the mrta leader has been captured": combatants taken in war or arrested,
  // no civilian taken hostage
  if (/\bcaptured$/i.test(trigger) && !civilian) return false;
  // guerrillas attacking a military or police post or unit: an act of war, not of terror
  if (
    !civilian &&
    !(e.targets ?? []).some((t) => !site(t.text)) &&
    a1?.inter !== 1 &&
    a2?.inter === 1 &&
    e.eventType !== 'Violence against civilians'
  )
    return false;
  return true;
}

/** Whether the event harmed civilians or their property: named or non-combatant victims, civilians as a
 * party, or a target that is no military site. */
function againstCivilians(e: ExtractedEvent): boolean {
  return (
    e.eventType === 'Violence against civilians' ||
    (e.victims ?? []).some((v) => v.kind === 'name' || !COMBATANT.test(v.text)) ||
    e.actors.some((a) => a.inter === 7) ||
    (e.targets ?? []).some((t) => !MILITARY_SITE.test(t.text))
  );
}

const AIRCRAFT = /\b(?:helicopters?|helicopter gunships?|warplanes?|fighter jets?|jets|aircraft|planes?)$/i;

/** The weapon without its count ("11 bombs" → "bombs"): MUC-4 fills the instrument, not how many. */
export function weaponWords(span: string): string {
  return span
    .replace(
      /^(?:\d[\d,]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|dozens of|hundreds of|a dozen|two dozen)\s+/i,
      '',
    )
    .trim();
}

/** A diplomatic mission without the country that owns it ("the salvadoran consulate" → "consulate"): the
 * annotation fills the building, the country is its owner. */
export function targetWords(span: string): string {
  return span.replace(
    /^(?:the\s+)?(?:u\.?s\.?|american|[a-z]+(?:an|ian|ese|ish|i))\s+(embass(?:y|ies)|consulates?)$/i,
    '$1',
  );
}

export function mapExtraction(x: Extraction): Filler[] {
  const out: Filler[] = [];
  for (const e of x.events.filter(isIncident)) {
    const membersTold = e.actors.some(
      (a) =>
        a.role === 'actor1' &&
        perpetratorRole(a) === 'PerpOrg' &&
        e.evidence.some(
          (v) => v.field === 'actors' && v.text.length > a.mention.length && v.text.endsWith(a.mention),
        ),
    );
    for (const a of e.actors) {
      // "members of the fmln": the evidence tells the people who acted in full
      const wider = e.evidence.find(
        (v) => v.field === 'actors' && v.text.length > a.mention.length && v.text.endsWith(a.mention),
      )?.text;
      // "a terrorist attack": the adjective tells what kind of act it was, it names nobody
      if (a.role === 'actor1' && /^terrorist$/i.test(a.mention.trim())) continue;
      // state forces are perpetrators of terror only against civilians (taskdoc: relevance, point 2)
      if (a.role === 'actor1' && a.inter === 1 && !againstCivilians(e)) continue;
      if (a.role === 'actor1') {
        const role = perpetratorRole(a);
        out.push({
          role,
          text: a.mention,
          from: `${e.id} actor1 ${a.name}`,
        });
        // the members of a named group are individuals, the group the organization
        if (role === 'PerpOrg' && wider)
          out.push({ role: 'PerpInd', text: wider, from: `${e.id} actor1 members of ${a.name}` });
      }
      // "fmln guerrillas attacked": the group's members, told beside the group, act with it
      // (not when the members of the named group who acted are told already: the same people again)
      else if (a.role === 'associate' && /^Unidentified Armed Group \(/.test(a.name) && !membersTold)
        out.push({ role: 'PerpInd', text: a.mention, from: `${e.id} associate ${a.name}` });
    }
    for (const t of e.targets ?? [])
      out.push({ role: 'Target', text: targetWords(t.text), from: `${e.id} target span` });
    for (const v of e.victims ?? [])
      if (v.kind === 'name') out.push({ role: 'Victim', text: v.text, from: `${e.id} victim span` });
    // an aircraft carries the arms; the annotation fills what it fired ("rockets"), never the aircraft
    const spans = e.evidence.filter((v) => v.field === 'weapons' && !AIRCRAFT.test(v.text));
    for (const v of spans)
      out.push({ role: 'Weapon', text: weaponWords(v.text), from: `${e.id} weapons span` });
    if (!spans.length)
      for (const w of e.weapons.filter((x) => x.kind !== 'aircraft'))
        out.push({ role: 'Weapon', text: w.kind, from: `${e.id} weapon kind` });
  }
  for (const c of x.claims) {
    if (c.kind !== 'responsibility' || c.stance !== 'assert') continue;
    const span = c.evidence.find((v) => v.field === 'claimant');
    out.push({ role: 'PerpOrg', text: span?.text ?? c.claimant.name, from: `${c.id} claimant` });
  }
  return dropNested(out);
}

/**
 * One filler per entity: a shorter mention that ends a longer one of the same role in the same report
 * ("substation" beside "electric power substation") names the same thing again, so only the longer is kept
 * (the metric counts a second filler for one entity as a false positive); so is a surname told again
 * ("garcia alvarado" beside "roberto garcia alvarado"). Targets and victims only: a "bomb" beside a "car
 * bomb" is often a second device.
 */
export function dropNested(fillers: Filler[]): Filler[] {
  const norm = fillers.map((f) => ` ${normalise(f.text)}`);
  const words = norm.map((n) => new Set(n.trim().split(' ')));
  // a victim named in part ("antonio roldan" beside "antonio roldan betancur") is the same person
  const within = (i: number, j: number): boolean =>
    fillers[i]!.role === 'Victim' && [...words[i]!].every((w) => words[j]!.has(w));
  return fillers.filter(
    (f, i) =>
      (f.role !== 'Target' && f.role !== 'Victim') ||
      !fillers.some(
        (g, j) => g.role === f.role && norm[j] !== norm[i] && (norm[j]!.endsWith(norm[i]!) || within(i, j)),
      ),
  );
}

export function toPredRoles(fillers: Filler[]): PredRoles {
  const out = Object.fromEntries(ROLES.map((r) => [r, [] as string[]])) as PredRoles;
  for (const f of fillers) out[f.role].push(f.text);
  return out;
}
