// `docket user …`: user accounts and API tokens, on the database the configuration names. Each command
// parses, calls the accounts service, renders. Passwords come from standard input (--password-stdin)
// or, on a terminal, from a prompt that does not echo; they never appear in arguments.
import type { Command } from 'commander';
import { createInterface } from 'node:readline';
import { openStorage } from '../app.js';
import type { Config } from '../config.js';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.js';
import type { User } from '../domain/accounts.js';
import { AccountsService, checkRole, checkUserName } from '../services/accounts.service.js';

const out = (s: string): void => {
  process.stdout.write(`${s}\n`);
};

/** The accounts service over the configured database, closed after `fn`. */
async function withAccounts<T>(config: Config, fn: (accounts: AccountsService) => Promise<T>): Promise<T> {
  const storage = await openStorage(config);
  try {
    return await fn(new AccountsService({ accounts: storage.accounts, sessionHours: config.sessionHours }));
  } finally {
    await storage.close();
  }
}

/** The first line of standard input (without its line ending); empty when there is none. */
function firstLineOfStdin(): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, terminal: false });
    let line: string | null = null;
    rl.once('line', (l) => {
      line = l;
      rl.close();
    });
    rl.once('close', () => {
      // the rest of the input is not ours to read; let the process end without waiting for it
      process.stdin.destroy();
      resolve((line ?? '').replace(/\r$/, ''));
    });
  });
}

/** Reads one line from the terminal without echoing it. Ctrl-C ends the program (exit 130). */
function promptHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const input = process.stdin;
    let value = '';
    process.stderr.write(prompt);
    input.setRawMode(true);
    input.setEncoding('utf8');
    const finish = (): void => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || (ch === '\u0004' && value === '')) {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          finish();
          process.exit(130);
        }
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    input.on('data', onData);
    input.resume();
  });
}

/** A new password: from standard input with --password-stdin, else asked twice on a terminal. */
async function readNewPassword(name: string, fromStdin: boolean | undefined): Promise<string> {
  if (fromStdin) return firstLineOfStdin();
  if (!process.stdin.isTTY)
    throw new ValidationError(
      'password: standard input is not a terminal: use --password-stdin to give the password on it',
      [{ path: 'password', message: 'use --password-stdin' }],
    );
  const first = await promptHidden(`New password for ${name}: `);
  const again = await promptHidden('Again: ');
  if (first !== again)
    throw new ValidationError('password: the two entries differ', [
      { path: 'password', message: 'entries differ' },
    ]);
  return first;
}

function printUser(u: User): void {
  out(
    `${u.name.padEnd(24)} ${u.role.padEnd(7)} ${u.disabled ? 'disabled' : 'active  '} since ${u.createdAt}`,
  );
}

export function registerUserCommands(program: Command, configFrom: (cmd: Command) => Config): void {
  const user = program
    .command('user')
    .description('Manage user accounts and API tokens (the web UI and the HTTP API log in with them).')
    .addHelpText(
      'after',
      '\nExamples:\n  docket user add alice --role admin\n  printf "%s\\n" "$PASSWORD" | docket user add ci --role editor --password-stdin\n  TOKEN=$(docket user token ci --label nightly)\n',
    );

  user
    .command('add')
    .description('Add a user with a role (viewer, editor or admin); the password is asked for.')
    .argument('<name>', '2–64 letters, digits, "_", "." or "-"')
    .requiredOption('--role <role>', 'viewer, editor or admin')
    .option('--password-stdin', 'read the password from the first line of standard input')
    .action(async (name: string, o: { role: string; passwordStdin?: boolean }, cmd: Command) => {
      // the cheap checks first, so that nobody types a password for nothing
      checkUserName(name);
      checkRole(o.role);
      await withAccounts(configFrom(cmd), async (accounts) => {
        const taken = () =>
          new ValidationError(`name: a user named "${name}" already exists`, [
            { path: 'name', message: 'already exists' },
          ]);
        try {
          await accounts.getUser(name);
          throw taken();
        } catch (e) {
          if (!(e instanceof NotFoundError)) throw e;
        }
        const password = await readNewPassword(name, o.passwordStdin);
        try {
          const u = await accounts.addUser(name, password, o.role);
          out(`added ${u.name} (${u.role})`);
        } catch (e) {
          // added meanwhile by someone else: still a name that cannot be used
          if (e instanceof ConflictError) throw taken();
          throw e;
        }
      });
    });

  user
    .command('passwd')
    .description("Set a user's password (their browser sessions end; API tokens stay valid).")
    .argument('<name>', 'user name')
    .option('--password-stdin', 'read the password from the first line of standard input')
    .action(async (name: string, o: { passwordStdin?: boolean }, cmd: Command) =>
      withAccounts(configFrom(cmd), async (accounts) => {
        const u = await accounts.getUser(name);
        const password = await readNewPassword(u.name, o.passwordStdin);
        await accounts.setPassword(u.name, password);
        out(`password of ${u.name} changed; their sessions ended`);
      }),
    );

  user
    .command('role')
    .description("Change a user's role.")
    .argument('<name>', 'user name')
    .argument('<role>', 'viewer, editor or admin')
    .action(async (name: string, role: string, _o: unknown, cmd: Command) =>
      withAccounts(configFrom(cmd), async (accounts) => {
        const u = await accounts.setRole(name, role);
        out(`${u.name} is now ${u.role}`);
      }),
    );

  user
    .command('disable')
    .description('Disable a user: their sessions end, logins and API tokens are refused.')
    .argument('<name>', 'user name')
    .action(async (name: string, _o: unknown, cmd: Command) =>
      withAccounts(configFrom(cmd), async (accounts) => {
        const u = await accounts.setDisabled(name, true);
        out(`${u.name} disabled`);
      }),
    );

  user
    .command('enable')
    .description('Enable a disabled user again.')
    .argument('<name>', 'user name')
    .action(async (name: string, _o: unknown, cmd: Command) =>
      withAccounts(configFrom(cmd), async (accounts) => {
        const u = await accounts.setDisabled(name, false);
        out(`${u.name} enabled`);
      }),
    );

  user
    .command('list')
    .description('List users with their roles.')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }, cmd: Command) =>
      withAccounts(configFrom(cmd), async (accounts) => {
        const users = await accounts.listUsers();
        if (o.json) out(JSON.stringify(users, null, 2));
        else {
          for (const u of users) printUser(u);
          out(`${users.length} user(s)`);
        }
      }),
    );

  user
    .command('token')
    .description('Make an API token for a user; prints the token alone on standard output, once.')
    .argument('<name>', 'user name')
    .option('--label <label>', 'what the token is for (1–100 characters)', 'cli')
    .addHelpText('after', '\nExample:\n  TOKEN=$(docket user token alice --label "nightly export")\n')
    .action(async (name: string, o: { label: string }, cmd: Command) =>
      withAccounts(configFrom(cmd), async (accounts) => {
        const t = await accounts.createToken(name, o.label);
        out(t.token);
        process.stderr.write(
          `token ${t.id} ("${t.name}") for ${name}: shown this once, store it now (send it as Authorization: Bearer …)\n`,
        );
      }),
    );

  user
    .command('tokens')
    .description("List a user's API tokens (never the tokens themselves).")
    .argument('<name>', 'user name')
    .option('--json', 'print JSON')
    .action(async (name: string, o: { json?: boolean }, cmd: Command) =>
      withAccounts(configFrom(cmd), async (accounts) => {
        const tokens = await accounts.listTokens(name);
        if (o.json) out(JSON.stringify(tokens, null, 2));
        else {
          for (const t of tokens)
            out(
              `${t.id}  ${t.name}  created ${t.createdAt}  last used ${t.lastUsedAt ?? 'never'}${t.revokedAt ? `  REVOKED ${t.revokedAt}` : ''}`,
            );
          out(`${tokens.length} token(s)`);
        }
      }),
    );

  user
    .command('revoke')
    .description("Revoke one of a user's API tokens.")
    .argument('<name>', 'user name')
    .argument('<tokenId>', 'token id (tok_…), as `docket user tokens NAME` lists')
    .action(async (name: string, tokenId: string, _o: unknown, cmd: Command) =>
      withAccounts(configFrom(cmd), async (accounts) => {
        await accounts.revokeToken(name, tokenId);
        out(`revoked ${tokenId}`);
      }),
    );
}
