import { describe, expect, it } from 'vitest';
import { findActorMentions } from './actors.js';
import { findClaims } from './claims.js';
import { splitSentences } from './sentences.js';

describe('findClaims: the claimant span', () => {
  it('is the group named, not the words told around it', () => {
    const text = 'the extraditables today claimed responsibility for the murder of the police commander.';
    const [sentence] = splitSentences(text);
    const claims = findClaims(sentence!, findActorMentions(text), []);
    const c = claims.find((x) => x.kind === 'responsibility');
    expect(c?.claimant.name).toBe('The Extraditables');
    expect(c?.claimantSpan && text.slice(c.claimantSpan.start, c.claimantSpan.end)).toBe('extraditables');
  });
});

describe('findClaims: responsibility', () => {
  it('is no claim of responsibility where nobody made one, and is one where a party did', () => {
    const kinds = (text: string): string[] => {
      const [sentence] = splitSentences(text);
      return findClaims(sentence!, findActorMentions(text), []).map((c) => c.kind);
    };
    expect(
      kinds('No one has claimed responsibility for the bombing of the bank, police said.'),
    ).not.toContain('responsibility');
    expect(
      kinds('The rebels have claimed responsibility for the bombing of the bank, police said.'),
    ).toContain('responsibility');
  });
});
