// The composition root: plain factory functions wire adapters to services. No container,
// no module-level singletons, no config read at import time.
import { parseFeed } from './adapters/feeds/feed-parser.js';
import { HttpFetcher } from './adapters/feeds/http-fetcher.js';
import { SqliteStorage } from './adapters/sqlite/sqlite.storage.js';
import { isPostgresUrl, NO_QUEUE_MESSAGE, type Config } from './config.js';
import { openGazetteer } from './gazetteer/sqlite.gazetteer.js';
import { ConfigError } from './domain/errors.js';
import type { Logger } from './logger.js';
import type { AccountStore } from './ports/accounts.port.js';
import type { Gazetteer } from './ports/gazetteer.port.js';
import type { JobQueue } from './ports/queue.port.js';
import type { Storage } from './ports/storage.port.js';
import type { IncidentStore } from './ports/incident.port.js';
import { AccountsService } from './services/accounts.service.js';
import { BackupService } from './services/backup.service.js';
import { ClusterService } from './services/cluster.service.js';
import { ExportService } from './services/export.service.js';
import { IngestService } from './services/ingest.service.js';
import { ReviewService } from './services/review.service.js';
import { WatchService, type WatchConfig, type WatchSink } from './services/watch.service.js';

export interface App {
  config: Config;
  log: Logger;
  storage: Storage;
  incidents: IncidentStore;
  gazetteer: Gazetteer;
  ingest: IngestService;
  exports: ExportService;
  clusters: ClusterService;
  review: ReviewService;
  backups: BackupService;
  accounts: AccountsService;
  close(): Promise<void>;
}

export async function openGazetteerFor(config: Config, log: Logger): Promise<Gazetteer & { close(): void }> {
  const glog = log.child('gazetteer');
  return openGazetteer(config.cacheDir, (msg) => glog.info(msg));
}

/** Storage with the incident and account stores that live in the same database. */
export type RecordStore = Storage & { readonly incidents: IncidentStore; readonly accounts: AccountStore };

/** The record store the configuration names: an SQLite file, or a PostgreSQL server for a URL. */
export async function openStorage(config: Config): Promise<RecordStore> {
  if (isPostgresUrl(config.db)) {
    // Loaded only when asked for, so that the SQLite default does not load the PostgreSQL driver.
    const { openPostgresStorage } = await import('./adapters/postgres/postgres.storage.js');
    return openPostgresStorage(config.db);
  }
  return new SqliteStorage(config.db);
}

/** The shared job queue the configuration names (DOCKET_QUEUE, or a PostgreSQL DOCKET_DB). */
export async function openJobQueue(
  config: Config,
  log: Logger,
  role: 'worker' | 'client',
): Promise<JobQueue & { readonly worker: string }> {
  if (!config.queue) throw new ConfigError(NO_QUEUE_MESSAGE);
  // Loaded only when asked for, like the PostgreSQL storage.
  const { openPgBossQueue } = await import('./adapters/queue/pgboss.queue.js');
  return openPgBossQueue({
    url: config.queue,
    retries: config.jobRetries,
    retryDelaySeconds: config.jobRetryDelaySeconds,
    timeoutSeconds: config.jobTimeoutSeconds,
    // workers run the queue's maintenance (expiring the jobs of a dead worker); clients only send
    supervise: role === 'worker',
    onError: (e) => log.warn('job queue error', { error: e.message }),
  });
}

export async function createApp(config: Config, log: Logger): Promise<App> {
  const gazetteer = await openGazetteerFor(config, log);
  const storage = await openStorage(config);
  const incidents = storage.incidents;
  const clusters = new ClusterService({ incidents });
  return {
    config,
    log,
    storage,
    incidents,
    gazetteer,
    ingest: new IngestService({ storage, gazetteer, clusters }),
    exports: new ExportService({ storage }),
    clusters,
    review: new ReviewService({ incidents, clusters }),
    backups: new BackupService({ incidents }),
    accounts: new AccountsService({ accounts: storage.accounts, sessionHours: config.sessionHours }),
    async close() {
      await storage.close();
      gazetteer.close();
    },
  };
}

/** `docket watch`: the feed adapters (rate-limited HTTP fetcher, feed parser) wired to the watch service. */
export interface WatchOptions {
  config: WatchConfig;
  stateFile: string;
  sink: WatchSink;
  log: Logger;
  /** Responses larger than this are not read (config.maxInputBytes). */
  maxInputBytes: number;
  /** Per request, ms (default 30 s). */
  timeoutMs?: number;
  /** Injected clock and sleeps (tests). */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  sleepUntilDue?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export function createWatch(o: WatchOptions): Promise<WatchService> {
  const fetcher = new HttpFetcher({
    maxBytes: o.maxInputBytes,
    perHostMs: Math.round(o.config.perHostSeconds * 1000),
    ...(o.timeoutMs !== undefined ? { timeoutMs: o.timeoutMs } : {}),
    ...(o.now ? { now: o.now } : {}),
    ...(o.sleep ? { sleep: o.sleep } : {}),
  });
  return WatchService.open({
    config: o.config,
    stateFile: o.stateFile,
    fetcher,
    parseFeed,
    sink: o.sink,
    log: o.log.child('watch'),
    ...(o.now ? { now: o.now } : {}),
    ...(o.sleepUntilDue ? { sleep: o.sleepUntilDue } : {}),
  });
}
