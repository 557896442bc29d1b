import { describe, expect, it } from 'vitest';
import { markTree, presentFields, type MarkNode } from './evidence.js';

/** The tree as text: each mark as [field:text], so a test reads like the highlighted report. */
function render(text: string, node: MarkNode): string {
  let out = '';
  let at = node.start;
  for (const c of node.children) {
    out += text.slice(at, c.start) + render(text, c);
    at = c.end;
  }
  out += text.slice(at, node.end);
  return node.field ? `[${node.field}:${out}]` : out;
}

const TEXT = 'Seven drones struck Hajin on Monday, killing 12 people.';
const span = (field: Parameters<typeof markTree>[1][number]['field'], words: string) => {
  const start = TEXT.indexOf(words);
  return { field, start, end: start + words.length };
};

describe('markTree', () => {
  it('nests spans inside the spans that hold them and keeps every character of the text', () => {
    const tree = markTree(TEXT.length, [
      span('trigger', 'struck'),
      span('fatalities', 'killing 12 people'),
      span('statement', TEXT.slice(0, -1)),
      span('location', 'Hajin'),
    ]);
    expect(render(TEXT, tree)).toBe(
      '[statement:Seven drones [trigger:struck] [location:Hajin] on Monday, [fatalities:killing 12 people]].',
    );
  });

  it('cuts a span that runs past the end of its parent and continues it after', () => {
    const tree = markTree(TEXT.length, [
      span('weapons', 'Seven drones struck'),
      span('trigger', 'struck Hajin'),
    ]);
    expect(render(TEXT, tree)).toBe(
      '[weapons:Seven drones [trigger:struck]][trigger: Hajin] on Monday, killing 12 people.',
    );
  });

  it('drops empty, inverted, duplicate and out-of-range spans', () => {
    const tree = markTree(TEXT.length, [
      { field: 'date', start: 5, end: 5 },
      { field: 'date', start: 9, end: 3 },
      { field: 'date', start: -2, end: 3 },
      span('date', 'on Monday'),
      span('date', 'on Monday'),
      { field: 'actors', start: TEXT.length - 1, end: TEXT.length + 40 },
    ]);
    expect(render(TEXT, tree)).toBe(
      'Seven drones struck Hajin [date:on Monday], killing 12 people[actors:.]',
    );
  });

  it('lists the fields present in legend order', () => {
    expect(
      presentFields([span('fatalities', 'killing'), span('trigger', 'struck'), span('fatalities', '12')]),
    ).toEqual(['trigger', 'fatalities']);
  });
});
