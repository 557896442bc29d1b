// Many global patterns over one text, for less than a scan of the text per pattern: one scan of their
// union finds every position where some pattern matches, and each pattern is then tried (sticky) there
// only. The matches are the ones text.matchAll(pattern) finds, pattern by pattern.

/** Patterns that can share a union: global, no sticky or Unicode modes, no group names or back-references. */
const unitable = (rx: RegExp): boolean =>
  rx.global && !/[yuvd]/.test(rx.flags) && !/\(\?<(?![=!])|\\k<|\\[1-9]/.test(rx.source);

interface Group {
  union: RegExp;
  /** Index of each member in the set, and its sticky copy. */
  members: { at: number; sticky: RegExp }[];
}

export class PatternSet {
  private readonly groups: Group[] = [];
  /** Patterns scanned on their own (see unitable). */
  private readonly alone: { at: number; rx: RegExp }[] = [];

  constructor(private readonly patterns: readonly RegExp[]) {
    const byFlags = new Map<string, { at: number; rx: RegExp }[]>();
    patterns.forEach((rx, at) => {
      if (!unitable(rx)) this.alone.push({ at, rx });
      else byFlags.set(rx.flags, [...(byFlags.get(rx.flags) ?? []), { at, rx }]);
    });
    for (const [flags, list] of byFlags) {
      if (list.length === 1) {
        this.alone.push(list[0]!);
        continue;
      }
      this.groups.push({
        union: new RegExp(list.map(({ rx }) => `(?:${rx.source})`).join('|'), flags),
        members: list.map(({ at, rx }) => ({ at, sticky: new RegExp(rx.source, flags.replace('g', 'y')) })),
      });
    }
  }

  /** For each pattern (in the order given), its matches in the text, as matchAll would give them. */
  matchAll(text: string): RegExpExecArray[][] {
    const out: RegExpExecArray[][] = this.patterns.map(() => []);
    for (const { at, rx } of this.alone) out[at] = [...text.matchAll(rx)];
    for (const { union, members } of this.groups) {
      // every position where some member matches (a member can match nowhere else)
      const starts: number[] = [];
      union.lastIndex = 0;
      for (let m = union.exec(text); m; m = union.exec(text)) {
        starts.push(m.index);
        union.lastIndex = m.index + 1;
      }
      if (!starts.length) continue;
      for (const { at, sticky } of members) {
        const found = out[at]!;
        // matchAll resumes after the end of each match (one further after an empty one)
        let from = 0;
        for (const start of starts) {
          if (start < from) continue;
          sticky.lastIndex = start;
          const m = sticky.exec(text);
          if (!m) continue;
          found.push(m);
          from = start + Math.max(1, m[0].length);
        }
      }
    }
    return out;
  }
}
