import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ConfigError } from '../domain/errors.js';
import type { InputItem } from '../domain/incoming.js';
import { inputFormatOf, looksLikeHtml, readInputs } from './read-inputs.js';

const MB = 1024 * 1024;
const LIMIT = 10 * MB;

const ARTICLE_HTML = `<!doctype html><html><head><title>Car bomb in Mogadishu</title>
<meta property="og:site_name" content="Horn Daily"><meta property="article:published_time" content="2022-10-29"></head>
<body><nav><a href="/">Home</a></nav><article><p>A car bomb exploded near the education ministry in Mogadishu on
Saturday, killing at least 100 people, the president said, in the deadliest attack in the city in five years.</p>
</article></body></html>`;
const NO_ARTICLE_HTML = '<html><body><nav><a href="/">Home</a></nav><p>Subscribe now.</p></body></html>';
const PLAIN = 'Clashes in Tripoli\n29 October 2022\n\nFighting broke out overnight.\n';
const JSONL = [
  JSON.stringify({ text: 'Shelling hit Bakhmut.', published: '2022-10-29' }),
  'not json at all',
  JSON.stringify({ text: 'Drone downed over Belgorod.', published: '2022-10-30T05:00:00Z' }),
].join('\n');

let dir: string;

function jsonParseMessage(text: string): string {
  try {
    JSON.parse(text);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error(`${text} is JSON`);
}

async function collect(paths: string[], maxBytes = LIMIT): Promise<InputItem[]> {
  const items: InputItem[] = [];
  for await (const item of readInputs(paths, { maxBytes })) items.push(item);
  return items;
}

function summary(items: InputItem[]): string[] {
  return items.map((i) =>
    i.kind === 'document'
      ? `doc ${path.relative(dir, i.doc.origin)}`
      : `skip ${path.relative(dir, i.skipped.input)}: ${i.skipped.reason}`,
  );
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'docket-ingest-'));
  const mixed = path.join(dir, 'mixed');
  await mkdir(path.join(mixed, 'b-sub', 'deeper'), { recursive: true });
  await mkdir(path.join(mixed, 'node_modules'), { recursive: true });
  await mkdir(path.join(mixed, '.git'), { recursive: true });
  await mkdir(path.join(mixed, 'empty-sub'), { recursive: true });
  await writeFile(path.join(mixed, 'a-report.txt'), PLAIN);
  await writeFile(path.join(mixed, 'b-sub', 'story.html'), ARTICLE_HTML);
  await writeFile(path.join(mixed, 'b-sub', 'deeper', 'wire.jsonl'), JSONL);
  await writeFile(path.join(mixed, 'c-empty.txt'), '');
  await writeFile(
    path.join(mixed, 'd-binary.dat'),
    new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00]),
  );
  await writeFile(path.join(mixed, 'e-latin1.txt'), new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]));
  await writeFile(path.join(mixed, 'f-nav-only.htm'), NO_ARTICLE_HTML);
  await writeFile(path.join(mixed, 'g-scan.pdf'), '%PDF-1.7');
  await writeFile(path.join(mixed, 'h-sniffed-page'), ARTICLE_HTML);
  await writeFile(path.join(mixed, 'i-notes.log'), 'Field notes: checkpoint moved 2 km east.');
  await writeFile(path.join(mixed, '.hidden.txt'), 'hidden');
  await writeFile(path.join(mixed, 'node_modules', 'pkg.txt'), 'dependency');
  await writeFile(path.join(mixed, '.git', 'HEAD'), 'ref: refs/heads/main');
  await writeFile(path.join(dir, 'big.txt'), Buffer.alloc(50 * MB, 'a'));
  await mkdir(path.join(dir, 'only-dotfiles'));
  await writeFile(path.join(dir, 'only-dotfiles', '.DS_Store'), 'x');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readInputs', () => {
  it('reads a folder mixing good and bad files: every good one comes out, every bad one with its reason', async () => {
    const items = await collect([path.join(dir, 'mixed')]);
    expect(summary(items)).toEqual([
      'doc mixed/a-report.txt',
      'doc mixed/b-sub/deeper/wire.jsonl:1',
      `skip mixed/b-sub/deeper/wire.jsonl:2: not JSON: ${jsonParseMessage('not json at all')}`,
      'doc mixed/b-sub/deeper/wire.jsonl:3',
      'doc mixed/b-sub/story.html',
      'skip mixed/c-empty.txt: empty file',
      'skip mixed/d-binary.dat: binary file (contains NUL bytes)',
      'skip mixed/e-latin1.txt: invalid UTF-8 at byte 3',
      'skip mixed/f-nav-only.htm: no article text found in HTML',
      'skip mixed/g-scan.pdf: unsupported file type .pdf (Docket reads .txt, .md, .html and .jsonl files)',
      'doc mixed/h-sniffed-page',
      'doc mixed/i-notes.log',
    ]);
  });

  it('reads each kind of file into the right document', async () => {
    const items = await collect([path.join(dir, 'mixed')]);
    const docs = items.flatMap((i) => (i.kind === 'document' ? [i.doc] : []));
    const byName = (name: string) => docs.find((d) => d.origin.endsWith(name));

    expect(byName('a-report.txt')).toMatchObject({
      mediaType: 'text/plain',
      text: PLAIN,
      raw: null,
      title: 'Clashes in Tripoli',
      published: '2022-10-29',
    });
    expect(byName('story.html')).toMatchObject({
      mediaType: 'text/html',
      raw: ARTICLE_HTML,
      title: 'Car bomb in Mogadishu',
      outlet: 'Horn Daily',
      published: '2022-10-29',
    });
    expect(byName('story.html')?.text).toMatch(
      /^A car bomb exploded near the education ministry in Mogadishu on Saturday, killing at least 100 people,/,
    );
    expect(byName('wire.jsonl:3')).toMatchObject({
      mediaType: 'application/jsonl',
      text: 'Drone downed over Belgorod.',
      published: '2022-10-30',
    });
    expect(byName('h-sniffed-page')).toMatchObject({ mediaType: 'text/html', outlet: 'Horn Daily' });
    expect(byName('i-notes.log')).toMatchObject({
      mediaType: 'text/plain',
      text: 'Field notes: checkpoint moved 2 km east.',
    });
  });

  it('skips a 50 MB file with a reason naming the file, its size and the limit', async () => {
    const big = path.join(dir, 'big.txt');
    expect(await collect([big])).toEqual([
      { kind: 'skipped', skipped: { input: big, reason: 'file is 50 MB, over the limit of 10 MB' } },
    ]);
  });

  it('lists a missing path and goes on with the next one', async () => {
    const missing = path.join(dir, 'nope.txt');
    const items = await collect([missing, path.join(dir, 'mixed', 'a-report.txt')]);
    expect(items[0]).toEqual({
      kind: 'skipped',
      skipped: { input: missing, reason: 'no such file or directory' },
    });
    expect(items[1]).toMatchObject({
      kind: 'document',
      doc: { origin: path.join(dir, 'mixed', 'a-report.txt') },
    });
  });

  it('reads a dotfile named explicitly, and a file named twice only once', async () => {
    const hidden = path.join(dir, 'mixed', '.hidden.txt');
    const items = await collect([hidden, hidden, path.join(dir, 'mixed', '..', 'mixed', '.hidden.txt')]);
    expect(items).toHaveLength(1);
    expect(items).toMatchObject([{ kind: 'document', doc: { origin: hidden, text: 'hidden' } }]);
  });

  it('reports a folder with no input files', async () => {
    const folder = path.join(dir, 'only-dotfiles');
    expect(await collect([folder])).toEqual([
      { kind: 'skipped', skipped: { input: folder, reason: 'folder has no input files' } },
    ]);
  });

  it('does not loop on a symbolic link back up the tree', async () => {
    const loopDir = path.join(dir, 'loop');
    await mkdir(loopDir);
    await writeFile(path.join(loopDir, 'a.txt'), 'A report.');
    await symlink(loopDir, path.join(loopDir, 'again'));
    expect(summary(await collect([loopDir]))).toEqual(['doc loop/a.txt']);
  });

  it('refuses a size limit that is not a positive number', async () => {
    await expect(collect([dir], 0)).rejects.toThrow(ConfigError);
  });
});

describe('format detection', () => {
  it('maps extensions', () => {
    expect(inputFormatOf('a/B.TXT')).toBe('text');
    expect(inputFormatOf('notes.md')).toBe('text');
    expect(inputFormatOf('page.htm')).toBe('html');
    expect(inputFormatOf('feed.ndjson')).toBe('jsonl');
    expect(inputFormatOf('README')).toBe('sniff');
  });

  it('sniffs HTML', () => {
    expect(looksLikeHtml('\n  <!DOCTYPE html><html lang="en">')).toBe(true);
    expect(looksLikeHtml('<p>Hello</p>')).toBe(true);
    expect(looksLikeHtml('<b>not a page</b>')).toBe(false);
    expect(looksLikeHtml('Text that mentions <html> later')).toBe(false);
  });
});
