import { describe, expect, it } from 'vitest';
import type { EventActor, ExtractedClaim, ExtractedEvent, Extraction } from '../../src/domain/types.js';
import {
  dropNested,
  isIncident,
  mapExtraction,
  perpetratorRole,
  targetWords,
  toPredRoles,
  weaponWords,
} from './map.js';

const actor = (
  role: EventActor['role'],
  name: string,
  mention: string,
  inter: EventActor['inter'],
): EventActor => ({
  name,
  short: null,
  countryCode: null,
  inter,
  role,
  mention,
});

const event = (over: Partial<ExtractedEvent>): ExtractedEvent => ({
  id: 'e1',
  eventType: 'Violence against civilians',
  subEventType: 'Attack',
  date: { start: '1989-04-19', end: '1989-04-19', precision: 'day' },
  actors: [],
  location: null,
  weapons: [],
  fatalities: null,
  reportedBy: [],
  claimIds: [],
  summary: '',
  evidence: [],
  ...over,
});

const claim = (over: Partial<ExtractedClaim>): ExtractedClaim => ({
  id: 'c1',
  kind: 'responsibility',
  stance: 'assert',
  claimant: { name: 'Shining Path', title: null, affiliation: null },
  via: [],
  statedOn: null,
  quantity: null,
  text: '',
  eventIds: [],
  evidence: [],
  ...over,
});

const extraction = (events: ExtractedEvent[], claims: ExtractedClaim[] = []): Extraction => ({
  source: { published: null, outlet: null, title: null, url: null },
  events,
  claims,
  notes: [],
});

describe('perpetratorRole', () => {
  it('generic armed groups and state forces named by their members are individuals', () => {
    expect(perpetratorRole({ name: 'Unidentified Armed Group (Peru)', mention: 'gunmen' })).toBe('PerpInd');
    expect(perpetratorRole({ name: 'Military Forces of El Salvador', mention: 'soldiers' })).toBe('PerpInd');
  });
  it('named groups and state forces as a body are organisations', () => {
    expect(perpetratorRole({ name: 'FMLN', mention: 'fmln' })).toBe('PerpOrg');
    expect(perpetratorRole({ name: 'Military Forces of El Salvador', mention: 'army' })).toBe('PerpOrg');
  });
});

describe('mapExtraction', () => {
  it('maps actor1 to perpetrators, named victims to victims, targets and weapons spans', () => {
    const x = extraction([
      event({
        actors: [
          actor('actor1', 'Unidentified Armed Group (Peru)', 'gunmen', 2),
          actor('actor2', 'Civilians (Peru)', 'peasants', 7),
          actor('associate', 'Police Forces of Peru', 'police', 1),
        ],
        weapons: [{ kind: 'car bomb', count: 1 }],
        evidence: [{ field: 'weapons', start: 10, end: 20, text: 'a car bomb' }],
        targets: [{ text: 'police station', span: { start: 30, end: 44 } }],
        victims: [
          { text: 'jaime pardo leal', span: { start: 50, end: 66 }, kind: 'name' },
          { text: 'peasants', span: { start: 70, end: 78 }, kind: 'description' },
        ],
      }),
    ]);
    const roles = toPredRoles(mapExtraction(x));
    expect(roles).toEqual({
      PerpInd: ['gunmen'],
      PerpOrg: [],
      Target: ['police station'],
      Victim: ['jaime pardo leal'],
      Weapon: ['car bomb'],
    });
  });
  it('an unnamed armed group told beside the named perpetrator is a perpetrator individual', () => {
    const x = extraction([
      event({
        actors: [
          actor('actor1', 'FMLN', 'fmln', 2),
          actor('associate', 'Unidentified Armed Group (El Salvador)', 'urban guerrillas', 2),
          actor('associate', 'Police Forces of El Salvador', 'police', 1),
        ],
      }),
    ]);
    const roles = toPredRoles(mapExtraction(x));
    expect(roles.PerpOrg).toEqual(['fmln']);
    expect(roles.PerpInd).toEqual(['urban guerrillas']);
  });
  it('falls back to the weapon kind when no span is kept', () => {
    const x = extraction([event({ weapons: [{ kind: 'grenade', count: null }] })]);
    expect(toPredRoles(mapExtraction(x)).Weapon).toEqual(['grenade']);
  });
  it('fills the arms an aircraft fired, not the aircraft', () => {
    const x = extraction([
      event({
        weapons: [
          { kind: 'aircraft', count: 2 },
          { kind: 'rocket', count: null },
        ],
        evidence: [
          { field: 'weapons', start: 0, end: 21, text: 'two helicopter gunships' },
          { field: 'weapons', start: 30, end: 37, text: 'rockets' },
        ],
      }),
      event({ id: 'e2', weapons: [{ kind: 'aircraft', count: null }] }),
    ]);
    expect(toPredRoles(mapExtraction(x)).Weapon).toEqual(['rockets']);
  });
  it('a claimant of an asserted responsibility claim is a perpetrator organisation, by its span', () => {
    const x = extraction(
      [],
      [
        claim({ evidence: [{ field: 'claimant', start: 0, end: 12, text: 'shining path' }] }),
        claim({ id: 'c2', stance: 'deny', claimant: { name: 'ELN', title: null, affiliation: null } }),
        claim({ id: 'c3', kind: 'casualties', claimant: { name: 'army', title: null, affiliation: null } }),
      ],
    );
    const fillers = mapExtraction(x);
    expect(fillers).toEqual([{ role: 'PerpOrg', text: 'shining path', from: 'c1 claimant' }]);
  });
});

describe('isIncident: acts of terror, not military operations (taskdoc, relevant incidents)', () => {
  const army = actor('actor1', 'Military Forces of El Salvador', 'troops', 1);
  const rebels = actor('actor2', 'Unidentified Armed Group (El Salvador)', 'guerrillas', 2);
  it('leaves out air strikes, arrests and clashes between armed parties that hit no civilian', () => {
    expect(
      isIncident(event({ eventType: 'Explosions/Remote violence', subEventType: 'Air/drone strike' })),
    ).toBe(false);
    expect(isIncident(event({ eventType: 'Strategic developments', subEventType: 'Arrests' }))).toBe(false);
    expect(
      isIncident(event({ eventType: 'Battles', subEventType: 'Armed clash', actors: [army, rebels] })),
    ).toBe(false);
  });
  it('leaves out fighting told with one armed party and nobody acting, unless civilians are hurt', () => {
    const fighting = event({
      eventType: 'Battles',
      subEventType: 'Armed clash',
      actors: [{ ...army, role: 'actor2' }],
      targets: [{ text: 'hospital', span: { start: 0, end: 8 } }],
    });
    expect(isIncident(fighting)).toBe(false);
    const hurt = event({
      ...fighting,
      victims: [{ text: 'patients', span: { start: 0, end: 8 }, kind: 'description' }],
    });
    expect(isIncident(hurt)).toBe(true);
  });
  it('leaves out combatants captured, keeps civilians captured', () => {
    const captured = (victims: NonNullable<ExtractedEvent['victims']>) =>
      isIncident(
        event({
          subEventType: 'Abduction/forced disappearance',
          actors: [
            { ...rebels, role: 'actor1' },
            { ...army, role: 'actor2' },
          ],
          victims,
          evidence: [{ field: 'trigger', start: 0, end: 13, text: 'were captured' }],
        }),
      );
    expect(captured([{ text: 'soldiers', span: { start: 0, end: 8 }, kind: 'description' }])).toBe(false);
    expect(captured([{ text: 'students', span: { start: 0, end: 8 }, kind: 'description' }])).toBe(true);
  });
  it('reads a clash as one between armed parties where the other party is told as an associate', () => {
    const told = (second: EventActor) =>
      isIncident(event({ eventType: 'Battles', subEventType: 'Armed clash', actors: [army, second] }));
    expect(told({ ...rebels, role: 'associate' })).toBe(false);
    // soldiers beside the army are the same side: no second party, the clash stays
    expect(told(actor('associate', 'Military Forces of El Salvador', 'soldiers', 1))).toBe(true);
  });
  it('keeps a clash that kills civilians, and a bombing of a building', () => {
    const clash = event({
      eventType: 'Battles',
      subEventType: 'Armed clash',
      actors: [army, rebels],
      victims: [{ text: 'peasants', span: { start: 0, end: 8 }, kind: 'description' }],
    });
    expect(isIncident(clash)).toBe(true);
    const bombing = event({
      eventType: 'Explosions/Remote violence',
      subEventType: 'Remote explosive/landmine/IED',
      actors: [{ ...rebels, role: 'actor1' }],
      targets: [{ text: 'electric power substation', span: { start: 0, end: 25 } }],
    });
    expect(isIncident(bombing)).toBe(true);
  });
  it('leaves out guerrillas attacking a police post, with nobody else hit', () => {
    const post = event({
      eventType: 'Battles',
      subEventType: 'Armed clash',
      actors: [{ ...rebels, role: 'actor1' }, actor('actor2', 'Police Forces of El Salvador', 'police', 1)],
      targets: [{ text: 'national police post', span: { start: 0, end: 19 } }],
    });
    expect(isIncident(post)).toBe(false);
  });
  it('keeps a clash in which rebels hit civilian property, not one where troops raid a rebel house', () => {
    const fmln = actor('actor1', 'FMLN: Farabundo Marti National Liberation Front', 'fmln', 2);
    const substation = event({
      eventType: 'Battles',
      subEventType: 'Armed clash',
      actors: [fmln, { ...army, role: 'actor2' }],
      targets: [{ text: 'power substation', span: { start: 0, end: 16 } }],
    });
    expect(isIncident(substation)).toBe(true);
    const safehouse = event({
      ...substation,
      targets: [{ text: 'fmln safehouse', span: { start: 0, end: 14 } }],
    });
    expect(isIncident(safehouse)).toBe(false);
    const raid = event({ ...substation, actors: [army, { ...fmln, role: 'actor2' }] });
    expect(isIncident(raid)).toBe(false);
  });
  it('reads the vehicle that carried the policemen killed as theirs, a vehicle with civilians as civilian', () => {
    const police = actor('actor2', 'Police Forces of Colombia', 'policemen', 1);
    const convoy = event({
      eventType: 'Explosions/Remote violence',
      subEventType: 'Remote explosive/landmine/IED',
      actors: [{ ...rebels, role: 'actor1' }, police],
      targets: [{ text: 'vehicle', span: { start: 0, end: 7 } }],
      victims: [
        { text: 'noncommissioned officer', span: { start: 0, end: 23 }, kind: 'name' },
        { text: 'policemen', span: { start: 0, end: 9 }, kind: 'description' },
      ],
    });
    expect(isIncident(convoy)).toBe(false);
    const bus = event({
      ...convoy,
      victims: [...convoy.victims!, { text: 'passengers', span: { start: 0, end: 10 }, kind: 'description' }],
    });
    expect(isIncident(bus)).toBe(true);
    expect(isIncident(event({ ...convoy, victims: [] }))).toBe(true);
  });
});

describe('mapExtraction: perpetrators of terror', () => {
  it('takes state forces as perpetrators only where civilians were harmed', () => {
    const soldiers = actor('actor1', 'Military Forces of El Salvador', 'soldiers', 1);
    const bombing = event({
      eventType: 'Explosions/Remote violence',
      subEventType: 'Remote explosive/landmine/IED',
      actors: [soldiers],
      targets: [{ text: 'army barracks', span: { start: 0, end: 13 } }],
    });
    expect(toPredRoles(mapExtraction(extraction([bombing]))).PerpInd).toEqual([]);
    const murder = event({
      actors: [soldiers],
      victims: [{ text: 'mario flores', span: { start: 0, end: 12 }, kind: 'name' }],
    });
    expect(toPredRoles(mapExtraction(extraction([murder]))).PerpInd).toEqual(['soldiers']);
  });
  it('reads the adjective of "a terrorist attack" as no perpetrator', () => {
    const x = extraction([
      event({ actors: [actor('actor1', 'Unidentified Armed Group (Peru)', 'terrorist', 2)] }),
    ]);
    expect(toPredRoles(mapExtraction(x)).PerpInd).toEqual([]);
  });
  it('maps "members of <group>" to the individuals and the group to the organization', () => {
    const fmln = actor('actor1', 'FMLN: Farabundo Marti National Liberation Front', 'fmln', 2);
    const span = (text: string) => ({ field: 'actors' as const, start: 0, end: text.length, text });
    const x = extraction([
      event({
        actors: [fmln],
        evidence: [span('members of the fmln')],
        targets: [{ text: 'bus', span: { start: 0, end: 3 } }],
      }),
    ]);
    const roles = toPredRoles(mapExtraction(x));
    expect(roles.PerpInd).toEqual(['members of the fmln']);
    expect(roles.PerpOrg).toEqual(['fmln']);
    // the guerrillas told beside them are the same people again
    const guerrillas = actor('associate', 'Unidentified Armed Group (El Salvador)', 'guerrillas', 2);
    const again = extraction([
      event({ actors: [fmln, guerrillas], evidence: [span('members of the fmln')] }),
    ]);
    expect(toPredRoles(mapExtraction(again)).PerpInd).toEqual(['members of the fmln']);
    const alone = extraction([event({ actors: [fmln, guerrillas], evidence: [span('fmln')] })]);
    expect(toPredRoles(mapExtraction(alone)).PerpInd).toEqual(['guerrillas']);
    const bare = extraction([event({ actors: [fmln], evidence: [span('fmln')] })]);
    expect(toPredRoles(mapExtraction(bare)).PerpInd).toEqual([]);
  });
});

describe('dropNested and weaponWords', () => {
  const f = (role: 'Target' | 'Victim' | 'Weapon', text: string) => ({ role, text, from: '' });
  it('keeps one filler per target or victim told twice, and every weapon', () => {
    expect(
      dropNested([
        f('Target', 'the electric power substation'),
        f('Target', 'substation'),
        f('Victim', 'antonio roldan betancur'),
        f('Victim', 'antonio roldan'),
        f('Victim', 'hilda flores'),
        f('Weapon', 'car bomb'),
        f('Weapon', 'bomb'),
      ]).map((x) => x.text),
    ).toEqual([
      'the electric power substation',
      'antonio roldan betancur',
      'hilda flores',
      'car bomb',
      'bomb',
    ]);
  });
  it('drops the count from a weapon span', () => {
    expect(weaponWords('11 bombs')).toBe('bombs');
    expect(weaponWords('two sticks of dynamite')).toBe('sticks of dynamite');
    expect(weaponWords('dynamite')).toBe('dynamite');
  });
  it('fills a diplomatic mission without its country, and other targets as told', () => {
    expect(targetWords('the peruvian embassy')).toBe('embassy');
    expect(targetWords('u.s. consulate')).toBe('consulate');
    expect(targetWords('embassy vehicle')).toBe('embassy vehicle');
    expect(targetWords('national university')).toBe('national university');
  });
});
