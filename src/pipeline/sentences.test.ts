import { describe, expect, it } from 'vitest';
import { splitClauses, splitSentences } from './sentences.js';

describe('splitSentences', () => {
  it('keeps titles and initials inside a sentence and offsets exact', () => {
    const text =
      'Fighting resumed, said Brig. Gen. Ali Nouri of the U.S. Army. He added more. "Quiet," he said.';
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual([
      'Fighting resumed, said Brig. Gen. Ali Nouri of the U.S. Army.',
      'He added more.',
      '"Quiet," he said.',
    ]);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it('treats line breaks as boundaries and counts paragraphs', () => {
    const text = 'Headline without a period\n\nFirst para. Second sentence.\n\nNew para here.';
    const s = splitSentences(text);
    expect(s.map((x) => [x.text, x.paragraph])).toEqual([
      ['Headline without a period', 0],
      ['First para.', 1],
      ['Second sentence.', 1],
      ['New para here.', 2],
    ]);
  });

  it('does not split decimals or lower-case continuations', () => {
    const s = splitSentences('The blast was 3.5 km away. e.g. this stays. Next one.');
    expect(s.map((x) => x.text)).toEqual(['The blast was 3.5 km away. e.g. this stays.', 'Next one.']);
  });
});

describe('splitClauses', () => {
  it('separates a retaliation clause from the main clause', () => {
    const text =
      'Drones hit targets in Syria this month, in retaliation for an attack in September on a parade.';
    const [sentence] = splitSentences(text);
    const clauses = splitClauses(sentence!).map((c) => text.slice(c.start, c.end));
    expect(clauses).toEqual([
      'Drones hit targets in Syria this month',
      'in retaliation for an attack in September on a parade.',
    ]);
  });
});
