import { describe, expect, it } from 'vitest';
import { combineFatalities, findFatalities } from './fatalities.js';

const toll = (text: string) => combineFatalities(findFatalities(text));

describe('findFatalities', () => {
  it.each([
    ['Nine members of the Syrian Democratic Forces were killed on Tuesday night', 9],
    ['Eleven people, most of them women and children, were killed in a drone strike', 11],
    ['At least 40 people, including civilians and soldiers, were killed when jihadists attacked', 40],
    ['A child was killed and three other civilians were wounded on Tuesday', 1],
    ['the blast killed seven people', 7],
    ['leaving 14 dead', 14],
    ['A mob beat two men to death', 2],
    ['Gunmen hacked five villagers to death', 5],
  ])('%s → %d', (text, best) => expect(toll(text)?.best).toBe(best));

  it('does not take the wounded for the dead', () => {
    expect(toll('12 people were wounded and 3 were killed')).toEqual({ low: 3, best: 3, high: 3 });
    expect(toll('leaving 12 wounded')).toBeNull();
  });

  it('does not take a death sentence for a death', () => {
    expect(toll('A court sentenced two men to death on Monday.')).toBeNull();
  });

  it('keeps two figures as a range with the lower as best', () => {
    expect(
      toll('Police said five people were killed, while a hospital official put the toll at eight.'),
    ).toEqual({ low: 5, best: 5, high: 8 });
  });

  it('tells "nobody was killed" (zero) from a toll not given (null)', () => {
    expect(toll('Nobody was killed, officials said.')).toEqual({ low: 0, best: 0, high: 0 });
    expect(toll('No casualties were reported.')).toBeNull();
  });

  it('marks running totals as aggregates, never an event toll', () => {
    expect(toll('The insurgency has killed more than 40,000 people since 2009.')).toBeNull();
    expect(toll('at least 14,000 people have been killed in the war')).toBeNull();
    expect(toll('More than 300 people have been killed since January.')).toBeNull();
    expect(toll('Gunmen have killed at least 80 people so far this year.')).toBeNull();
  });
});
