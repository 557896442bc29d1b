// RSS 2.0, RSS 1.0 (RDF) and Atom documents → feed entries with a key, a link, a title, a date and a summary.
// Tolerant: CDATA, HTML inside descriptions, HTML entities in titles, namespace prefixes, relative links and
// missing fields are all read; entries with no link to fetch are dropped. Pure.
import { DomUtils, ElementType, parseDocument } from 'htmlparser2';

import { InputError } from '../../domain/errors.js';
import { normaliseDate } from '../../ingest/dates.js';
import type { Feed, FeedItem } from '../../ports/feeds.port.js';

type DomDocument = ReturnType<typeof parseDocument>;
type DomNode = DomDocument['children'][number];
type DomElement = ReturnType<typeof DomUtils.findAll>[number];

/** Summaries are cut to this many characters (they are only a hint; the article page is what is read). */
const SUMMARY_CHARS = 1000;

/**
 * The entries of a feed document. Throws InputError(url, reason) when the document is empty or is not
 * RSS or Atom (an HTML page, some other XML).
 */
export function parseFeed(url: string, xml: string): Feed {
  if (xml.trim() === '') throw new InputError(url, 'not a feed: the document is empty');
  const doc = parseDocument(xml, { xmlMode: true });
  const root = doc.children.find(isElement);
  if (!root) throw new InputError(url, 'not a feed: no XML element found');
  const rootName = localName(root.name);
  const base = xmlBase(root, url);
  if (rootName === 'rss' || rootName === 'rdf') {
    const channel = child(root, 'channel');
    // RSS 2.0 keeps items inside <channel>; RSS 1.0 keeps them beside it, under <rdf:RDF>.
    const items = [...(channel ? children(channel, 'item') : []), ...children(root, 'item')];
    if (!channel && items.length === 0)
      throw new InputError(url, `not a feed: <${root.name}> has no <channel> or <item>`);
    return {
      title: channel ? text(child(channel, 'title')) : null,
      items: dedupe(items.map((item) => rssItem(item, base)).filter((i): i is FeedItem => i !== null)),
    };
  }
  if (rootName === 'feed') {
    return {
      title: text(child(root, 'title')),
      items: dedupe(
        children(root, 'entry')
          .map((entry) => atomEntry(entry, xmlBase(entry, base)))
          .filter((i): i is FeedItem => i !== null),
      ),
    };
  }
  throw new InputError(url, `not an RSS or Atom feed: the document starts with <${root.name}>`);
}

// ---- RSS 2.0 and 1.0 ----

function rssItem(item: DomElement, base: string): FeedItem | null {
  const link = absolute(firstText(item, ['link']), base);
  const guidEl = child(item, 'guid');
  const guid = text(guidEl);
  const about = item.attribs['rdf:about']?.trim() || null;
  // A guid is a permalink unless it says isPermaLink="false".
  const guidIsLink =
    guidEl !== null && (guidEl.attribs['isPermaLink'] ?? 'true').trim().toLowerCase() !== 'false';
  const url = link ?? (guidIsLink ? absolute(guid) : null) ?? absolute(about);
  if (!url) return null;
  const date = firstText(item, ['pubDate', 'date', 'published', 'issued', 'created', 'updated', 'modified']);
  const summary = plainFromHtml(text(child(item, 'description')) ?? text(child(item, 'encoded')));
  return {
    key: guid ?? about ?? url,
    url,
    title: plainFromHtml(text(child(item, 'title'))),
    published: date ? normaliseDate(date) : null,
    summary: summary ? summary.slice(0, SUMMARY_CHARS) : null,
  };
}

// ---- Atom ----

function atomEntry(entry: DomElement, base: string): FeedItem | null {
  const links = children(entry, 'link');
  const rel = (l: DomElement): string => (l.attribs['rel'] ?? 'alternate').trim().toLowerCase();
  const htmlType = (l: DomElement): boolean => /html/i.test(l.attribs['type'] ?? 'text/html');
  const link =
    links.find((l) => rel(l) === 'alternate' && htmlType(l)) ??
    links.find((l) => rel(l) === 'alternate') ??
    // Some feeds write the link as text, RSS-style.
    links.find((l) => !l.attribs['href'] && text(l));
  const href = link ? (link.attribs['href']?.trim() ?? text(link)) : null;
  const url = absolute(href, base);
  if (!url) return null;
  const date = firstText(entry, ['published', 'issued', 'updated', 'modified', 'date', 'created']);
  const summary = atomText(child(entry, 'summary')) ?? atomText(child(entry, 'content'));
  return {
    key: text(child(entry, 'id')) ?? url,
    url,
    title: atomText(child(entry, 'title')),
    published: date ? normaliseDate(date) : null,
    summary: summary ? summary.slice(0, SUMMARY_CHARS) : null,
  };
}

/** An Atom text construct: type="html" is escaped HTML, type="xhtml" is inline markup, else plain text. */
function atomText(el: DomElement | null): string | null {
  if (!el) return null;
  const type = (el.attribs['type'] ?? 'text').trim().toLowerCase();
  if (type === 'xhtml') return collapse(DomUtils.textContent(el));
  return plainFromHtml(text(el));
}

// ---- helpers ----

function isElement(node: DomNode): node is DomElement {
  return node.type === ElementType.Tag || node.type === ElementType.Script || node.type === ElementType.Style;
}

/** "dc:date" → "date", "rdf:RDF" → "rdf", "feed" → "feed". Case-insensitive. */
function localName(name: string): string {
  const lower = name.toLowerCase();
  if (lower === 'rdf:rdf') return 'rdf';
  const colon = lower.lastIndexOf(':');
  return colon === -1 ? lower : lower.slice(colon + 1);
}

function children(el: DomElement, name: string): DomElement[] {
  const want = name.toLowerCase();
  return el.children.filter((c): c is DomElement => isElement(c) && localName(c.name) === want);
}

function child(el: DomElement, name: string): DomElement | null {
  return children(el, name)[0] ?? null;
}

/** The first of these child elements that has text, in the order given. */
function firstText(el: DomElement, names: string[]): string | null {
  for (const name of names) {
    for (const c of children(el, name)) {
      const t = text(c);
      if (t) return t;
    }
  }
  return null;
}

/** An element's text (CDATA included), trimmed; null when empty. */
function text(el: DomElement | null): string | null {
  if (!el) return null;
  const t = DomUtils.textContent(el).trim();
  return t === '' ? null : t;
}

/**
 * Text that may hold HTML markup or HTML entities (descriptions nearly always do; titles sometimes carry
 * "&amp;#8217;" or "&nbsp;"), as plain text with whitespace collapsed.
 */
function plainFromHtml(value: string | null): string | null {
  if (value === null) return null;
  if (!/[<&]/.test(value)) return collapse(value);
  const html = parseDocument(value);
  for (const el of DomUtils.findAll((e) => e.name === 'script' || e.name === 'style', html.children))
    DomUtils.removeElement(el);
  return collapse(DomUtils.textContent(html));
}

function collapse(s: string): string | null {
  const c = s.replace(/\s+/g, ' ').trim();
  return c === '' ? null : c;
}

/** xml:base on an element, resolved against the enclosing base. */
function xmlBase(el: DomElement, base: string): string {
  const declared = el.attribs['xml:base']?.trim();
  if (!declared) return base;
  try {
    return new URL(declared, base).href;
  } catch {
    return base;
  }
}

/** An http(s) URL, resolved against the base when relative (without a base, only absolute URLs); else null. */
function absolute(value: string | null | undefined, base?: string): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  try {
    const url = base === undefined ? new URL(trimmed) : new URL(trimmed, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

/** One entry per key (some feeds repeat an entry); the first wins. */
function dedupe(items: FeedItem[]): FeedItem[] {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(i.key) ? false : (seen.add(i.key), true)));
}
