// Readers for the TempEval-style date sets, read in place from ../shared/bench/time (never copied):
// TimeML (TBAQ-cleaned: inline TIMEX3 inside <TEXT>, the document date in <DCT>) and MEANTIME
// (CAT XML: tokens, TIMEX3 markables anchored to token ids). Both give plain text with character offsets.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeXml } from '../xml.js';

export interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
}

export interface TimeDoc {
  id: string;
  text: string;
  /** The document creation time as YYYY-MM-DD, the date relative expressions resolve against. */
  published: string | null;
  /** Every TIMEX3 in the text except the creation time. */
  gold: GoldTimex[];
  /** Spans not scored: the creation time when it is part of the text (MEANTIME's dateline), and text
   *  past the part that was annotated (MEANTIME: the first six sentences). */
  ignore: { start: number; end: number }[];
}

export interface TimeCorpus {
  name: string;
  docs: TimeDoc[];
}

const attr = (tag: string, name: string): string => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
const day = (value: string): string | null => /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] ?? null;

function files(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p, ext));
    else if (name.endsWith(ext)) out.push(p);
  }
  return out;
}

/** One TimeML file: the <TEXT> with its tags removed; TIMEX3 offsets are counted in the decoded text. */
export function readTimeMl(xml: string, id: string): TimeDoc {
  const dctTag = /<DCT>[\s\S]*?(<TIMEX3\b[^>]*>)/.exec(xml)?.[1] ?? '';
  const published = day(attr(dctTag, 'value'));
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
  let text = '';
  const gold: GoldTimex[] = [];
  const open: { tag: string; start: number }[] = [];
  let last = 0;
  for (const m of body.matchAll(/<(\/?)([A-Za-z0-9]+)\b[^>]*?(\/?)>/g)) {
    text += decodeXml(body.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[2] !== 'TIMEX3' || m[3]) continue;
    if (!m[1]) open.push({ tag: m[0], start: text.length });
    else {
      const o = open.pop();
      if (!o) continue;
      gold.push({
        start: o.start,
        end: text.length,
        text: text.slice(o.start, text.length),
        type: attr(o.tag, 'type'),
        value: attr(o.tag, 'value'),
      });
    }
  }
  text += decodeXml(body.slice(last));
  return { id, text, published, gold, ignore: [] };
}

const NO_SPACE_BEFORE = /^(?:[.,;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m)$/i;
const NO_SPACE_AFTER = /^[([{$]$/;

/** MEANTIME annotates the title (sentence 0), the dateline (1) and the next four sentences only. */
const ANNOTATED_SENTENCES = 5;

/** One MEANTIME CAT file: tokens joined back into running text (a new line after a sentence without a full stop). */
export function readMeantime(xml: string, id: string): TimeDoc {
  const tokens = [...xml.matchAll(/<token\b([^>]*)>([\s\S]*?)<\/token>/g)].map((m) => ({
    id: attr(m[1] ?? '', 't_id'),
    sentence: attr(m[1] ?? '', 'sentence'),
    text: decodeXml(m[2] ?? ''),
  }));
  const at = new Map<string, { start: number; end: number }>();
  let text = '';
  let prev: (typeof tokens)[number] | null = null;
  let annotatedEnd: number | null = null;
  for (const t of tokens) {
    if (annotatedEnd === null && Number(t.sentence) > ANNOTATED_SENTENCES) annotatedEnd = text.length;
    if (prev) {
      if (prev.sentence !== t.sentence) text += /[.!?"']$/.test(prev.text) ? ' ' : '\n';
      else if (!NO_SPACE_BEFORE.test(t.text) && !NO_SPACE_AFTER.test(prev.text)) text += ' ';
    }
    at.set(t.id, { start: text.length, end: text.length + t.text.length });
    text += t.text;
    prev = t;
  }
  let published: string | null = null;
  const gold: GoldTimex[] = [];
  const ignore: { start: number; end: number }[] = [];
  if (annotatedEnd !== null) ignore.push({ start: annotatedEnd, end: text.length });
  for (const m of xml.matchAll(/<TIMEX3\b([^>]*?)(?:\/>|>([\s\S]*?)<\/TIMEX3>)/g)) {
    const tag = m[1] ?? '';
    const spans = [...(m[2] ?? '').matchAll(/t_id="([^"]*)"/g)].flatMap((a) => {
      const s = at.get(a[1] ?? '');
      return s ? [s] : [];
    });
    const creation = attr(tag, 'functionInDocument') === 'CREATION_TIME';
    if (creation) published ??= day(attr(tag, 'value'));
    if (!spans.length) continue; // an empty markable (an implicit begin or end point)
    const start = Math.min(...spans.map((s) => s.start));
    const end = Math.max(...spans.map((s) => s.end));
    if (creation) ignore.push({ start, end });
    else
      gold.push({
        start,
        end,
        text: text.slice(start, end),
        type: attr(tag, 'type'),
        value: attr(tag, 'value'),
      });
  }
  gold.sort((a, b) => a.start - b.start);
  return { id, text, published, gold, ignore };
}

/** The corpora found under dir: TBAQ-cleaned (TimeBank + AQUAINT + its test file) and MEANTIME. */
export function loadTimeCorpora(dir: string): TimeCorpus[] {
  const out: TimeCorpus[] = [];
  // TimeBank and AQUAINT; testpipeline/ holds one TimeBank document again and is left out
  const tbaq = ['TimeBank', 'AQUAINT'].flatMap((sub) => files(join(dir, 'TBAQ-cleaned', sub), '.tml'));
  if (tbaq.length)
    out.push({
      name: 'TBAQ-cleaned',
      docs: tbaq.map((f) => readTimeMl(readFileSync(f, 'utf8'), f.slice(dir.length + 1))),
    });
  const meantime = files(join(dir, 'MEANTIME'), '.xml');
  if (meantime.length)
    out.push({
      name: 'MEANTIME',
      docs: meantime.map((f) => readMeantime(readFileSync(f, 'utf8'), f.slice(dir.length + 1))),
    });
  return out;
}
