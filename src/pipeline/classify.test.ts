// Classification of short snippets into ACLED event and sub-event types. Every snippet below is
// self-written test text (not copied from any report or data set); each states what a careful coder
// following the ACLED codebook would record as the snippet's main event, or null for news that is not a
// conflict, protest or strategic event. No gazetteer: typing must not depend on knowing the places.
import { describe, expect, it } from 'vitest';
import type { Gazetteer } from '../ports/gazetteer.port.js';
import { classify } from './classify.js';

const noPlaces: Gazetteer = { lookup: () => [], country: () => null };

const B = 'Battles';
const E = 'Explosions/Remote violence';
const V = 'Violence against civilians';
const P = 'Protests';
const R = 'Riots';
const S = 'Strategic developments';

export const CLASSIFY_CASES: [text: string, eventType: string | null, subEventType: string | null][] = [
  // Battles
  [
    'Government troops recaptured the hilltop town from the rebels after two days of heavy fighting.',
    B,
    'Government regains territory',
  ],
  [
    'The army said it had retaken control of three villages that insurgents held since March.',
    B,
    'Government regains territory',
  ],
  [
    'Militants overran an army outpost near the border and seized control of the district centre.',
    B,
    'Non-state actor overtakes territory',
  ],
  [
    'Soldiers and militia fighters exchanged fire for several hours outside the garrison town.',
    B,
    'Armed clash',
  ],
  ['Two rival armed groups clashed over a gold mine, leaving nine fighters dead.', B, 'Armed clash'],
  ['Insurgents ambushed a military convoy on the mountain road, killing four soldiers.', B, 'Armed clash'],
  // Explosions/Remote violence
  [
    'Residents reported choking and foaming at the mouth after a chlorine gas attack on the besieged suburb.',
    E,
    'Chemical weapon',
  ],
  ['Warplanes bombed a fuel depot on the outskirts of the city overnight.', E, 'Air/drone strike'],
  ['A drone strike on a car killed two commanders of the armed group.', E, 'Air/drone strike'],
  [
    'A suicide bomber detonated his vest among worshippers leaving the mosque, killing 14.',
    E,
    'Suicide bomb',
  ],
  [
    'Artillery shells fell on a residential district, wounding six people, the mayor said.',
    E,
    'Shelling/artillery/missile attack',
  ],
  [
    'Rebels fired a barrage of rockets at the airport, damaging a runway.',
    E,
    'Shelling/artillery/missile attack',
  ],
  [
    'Two soldiers were killed when a roadside bomb exploded under their patrol vehicle.',
    E,
    'Remote explosive/landmine/IED',
  ],
  [
    'A herder stepped on a landmine while grazing his goats and lost a leg.',
    E,
    'Remote explosive/landmine/IED',
  ],
  ['An unknown assailant threw a hand grenade into a crowded bar, injuring eleven.', E, 'Grenade'],
  // Violence against civilians
  ['Soldiers raped several women during a search operation in the village.', V, 'Sexual violence'],
  ['Gunmen on motorbikes shot dead five farmers working in their fields.', V, 'Attack'],
  ['Militiamen attacked a camp for displaced people, killing at least 20 residents.', V, 'Attack'],
  ['Armed men kidnapped 30 pupils from a boarding school before dawn.', V, 'Abduction/forced disappearance'],
  [
    'Plain-clothes agents abducted a journalist from his home at night; he has not been seen since.',
    V,
    'Abduction/forced disappearance',
  ],
  // Protests
  [
    'Security forces opened fire on demonstrators demanding the release of prisoners, killing three.',
    P,
    'Excessive force against protesters',
  ],
  [
    'Police fired tear gas to disperse hundreds of students protesting against tuition fees.',
    P,
    'Protest with intervention',
  ],
  [
    'Thousands of nurses rallied outside parliament to demand higher pay; 15 were detained by police.',
    P,
    'Protest with intervention',
  ],
  [
    'Several hundred nurses held a rally outside the health ministry over unpaid overtime.',
    P,
    'Peaceful protest',
  ],
  [
    'Farmers staged a sit-in in front of the governor\u2019s office over water shortages.',
    P,
    'Peaceful protest',
  ],
  // Riots
  [
    'Angry youths torched cars and threw stones at police after the election result was announced.',
    R,
    'Violent demonstration',
  ],
  ['A mob beat a man to death after accusing him of witchcraft.', R, 'Mob violence'],
  // Strategic developments
  ['The government and the rebel alliance signed a ceasefire agreement in the capital.', S, 'Agreement'],
  ['Police arrested the opposition leader and two of his aides at dawn.', S, 'Arrests'],
  [
    'Two armed factions announced the formation of a joint command to coordinate operations.',
    S,
    'Change to group/activity',
  ],
  [
    'Army engineers defused an explosive device planted under a bridge on the main road.',
    S,
    'Disrupted weapons use',
  ],
  ['Air defences intercepted two drones over the port city.', S, 'Disrupted weapons use'],
  [
    'The militia established a new base in the abandoned school on the edge of town.',
    S,
    'Headquarters or base established',
  ],
  [
    'Fighters looted shops and burned down the market before leaving the town.',
    S,
    'Looting/property destruction',
  ],
  [
    'Government forces withdrew from the town and handed over control to the local militia without a fight.',
    S,
    'Non-violent transfer of territory',
  ],
  ['Villagers discovered a mass grave containing at least 40 bodies near the river.', S, 'Other'],
  // Wordings the rules must generalise to
  ['Government forces used sarin against the besieged suburb, investigators found.', E, 'Chemical weapon'],
  ['A grenade was thrown at a police station late at night.', E, 'Grenade'],
  [
    'Rebels took over the town of the district after the garrison fled.',
    B,
    'Non-state actor overtakes territory',
  ],
  [
    'Riot police used water cannon on demonstrators marching towards the palace.',
    P,
    'Protest with intervention',
  ],
  ['Dock workers went on strike to demand the payment of arrears.', P, 'Peaceful protest'],
  ['Youths burned tyres and blocked the ring road to protest power cuts.', R, 'Violent demonstration'],
  ['Insurgents burned down the village and killed 20 residents.', V, 'Attack'],
  ['Security forces raided the offices of an opposition party and detained 20 members.', S, 'Arrests'],
  [
    'Troops seized a large cache of weapons and ammunition hidden in a farmhouse.',
    S,
    'Disrupted weapons use',
  ],
  ['Unknown assailants hacked three herders to death with machetes.', V, 'Attack'],
  ['Two rival armed groups exchanged prisoners under a deal brokered by elders.', S, 'Agreement'],
  // Not conflict events
  ['Heavy floods swept through the valley, killing 12 people and destroying hundreds of homes.', null, null],
  [
    'The swollen river burst its banks overnight, forcing families in low-lying areas to move to higher ground.',
    null,
    null,
  ],
  ['Armed robbers raided a bank in the city centre and escaped with cash.', null, null],
  ['Police arrested two men suspected of breaking into shops and stealing phones.', null, null],
  [
    'Leaders of the two countries met at a summit and signed a trade agreement on energy exports.',
    null,
    null,
  ],
  ['A cholera outbreak has killed 15 people in the district, health officials said.', null, null],
  ['Shares rallied and oil prices hit a three-month high on strong demand from Asia.', null, null],
  ['A bus crash on the highway killed 14 passengers early on Sunday.', null, null],
  ['A gas cylinder exploded in a restaurant kitchen, injuring three cooks.', null, null],
  ['An earthquake struck the coastal province, killing dozens of people.', null, null],
  ['A fire at a textile factory killed 17 workers on the night shift.', null, null],
  ['Residents protested outside the town hall over rising bread prices.', P, 'Peaceful protest'],
];

describe('classify: ACLED type of a snippet', () => {
  it.each(CLASSIFY_CASES)('%s', (text, eventType, subEventType) => {
    const c = classify(text, { gazetteer: noPlaces });
    expect({ eventType: c.eventType, subEventType: c.subEventType }).toEqual({ eventType, subEventType });
  });

  it('says what set the type, and none for non-events', () => {
    expect(classify('Warplanes bombed a fuel depot.', { gazetteer: noPlaces }).trigger).toMatch(
      /bombed|Warplanes/,
    );
    expect(classify('The weather was fine.', { gazetteer: noPlaces })).toEqual({
      eventType: null,
      subEventType: null,
      trigger: null,
      basis: 'none',
      event: null,
    });
  });

  it('keeps negated and hypothetical events out', () => {
    expect(
      classify('Officials denied that troops had shelled the village.', { gazetteer: noPlaces }).eventType,
    ).toBe(null);
    expect(classify('The group threatened to attack the capital.', { gazetteer: noPlaces }).eventType).toBe(
      null,
    );
  });
});
