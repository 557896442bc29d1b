// enqueueInputs with a queue in memory: every input is counted once, as enqueued, already queued or
// skipped with its reason; documents go to the queue in batches.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../domain/errors.js';
import type { InputItem } from '../domain/incoming.js';
import type { EnqueueResult, IngestJob } from '../ports/queue.port.js';
import { loadConfig } from '../config.js';
import { enqueueInputs, NO_QUEUE_MESSAGE, requireQueue } from './queue.commands.js';

function memoryQueue() {
  const queued = new Set<string>();
  const calls: IngestJob[][] = [];
  return {
    calls,
    enqueueIngest(jobs: IngestJob[]): Promise<EnqueueResult[]> {
      calls.push(jobs);
      return Promise.resolve(
        jobs.map((j) => {
          if (queued.has(j.doc.text)) return { id: null };
          queued.add(j.doc.text);
          return { id: `job-${queued.size}` };
        }),
      );
    },
  };
}

const item = (text: string, origin: string): InputItem => ({
  kind: 'document',
  doc: {
    origin,
    text,
    raw: null,
    mediaType: 'text/plain',
    outlet: null,
    url: null,
    title: null,
    published: null,
  },
});

describe('enqueueInputs', () => {
  it('counts enqueued, already queued and skipped inputs, and passes the published date', async () => {
    const queue = memoryQueue();
    const items: InputItem[] = [
      item('one', 'a.txt'),
      { kind: 'skipped', skipped: { input: 'b.pdf', reason: 'PDF is not supported' } },
      item('two', 'c.txt'),
      item('one', 'd.txt'),
    ];
    const report = await enqueueInputs(queue, items, { published: '2024-03-01' });
    expect(report).toEqual({
      read: 4,
      enqueued: 2,
      alreadyQueued: 1,
      skipped: [{ input: 'b.pdf', reason: 'PDF is not supported' }],
      jobIds: ['job-1', 'job-2'],
    });
    expect(queue.calls.flat().every((j) => j.published === '2024-03-01')).toBe(true);
  });

  it('hands documents over in batches while reading', async () => {
    const queue = memoryQueue();
    function* many(): Iterable<InputItem> {
      for (let i = 0; i < 450; i++) yield item(`report ${i}`, `f.jsonl:${i + 1}`);
    }
    const report = await enqueueInputs(queue, many());
    expect(report.enqueued).toBe(450);
    expect(queue.calls.map((c) => c.length)).toEqual([200, 200, 50]);
  });
});

describe('requireQueue', () => {
  it('says how to configure a queue when there is none', () => {
    const config = loadConfig({ DOCKET_DB: 'x.db' });
    expect(() => requireQueue(config)).toThrow(ConfigError);
    expect(() => requireQueue(config)).toThrow(NO_QUEUE_MESSAGE);
    expect(requireQueue(loadConfig({ DOCKET_DB: 'postgres://h/db' }))).toBe('postgres://h/db');
  });
});
