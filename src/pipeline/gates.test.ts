import { describe, expect, it } from 'vitest';
import { findDates } from './dates.js';
import { GATES, isAggregate, isHistorical } from './gates.js';

const PUB = '2024-06-04';

describe('isAggregate', () => {
  const gate = (before: string, after: string) =>
    isAggregate({ before, after, sentence: before + after, dates: [], published: PUB });

  it('reads a stepped-up campaign as a trend over many events, not one event', () => {
    expect(gate('the group has stepped up ', 'attacks on fishing villages')).toMatch(/aggregate/);
    expect(gate('the group ', 'attacked a fishing village on Monday')).toBeNull();
  });

  it('reads an offensive as a campaign of many events, a clash as one', () => {
    expect(gate('the rebel ', 'offensive, which began 12 days ago')).toMatch(/campaign/);
    expect(gate('rebels and soldiers ', 'clashed near the town on Monday')).toBeNull();
  });

  it('reads the number or a wave of attacks, and what a party usually does, as many events', () => {
    expect(gate('operations to reduce the number of ', 'attacks on army posts')).toMatch(/aggregate/);
    expect(gate('the city has suffered a wave of ', 'bombings')).toMatch(/aggregate/);
    expect(gate('the militias who ', 'attack army posts generally hide in the hills')).toMatch(/habitually/);
    expect(gate('the militias ', 'attacked an army post near the hills on Monday')).toBeNull();
  });

  it('reads "they have killed many people" as a toll over time, "have killed two people" as an event', () => {
    expect(gate('the invaders have ', 'killed many people and want a new government')).toMatch(/aggregate/);
    expect(gate('gunmen have ', 'killed two people in a market in the capital')).toBeNull();
  });

  it('reads "in recent months" after the trigger as a period', () => {
    expect(gate('ISWAP ', 'attacked fishing villages in recent months')).toMatch(/aggregate/);
  });
});

describe('isHistorical', () => {
  /** The gate over a whole one-clause text, the trigger being the first occurrence of `word`. */
  const gate = (text: string, word: string) => {
    const at = text.indexOf(word);
    return isHistorical({
      before: text.slice(0, at),
      after: text.slice(at),
      sentence: text,
      dates: findDates(text, PUB),
      published: PUB,
      triggerStart: at,
    });
  };

  it('reads a period ("since January") as an aggregate', () => {
    expect(gate('300 people have been killed in attacks since January', 'killed')).toMatch(/aggregate/);
  });

  it('keeps an event dated right by its trigger when a period speaks of something else', () => {
    expect(gate('the car bomb attack on 3 June had been planned since January', 'car bomb')).toBeNull();
  });

  it('reads an event told months before the report as restated', () => {
    expect(gate('jihadists killed 132 people in Solhan on 5 January', 'killed')).toMatch(/restated/);
  });
});

describe('GATES', () => {
  /** The reasons all gates give for the trigger at the first occurrence of `word` in a one-clause text. */
  const reasons = (text: string, word: string) => {
    const at = text.indexOf(word);
    const g = {
      before: text.slice(0, at),
      after: text.slice(at),
      sentence: text,
      dates: findDates(text, PUB),
      published: PUB,
      triggerStart: at,
    };
    return GATES.map((gate) => gate(g)).filter((r) => r !== null);
  };

  it("reads only the trigger's own sentence of a lower-cased clause that runs over several", () => {
    const denial =
      'the group denied any part in it.  the caller added more.  gunmen shot dead a judge on monday.';
    expect(reasons(denial, 'shot dead')).toEqual([]);
    expect(reasons('the group denied that gunmen shot dead a judge on monday.', 'shot dead')).toEqual([
      expect.stringMatching(/negated/),
    ]);
    expect(reasons('u.s. officials denied that gunmen shot dead a judge on monday.', 'shot dead')).toEqual([
      expect.stringMatching(/negated/),
    ]);
    expect(reasons('he said they would come back. gunmen attacked a bus on monday.', 'attacked')).toEqual([]);
  });

  it('leaves a period told in another sentence to that sentence', () => {
    const text = 'a bomb exploded at the airport. the plane had been parked there since january.';
    expect(reasons(text, 'exploded')).toEqual([]);
    expect(reasons('bombs have exploded at the airport since january.', 'exploded')).not.toEqual([]);
  });
});
