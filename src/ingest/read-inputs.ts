// The file-system edge of ingest: paths in, documents (or skipped inputs with reasons) out.
// A bad file never stops the run: every problem with one input becomes a skipped item.

import type { Stats } from 'node:fs';
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

import { ConfigError, InputError } from '../domain/errors.js';
import { decodeText, tooLargeReason } from './decode.js';
import { parseHtmlDocument } from './html.js';
import type { InputItem, SkippedInput } from '../domain/incoming.js';
import { parseJsonLines } from './jsonl.js';
import { parsePlainText } from './text.js';

export interface ReadInputsOptions {
  /** Files larger than this are skipped without being read. */
  maxBytes: number;
}

/** How a file is read: by its extension, or by a look at its first characters (`sniff`). */
export type InputFormat = 'text' | 'html' | 'jsonl' | 'sniff';

const FORMAT_BY_EXTENSION: Record<string, InputFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/** Files that are certainly not readable reports: skipped by name, without being read. */
const UNSUPPORTED_EXTENSIONS = new Set([
  '.json',
  '.pdf',
  '.doc',
  '.docx',
  '.odt',
  '.rtf',
  '.epub',
  '.xls',
  '.xlsx',
  '.ods',
  '.csv',
  '.ppt',
  '.pptx',
  '.zip',
  '.gz',
  '.tgz',
  '.bz2',
  '.xz',
  '.7z',
  '.rar',
  '.tar',
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.webp',
  '.bmp',
  '.tif',
  '.tiff',
  '.ico',
  '.svg',
  '.mp3',
  '.mp4',
  '.m4a',
  '.wav',
  '.ogg',
  '.mov',
  '.avi',
  '.mkv',
  '.webm',
  '.exe',
  '.dll',
  '.so',
  '.dylib',
  '.bin',
  '.db',
  '.sqlite',
  '.woff',
  '.woff2',
  '.ttf',
  '.otf',
]);

/** The reading format for a file name. */
export function inputFormatOf(filePath: string): InputFormat {
  return FORMAT_BY_EXTENSION[path.extname(filePath).toLowerCase()] ?? 'sniff';
}

/** Whether text with an unknown extension looks like HTML: it starts with "<" and has an <html> or <p> tag. */
export function looksLikeHtml(text: string): boolean {
  const start = text.trimStart();
  return start.startsWith('<') && /<(html|p)[\s>/]/i.test(start);
}

/**
 * Every report in `paths`, in order. A folder is walked recursively in sorted order, skipping dotfiles and
 * node_modules. .txt/.text/.md are plain text, .html/.htm HTML, .jsonl/.ndjson JSON Lines (one item per
 * line); other files are sniffed. A path that cannot be read, or a file that is too large, empty, binary,
 * badly encoded or has no article, is yielded as a skipped item with the reason. The same file named twice
 * is read once. Sizes are checked before reading, so an oversized file is never loaded.
 */
export async function* readInputs(paths: string[], opts: ReadInputsOptions): AsyncGenerator<InputItem> {
  if (!(opts.maxBytes > 0) || !Number.isFinite(opts.maxBytes)) {
    throw new ConfigError(`the input size limit must be a positive number of bytes, got ${opts.maxBytes}`);
  }
  const seen = new Set<string>();
  for (const input of paths) {
    let stats: Stats;
    try {
      stats = await stat(input);
    } catch (err) {
      yield skippedItem(input, fileSystemReason(err));
      continue;
    }
    if (stats.isDirectory()) {
      let files = 0;
      for await (const item of walkFolder(input, new Set())) {
        if ('reason' in item) {
          yield { kind: 'skipped', skipped: item };
          continue;
        }
        files += 1;
        yield* readFileOnce(item.file, item.size, opts.maxBytes, seen);
      }
      if (files === 0) yield skippedItem(input, 'folder has no input files');
    } else if (stats.isFile()) {
      yield* readFileOnce(input, stats.size, opts.maxBytes, seen);
    } else {
      yield skippedItem(input, 'not a regular file or folder');
    }
  }
}

/** The items of one file that has already been stat-ed (`size` in bytes). */
export async function readInputFile(filePath: string, size: number, maxBytes: number): Promise<InputItem[]> {
  const ext = path.extname(filePath).toLowerCase();
  if (UNSUPPORTED_EXTENSIONS.has(ext)) {
    return [
      skippedItem(filePath, `unsupported file type ${ext} (Docket reads .txt, .md, .html and .jsonl files)`),
    ];
  }
  if (size > maxBytes) return [skippedItem(filePath, tooLargeReason(size, maxBytes))];
  if (size === 0) return [skippedItem(filePath, 'empty file')];

  let bytes: Uint8Array;
  try {
    bytes = await readFile(filePath);
  } catch (err) {
    return [skippedItem(filePath, fileSystemReason(err))];
  }
  try {
    const text = decodeText(filePath, bytes, maxBytes);
    let format = inputFormatOf(filePath);
    if (format === 'sniff') format = looksLikeHtml(text) ? 'html' : 'text';
    switch (format) {
      case 'jsonl':
        return parseJsonLines(filePath, text);
      case 'html':
        return [{ kind: 'document', doc: parseHtmlDocument(filePath, text) }];
      case 'text':
        return [{ kind: 'document', doc: parsePlainText(filePath, text) }];
    }
  } catch (err) {
    if (err instanceof InputError) return [skippedItem(err.input, err.reason)];
    throw err;
  }
}

async function* readFileOnce(
  filePath: string,
  size: number,
  maxBytes: number,
  seen: Set<string>,
): AsyncGenerator<InputItem> {
  const key = path.resolve(filePath);
  if (seen.has(key)) return;
  seen.add(key);
  yield* await readInputFile(filePath, size, maxBytes);
}

type WalkItem = { file: string; size: number } | SkippedInput;

/** Files under `dir`, depth first, names in code-unit order; dotfiles, node_modules and folder loops skipped. */
async function* walkFolder(dir: string, ancestors: Set<string>): AsyncGenerator<WalkItem> {
  let real: string;
  let names: string[];
  try {
    real = await realpath(dir);
    names = await readdir(dir);
  } catch (err) {
    yield { input: dir, reason: fileSystemReason(err) };
    return;
  }
  if (ancestors.has(real)) return; // a symbolic link back up the tree
  const inside = new Set(ancestors).add(real);
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const child = path.join(dir, name);
    let stats: Stats;
    try {
      stats = await stat(child);
    } catch (err) {
      yield { input: child, reason: fileSystemReason(err) };
      continue;
    }
    if (stats.isDirectory()) yield* walkFolder(child, inside);
    else if (stats.isFile()) yield { file: child, size: stats.size };
    else yield { input: child, reason: 'not a regular file or folder' };
  }
}

function fileSystemReason(err: unknown): string {
  const code = err !== null && typeof err === 'object' && 'code' in err ? err.code : null;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENOTDIR':
      return 'not a directory';
    case 'EISDIR':
      return 'is a directory';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

function skippedItem(input: string, reason: string): InputItem {
  return { kind: 'skipped', skipped: { input, reason } };
}
