// A Bloom filter over the gazetteer's name keys: most capitalised words in news are not place names,
// and a miss answered in memory saves an index probe per word.

function fnv1a(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // final avalanche
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

export class BloomFilter {
  readonly bits: Uint8Array;
  private readonly m: number;

  constructor(
    bitsOrSize: Uint8Array | number,
    readonly hashes = 7,
  ) {
    this.bits = typeof bitsOrSize === 'number' ? new Uint8Array(Math.ceil(bitsOrSize / 8)) : bitsOrSize;
    this.m = this.bits.length * 8;
  }

  private positions(key: string, f: (bit: number) => boolean | void): boolean {
    const h1 = fnv1a(key, 0);
    const h2 = fnv1a(key, 0x9e3779b9) | 1;
    for (let i = 0; i < this.hashes; i++) {
      const bit = (h1 + Math.imul(i, h2)) >>> 0;
      if (f(bit % this.m) === false) return false;
    }
    return true;
  }

  add(key: string): void {
    this.positions(key, (b) => {
      this.bits[b >> 3]! |= 1 << (b & 7);
    });
  }

  /** False: certainly absent. True: probably present. */
  has(key: string): boolean {
    return this.positions(key, (b) => (this.bits[b >> 3]! & (1 << (b & 7))) !== 0);
  }
}
