import { describe, expect, it } from 'vitest';
import { PatternSet } from './pattern-set.js';

const plain = (ms: RegExpExecArray[]): (string | number | undefined)[][] =>
  ms.map((m) => [m.index, ...m, JSON.stringify(m.groups)]);

const TEXT =
  'Gunmen attacked the cats and dogs shelter; the cat-sitter said cats and dogs fled. AIRSTRIKES hit Kafr Nabl, ' +
  'then an air strike hit again at 14:30, said Maj. Gen. Ahmed. Xx xxx x.';

describe('PatternSet', () => {
  it('finds, pattern by pattern, what matchAll finds, where patterns overlap and nest', () => {
    const patterns = [
      /\bcats?\b/gi, // inside the next one's matches
      /\bcats? and dogs\b/gi,
      /(?<![\w-])(?:air ?strikes?|airstrikes?)(?![\w-])/gi,
      /\b(?:attack(?:ed|s)?|hit)\b/gi,
      /a/g, // one letter: many matches, overlapping every other pattern
      /\d+:(\d+)/g, // a numbered group
      /\b(?<title>Maj|Gen)\.\s/g, // a named group: scanned alone
      /\p{Lu}\p{Ll}+/gu, // Unicode mode: scanned alone
      /x*/gi, // empty matches at every position
    ];
    const got = new PatternSet(patterns).matchAll(TEXT).map(plain);
    expect(got).toEqual(patterns.map((rx) => plain([...TEXT.matchAll(rx)])));
    // the nested pattern still finds its matches inside the longer pattern's ("cats", "cat-sitter", "cats")
    expect(got[0]!.length).toBe(3);
    expect(got[1]!.length).toBe(2);
  });

  it('finds nothing in a text none of the patterns matches', () => {
    const got = new PatternSet([/\bzebra\b/gi, /\bquagga\b/gi]).matchAll(TEXT);
    expect(got).toEqual([[], []]);
  });
});
