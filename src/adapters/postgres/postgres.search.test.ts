// The user's search words as a tsquery text: quoted word by word, escapes in place, last word a prefix.
import { describe, expect, it } from 'vitest';
import { containsPattern, tsQuery } from './postgres.search.js';

describe('tsQuery', () => {
  it('requires every word and makes the last one a prefix', () => {
    expect(tsQuery('Hajin')).toBe("'Hajin':*");
    expect(tsQuery('  roadside   bomb ')).toBe("'roadside' & 'bomb':*");
  });

  it('quotes operators as text and escapes quotes and backslashes', () => {
    expect(tsQuery('Hajin | !Mosul <-> (x)')).toBe("'Hajin' & '|' & '!Mosul' & '<->' & '(x)':*");
    expect(tsQuery("l'armée")).toBe("'l''armée':*");
    expect(tsQuery('a\\b')).toBe("'a\\\\b':*");
  });

  it('drops double quotes and control characters, as ftsQuery does, and gives null when nothing is left', () => {
    expect(tsQuery('"Mosul"')).toBe("'Mosul':*");
    expect(tsQuery('Mosul\u0000')).toBe("'Mosul':*");
    expect(tsQuery('')).toBeNull();
    expect(tsQuery(' " \u0000 ')).toBeNull();
  });
});

describe('containsPattern', () => {
  it('takes LIKE wildcards and the escape character literally', () => {
    expect(containsPattern('Islamic State')).toBe('%Islamic State%');
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});
