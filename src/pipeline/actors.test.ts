import { describe, expect, it } from 'vitest';
import { findActorMentions, isSingleCase } from './actors.js';

/** [actor name, or "generic" for an actor named after the event's country; the mention]. */
const mentions = (text: string): [string, string][] =>
  findActorMentions(text).map((m) => ['name' in m.actor ? m.actor.name : 'generic', m.text]);

describe('findActorMentions: Latin American insurgencies and guerrillas', () => {
  it('names the FMLN, Shining Path, ELN, FARC and M-19 by acronym or full name', () => {
    expect(mentions('FMLN urban commandos attacked a police post in San Miguel.')).toEqual([
      ['FMLN: Farabundo Marti National Liberation Front', 'FMLN'],
      ['generic', 'urban commandos'],
      ['generic', 'police'],
    ]);
    expect(mentions('Sendero Luminoso claimed the blast near Ayacucho.')).toEqual([
      ['Shining Path', 'Sendero Luminoso'],
    ]);
    expect(
      mentions(
        'The National Liberation Army (ELN) bombed the pipeline. FARC-EP dissidents and the M-19 were blamed.',
      ),
    ).toEqual([
      ['ELN: National Liberation Army', 'National Liberation Army'],
      ['ELN: National Liberation Army', 'ELN'],
      ['FARC: Revolutionary Armed Forces of Colombia', 'FARC-EP'],
      ['M-19: April 19 Movement', 'M-19'],
    ]);
  });

  it('matches names regardless of case in single-case text only, leaving two-letter acronyms out', () => {
    expect(isSingleCase('fmln urban guerrillas attacked a police post in san miguel.')).toBe(true);
    expect(isSingleCase('FMLN URBAN GUERRILLAS ATTACKED A POLICE POST IN SAN MIGUEL.')).toBe(true);
    expect(isSingleCase('The FMLN attacked a police post in San Miguel.')).toBe(false);
    expect(mentions('members of the farabundo marti national liberation front attacked a post.')).toEqual([
      ['FMLN: Farabundo Marti National Liberation Front', 'farabundo marti national liberation front'],
    ]);
    expect(mentions('the fmln said it is ready. terrorists bombed the embassy.')).toEqual([
      ['FMLN: Farabundo Marti National Liberation Front', 'fmln'],
      ['generic', 'terrorists'],
    ]);
    // mixed case: a lower-case word that spells an acronym is not the group
    expect(mentions('The Eln river flooded. Police said the hamas-style tunnel was old.')).toEqual([]);
  });

  it('names the armed groups and cartels of the region in wire copy, in the Spanish word order too', () => {
    expect(
      mentions(
        'the mrta, the manuel rodriguez patriotic front and the army of national liberation claimed it.',
      ),
    ).toEqual([
      ['MRTA: Tupac Amaru Revolutionary Movement', 'mrta'],
      ['FPMR: Manuel Rodriguez Patriotic Front', 'manuel rodriguez patriotic front'],
      ['ELN: National Liberation Army', 'army of national liberation'],
    ]);
    expect(mentions('the extraditables, the armed branch of the medellin cartel, denied it.')).toEqual([
      ['The Extraditables', 'extraditables'],
      ['Medellin Cartel', 'medellin cartel'],
    ]);
  });

  it('reads men in uniform who attack as an armed group, not as civilians', () => {
    expect(mentions('six priests were murdered by men wearing military uniforms.')).toEqual([
      ['generic', 'men wearing military uniforms'],
    ]);
  });

  it('keeps a cardinal count before people described only by look or hire, not a vague one', () => {
    expect(mentions('three heavily armed men burst into the office.')).toEqual([
      ['generic', 'three heavily armed men'],
    ]);
    expect(mentions('the judge was shot by 2 paid assassins.')).toEqual([['generic', '2 paid assassins']]);
    expect(mentions('several armed individuals fired at the bus.')).toEqual([
      ['generic', 'armed individuals'],
    ]);
    expect(mentions('four rebels and the assassins fled.')).toEqual([
      ['generic', 'rebels'],
      ['generic', 'assassins'],
    ]);
  });

  it('reads people told placing or leaving a device as doers, each of two coordinated', () => {
    const doers = (t: string): string[] => findActorMentions(t).flatMap((m) => (m.doer ? [m.text] : []));
    expect(doers('guards saw a man and a woman leaving a small suitcase near the gate.')).toEqual([
      'a man',
      'a woman',
    ]);
    expect(doers('an unidentified person stepped out of a car and placed a package in a pot.')).toEqual([
      'an unidentified person',
    ]);
    expect(doers('two men were killed when a bomb exploded.')).toEqual([]);
    expect(doers('a man left his bag on the bus.')).toEqual([]);
  });

  it("reads the trade's armed gangs named by what they traffic as an armed group", () => {
    expect(mentions('cocaine traffickers and drug trafficking gangs bombed the court.')).toEqual([
      ['generic', 'cocaine traffickers'],
      ['generic', 'drug trafficking gangs'],
    ]);
    expect(mentions('the drug kingpins and narcotrafficking mafias were blamed.')).toEqual([
      ['generic', 'drug kingpins'],
      ['generic', 'narcotrafficking mafias'],
    ]);
  });

  it("marks a force's word before one of its sites, and leaves it out before a source of the report", () => {
    const sites = (t: string): [string, boolean][] =>
      findActorMentions(t).map((m) => [m.text, m.site === true]);
    expect(sites('rebels hurled dynamite at a police station; police sources said so.')).toEqual([
      ['rebels', false],
      ['police', true],
    ]);
    expect(sites('the police fired on the crowd.')).toEqual([['police', false]]);
  });

  it('reads state forces named as a body with their qualifier', () => {
    expect(mentions('the national police and the national guard arrived.')).toEqual([
      ['generic', 'national police'],
      ['generic', 'national guard'],
    ]);
  });

  it('reads "guerrillas" as an armed group of the event\'s country, and leaves other National Liberation Armies unnamed', () => {
    expect(mentions('Guerrillas ambushed a patrol.')).toEqual([['generic', 'Guerrillas']]);
    expect(mentions('The National Liberation Army of Sudan clashed with guerrillas.')).not.toContainEqual([
      'ELN: National Liberation Army',
      expect.any(String),
    ]);
  });
});
