// `docket user …` as a child process (`node dist/cli/main.js`) on a SQLite file in a temp folder.
// Needs `npm run build` first.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/domain/accounts.js';
import { SqliteStorage } from '../../src/adapters/sqlite/sqlite.storage.js';
import { AccountsService } from '../../src/services/accounts.service.js';
import { runCli, type CliRun } from '../cli.js';
import { tempDir } from '../helpers.js';

const PASSWORD = 'a long enough password';

describe('docket user', () => {
  let dir: string;
  let db: string;
  const docket = (args: string[], input?: string): Promise<CliRun> =>
    runCli(args, { env: { DOCKET_DB: db }, cwd: dir, ...(input !== undefined ? { input } : {}) });

  beforeAll(() => {
    dir = tempDir('docket-user-cli-');
    db = join(dir, 'docket.db');
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** Log in through the service on the same file, as the HTTP edge would. */
  async function login(name: string, password: string): Promise<boolean> {
    const storage = new SqliteStorage(db);
    try {
      const accounts = new AccountsService({ accounts: storage.accounts, sessionHours: 1 });
      return await accounts.login(name, password).then(
        () => true,
        () => false,
      );
    } finally {
      await storage.close();
    }
  }

  it('adds a user with the password from the first line of standard input', async () => {
    const r = await docket(
      ['user', 'add', 'alice', '--role', 'admin', '--password-stdin'],
      `${PASSWORD}\nrest\n`,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('added alice (admin)\n');
    expect(await login('alice', PASSWORD)).toBe(true);
    // only the first line is the password
    expect(await login('alice', `${PASSWORD}\nrest`)).toBe(false);
  });

  it('refuses a name that is taken (in any case) with exit 2', async () => {
    const r = await docket(['user', 'add', 'ALICE', '--role', 'viewer', '--password-stdin'], `${PASSWORD}\n`);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('docket: name: a user named "ALICE" already exists\n');
    expect(r.stdout).toBe('');
  });

  it('refuses a bad role, naming it, before reading any password', async () => {
    const r = await docket(
      ['user', 'add', 'bob', '--role', 'superuser', '--password-stdin'],
      `${PASSWORD}\n`,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('docket: role: "superuser" is not a role (viewer, editor or admin)\n');
    const role = await docket(['user', 'role', 'alice', 'root']);
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('"root"');
  });

  it('refuses a short password and a bad name with exit 2, naming the input', async () => {
    const short = await docket(['user', 'add', 'bob', '--role', 'viewer', '--password-stdin'], 'short\n');
    expect(short.code).toBe(2);
    expect(short.stderr).toBe('docket: password: at least 10 characters\n');
    const name = await docket(
      ['user', 'add', 'b b', '--role', 'viewer', '--password-stdin'],
      `${PASSWORD}\n`,
    );
    expect(name.code).toBe(2);
    expect(name.stderr).toMatch(/^docket: name: /);
  });

  it('asks for --password-stdin when standard input is not a terminal', async () => {
    const r = await docket(['user', 'add', 'bob', '--role', 'viewer'], `${PASSWORD}\n`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('use --password-stdin');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('lists users as JSON, without secrets', async () => {
    await docket(['user', 'add', 'bob', '--role', 'editor', '--password-stdin'], `${PASSWORD}\n`);
    const r = await docket(['user', 'list', '--json']);
    expect(r.code).toBe(0);
    const users = JSON.parse(r.stdout) as User[];
    expect(users.map((u) => [u.name, u.role, u.disabled])).toEqual([
      ['alice', 'admin', false],
      ['bob', 'editor', false],
    ]);
    expect(r.stdout).not.toMatch(/scrypt|password/i);
  });

  it('changes role, disables and enables, and sets a new password', async () => {
    expect((await docket(['user', 'role', 'bob', 'viewer'])).stdout).toBe('bob is now viewer\n');
    expect((await docket(['user', 'disable', 'bob'])).code).toBe(0);
    expect(await login('bob', PASSWORD)).toBe(false);
    expect((await docket(['user', 'enable', 'bob'])).code).toBe(0);
    expect(await login('bob', PASSWORD)).toBe(true);
    const p = await docket(['user', 'passwd', 'bob', '--password-stdin'], 'the new long password\n');
    expect(p.code).toBe(0);
    expect(await login('bob', PASSWORD)).toBe(false);
    expect(await login('bob', 'the new long password')).toBe(true);
    const users = JSON.parse((await docket(['user', 'list', '--json'])).stdout) as User[];
    expect(users.find((u) => u.name === 'bob')).toMatchObject({ role: 'viewer', disabled: false });
    const unknown = await docket(['user', 'disable', 'carol']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('docket: user carol not found\n');
  });

  it('prints a new dkt_ token alone on stdout, lists and revokes it', async () => {
    const r = await docket(['user', 'token', 'alice', '--label', 'nightly']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^dkt_[A-Za-z0-9_-]{43}\n$/);
    expect(r.stderr).toMatch(/shown this once/);
    const token = r.stdout.trim();
    const list = await docket(['user', 'tokens', 'alice', '--json']);
    const tokens = JSON.parse(list.stdout) as { id: string; name: string; revokedAt: string | null }[];
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ name: 'nightly', revokedAt: null });
    expect(list.stdout).not.toContain(token);
    // another user's token id is not alice's to revoke
    const wrong = await docket(['user', 'revoke', 'bob', tokens[0]!.id]);
    expect(wrong.code).toBe(1);
    const revoked = await docket(['user', 'revoke', 'alice', tokens[0]!.id]);
    expect(revoked.code).toBe(0);
    const after = JSON.parse((await docket(['user', 'tokens', 'alice', '--json'])).stdout) as typeof tokens;
    expect(after[0]!.revokedAt).not.toBeNull();
  });
});
