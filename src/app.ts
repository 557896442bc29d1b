// The composition root: plain factory functions wire adapters to services. No container,
// no module-level singletons, no config read at import time.
import { SqliteStorage } from './adapters/sqlite/sqlite.storage.js';
import type { Config } from './config.js';
import { openGazetteer } from './gazetteer/sqlite.gazetteer.js';
import type { Logger } from './logger.js';
import type { Gazetteer } from './ports/gazetteer.port.js';
import type { Storage } from './ports/storage.port.js';
import { ExportService } from './services/export.service.js';
import { IngestService } from './services/ingest.service.js';

export interface App {
  config: Config;
  log: Logger;
  storage: Storage;
  gazetteer: Gazetteer;
  ingest: IngestService;
  exports: ExportService;
  close(): Promise<void>;
}

export async function openGazetteerFor(config: Config, log: Logger): Promise<Gazetteer & { close(): void }> {
  const glog = log.child('gazetteer');
  return openGazetteer(config.cacheDir, (msg) => glog.info(msg));
}

export async function createApp(config: Config, log: Logger): Promise<App> {
  const gazetteer = await openGazetteerFor(config, log);
  const storage = new SqliteStorage(config.db);
  return {
    config,
    log,
    storage,
    gazetteer,
    ingest: new IngestService({ storage, gazetteer }),
    exports: new ExportService({ storage }),
    async close() {
      await storage.close();
      gazetteer.close();
    },
  };
}
