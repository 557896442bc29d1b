// The pure parts of the pg-boss queue: URLs without passwords, the job schema, content-keyed job ids, and
// how errors and origins are read back from pg-boss rows.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../domain/errors.js';
import { errorOf, ingestJobId, originOf, queueSchemaFor, redactUrl } from './pgboss.queue.js';

describe('redactUrl', () => {
  it('hides the password and keeps the rest', () => {
    const out = redactUrl('postgres://docket:s3cret@db.example:5432/docket?schema=x');
    expect(out).not.toContain('s3cret');
    expect(out).toContain('docket:***@db.example:5432/docket');
  });

  it('leaves a URL without password as it is, and never echoes an unparsable one', () => {
    expect(redactUrl('postgres://postgres@127.0.0.1:5432/test')).toBe(
      'postgres://postgres@127.0.0.1:5432/test',
    );
    expect(redactUrl('not a url with secret')).not.toContain('secret');
  });
});

describe('queueSchemaFor', () => {
  it('puts jobs beside the record schema, or in docket_jobs', () => {
    expect(queueSchemaFor('postgres://h/db?schema=docket_t_1')).toBe('docket_t_1_jobs');
    expect(queueSchemaFor('postgres://h/db')).toBe('docket_jobs');
  });

  it('refuses names that are not plain identifiers', () => {
    expect(() => queueSchemaFor('postgres://h/db?schema=a;drop')).toThrow(ConfigError);
    expect(() => queueSchemaFor('postgres://h/db?schema=' + 'x'.repeat(60))).toThrow(ConfigError);
  });
});

describe('ingestJobId', () => {
  it('is a UUID made of the content hash: the same bytes give the same id', () => {
    const a = ingestJobId({ raw: null, text: 'Drones struck a depot in Hajin.' });
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ingestJobId({ raw: null, text: 'Drones struck a depot in Hajin.' })).toBe(a);
    expect(ingestJobId({ raw: null, text: 'Drones struck a depot in Gao.' })).not.toBe(a);
  });

  it('hashes the raw bytes when they differ from the text (as sources are hashed)', () => {
    expect(ingestJobId({ raw: '<p>x</p>', text: 'x' })).toBe(ingestJobId({ raw: null, text: '<p>x</p>' }));
  });
});

describe('errorOf and originOf', () => {
  it('reads our failure output, pg-boss timeouts and anything else', () => {
    expect(errorOf({ message: 'disk full', worker: 'h:1' })).toBe('disk full');
    expect(errorOf({ value: { message: 'job failed by timeout in active state' } })).toBe(
      'job failed by timeout in active state',
    );
    expect(errorOf({ value: 'boom' })).toBe('boom');
    expect(errorOf(null)).toBe('unknown error');
  });

  it('names the input of an ingest job and the size of a cluster job', () => {
    expect(originOf({ doc: { origin: 'feed.jsonl:3' } })).toBe('feed.jsonl:3');
    expect(originOf({ eventIds: ['a', 'b'] })).toBe('2 event(s) to cluster');
    expect(originOf(null)).toBe('unknown');
  });
});
