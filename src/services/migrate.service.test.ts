import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../integrity.js';
import { compareDigests } from './migrate.service.js';

describe('canonicalJson', () => {
  it('gives the same text whatever the key order, at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
  });

  it('tells apart values that differ only in type or in array order', () => {
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(canonicalJson({ a: 0.1 + 0.2 })).not.toBe(canonicalJson({ a: 0.3 }));
  });
});

describe('compareDigests', () => {
  const t = (table: string, rows: number, sha256: string) => ({ table, rows, sha256 });

  it('names tables whose count or hash differ, and tables missing on one side', () => {
    expect(
      compareDigests(
        [t('sources', 2, 'aa'), t('events', 5, 'bb'), t('claims', 1, 'cc')],
        [t('sources', 2, 'aa'), t('events', 5, 'bx'), t('history', 1, 'dd')],
      ).sort(),
    ).toEqual(['claims', 'events', 'history']);
  });

  it('finds nothing when both sides are equal', () => {
    expect(compareDigests([t('sources', 2, 'aa')], [t('sources', 2, 'aa')])).toEqual([]);
  });
});
