// HTML reports: the article body as plain paragraphs, and the page's metadata. Pure.

import { DomUtils, ElementType, parseDocument } from 'htmlparser2';

import { InputError } from '../domain/errors.js';
import { normaliseDate } from './dates.js';
import type { IncomingDocument } from '../domain/incoming.js';

type DomDocument = ReturnType<typeof parseDocument>;
type DomNode = DomDocument['children'][number];
type DomElement = ReturnType<typeof DomUtils.findAll>[number];

/** What an HTML page says about itself, and its article text. */
export interface ArticleExtract {
  /** The article body: paragraphs separated by a blank line, whitespace inside each collapsed. */
  text: string;
  title: string | null;
  /** YYYY-MM-DD. */
  published: string | null;
  outlet: string | null;
  url: string | null;
}

/** Below this many words of article text, a page is not read as a report. */
export const MIN_ARTICLE_WORDS = 25;

/** Never article text. */
const DROP_TAGS = new Set([
  'title',
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'header',
  'footer',
  'aside',
  'figcaption',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'button',
  'select',
  'textarea',
  'input',
  'label',
  'dialog',
  'menu',
]);
const DROP_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'dialog',
  'menu',
]);

/** Elements that start a new paragraph. */
const BLOCK_TAGS = new Set([
  'html',
  'body',
  'main',
  'article',
  'section',
  'div',
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'figure',
  'address',
  'hr',
  'br',
  'center',
  'details',
  'summary',
  'fieldset',
  'form',
]);
/** Paragraphs kept even when they are mostly a link. Other blocks that are mostly links are menus and lists. */
const PROSE_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre']);

const ARTICLE_TYPES = /(Article|BlogPosting|ReportageNews|LiveBlogPosting|Report)$/;

/**
 * The article in an HTML page. Title: og:title, twitter:title, JSON-LD headline, <title>, first <h1>. Published:
 * article:published_time, JSON-LD datePublished, meta date/pubdate/dc.date…, <time datetime>. Outlet:
 * og:site_name, JSON-LD publisher.name. URL: <link rel=canonical>, og:url. Text: the <article> (else the
 * itemprop=articleBody element, else the element holding most paragraph text), without scripts, navigation,
 * headers, footers, asides, forms and figure captions. Throws InputError(input, "no article text found in
 * HTML") when fewer than 25 words remain.
 */
export function extractArticle(input: string, html: string): ArticleExtract {
  const doc = parseDocument(html);
  const meta = readMetaTags(doc);
  const jsonLd = readJsonLd(doc);

  const outlet = clean(meta.get('og:site_name')) ?? jsonLd.publisher;
  const title = pickTitle(doc, meta, jsonLd, outlet);
  const published = pickPublished(doc, meta, jsonLd);
  const url = pickUrl(doc, meta, jsonLd);

  removeBoilerplate(doc);
  const text = collectParagraphs(chooseArticleRoots(doc)).join('\n\n');
  if (countWords(text) < MIN_ARTICLE_WORDS) throw new InputError(input, 'no article text found in HTML');
  return { text, title, published, outlet, url };
}

/** An HTML report as an incoming document: the article text to read, the HTML kept as `raw`. */
export function parseHtmlDocument(origin: string, html: string): IncomingDocument {
  const article = extractArticle(origin, html);
  return { origin, raw: html, mediaType: 'text/html', ...article };
}

/** Words with at least one letter or digit. */
export function countWords(text: string): number {
  let n = 0;
  for (const word of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(word)) n += 1;
  return n;
}

// ---- metadata ----

/** meta property/name/itemprop (lower-cased) → content; the first non-empty value of each wins. */
function readMetaTags(doc: DomDocument): Map<string, string> {
  const meta = new Map<string, string>();
  for (const el of DomUtils.findAll((e) => e.name === 'meta', doc)) {
    const content = el.attribs['content']?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.attribs[attr]?.trim().toLowerCase();
      if (key && !meta.has(key)) meta.set(key, content);
    }
  }
  return meta;
}

interface JsonLdFacts {
  headline: string | null;
  published: string | null;
  publisher: string | null;
  url: string | null;
}

function readJsonLd(doc: DomDocument): JsonLdFacts {
  const objects: Record<string, unknown>[] = [];
  const scripts = DomUtils.findAll(
    (e) => e.name === 'script' && (e.attribs['type'] ?? '').trim().toLowerCase() === 'application/ld+json',
    doc,
  );
  for (const script of scripts) {
    const data = parseLooseJson(DomUtils.textContent(script));
    if (data !== undefined) collectObjects(data, objects, 0);
  }
  // Article-typed objects first, then anything else that carries the fields.
  const ranked = [...objects.filter(isArticleObject), ...objects.filter((o) => !isArticleObject(o))];
  const facts: JsonLdFacts = { headline: null, published: null, publisher: null, url: null };
  for (const o of ranked) {
    facts.headline ??= typeof o['headline'] === 'string' ? clean(o['headline']) : null;
    facts.published ??= typeof o['datePublished'] === 'string' ? normaliseDate(o['datePublished']) : null;
    facts.publisher ??= nameOf(o['publisher']);
    if (isArticleObject(o)) facts.url ??= typeof o['url'] === 'string' ? absoluteUrl(o['url']) : null;
  }
  return facts;
}

function parseLooseJson(text: string): unknown {
  const body = text.trim().replace(/^<!--/, '').replace(/-->$/, '').trim();
  if (body === '') return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    try {
      // Raw line breaks inside strings are a common publishing slip.
      return JSON.parse(body.replace(/[\r\n\t]+/g, ' ')) as unknown;
    } catch {
      return undefined;
    }
  }
}

function collectObjects(data: unknown, out: Record<string, unknown>[], depth: number): void {
  if (depth > 6 || data === null || typeof data !== 'object') return;
  if (Array.isArray(data)) {
    for (const item of data) collectObjects(item, out, depth + 1);
    return;
  }
  const o = data as Record<string, unknown>;
  out.push(o);
  if (o['@graph'] !== undefined) collectObjects(o['@graph'], out, depth + 1);
  if (o['mainEntity'] !== undefined) collectObjects(o['mainEntity'], out, depth + 1);
}

function isArticleObject(o: Record<string, unknown>): boolean {
  const type = o['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t));
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) {
    for (const v of value) {
      const name = nameOf(v);
      if (name) return name;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    const name = (value as Record<string, unknown>)['name'];
    return typeof name === 'string' ? clean(name) : null;
  }
  return null;
}

function pickTitle(
  doc: DomDocument,
  meta: Map<string, string>,
  jsonLd: JsonLdFacts,
  outlet: string | null,
): string | null {
  const fromMeta = clean(meta.get('og:title')) ?? clean(meta.get('twitter:title')) ?? jsonLd.headline;
  if (fromMeta) return fromMeta;
  const titleEl = DomUtils.findOne((e) => e.name === 'title', doc.children);
  const h1El = DomUtils.findOne((e) => e.name === 'h1', doc.children);
  const h1 = h1El ? clean(DomUtils.textContent(h1El)) : null;
  let title = titleEl ? clean(DomUtils.textContent(titleEl)) : null;
  if (title && outlet) title = stripOutletName(title, outlet);
  // "Headline | Outlet" without og:site_name: the <h1> is the headline on its own.
  if (title && h1 && title !== h1 && title.startsWith(h1)) return h1;
  return title ?? h1;
}

function stripOutletName(title: string, outlet: string): string {
  const name = outlet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const stripped = title
    .replace(new RegExp(`\\s+[|\\-–—:·•]\\s+${name}\\s*$`, 'i'), '')
    .replace(new RegExp(`^${name}\\s+[|\\-–—:·•]\\s+`, 'i'), '')
    .trim();
  return stripped === '' ? title : stripped;
}

const META_DATE_KEYS = [
  'article:published_time',
  'og:published_time',
  'datepublished',
  'date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'dc.date',
  'dc.date.issued',
  'dc.date.created',
  'dcterms.date',
  'dcterms.issued',
  'dcterms.created',
  'sailthru.date',
  'parsely-pub-date',
];

function pickPublished(doc: DomDocument, meta: Map<string, string>, jsonLd: JsonLdFacts): string | null {
  const first = metaDate(meta, 'article:published_time');
  if (first) return first;
  if (jsonLd.published) return jsonLd.published;
  for (const key of META_DATE_KEYS) {
    const date = metaDate(meta, key);
    if (date) return date;
  }
  const times = DomUtils.findAll(
    (e) => e.name === 'time' && (e.attribs['datetime'] ?? '').trim() !== '',
    doc,
  );
  const marked = times.filter(
    (t) =>
      t.attribs['pubdate'] !== undefined || (t.attribs['itemprop'] ?? '').toLowerCase() === 'datepublished',
  );
  const inArticle = times.filter((t) => hasAncestor(t, 'article'));
  for (const t of [...marked, ...inArticle, ...times]) {
    const date = normaliseDate(t.attribs['datetime'] ?? '');
    if (date) return date;
  }
  return null;
}

function metaDate(meta: Map<string, string>, key: string): string | null {
  const value = meta.get(key);
  return value === undefined ? null : normaliseDate(value);
}

function pickUrl(doc: DomDocument, meta: Map<string, string>, jsonLd: JsonLdFacts): string | null {
  const ogUrl = absoluteUrl(meta.get('og:url'));
  const canonical = DomUtils.findOne(
    (e) => e.name === 'link' && (e.attribs['rel'] ?? '').toLowerCase().split(/\s+/).includes('canonical'),
    doc.children,
  );
  const href = canonical?.attribs['href'];
  return absoluteUrl(href) ?? absoluteUrl(href, ogUrl ?? jsonLd.url) ?? ogUrl ?? jsonLd.url;
}

/** An http(s) URL, resolved against `base` when relative; null otherwise. */
function absoluteUrl(value: string | undefined, base?: string | null): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  try {
    const url = base ? new URL(trimmed, base) : new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

// ---- article text ----

function removeBoilerplate(doc: DomDocument): void {
  const drop = DomUtils.findAll((e) => {
    if (DROP_TAGS.has(e.name)) return true;
    if (e.attribs['hidden'] !== undefined || e.attribs['aria-hidden'] === 'true') return true;
    if (DROP_ROLES.has((e.attribs['role'] ?? '').toLowerCase())) return true;
    // Some sites wrap the whole page in one <form>: keep a form that holds the article.
    if (e.name === 'form')
      return (
        !DomUtils.existsOne((c) => c.name === 'article' || c.name === 'main', e.children) &&
        paragraphWords(e) < 100
      );
    return false;
  }, doc);
  for (const el of drop) DomUtils.removeElement(el);
}

function chooseArticleRoots(doc: DomDocument): (DomElement | DomDocument)[] {
  const articles = DomUtils.findAll((e) => e.name === 'article', doc);
  const article = richest(articles);
  if (article) return [article];

  const bodies = DomUtils.findAll(
    (e) => (e.attribs['itemprop'] ?? '').split(/\s+/).includes('articleBody'),
    doc,
  );
  const body = richest(bodies);
  if (body) return [body];

  // The element whose own paragraphs (and those one wrapper down) hold the most words, with its siblings
  // that hold a good share too (articles split by ads or sections).
  const scores = new Map<DomElement, number>();
  for (const p of DomUtils.findAll((e) => e.name === 'p', doc)) {
    const words = countWords(DomUtils.textContent(p));
    if (words === 0) continue;
    const parent = elementParent(p);
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + words);
    const grandparent = parent ? elementParent(parent) : null;
    if (grandparent) scores.set(grandparent, (scores.get(grandparent) ?? 0) + words / 2);
  }
  let best: DomElement | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  if (!best) return [DomUtils.findOne((e) => e.name === 'body', doc.children) ?? doc];
  const parent = best.parent;
  if (!parent) return [best];
  return parent.children.filter(
    (c): c is DomElement =>
      c === best || (isElement(c) && (scores.get(c) ?? 0) >= Math.max(10, bestScore * 0.2)),
  );
}

/** Of these elements, the one with the most paragraph words, when it has enough to be an article. */
function richest(elements: DomElement[]): DomElement | null {
  let best: DomElement | null = null;
  let bestWords = MIN_ARTICLE_WORDS - 1;
  for (const el of elements) {
    const words = paragraphWords(el);
    if (words > bestWords) {
      best = el;
      bestWords = words;
    }
  }
  return best;
}

function paragraphWords(el: DomElement): number {
  let n = 0;
  for (const p of DomUtils.findAll((e) => e.name === 'p', el.children))
    n += countWords(DomUtils.textContent(p));
  return n;
}

/** The text of these subtrees as paragraphs: one per block element, whitespace collapsed. */
function collectParagraphs(roots: (DomElement | DomDocument)[]): string[] {
  const paragraphs: string[] = [];
  const blockTags: string[] = [];
  let text = '';
  let linkText = '';
  let linkDepth = 0;

  const flush = (): void => {
    const paragraph = collapse(text);
    if (paragraph !== '') {
      const tag = blockTags[blockTags.length - 1] ?? 'p';
      const mostlyLinks = collapse(linkText).length > paragraph.length / 2;
      if (PROSE_TAGS.has(tag) || !mostlyLinks) paragraphs.push(paragraph);
    }
    text = '';
    linkText = '';
  };

  const visit = (node: DomNode): void => {
    if (node.type === ElementType.Text) {
      text += node.data;
      if (linkDepth > 0) linkText += node.data;
      return;
    }
    if (!isElement(node)) return;
    const block = BLOCK_TAGS.has(node.name);
    if (block) {
      flush();
      blockTags.push(node.name);
    }
    if (node.name === 'a') linkDepth += 1;
    for (const child of node.children) visit(child);
    if (node.name === 'a') linkDepth -= 1;
    if (block) {
      flush();
      blockTags.pop();
    }
  };

  for (const root of roots) {
    if (isElement(root)) visit(root);
    else for (const child of root.children) visit(child);
    flush();
  }
  return paragraphs;
}

function isElement(node: DomNode | DomDocument): node is DomElement {
  return node.type === ElementType.Tag || node.type === ElementType.Script || node.type === ElementType.Style;
}

function elementParent(node: DomElement): DomElement | null {
  const parent = node.parent;
  return parent && isElement(parent) ? parent : null;
}

function hasAncestor(node: DomElement, name: string): boolean {
  for (let p = elementParent(node); p; p = elementParent(p)) if (p.name === name) return true;
  return false;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function clean(value: string | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  const c = collapse(value);
  return c === '' ? null : c;
}
