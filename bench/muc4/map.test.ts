import { describe, expect, it } from 'vitest';
import type { EventActor, ExtractedClaim, ExtractedEvent, Extraction } from '../../src/domain/types.js';
import { mapExtraction, perpetratorRole, toPredRoles } from './map.js';

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
      Weapon: ['a car bomb'],
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
