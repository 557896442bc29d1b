// Plain-text reports (.txt, .md): the text is kept whole; a title and a publication date are read from the top.

import { findDate, normaliseDate } from './dates.js';
import type { IncomingDocument } from '../domain/incoming.js';

/** How many non-empty lines from the top are searched for a publication date. */
const DATE_SEARCH_LINES = 8;
const MAX_TITLE_LENGTH = 200;
/** A line this short that holds a date is a byline or dateline, not prose. */
const SHORT_LINE = 120;

const LABEL = /^\W*(first published|published|posted|date|dated|last updated|updated|modified)\b/i;
const LATER_LABEL = /^\W*(last updated|updated|modified)\b/i;

/** A plain-text report: the whole text, with a title and a publication date when the top of it shows them. */
export function parsePlainText(origin: string, text: string): IncomingDocument {
  const { title, published } = readPlainTextHeader(text);
  return { origin, text, raw: null, mediaType: 'text/plain', outlet: null, url: null, title, published };
}

/**
 * Title: the first non-empty line when it is shorter than 200 characters, does not end with a period and is
 * not just a date (a Markdown "# " is dropped). Published: a date on one of the first 8 non-empty lines after
 * the title, in a short line ("By Jane Doe, 16 October 2018"), a labelled line ("Published: 2018-10-16") or a
 * dateline ("BEIRUT, 16 October, 2018 (Reuters) - ..."). A date inside prose is what happened, not when it
 * was published, and is not read. Markdown front matter (title:, date:) is read when present.
 */
export function readPlainTextHeader(text: string): { title: string | null; published: string | null } {
  const lines = text.split(/\r\n|\n|\r/);
  const front = readFrontMatter(lines);
  const body = lines
    .slice(front.bodyStart)
    .map((l) => l.trim())
    .filter((l) => l !== '');

  let title = front.title;
  let dateLines = body;
  if (title === null) {
    const first = body[0];
    const candidate = first === undefined ? null : titleFromLine(first);
    if (candidate !== null) {
      title = candidate;
      dateLines = body.slice(1);
    }
  }

  let published = front.published;
  if (published === null) {
    let later: string | null = null;
    for (const line of dateLines.slice(0, DATE_SEARCH_LINES)) {
      const date = publicationDateIn(line);
      if (date === null) continue;
      if (LATER_LABEL.test(line)) {
        later ??= date;
        continue;
      }
      published = date;
      break;
    }
    published ??= later;
  }
  return { title, published };
}

function titleFromLine(line: string): string | null {
  const heading = line
    .replace(/^#{1,6}\s+/, '')
    .replace(/\s+#+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (heading.length === 0 || heading.length >= MAX_TITLE_LENGTH) return null;
  if (heading.endsWith('.')) return null;
  if (!/\p{L}/u.test(heading)) return null;
  const date = findDate(heading);
  if (date && LABEL.test(heading)) return null; // "Published: 16 October 2018"
  if (
    date &&
    heading.replace(heading.slice(date.index, date.index + date.length), '').replace(/[\W\d_]/g, '') === ''
  ) {
    return null; // only a date, perhaps with a weekday: a dateline
  }
  return heading;
}

function publicationDateIn(line: string): string | null {
  const match = findDate(line);
  if (!match) return null;
  if (LABEL.test(line) || line.length <= SHORT_LINE) return match.date;
  // A wire-style dateline opening a long first paragraph: "ADEN, Yemen, Oct. 16, 2018 (AP) — ..."
  const before = line.slice(0, match.index);
  const after = line.slice(match.index + match.length);
  if (match.index <= 60 && !/[.!?]\s/.test(before) && /^\s*(\([^)]{1,40}\)\s*)?[-–—:]/.test(after)) {
    return match.date;
  }
  return null;
}

function readFrontMatter(lines: string[]): {
  title: string | null;
  published: string | null;
  bodyStart: number;
} {
  const none = { title: null, published: null, bodyStart: 0 };
  if (lines[0]?.trim() !== '---') return none;
  const end = lines.findIndex((l, i) => i > 0 && i <= 40 && l.trim() === '---');
  if (end === -1) return none;
  let title: string | null = null;
  let published: string | null = null;
  for (const line of lines.slice(1, end)) {
    const m = /^(title|date|published)\s*:\s*(.*)$/i.exec(line.trim());
    if (!m) continue;
    const value = (m[2] ?? '').replace(/^(["'])(.*)\1$/, '$2').trim();
    if (m[1]?.toLowerCase() === 'title') title = value === '' ? null : value;
    else published ??= normaliseDate(value);
  }
  return { title, published, bodyStart: end + 1 };
}
