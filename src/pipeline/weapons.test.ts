import { describe, expect, it } from 'vitest';
import { findWeapons, isSeizedWeapon } from './weapons.js';

const kinds = (text: string): [string, string, number | null][] =>
  findWeapons(text).map((w) => [w.text, w.kind, w.count]);

describe('findWeapons', () => {
  it('reads dynamite, explosives and small arms', () => {
    expect(kinds('They placed 50 sticks of dynamite and explosive charges at the door.')).toEqual([
      ['50 sticks of dynamite', 'dynamite', 50],
      ['explosive charges', 'explosives', null],
    ]);
    expect(kinds('the attackers fired two machineguns and ak-47 rifles.')).toEqual([
      ['two machineguns', 'firearm', 2],
      ['ak-47 rifles', 'firearm', null],
    ]);
    expect(kinds('Gunmen armed with automatic weapons opened fire.')).toEqual([
      ['automatic weapons', 'firearm', null],
    ]);
  });
  it('reads the weapon that names an attack, unless the attacks are counted', () => {
    expect(kinds('after the bomb attack on the town hall')).toEqual([['bomb', 'bomb', null]]);
    expect(kinds('a wave of dynamite attacks hit the city')).toEqual([['dynamite', 'dynamite', null]]);
    expect(kinds('there were 700 drone strikes this year')).toEqual([]);
  });
  it('reads a hyphenated vehicle bomb as one', () => {
    expect(kinds('after a truck-bomb explosion downtown')).toEqual([['a truck-bomb', 'car bomb', 1]]);
  });
  it('reads no weapon in a skill, a supply or a squad named after one', () => {
    expect(kinds('army engineers specializing in explosives cleared the road.')).toEqual([]);
    expect(kinds('they stole 300 rounds of ammunition for m-16 rifles.')).toEqual([]);
    expect(kinds('bomb-squad experts arrived.')).toEqual([]);
  });
});

describe('isSeizedWeapon', () => {
  const seized = (text: string, word: string): boolean => {
    const w = findWeapons(text).find((x) => x.text.includes(word));
    if (!w) throw new Error(`no weapon "${word}" in ${text}`);
    return isSeizedWeapon(text, w);
  };
  it('tells arms taken or found from arms used', () => {
    expect(seized('Troops confiscated 16 rifles, ammunition and two grenades.', 'grenades')).toBe(true);
    expect(seized('Several sticks of dynamite were found in the house.', 'dynamite')).toBe(true);
    // a list after a colon, long or with calibres, is still what was seized
    expect(
      seized(
        'the patrol seized the following: 3 radios, 40 uniforms, 2 field packs with food and medicine, ' +
          'one .45 - caliber pistol, and a g-3 rifle.',
        'rifle',
      ),
    ).toBe(true);
    expect(seized('the patrol seized a truck. rebels then fired a rifle at it.', 'rifle')).toBe(false);
    expect(seized('Rebels threw two grenades at the police post.', 'grenades')).toBe(false);
    expect(seized('Gunmen carrying rifles stormed the bank.', 'rifles')).toBe(false);
  });
});
