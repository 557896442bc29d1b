// Build the gazetteer index once before any test that needs it (about 20 s on a fresh machine).
import { loadConfig } from '../src/config.js';
import { openGazetteer } from '../src/gazetteer/sqlite.gazetteer.js';

export default async function setup(): Promise<void> {
  const config = loadConfig();
  const g = await openGazetteer(config.cacheDir, (m) => process.stderr.write(`${m}\n`));
  g.close();
}
