import { describe, expect, it } from 'vitest';

import { parseJsonLines } from './jsonl.js';

const good1 = JSON.stringify({
  text: 'Two rockets hit Sderot, police said.',
  published: '2021-05-11T18:02:00Z',
  url: 'https://news.example/1',
  outlet: 'Example News',
  title: 'Rockets hit Sderot',
  extra: 'ignored',
});
const good2 = JSON.stringify({ text: 'An IED killed three soldiers near Kidal.', published: '2021-05-12' });

describe('parseJsonLines', () => {
  it('reads each line as a document named by its line number', () => {
    const items = parseJsonLines('feeds/wire.jsonl', `${good1}\n\n${good2}\n`);
    expect(items).toEqual([
      {
        kind: 'document',
        doc: {
          origin: 'feeds/wire.jsonl:1',
          text: 'Two rockets hit Sderot, police said.',
          raw: good1,
          mediaType: 'application/jsonl',
          outlet: 'Example News',
          url: 'https://news.example/1',
          title: 'Rockets hit Sderot',
          published: '2021-05-11',
        },
      },
      {
        kind: 'document',
        doc: {
          origin: 'feeds/wire.jsonl:3',
          text: 'An IED killed three soldiers near Kidal.',
          raw: good2,
          mediaType: 'application/jsonl',
          outlet: null,
          url: null,
          title: null,
          published: '2021-05-12',
        },
      },
    ]);
  });

  it('skips a line that is not JSON and keeps the good lines around it', () => {
    const items = parseJsonLines('feeds/wire.jsonl', [good1, '{"text": "cut off', good2].join('\n'));
    expect(items.map((i) => i.kind)).toEqual(['document', 'skipped', 'document']);
    expect(items[0]).toMatchObject({ doc: { origin: 'feeds/wire.jsonl:1' } });
    expect(items[2]).toMatchObject({ doc: { origin: 'feeds/wire.jsonl:3' } });
    const bad = items[1];
    expect(bad?.kind).toBe('skipped');
    if (bad?.kind !== 'skipped') return;
    expect(bad.skipped.input).toBe('feeds/wire.jsonl:2');
    expect(bad.skipped.reason).toMatch(/^not JSON: .+/);
  });

  it.each([
    ['{"published": "2021-05-12"}', 'missing field text'],
    ['{"text": "x"}', 'missing field published'],
    ['{"text": "   ", "published": "2021-05-12"}', 'text is empty'],
    ['{"text": 42, "published": "2021-05-12"}', 'text must be a string'],
    [
      '{"text": "x", "published": "last Tuesday"}',
      'published is not a date: "last Tuesday" (expected YYYY-MM-DD or an ISO 8601 timestamp)',
    ],
    [
      '{"text": "x", "published": "2021-02-30"}',
      'published is not a date: "2021-02-30" (expected YYYY-MM-DD or an ISO 8601 timestamp)',
    ],
    ['{"text": "x", "published": "2021-05-12", "url": 7}', 'url must be a string'],
    ['[1, 2]', 'not a JSON object (got an array)'],
    ['"just text"', 'not a JSON object (got a string)'],
    ['{}', 'missing field text; missing field published'],
  ])('skips %s: %s', (line, reason) => {
    expect(parseJsonLines('in.jsonl', `${good2}\n${line}`)).toEqual([
      expect.objectContaining({ kind: 'document' }),
      { kind: 'skipped', skipped: { input: 'in.jsonl:2', reason } },
    ]);
  });

  it('reads CRLF line endings and blank lines', () => {
    const items = parseJsonLines('in.jsonl', `\r\n${good2}\r\n\r\n`);
    expect(items).toHaveLength(1);
    expect(items).toMatchObject([{ kind: 'document', doc: { origin: 'in.jsonl:2', raw: good2 } }]);
  });

  it('turns empty optional fields into null', () => {
    const line = JSON.stringify({
      text: 't',
      published: '2021-05-12',
      url: null,
      outlet: ' ',
      title: ' A title ',
    });
    expect(parseJsonLines('in.jsonl', line)).toMatchObject([
      { doc: { url: null, outlet: null, title: 'A title' } },
    ]);
  });
});
