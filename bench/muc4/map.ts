// Docket's extraction → MUC-4 role fillers. Pure: reads an Extraction, returns strings with where each
// came from. The filler text is the source's own words (an evidence span or actor mention) where
// Docket keeps one, so it can match a gold mention.
//   PerpInd  actor1 mentions that describe people, not a named group: generic armed groups
//            ("gunmen", "rebels") and state forces named by their members ("soldiers", "policemen"); also
//            generic armed groups told beside the perpetrator as associates ("fmln guerrillas").
//   PerpOrg  actor1 mentions of a named group or of a state force as a body ("army", "police"), and
//            the claimant of an asserted responsibility claim.
//   Target   the event's physical targets ("police station"), as the source names them.
//   Victim   the event's victims named by name ("antonio roldan betancur"): the GTT annotation of
//            TST1 + TST2 has only names as Victim fillers, so descriptions ("peasants") and actor2
//            mentions ("people", "police"), which never matched, are not mapped.
//   Weapon   weapons evidence spans; the weapon kind when no span is kept.
import type { EventActor, Extraction } from '../../src/domain/types.js';
import { ROLES, type PredRoles, type Role } from './metric.js';

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

export function mapExtraction(x: Extraction): Filler[] {
  const out: Filler[] = [];
  for (const e of x.events) {
    for (const a of e.actors) {
      if (a.role === 'actor1')
        out.push({ role: perpetratorRole(a), text: a.mention, from: `${e.id} actor1 ${a.name}` });
      // "fmln guerrillas attacked": the group's members, told beside the group, act with it
      else if (a.role === 'associate' && /^Unidentified Armed Group \(/.test(a.name))
        out.push({ role: 'PerpInd', text: a.mention, from: `${e.id} associate ${a.name}` });
    }
    for (const t of e.targets ?? []) out.push({ role: 'Target', text: t.text, from: `${e.id} target span` });
    for (const v of e.victims ?? [])
      if (v.kind === 'name') out.push({ role: 'Victim', text: v.text, from: `${e.id} victim span` });
    const spans = e.evidence.filter((v) => v.field === 'weapons');
    for (const v of spans) out.push({ role: 'Weapon', text: v.text, from: `${e.id} weapons span` });
    if (!spans.length)
      for (const w of e.weapons) out.push({ role: 'Weapon', text: w.kind, from: `${e.id} weapon kind` });
  }
  for (const c of x.claims) {
    if (c.kind !== 'responsibility' || c.stance !== 'assert') continue;
    const span = c.evidence.find((v) => v.field === 'claimant');
    out.push({ role: 'PerpOrg', text: span?.text ?? c.claimant.name, from: `${c.id} claimant` });
  }
  return out;
}

export function toPredRoles(fillers: Filler[]): PredRoles {
  const out = Object.fromEntries(ROLES.map((r) => [r, [] as string[]])) as PredRoles;
  for (const f of fillers) out[f.role].push(f.text);
  return out;
}
