// The built CLI as a child process (`node dist/cli/main.js …`), on a SQLite file in a temp folder.
// Needs `npm run build` first.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Extraction, StoredEvent } from '../../src/domain/types.js';
import { EVENT_TYPES } from '../../src/domain/types.js';
import { ACLED_COLUMNS } from '../../src/export/acled-csv.js';
import type { Page, Stats } from '../../src/ports/storage.port.js';
import type { IngestReport } from '../../src/services/ingest.service.js';
import { CLI, cliEnv, runCli, type CliRun } from '../cli.js';
import { tempDir } from '../helpers.js';
import { CLAIM_TXT, GOMA_LINE, HAJIN_TXT, KIDAL_LINE, MOSUL_HTML, NO_ARTICLE_HTML } from './reports.js';

const MB = 1024 * 1024;

type Run = CliRun;

function docket(args: string[], opts: { db: string; cwd: string; input?: string }): Promise<Run> {
  return runCli(args, {
    env: { DOCKET_DB: opts.db },
    cwd: opts.cwd,
    ...(opts.input !== undefined ? { input: opts.input } : {}),
  });
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const jsonLines = (text: string): unknown[] =>
  text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as unknown);

let root: string;

beforeAll(() => {
  if (!existsSync(CLI))
    throw new Error(`${CLI} is missing: run \`npm run build\` before the integration tests`);
  root = tempDir('docket-cli-');
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** The three good reports: a .txt, an .html page and a .jsonl file with two good lines and one broken line. */
function writeGoodReports(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'a-hajin.txt'), HAJIN_TXT);
  writeFileSync(join(dir, 'b-mosul.html'), MOSUL_HTML);
  writeFileSync(
    join(dir, 'c-feed.jsonl'),
    `${JSON.stringify(KIDAL_LINE)}\n{"text": "this line is cut off\n${JSON.stringify(GOMA_LINE)}\n`,
  );
}

describe('docket ingest', () => {
  let reports: string;
  let db: string;
  let cwd: string;
  const cli = (...args: string[]): Promise<Run> => docket(args, { db, cwd });
  const stats = async (): Promise<Stats> => {
    const r = await cli('stats');
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as Stats;
  };
  const exportJsonl = async (): Promise<string> => {
    const r = await cli('export', '--format', 'jsonl');
    expect(r.code).toBe(0);
    return r.stdout;
  };

  beforeAll(() => {
    cwd = join(root, 'ingest');
    reports = join(cwd, 'reports');
    db = join(cwd, 'data', 'docket.db');
    writeGoodReports(reports);
    writeFileSync(join(reports, 'empty.txt'), '');
    writeFileSync(join(reports, 'scan.dat'), Buffer.from('JFIF\0\0\x01\x02 not a report \0\0', 'latin1'));
    writeFileSync(join(reports, 'huge.txt'), Buffer.alloc(50 * MB, 'Shelling was reported. '));
    writeFileSync(
      join(reports, 'latin1.txt'),
      Buffer.concat([
        Buffer.from('Shelling hit Kidal '),
        Buffer.from([0xc3, 0x28]),
        Buffer.from(' on Monday.\n'),
      ]),
    );
    writeFileSync(join(reports, 'no-article.html'), NO_ARTICLE_HTML);
  });

  it('stores the good reports and names each bad input with its reason', async () => {
    const r = await cli('ingest', 'reports');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Read 10 · stored 4 new source(s)');
    expect(r.stdout).toContain('0 already stored · 6 skipped');
    const skipped = r.stdout.split('\n').filter((l) => l.trim().startsWith('skipped '));
    const expected: [string, RegExp][] = [
      ['c-feed.jsonl:2', /not JSON/],
      ['empty.txt', /empty file/],
      ['huge.txt', /50 MB, over the limit of 10 MB/],
      ['latin1.txt', /invalid UTF-8 at byte 19/],
      ['no-article.html', /no article text found in HTML/],
      ['scan.dat', /binary file/],
    ];
    expect(skipped).toHaveLength(expected.length);
    for (const [name, reason] of expected) {
      const line = skipped.find((l) => l.includes(`${name}:`));
      expect(line, `a skipped line for ${name}`).toBeDefined();
      expect(line).toMatch(reason);
    }
    for (const good of ['a-hajin.txt', 'b-mosul.html', 'c-feed.jsonl:1', 'c-feed.jsonl:3'])
      expect(r.stdout).not.toContain(`skipped reports/${good}`);

    // The folder of the database was created, and the four good reports are in it.
    expect(existsSync(db)).toBe(true);
    const s = await stats();
    expect(s).toMatchObject({ sources: 4, reports: 4 });
    expect(s.events).toBeGreaterThanOrEqual(4);

    const ev = await cli('events', '--json', '--limit', '1000');
    expect(ev.code).toBe(0);
    const page = JSON.parse(ev.stdout) as Page<StoredEvent>;
    expect(page.total).toBe(s.events);
    expect(new Set(page.items.map((e) => e.sourceId)).size).toBe(4);
    const countries = new Set(page.items.map((e) => e.location?.countryCode));
    for (const cc of ['SY', 'IQ', 'ML', 'CD']) expect(countries).toContain(cc);
    // Metadata came through: the HTML page's outlet and date, the JSON line's outlet and date.
    const mosul = page.items.find((e) => e.location?.countryCode === 'IQ');
    expect(mosul).toMatchObject({ outlet: 'Tigris Daily', published: '2024-04-05' });
    expect(page.items.find((e) => e.location?.countryCode === 'ML')).toMatchObject({
      outlet: 'Sahel Wire',
      published: '2024-02-12',
    });
    expect(page.items.find((e) => e.location?.countryCode === 'SY')?.published).toBe('2024-03-14');
  });

  it('stores nothing new when the same folder is ingested again', async () => {
    const before = await stats();
    const exported = await exportJsonl();
    const r = await cli('ingest', 'reports', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as IngestReport;
    expect(report).toMatchObject({
      read: 10,
      ingested: 0,
      duplicates: 4,
      events: 0,
      claims: 0,
      sourceIds: [],
    });
    expect(report.skipped).toHaveLength(6);
    expect(await stats()).toEqual(before);
    expect(await exportJsonl()).toBe(exported);
  });

  it('leaves the stored data unchanged after a batch of bad inputs', async () => {
    const before = await stats();
    const exported = await exportJsonl();
    const bad = join(cwd, 'bad');
    mkdirSync(bad);
    copyFileSync(join(reports, 'a-hajin.txt'), join(bad, 'again.txt')); // a duplicate, under another name
    writeFileSync(
      join(bad, 'lines.jsonl'),
      '[1, 2]\n{"text": "", "published": "2024-03-01"}\n{"text": "Shelling in Goma.", "published": "yesterday"}\n',
    );
    writeFileSync(join(bad, 'teaser.html'), NO_ARTICLE_HTML);
    writeFileSync(join(bad, 'zero.md'), '');

    const r = await cli('ingest', 'bad');
    expect(r.code).toBe(0); // one input was read fine (as a duplicate)
    expect(r.stdout).toContain('stored 0 new source(s)');
    expect(r.stdout).toContain('1 already stored · 5 skipped');
    for (const [name, reason] of [
      ['lines.jsonl:1', /not a JSON object/],
      ['lines.jsonl:2', /text is empty/],
      ['lines.jsonl:3', /published is not a date/],
      ['teaser.html', /no article/],
      ['zero.md', /empty file/],
    ] as const)
      expect(r.stdout).toMatch(new RegExp(`skipped \\S*${name.replace('.', '\\.')}: .*${reason.source}`));
    expect(await stats()).toEqual(before);
    expect(await exportJsonl()).toBe(exported);
  });

  it('exits 1 and names the input when every input is bad', async () => {
    const before = await stats();
    const r = await cli('ingest', join('reports', 'empty.txt'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/skipped \S*empty\.txt: empty file/);
    const missing = await cli('ingest', 'no-such-folder');
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/skipped no-such-folder: no such file or directory/);
    expect(await stats()).toEqual(before);
  });
});

describe('docket extract', () => {
  let cwd: string;
  let db: string;

  beforeAll(() => {
    cwd = join(root, 'extract');
    mkdirSync(cwd);
    db = join(cwd, 'never.db');
    writeFileSync(join(cwd, 'claim.txt'), CLAIM_TXT);
  });

  it('prints the JSON contract, with evidence spans that point into the text', async () => {
    const r = await docket(['extract', 'claim.txt', '--published', '2024-03-12', '--json'], { db, cwd });
    expect(r.code, r.stderr).toBe(0);
    const x = JSON.parse(r.stdout) as Extraction;
    expect(x.source).toMatchObject({ published: '2024-03-12' });
    expect(x.events.length).toBeGreaterThanOrEqual(1);
    expect(x.claims.length).toBeGreaterThanOrEqual(1);

    const nullable = (v: unknown, type: string): boolean => v === null || typeof v === type;
    const spans: { field: string; start: number; end: number; text: string }[] = [];
    for (const e of x.events) {
      expect(Object.keys(EVENT_TYPES)).toContain(e.eventType);
      expect(EVENT_TYPES[e.eventType] as readonly string[]).toContain(e.subEventType);
      expect(e.date).toEqual({
        start: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as unknown,
        end: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as unknown,
        precision: expect.stringMatching(/^(day|week|month|year)$/) as unknown,
      });
      for (const a of e.actors) {
        expect(typeof a.name).toBe('string');
        expect(['actor1', 'actor2', 'associate']).toContain(a.role);
      }
      expect(Array.isArray(e.weapons)).toBe(true);
      expect(e.fatalities === null || typeof e.fatalities.best === 'number').toBe(true);
      if (e.location) {
        const l = e.location;
        expect(typeof l.name).toBe('string');
        expect(typeof l.lat).toBe('number');
        expect(typeof l.lon).toBe('number');
        expect(l.countryCode).toMatch(/^[A-Z]{2}$/);
        expect(nullable(l.admin1, 'string')).toBe(true);
        expect([1, 2, 3]).toContain(l.geoPrecision);
        expect(nullable(l.geonameId, 'number')).toBe(true);
      }
      spans.push(...e.evidence);
    }
    // What the report clearly says: a drone strike near Hajin (Syria) on Sunday 10 March, seven killed.
    const strike = x.events.find((e) => e.location?.countryCode === 'SY');
    expect(strike).toBeDefined();
    expect(strike?.date).toEqual({ start: '2024-03-10', end: '2024-03-10', precision: 'day' });
    expect(strike?.fatalities?.best).toBe(7);
    expect(strike?.location?.geonameId).toEqual(expect.any(Number));

    const eventIds = new Set(x.events.map((e) => e.id));
    for (const c of x.claims) {
      expect(typeof c.claimant.name).toBe('string');
      expect(nullable(c.claimant.title, 'string')).toBe(true);
      expect(nullable(c.claimant.affiliation, 'string')).toBe(true);
      expect(Array.isArray(c.via)).toBe(true);
      expect(c.statedOn === null || typeof c.statedOn.start === 'string').toBe(true);
      expect(c.quantity === null || typeof c.quantity.value === 'number').toBe(true);
      for (const id of c.eventIds) expect(eventIds).toContain(id);
      spans.push(...c.evidence);
    }
    expect(x.claims.some((c) => c.eventIds.includes(strike?.id ?? ''))).toBe(true);

    expect(spans.length).toBeGreaterThan(0);
    for (const s of spans) expect(CLAIM_TXT.slice(s.start, s.end), s.field).toBe(s.text);
    // extract stores nothing.
    expect(existsSync(db)).toBe(false);
  });

  it('reads JSON Lines from standard input and writes one line per input with its id', async () => {
    const input = [
      JSON.stringify({ id: 'kidal-1', ...KIDAL_LINE }),
      JSON.stringify({ id: 42, text: GOMA_LINE.text, published: GOMA_LINE.published }),
      'this is not JSON',
      JSON.stringify({ id: 'hajin', text: CLAIM_TXT, published: '2024-03-12' }),
      '',
    ].join('\n');
    const r = await docket(['extract', '--jsonl'], { db, cwd, input });
    expect(r.code, r.stderr).toBe(0);
    const out = jsonLines(r.stdout) as { id: unknown; events: unknown[]; claims: unknown[] }[];
    expect(out.map((o) => o.id)).toEqual(['kidal-1', 42, 'hajin']);
    for (const o of out) {
      expect(Array.isArray(o.events)).toBe(true);
      expect(Array.isArray(o.claims)).toBe(true);
    }
    expect(out[0]?.events.length).toBeGreaterThanOrEqual(1);
    expect(r.stderr).toMatch(/stdin:3: not JSON/);
  });
});

describe('docket errors', () => {
  let cwd: string;
  let db: string;
  const cli = (...args: string[]): Promise<Run> => docket(args, { db, cwd });

  beforeAll(() => {
    cwd = join(root, 'errors');
    mkdirSync(cwd);
    db = join(cwd, 'docket.db');
    writeFileSync(join(cwd, 'empty.txt'), '');
  });

  it('extract of a missing file fails naming the file', async () => {
    const r = await cli('extract', 'missing.txt');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('missing.txt');
    expect(r.stderr).toMatch(/no such file/);
    expect(r.stdout).toBe('');
  });

  it('a date that is not a calendar day exits 2 naming the option', async () => {
    for (const bad of ['2024-13-45', '2024-02-30', 'yesterday']) {
      const r = await cli('events', '--from', bad);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toMatch(/from/);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
    const published = await cli('extract', 'empty.txt', '--published', '2023-02-29');
    expect(published.code).toBe(2);
    expect(published.stderr).toMatch(/--published/);
  });

  it('other bad filters exit 2 naming the parameter', async () => {
    const bbox = await cli('events', '--bbox', '1,2,3');
    expect(bbox.code).toBe(2);
    expect(bbox.stderr).toMatch(/bbox/);
    const country = await cli('events', '--country', 'Syria');
    expect(country.code).toBe(2);
    expect(country.stderr).toMatch(/country/);
    const limit = await cli('events', '--limit', '0');
    expect(limit.code).toBe(2);
    expect(limit.stderr).toMatch(/limit/);
  });

  it('export with an unknown format fails naming the allowed formats', async () => {
    const r = await cli('export', '--format', 'nope');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('nope');
    for (const f of ['acled-csv', 'geojson', 'jsonl']) expect(r.stderr).toContain(f);
    const none = await cli('export');
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain('--format');
  });

  it('export to a path that cannot be written exits 2 naming --out, before touching the database', async () => {
    for (const out of [join(cwd, 'no-such-folder', 'events.csv'), cwd]) {
      const r = await cli('export', '--format', 'acled-csv', '--out', out);
      expect(r.code, out).toBe(2);
      expect(r.stderr).toContain('--out');
      expect(r.stderr).toContain(out);
      expect(r.stderr).not.toMatch(/\n\s+at |Unhandled/);
    }
    expect(existsSync(join(cwd, 'no-such-folder'))).toBe(false);
  });

  it('ingest of only a bad file exits 1 and names it', async () => {
    const r = await cli('ingest', 'empty.txt');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('skipped empty.txt: empty file');
  });
});

describe('docket export', () => {
  let cwd: string;
  let db: string;
  let events: StoredEvent[];
  const cli = (...args: string[]): Promise<Run> => docket(args, { db, cwd });

  beforeAll(async () => {
    cwd = join(root, 'export');
    db = join(cwd, 'docket.db');
    writeGoodReports(join(cwd, 'reports'));
    const r = await cli('ingest', 'reports');
    expect(r.code, r.stderr).toBe(0);
    const ev = await cli('events', '--json', '--limit', '1000');
    events = (JSON.parse(ev.stdout) as Page<StoredEvent>).items;
    expect(events.length).toBeGreaterThanOrEqual(4);
  });

  it('writes ACLED CSV with the 31 columns to a file', async () => {
    const out = join(cwd, 'events.csv');
    const r = await cli('export', '--format', 'acled-csv', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(out);
    const rows = parseCsv(readFileSync(out, 'utf8'));
    expect(rows[0]).toEqual([...ACLED_COLUMNS]);
    expect(ACLED_COLUMNS).toHaveLength(31);
    const body = rows.slice(1);
    expect(body).toHaveLength(events.length);
    const col = (row: string[], name: (typeof ACLED_COLUMNS)[number]): string =>
      row[ACLED_COLUMNS.indexOf(name)] ?? '';
    for (const row of body) {
      expect(row).toHaveLength(31);
      expect(Object.keys(EVENT_TYPES)).toContain(col(row, 'event_type'));
      expect(col(row, 'event_date')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // Notes hold whole sentences with commas: they must come back as one cell.
    const kidal = body.find((row) => col(row, 'iso') === '466');
    expect(kidal).toBeDefined();
    expect(col(kidal!, 'country')).toBe('Mali');
    expect(col(kidal!, 'event_id_cnty')).toMatch(/^MLI\d+$/);
    const place = events.find((e) => e.location?.countryCode === 'ML')?.location;
    expect(col(kidal!, 'latitude')).toBe(place?.lat.toFixed(4));
    expect(col(kidal!, 'longitude')).toBe(place?.lon.toFixed(4));
    expect(Number(col(kidal!, 'latitude'))).toBeCloseTo(18.4, 0); // Kidal, northern Mali
    expect(col(kidal!, 'fatalities')).toBe('5');
    expect(col(kidal!, 'notes')).toContain('Kidal on Saturday, leaving at least five fighters dead');
  });

  it('writes GeoJSON points as [lon, lat]', async () => {
    const r = await cli('export', '--format', 'geojson');
    expect(r.code, r.stderr).toBe(0);
    const fc = JSON.parse(r.stdout) as {
      type: string;
      features: { type: string; id: string; geometry: { type: string; coordinates: number[] } | null }[];
    };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(events.length);
    for (const f of fc.features) {
      const e = events.find((x) => x.id === f.id);
      expect(e, f.id).toBeDefined();
      expect(f.type).toBe('Feature');
      if (!e?.location) continue;
      expect(f.geometry).toEqual({ type: 'Point', coordinates: [e.location.lon, e.location.lat] });
    }
    const goma = fc.features.find((f) => events.find((e) => e.id === f.id)?.location?.countryCode === 'CD');
    const [lon, lat] = goma?.geometry?.coordinates ?? [];
    expect(lon).toBeCloseTo(29.2, 0); // Goma: east of the Greenwich meridian, just south of the equator
    expect(lat).toBeCloseTo(-1.7, 0);
  });

  it('stops quietly when standard output is closed early (docket events | head)', async () => {
    const child = spawn(process.execPath, [CLI, 'events', '--limit', '1000'], {
      cwd,
      env: cliEnv({ DOCKET_DB: db }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled|\n\s+at /);
    expect(code).toBe(0);
  });

  it('stops quietly when standard output is closed early (docket export | head)', async () => {
    const child = spawn(process.execPath, [CLI, 'export', '--format', 'jsonl'], {
      cwd,
      env: cliEnv({ DOCKET_DB: db }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy(); // the reader is gone before the first line is written
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled|\n\s+at /);
    expect(code).toBe(0);
  });

  it('writes JSON Lines, one event per line, under the same filters as events', async () => {
    const r = await cli('export', '--format', 'jsonl');
    expect(r.code, r.stderr).toBe(0);
    const lines = jsonLines(r.stdout) as StoredEvent[];
    expect(lines.map((e) => e.id).sort()).toEqual(events.map((e) => e.id).sort());
    const starts = lines.map((e) => e.date.start);
    expect(starts).toEqual([...starts].sort());

    const ml = await cli('export', '--format', 'jsonl', '--country', 'ML');
    const mali = jsonLines(ml.stdout) as StoredEvent[];
    expect(mali.length).toBeGreaterThanOrEqual(1);
    expect(mali.every((e) => e.location?.countryCode === 'ML')).toBe(true);
  });
});

describe('docket help', () => {
  const run = (...args: string[]): Promise<Run> => docket(args, { db: join(root, 'help.db'), cwd: root });

  it('docket --help lists the commands with examples', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    for (const cmd of ['ingest', 'extract', 'events', 'claims', 'export', 'serve', 'stats'])
      expect(r.stdout).toContain(cmd);
    expect(r.stdout).toMatch(/\n\s+docket ingest \S+/);
  });

  it('each working command shows examples in its help', async () => {
    for (const cmd of ['ingest', 'extract', 'events', 'claims', 'export', 'serve']) {
      const r = await run(cmd, '--help');
      expect(r.code, cmd).toBe(0);
      expect(r.stdout, cmd).toContain('Examples:');
      expect(r.stdout, cmd).toContain(`docket ${cmd}`);
    }
    const ingest = await run('ingest', '--help');
    expect(ingest.stdout).toContain('docket ingest reports/');
  });
});
