// The SQLite account store on real files: the account-store contract.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { tempDir } from '../../../test/helpers.js';
import { accountStoreContract } from '../accounts.contract.js';
import { SqliteStorage } from './sqlite.storage.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

accountStoreContract('sqlite', () => {
  const dir = tempDir('docket-sqlite-accounts-');
  dirs.push(dir);
  return Promise.resolve(new SqliteStorage(join(dir, 'docket.db')));
});
