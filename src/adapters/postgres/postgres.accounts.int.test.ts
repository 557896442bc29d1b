// The PostgreSQL account store on a real server (DOCKET_TEST_PG_URL): the account-store contract, each
// test in a fresh schema dropped afterwards. Skipped, saying so, when no server is configured.
import { describe } from 'vitest';
import { dropPgSchema, freshPgSchemaUrl, TEST_PG_URL, warnPgSkipped } from '../../../test/helpers.js';
import { accountStoreContract } from '../accounts.contract.js';
import { openPostgresStorage, type PostgresStorage } from './postgres.storage.js';

warnPgSkipped('postgres account store');

/** A store in a fresh schema; closing it drops the schema. */
async function open(): Promise<PostgresStorage> {
  const { url, schema } = freshPgSchemaUrl('docket_acc');
  const storage = await openPostgresStorage(url);
  const close = storage.close.bind(storage);
  storage.close = async () => {
    await close();
    await dropPgSchema(schema);
  };
  return storage;
}

describe.skipIf(!TEST_PG_URL)('PostgresAccountStore', () => {
  accountStoreContract('postgres', open);
});
