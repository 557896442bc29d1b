// `docket watch --config feeds.json [--state file] [--once]`: poll the feeds and pages a config file lists
// and hand new articles to a sink (the job queue when one is configured, else ingest in-process). With
// --once: one poll, the report, exit 1 when every feed and page polled failed. Otherwise: poll, sleep until
// the next one is due, until SIGINT or SIGTERM.
import type { Command } from 'commander';
import { createWatch, type App } from '../app.js';
import type { Logger } from '../logger.js';
import type { JobQueue } from '../ports/queue.port.js';
import type { PollReport, WatchSink } from '../services/watch.service.js';
import { loadWatchConfig } from '../services/watch.service.js';

/** Where new articles go, opened once the config file has been checked. */
export interface WatchSinkHandle {
  sink: WatchSink;
  close(): Promise<void>;
  log: Logger;
  /** Responses larger than this are not read (config.maxInputBytes). */
  maxInputBytes: number;
}

export type OpenWatchSink = (cmd: Command) => Promise<WatchSinkHandle>;

/** The sink with a job queue: new articles become ingest jobs for `docket worker` (queued once by content). */
export function queueWatchSink(
  queue: Pick<JobQueue, 'enqueueIngest' | 'stop'>,
  log: Logger,
  maxInputBytes: number,
): WatchSinkHandle {
  const wlog = log.child('watch');
  return {
    log,
    maxInputBytes,
    close: () => queue.stop(),
    sink: async (jobs) => {
      const results = await queue.enqueueIngest(jobs);
      const enqueued = results.filter((r) => r.id !== null).length;
      wlog.info('articles enqueued', { enqueued, alreadyQueued: results.length - enqueued });
      // an article already queued is accepted too: a worker will (or did) ingest it
      return { accepted: results.length };
    },
  };
}

/** The sink without a queue: each batch of new articles is ingested in this process, then clustered. */
export function inProcessWatchSink(app: Pick<App, 'ingest' | 'log' | 'config' | 'close'>): WatchSinkHandle {
  const log = app.log.child('watch');
  return {
    log: app.log,
    maxInputBytes: app.config.maxInputBytes,
    close: () => app.close(),
    sink: async (jobs) => {
      const report = await app.ingest.ingest(
        jobs.map((j) => ({
          kind: 'document' as const,
          doc: { ...j.doc, published: j.doc.published ?? j.published ?? null },
        })),
      );
      for (const s of report.skipped) log.warn('article not stored', { url: s.input, reason: s.reason });
      log.info('articles ingested', {
        stored: report.ingested,
        duplicates: report.duplicates,
        skipped: report.skipped.length,
        events: report.events,
        claims: report.claims,
      });
      return { accepted: report.ingested + report.duplicates };
    },
  };
}

interface WatchOpts {
  config: string;
  state?: string;
  once?: boolean;
  json?: boolean;
}

export function registerWatchCommand(program: Command, openSink: OpenWatchSink): void {
  program
    .command('watch')
    .description(
      'Poll RSS/Atom feeds and pages listed in a config file and ingest (or enqueue) new articles.',
    )
    .requiredOption(
      '--config <file>',
      'JSON: {"feeds": [{"url", "outlet"?, "everyMinutes"?}], "urls": [...]}',
    )
    .option('--state <file>', 'what has been seen, validators and back-off (default: <config>.state.json)')
    .option('--once', 'poll once, print the report and exit (1 when every feed failed)')
    .option('--json', 'print each poll report as JSON')
    .addHelpText(
      'after',
      `
Config file:
  {
    "feeds": [{ "url": "https://example.org/world/rss.xml", "outlet": "Example News", "everyMinutes": 10 }],
    "urls": [{ "url": "https://example.org/2024/05/report.html" }],
    "perHostSeconds": 2,
    "defaultEveryMinutes": 15
  }

Examples:
  docket watch --config feeds.json --once
  docket watch --config feeds.json --state /var/lib/docket/feeds.state.json
`,
    )
    .action(async (o: WatchOpts, cmd: Command) => {
      const config = await loadWatchConfig(o.config);
      const handle = await openSink(cmd);
      const controller = new AbortController();
      const stop = (): void => controller.abort();
      try {
        const watch = await createWatch({
          config,
          stateFile: o.state ?? `${o.config}.state.json`,
          sink: handle.sink,
          log: handle.log,
          maxInputBytes: handle.maxInputBytes,
        });
        if (o.once) {
          const report = await watch.poll();
          printReport(report, o.json === true);
          const polled = report.feedsPolled + report.urlsPolled;
          if (polled > 0 && report.sourcesFailed === polled) process.exitCode = 1;
          return;
        }
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        await watch.run(controller.signal, (report) => printReport(report, o.json === true));
      } finally {
        process.removeListener('SIGINT', stop);
        process.removeListener('SIGTERM', stop);
        await handle.close();
      }
    });
}

function printReport(r: PollReport, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(r)}\n`);
    return;
  }
  process.stdout.write(
    `Polled ${r.feedsPolled} feed(s) and ${r.urlsPolled} page(s) · ${r.notModified} not modified · ${r.newArticles} new article(s) · ${r.enqueued} accepted · ${r.failed.length} failed\n`,
  );
  for (const f of r.failed) process.stdout.write(`  failed ${f.url}: ${f.reason}\n`);
}
