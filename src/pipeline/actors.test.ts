import { describe, expect, it } from 'vitest';
import { findActorMentions } from './actors.js';

/** [actor name, or "generic" for an actor named after the event's country; the mention]. */
const mentions = (text: string): [string, string][] =>
  findActorMentions(text).map((m) => ['name' in m.actor ? m.actor.name : 'generic', m.text]);

describe('findActorMentions: Latin American insurgencies and guerrillas', () => {
  it('names the FMLN, Shining Path, ELN, FARC and M-19 by acronym or full name', () => {
    expect(mentions('FMLN urban commandos attacked a police post in San Miguel.')).toEqual([
      ['FMLN: Farabundo Marti National Liberation Front', 'FMLN'],
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

  it('reads "guerrillas" as an armed group of the event\'s country, and leaves other National Liberation Armies unnamed', () => {
    expect(mentions('Guerrillas ambushed a patrol.')).toEqual([['generic', 'Guerrillas']]);
    expect(mentions('The National Liberation Army of Sudan clashed with guerrillas.')).not.toContainEqual([
      'ELN: National Liberation Army',
      expect.any(String),
    ]);
  });
});
