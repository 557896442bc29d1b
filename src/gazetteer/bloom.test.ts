import { describe, expect, it } from 'vitest';
import { BloomFilter } from './bloom.js';

describe('BloomFilter', () => {
  it('never forgets a key it was given, and rarely claims one it was not', () => {
    const f = new BloomFilter(1 << 16);
    const keys = Array.from({ length: 4000 }, (_, i) => `place ${i}`);
    keys.forEach((k) => f.add(k));
    expect(keys.every((k) => f.has(k))).toBe(true);
    const falsePositives = Array.from({ length: 4000 }, (_, i) => `other ${i}`).filter((k) =>
      f.has(k),
    ).length;
    expect(falsePositives / 4000).toBeLessThan(0.02);
  });

  it('round-trips through its bytes', () => {
    const f = new BloomFilter(1 << 12);
    f.add('hajin');
    const g = new BloomFilter(Uint8Array.from(f.bits), f.hashes);
    expect(g.has('hajin')).toBe(true);
    expect(g.has('albukamal')).toBe(f.has('albukamal'));
  });
});
