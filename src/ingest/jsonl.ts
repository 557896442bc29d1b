// JSON Lines reports: one JSON object per line. A bad line is skipped with its line number; the rest go on. Pure.

import { z } from 'zod';

import { isoDateFrom } from './dates.js';
import type { InputItem } from '../domain/incoming.js';

function stringField(name: string) {
  return z.string({
    error: (issue) => (issue.input === undefined ? `missing field ${name}` : `${name} must be a string`),
  });
}

function optionalStringField(name: string) {
  return z
    .string({ error: () => `${name} must be a string` })
    .nullish()
    .transform((v) => (v === undefined || v === null || v.trim() === '' ? null : v.trim()));
}

/** One line of a JSON Lines input. Other fields are ignored. */
export const jsonLineSchema = z.object({
  text: stringField('text').refine((t) => t.trim() !== '', 'text is empty'),
  published: stringField('published').transform((value, ctx) => {
    const date = isoDateFrom(value);
    if (date === null) {
      ctx.addIssue({
        code: 'custom',
        message: `published is not a date: ${JSON.stringify(value)} (expected YYYY-MM-DD or an ISO 8601 timestamp)`,
      });
      return z.NEVER;
    }
    return date;
  }),
  url: optionalStringField('url'),
  outlet: optionalStringField('outlet'),
  title: optionalStringField('title'),
});

/**
 * The reports in a JSON Lines file. Each non-blank line must be an object with `text` (non-empty) and
 * `published` (YYYY-MM-DD or an ISO timestamp, kept as its date), and may have `url`, `outlet`, `title`.
 * A line that does not fit becomes a skipped item named "origin:LINE" (from 1) with the reason; the JSON
 * line itself is kept as the document's `raw`.
 */
export function parseJsonLines(origin: string, content: string): InputItem[] {
  const items: InputItem[] = [];
  const lines = content.split('\n');
  lines.forEach((rawLine, index) => {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (line.trim() === '') return;
    const name = `${origin}:${index + 1}`;
    const skip = (reason: string): void => {
      items.push({ kind: 'skipped', skipped: { input: name, reason } });
    };

    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch (err) {
      skip(`not JSON: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      skip(`not a JSON object (got ${describeJson(data)})`);
      return;
    }
    const parsed = jsonLineSchema.safeParse(data);
    if (!parsed.success) {
      skip(parsed.error.issues.map((i) => i.message).join('; '));
      return;
    }
    const { text, published, url, outlet, title } = parsed.data;
    items.push({
      kind: 'document',
      doc: { origin: name, text, raw: line, mediaType: 'application/jsonl', outlet, url, title, published },
    });
  });
  return items;
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  return typeof value;
}
