// Bytes → text, or a clear reason why a file cannot be read as a report. Pure.
// The text is kept exactly as received (line endings included) apart from a UTF-8 byte order mark:
// evidence offsets point into it.

import { InputError } from '../domain/errors.js';

const MB = 1024 * 1024;

/** Share of control bytes (other than tab, newline, carriage return, form feed) above which a file is binary. */
const CONTROL_BYTE_LIMIT = 0.1;

/** The reason given for a file over the size limit: "file is 50 MB, over the limit of 10 MB". */
export function tooLargeReason(size: number, maxBytes: number): string {
  let sizeText = formatSize(size);
  let limitText = formatSize(maxBytes);
  if (sizeText === limitText) {
    sizeText = `${size} bytes`;
    limitText = `${maxBytes} bytes`;
  }
  return `file is ${sizeText}, over the limit of ${limitText}`;
}

/** A size for people: "50 MB", "10.5 MB", "12.3 KB", "900 bytes" (1 MB = 1024 × 1024 bytes). */
export function formatSize(bytes: number): string {
  if (bytes >= MB) return `${round1(bytes / MB)} MB`;
  if (bytes >= 1024) return `${round1(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/**
 * The text of a file, from its bytes. Throws InputError(input, reason) when the file is over `maxBytes`,
 * empty, binary, UTF-16, not valid UTF-8, or only whitespace. A leading UTF-8 byte order mark is dropped;
 * nothing else is changed.
 */
export function decodeText(input: string, bytes: Uint8Array, maxBytes: number): string {
  if (bytes.length > maxBytes) throw new InputError(input, tooLargeReason(bytes.length, maxBytes));
  if (bytes.length === 0) throw new InputError(input, 'empty file');

  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError(input, 'UTF-16 text is not supported (save the file as UTF-8)');
  }
  if (bytes.indexOf(0) !== -1) throw new InputError(input, 'binary file (contains NUL bytes)');
  if (controlByteShare(bytes) > CONTROL_BYTE_LIMIT) {
    throw new InputError(input, 'binary file (mostly non-text control bytes)');
  }

  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
      hasBom ? bytes.subarray(3) : bytes,
    );
  } catch {
    const at = firstInvalidUtf8Byte(bytes);
    throw new InputError(input, `invalid UTF-8 at byte ${at ?? 0}`);
  }
  if (text.trim() === '') throw new InputError(input, 'no text');
  return text;
}

/**
 * The offset (from 0) of the first byte that is not part of a well-formed UTF-8 sequence, or null when
 * all of `bytes` is valid UTF-8. A sequence cut off by the end of the bytes counts as invalid at its start.
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number | null {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // no overlong forms
      if (b === 0xed) hi = 0x9f; // no UTF-16 surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90; // no overlong forms
      if (b === 0xf4) hi = 0x8f; // nothing above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      const min = k === 1 ? lo : 0x80;
      const max = k === 1 ? hi : 0xbf;
      if (c < min || c > max) return i;
    }
    i += need + 1;
  }
  return null;
}

function controlByteShare(bytes: Uint8Array): number {
  let control = 0;
  for (const b of bytes) {
    // Tab, LF, VT, FF, CR and ESC occur in real text files; other C0 controls and DEL do not.
    if (
      (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) ||
      b === 0x7f
    ) {
      control += 1;
    }
  }
  return control / bytes.length;
}

function round1(x: number): string {
  return String(Math.round(x * 10) / 10);
}
