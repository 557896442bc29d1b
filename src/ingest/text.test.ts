import { describe, expect, it } from 'vitest';

import { parsePlainText, readPlainTextHeader } from './text.js';

const REPORT = [
  'Air strike hits market in northern Yemen',
  '',
  'By Staff Reporter',
  '16 October, 2018',
  '',
  'At least 12 people were killed on 14 October 2018 when an air strike hit a market near Saada, local officials said.',
  '',
].join('\n');

describe('parsePlainText', () => {
  it('reads the title and publication date and keeps the text whole', () => {
    expect(parsePlainText('reports/yemen.txt', REPORT)).toEqual({
      origin: 'reports/yemen.txt',
      text: REPORT,
      raw: null,
      mediaType: 'text/plain',
      outlet: null,
      url: null,
      title: 'Air strike hits market in northern Yemen',
      published: '2018-10-16',
    });
  });

  it('keeps CRLF text exactly as given', () => {
    const crlf = REPORT.replace(/\n/g, '\r\n');
    const doc = parsePlainText('a.txt', crlf);
    expect(doc.text).toBe(crlf);
    expect(doc.title).toBe('Air strike hits market in northern Yemen');
    expect(doc.published).toBe('2018-10-16');
  });
});

describe('readPlainTextHeader', () => {
  it.each([
    ['October 16, 2018', '2018-10-16'],
    ['2018-10-16', '2018-10-16'],
    ['16 Oct 2018', '2018-10-16'],
    ['Published: Tuesday 16 October 2018 08:14 BST', '2018-10-16'],
  ])('finds the date written as %s', (line, date) => {
    expect(readPlainTextHeader(`Shelling reported in Donetsk\n${line}\n\nBody text.`).published).toBe(date);
  });

  it('has no title when the first line is long or ends with a period', () => {
    expect(readPlainTextHeader('Troops advanced on the town.\nMore text').title).toBeNull();
    expect(readPlainTextHeader(`${'word '.repeat(50)}\nMore`).title).toBeNull();
  });

  it('skips leading blank lines and a Markdown heading mark', () => {
    expect(readPlainTextHeader('\n\n  # Ceasefire talks resume in Doha  \n\ntext').title).toBe(
      'Ceasefire talks resume in Doha',
    );
  });

  it('keeps a question as a title', () => {
    expect(readPlainTextHeader('Who fired on the convoy?\n\ntext').title).toBe('Who fired on the convoy?');
  });

  it('does not take a date line for a title, but reads its date', () => {
    expect(readPlainTextHeader('16 October 2018\n\nGunmen attacked a checkpoint, police said.')).toEqual({
      title: null,
      published: '2018-10-16',
    });
  });

  it('reads a wire dateline at the start of a long first paragraph', () => {
    const text =
      'Clashes near Idlib\n\nBEIRUT, 16 October, 2018 (Reuters) - Syrian government forces and rebels exchanged ' +
      'fire overnight near the town of Maarat al-Numan, a war monitor said on Tuesday.';
    expect(readPlainTextHeader(text).published).toBe('2018-10-16');
  });

  it('does not read a date inside prose as the publication date', () => {
    const text =
      'Clashes near Idlib\n\nSyrian government forces and rebels exchanged fire overnight on 14 October 2018 near ' +
      'the town of Maarat al-Numan, a war monitor said on Tuesday, citing sources on the ground.';
    expect(readPlainTextHeader(text).published).toBeNull();
  });

  it('does not read the date in the title line as the publication date', () => {
    expect(
      readPlainTextHeader('What happened on 16 October 2018\n\nA long account follows.').published,
    ).toBeNull();
  });

  it('only looks at the first 8 non-empty lines', () => {
    const lines = ['Title line', ...Array.from({ length: 8 }, (_, i) => `Line ${i + 1}`), '16 October 2018'];
    expect(readPlainTextHeader(lines.join('\n')).published).toBeNull();
    expect(readPlainTextHeader(lines.filter((l) => l !== 'Line 8').join('\n')).published).toBe('2018-10-16');
  });

  it('prefers the published date to an updated date', () => {
    const text = 'Title\nUpdated: 17 October 2018\nPublished: 16 October 2018\n\nBody.';
    expect(readPlainTextHeader(text).published).toBe('2018-10-16');
    expect(readPlainTextHeader('Title\nUpdated: 17 October 2018\n\nBody.').published).toBe('2018-10-17');
  });

  it('reads Markdown front matter', () => {
    const text = '---\ntitle: "Drone strike in Kherson"\ndate: 2023-05-02\n---\n\nBody text here.';
    expect(readPlainTextHeader(text)).toEqual({ title: 'Drone strike in Kherson', published: '2023-05-02' });
  });
});
