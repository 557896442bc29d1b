import { describe, expect, it } from 'vitest';

import { InputError } from '../domain/errors.js';
import { decodeText, firstInvalidUtf8Byte, formatSize, tooLargeReason } from './decode.js';

const MB = 1024 * 1024;
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function reasonFor(bytes: Uint8Array, maxBytes = 10 * MB): InputError {
  try {
    decodeText('reports/a.txt', bytes, maxBytes);
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('decodeText', () => {
  it('returns the text exactly as received, CRLF included', () => {
    expect(decodeText('a.txt', utf8('Line one\r\nLine two\r\n'), 100)).toBe('Line one\r\nLine two\r\n');
  });

  it('drops a UTF-8 byte order mark and nothing else', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Gaza — 16 October')]);
    expect(decodeText('a.txt', bytes, 100)).toBe('Gaza — 16 October');
  });

  it('rejects an empty file', () => {
    const err = reasonFor(new Uint8Array());
    expect(err.input).toBe('reports/a.txt');
    expect(err.reason).toBe('empty file');
    expect(err.message).toBe('reports/a.txt: empty file');
  });

  it('rejects text that is only whitespace', () => {
    expect(reasonFor(utf8(' \n\t\r\n ')).reason).toBe('no text');
    expect(reasonFor(new Uint8Array([0xef, 0xbb, 0xbf, 0x0a])).reason).toBe('no text');
  });

  it('checks the size before anything else', () => {
    const bytes = new Uint8Array(11 * MB); // all NUL bytes: the size is still what is reported
    expect(reasonFor(bytes).reason).toBe('file is 11 MB, over the limit of 10 MB');
  });

  it('rejects a binary file with NUL bytes', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(reasonFor(png).reason).toBe('binary file (contains NUL bytes)');
  });

  it('rejects a file that is mostly control bytes', () => {
    const bytes = new Uint8Array([0x41, 0x01, 0x02, 0x03, 0x42, 0x04, 0x05, 0x43, 0x06, 0x07]);
    expect(reasonFor(bytes).reason).toBe('binary file (mostly non-text control bytes)');
  });

  it('rejects UTF-16 with a clear reason', () => {
    expect(reasonFor(new Uint8Array([0xff, 0xfe, 0x41, 0x00])).reason).toBe(
      'UTF-16 text is not supported (save the file as UTF-8)',
    );
  });

  it('names the byte offset of invalid UTF-8', () => {
    // "café" in Latin-1: é is 0xE9 at offset 3, followed by a space, not a continuation byte.
    const latin1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]);
    const err = reasonFor(latin1);
    expect(err.reason).toBe('invalid UTF-8 at byte 3');
    expect(err.message).toBe('reports/a.txt: invalid UTF-8 at byte 3');
  });

  it('counts the offset from the start of the file, byte order mark included', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xc3]);
    expect(reasonFor(bytes).reason).toBe('invalid UTF-8 at byte 4');
  });
});

describe('firstInvalidUtf8Byte', () => {
  it('accepts well-formed text of every sequence length', () => {
    expect(firstInvalidUtf8Byte(utf8('a é ش 中 😀'))).toBeNull();
  });

  it('finds overlong forms, surrogates, stray continuations and cut-off sequences', () => {
    expect(firstInvalidUtf8Byte(new Uint8Array([0x41, 0xc0, 0xaf]))).toBe(1); // overlong "/"
    expect(firstInvalidUtf8Byte(new Uint8Array([0x41, 0x42, 0xed, 0xa0, 0x80]))).toBe(2); // surrogate
    expect(firstInvalidUtf8Byte(new Uint8Array([0x80]))).toBe(0);
    expect(firstInvalidUtf8Byte(new Uint8Array([0x41, 0xe4, 0xb8]))).toBe(1);
    expect(firstInvalidUtf8Byte(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // above U+10FFFF
  });
});

describe('size reasons', () => {
  it('formats sizes for people', () => {
    expect(formatSize(50 * MB)).toBe('50 MB');
    expect(formatSize(10.5 * MB)).toBe('10.5 MB');
    expect(formatSize(2048)).toBe('2 KB');
    expect(formatSize(900)).toBe('900 bytes');
  });

  it('falls back to exact bytes when both sizes round to the same text', () => {
    expect(tooLargeReason(10 * MB + 1, 10 * MB)).toBe(
      'file is 10485761 bytes, over the limit of 10485760 bytes',
    );
  });
});
