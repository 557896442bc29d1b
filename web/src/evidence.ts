// Evidence spans as nested marks over a source text. Spans are character offsets into the text
// (text.slice(start, end)); they may nest or overlap. Nested spans become nested marks; a span that runs
// past the end of the mark it starts in is cut there and continues as a second mark after it.
import type { EvidenceField } from './api/types.js';

/** Outer fields first: when two spans coincide, the later field's mark sits inside the earlier one's. */
export const EVIDENCE_FIELDS: readonly EvidenceField[] = [
  'statement',
  'claimant',
  'via',
  'statedOn',
  'quantity',
  'trigger',
  'eventType',
  'date',
  'location',
  'actors',
  'weapons',
  'fatalities',
];

export const FIELD_LABELS: Record<EvidenceField, string> = {
  statement: 'Statement',
  claimant: 'Claimant',
  via: 'Relayed via',
  statedOn: 'Stated on',
  quantity: 'Quantity',
  trigger: 'Trigger word',
  eventType: 'Event type',
  date: 'Date',
  location: 'Location',
  actors: 'Actors',
  weapons: 'Weapons',
  fatalities: 'Fatalities',
};

export interface SpanLike {
  field: EvidenceField;
  start: number;
  end: number;
}

export interface MarkNode {
  /** null for the root (the whole text). */
  field: EvidenceField | null;
  start: number;
  end: number;
  children: MarkNode[];
}

const rank = (field: EvidenceField): number => EVIDENCE_FIELDS.indexOf(field);

function compare(a: SpanLike, b: SpanLike): number {
  return a.start - b.start || b.end - a.end || rank(a.field) - rank(b.field);
}

/** Valid, distinct spans within the text, in document order (outer spans before the ones they hold). */
export function cleanSpans(textLength: number, spans: readonly SpanLike[]): SpanLike[] {
  const seen = new Map<string, SpanLike>();
  for (const s of spans) {
    const end = Math.min(s.end, textLength);
    if (!Number.isInteger(s.start) || !Number.isInteger(end) || s.start < 0 || s.start >= end) continue;
    seen.set(`${s.field}:${s.start}:${end}`, { field: s.field, start: s.start, end });
  }
  return [...seen.values()].sort(compare);
}

function insertSorted(list: SpanLike[], from: number, item: SpanLike): void {
  let i = from;
  while (i < list.length && compare(list[i] as SpanLike, item) <= 0) i++;
  list.splice(i, 0, item);
}

export function markTree(textLength: number, spans: readonly SpanLike[]): MarkNode {
  const root: MarkNode = { field: null, start: 0, end: textLength, children: [] };
  const queue = cleanSpans(textLength, spans);
  const open: MarkNode[] = [root];
  for (let i = 0; i < queue.length; i++) {
    const span = queue[i] as SpanLike;
    while (open.length > 1 && (open[open.length - 1] as MarkNode).end <= span.start) open.pop();
    const parent = open[open.length - 1] as MarkNode;
    const node: MarkNode = {
      field: span.field,
      start: span.start,
      end: Math.min(span.end, parent.end),
      children: [],
    };
    parent.children.push(node);
    open.push(node);
    if (span.end > parent.end)
      insertSorted(queue, i + 1, { field: span.field, start: parent.end, end: span.end });
  }
  return root;
}

/** The fields that have at least one span, in legend order. */
export function presentFields(spans: readonly SpanLike[]): EvidenceField[] {
  const fields = new Set(spans.map((s) => s.field));
  return EVIDENCE_FIELDS.filter((f) => fields.has(f));
}
