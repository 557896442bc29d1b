// The accounts service over a real SQLite file (no mocks of the store): password hashing, login and
// sessions with an injected clock, disabled users, API tokens and the validation of inputs.
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers.js';
import { SqliteStorage } from '../adapters/sqlite/sqlite.storage.js';
import { AuthenticationError, ConflictError, NotFoundError, ValidationError } from '../domain/errors.js';
import { AccountsService, hashPassword, verifyPassword } from './accounts.service.js';

const PASSWORD = 'correct horse battery';
const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

let dir: string;
let storage: SqliteStorage;
let clock: Date;
let service: AccountsService;

beforeEach(() => {
  dir = tempDir('docket-accounts-');
  storage = new SqliteStorage(join(dir, 'docket.db'));
  clock = new Date('2024-05-01T10:00:00.000Z');
  service = new AccountsService({ accounts: storage.accounts, sessionHours: 12, now: () => clock });
});
afterEach(async () => {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

const advance = (ms: number): void => {
  clock = new Date(clock.getTime() + ms);
};
const HOUR = 3_600_000;

/** The ValidationError `work` rejects with (fails the test when it resolves or rejects otherwise). */
async function validationError(work: Promise<unknown>): Promise<ValidationError> {
  const e = await work.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ValidationError);
  return e as ValidationError;
}

describe('password hashing', () => {
  it('stores scrypt N=2^15 r=8 p=1 with a 16-byte salt and a 32-byte key, and verifies', async () => {
    const h = await hashPassword(PASSWORD);
    const [kind, n, r, p, salt, key] = h.split('$');
    expect([kind, n, r, p]).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(salt!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(key!, 'base64url')).toHaveLength(32);
    expect(h).not.toContain(PASSWORD);
    expect(await verifyPassword(PASSWORD, h)).toBe(true);
    expect(await verifyPassword('correct horse battery!', h)).toBe(false);
    expect(await verifyPassword('', h)).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    const [a, b] = await Promise.all([hashPassword(PASSWORD), hashPassword(PASSWORD)]);
    expect(a).not.toBe(b);
    expect(await verifyPassword(PASSWORD, b)).toBe(true);
  });

  it('reads the parameters back from the stored string (a cheaper or costlier hash still verifies)', async () => {
    const { scryptSync } = await import('node:crypto');
    const salt = Buffer.alloc(16, 7);
    const key = scryptSync(PASSWORD, salt, 32, { N: 1024, r: 4, p: 2 });
    const stored = `scrypt$1024$4$2$${salt.toString('base64url')}$${key.toString('base64url')}`;
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
    expect(await verifyPassword('wrong password', stored)).toBe(false);
  });

  it('never matches a malformed or hostile stored string', async () => {
    const good = await hashPassword(PASSWORD);
    const parts = good.split('$');
    const swap = (i: number, v: string): string => parts.map((x, j) => (j === i ? v : x)).join('$');
    for (const bad of [
      '',
      'plain',
      swap(0, 'bcrypt'),
      swap(1, '30000'), // not a power of two
      swap(1, String(2 ** 24)), // far too much memory
      swap(2, '0'),
      swap(3, '99'),
      swap(5, ''),
      `${good}$extra`,
    ])
      expect(await verifyPassword(PASSWORD, bad)).toBe(false);
  });
});

describe('users', () => {
  it('adds a user without keeping the password, finds it by name in any case', async () => {
    const u = await service.addUser('alice', PASSWORD, 'editor');
    expect(u).toEqual({
      id: expect.stringMatching(/^usr_[0-9a-f]{16}$/) as unknown,
      name: 'alice',
      role: 'editor',
      disabled: false,
      createdAt: '2024-05-01T10:00:00.000Z',
    });
    expect(Object.keys(u)).not.toContain('passwordHash');
    expect(await service.getUser('ALICE')).toEqual(u);
    const stored = await storage.accounts.getUser(u.id);
    expect(stored!.passwordHash.startsWith('scrypt$32768$8$1$')).toBe(true);
    expect(stored!.passwordHash).not.toContain(PASSWORD);
    expect(await service.listUsers()).toEqual([u]);
  });

  it('keeps at least one enabled admin: the last one cannot be demoted or disabled', async () => {
    await service.addUser('root', PASSWORD, 'admin');
    await expect(service.setRole('root', 'editor')).rejects.toBeInstanceOf(ConflictError);
    await expect(service.setDisabled('root', true)).rejects.toBeInstanceOf(ConflictError);
    expect(await service.getUser('root')).toMatchObject({ role: 'admin', disabled: false });
    await service.addUser('second', PASSWORD, 'admin');
    expect(await service.setRole('root', 'editor')).toMatchObject({ role: 'editor' });
    await expect(service.setDisabled('second', true)).rejects.toBeInstanceOf(ConflictError);
  });

  it('refuses a second user of the same name (any case) with ConflictError', async () => {
    await service.addUser('alice', PASSWORD, 'viewer');
    await expect(service.addUser('Alice', PASSWORD, 'admin')).rejects.toBeInstanceOf(ConflictError);
    expect(await service.listUsers()).toHaveLength(1);
  });

  it('names the field in validation errors', async () => {
    for (const bad of ['a', 'has space', 'x'.repeat(65), 'ünïcode', 'semi;colon', '']) {
      const e = await validationError(service.addUser(bad, PASSWORD, 'viewer'));
      expect(e.message).toMatch(/^name: /);
      expect(e.issues[0]!.path).toBe('name');
    }
    for (const bad of ['short', '123456789', 'x'.repeat(1025)]) {
      const e = await validationError(service.addUser('alice', bad, 'viewer'));
      expect(e.message).toMatch(/^password: /);
      expect(e.issues[0]!.path).toBe('password');
    }
    const e = await validationError(service.addUser('alice', PASSWORD, 'superuser'));
    expect(e.message).toBe('role: "superuser" is not a role (viewer, editor or admin)');
    expect(e.issues[0]!.path).toBe('role');
    // limits are inclusive: 2 and 64 characters, 10 and 1024 characters of password
    await service.addUser('ab', 'x'.repeat(10), 'viewer');
    await service.addUser('a'.repeat(64), 'x'.repeat(1024), 'viewer');
    expect(await service.listUsers()).toHaveLength(2);
    await validationError(service.setRole('ab', 'root'));
    await validationError(service.setPassword('ab', 'short'));
  });

  it('changes role and disabled state, and says when the user is unknown', async () => {
    await service.addUser('root', PASSWORD, 'admin'); // so that alice is never the last admin
    await service.addUser('alice', PASSWORD, 'viewer');
    clock = new Date('2024-05-02T00:00:00.000Z');
    expect((await service.setRole('alice', 'admin')).role).toBe('admin');
    expect((await service.getUser('alice')).role).toBe('admin');
    expect((await storage.accounts.getUserByName('alice'))!.updatedAt).toBe('2024-05-02T00:00:00.000Z');
    expect((await service.setDisabled('alice', true)).disabled).toBe(true);
    expect((await service.getUser('alice')).disabled).toBe(true);
    expect((await service.setDisabled('alice', false)).disabled).toBe(false);
    await expect(service.getUser('bob')).rejects.toBeInstanceOf(NotFoundError);
    await expect(service.setRole('bob', 'admin')).rejects.toBeInstanceOf(NotFoundError);
    await expect(service.setDisabled('bob', true)).rejects.toBeInstanceOf(NotFoundError);
    await expect(service.setPassword('bob', PASSWORD)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('changes several fields all or nothing: one refused change leaves the others unwritten', async () => {
    await service.addUser('root', PASSWORD, 'admin');
    const { sessionToken: token } = await service.login('root', PASSWORD);
    // a new password with a demotion of the last admin: refused, so the password stays too
    await expect(
      service.changeUser('root', { password: 'a new long password', role: 'viewer' }),
    ).rejects.toBeInstanceOf(ConflictError);
    await service.login('root', PASSWORD);
    expect(await service.principalFromSession(token)).not.toBeNull();
    // a bad password with a good role change: refused before anything is written
    await service.addUser('alice', PASSWORD, 'viewer');
    await validationError(service.changeUser('alice', { password: 'short', role: 'editor' }));
    expect((await service.getUser('alice')).role).toBe('viewer');
    // both good: one write, and the new password ends the sessions
    const before = (await storage.accounts.getUserByName('alice'))!;
    const alice = await service.login('alice', PASSWORD);
    advance(HOUR);
    const changed = await service.changeUser('alice', { password: 'a new long password', role: 'editor' });
    expect(changed).toMatchObject({ name: 'alice', role: 'editor', disabled: false });
    const after = (await storage.accounts.getUserByName('alice'))!;
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(after.updatedAt).toBe(new Date('2024-05-01T11:00:00.000Z').toISOString());
    expect(await service.principalFromSession(alice.sessionToken)).toBeNull();
    await service.login('alice', 'a new long password');
  });
});

describe('login, sessions, logout', () => {
  beforeEach(async () => {
    await service.addUser('alice', PASSWORD, 'editor');
  });

  it('logs in: a random session token stored only as its SHA-256, a CSRF token, an expiry', async () => {
    const s = await service.login('Alice', PASSWORD);
    expect(s.user.name).toBe('alice');
    expect(s.sessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(s.csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(s.csrf).not.toBe(s.sessionToken);
    expect(s.expiresAt).toBe('2024-05-01T22:00:00.000Z');
    expect(await storage.accounts.getSession(s.sessionToken)).toBeNull();
    expect(await storage.accounts.getSession(sha256(s.sessionToken))).toMatchObject({
      userId: s.user.id,
      csrf: s.csrf,
    });
    const p = await service.principalFromSession(s.sessionToken);
    expect(p).toEqual({ kind: 'session', user: s.user, csrf: s.csrf, sessionHash: sha256(s.sessionToken) });
    const again = await service.login('alice', PASSWORD);
    expect(again.sessionToken).not.toBe(s.sessionToken);
  });

  it('refuses a wrong password and an unknown user with the same message', async () => {
    const wrong = service.login('alice', 'not the password');
    await expect(wrong).rejects.toBeInstanceOf(AuthenticationError);
    await expect(wrong).rejects.toThrow('wrong user name or password');
    const unknown = service.login('mallory', PASSWORD);
    await expect(unknown).rejects.toBeInstanceOf(AuthenticationError);
    await expect(unknown).rejects.toThrow('wrong user name or password');
  });

  it('spends a password check on an unknown name too, so timing does not tell which names exist', async () => {
    const median = async (name: string): Promise<number> => {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        await service.login(name, 'not the password').catch(() => undefined);
        times.push(performance.now() - t0);
      }
      return times.sort((x, y) => x - y)[1]!;
    };
    const known = await median('alice');
    const unknown = await median('mallory');
    // without the dummy check an unknown name answers in well under a millisecond; scrypt takes tens
    expect(unknown).toBeGreaterThan(known * 0.3);
  });

  it('ends a session on logout', async () => {
    const s = await service.login('alice', PASSWORD);
    await service.logout(s.sessionToken);
    expect(await service.principalFromSession(s.sessionToken)).toBeNull();
    await expect(service.logout(s.sessionToken)).resolves.toBeUndefined();
  });

  it('expires a session after sessionHours and deletes it when seen', async () => {
    const s = await service.login('alice', PASSWORD);
    advance(12 * HOUR - 1);
    expect(await service.principalFromSession(s.sessionToken)).not.toBeNull();
    advance(1);
    expect(await service.principalFromSession(s.sessionToken)).toBeNull();
    expect(await storage.accounts.getSession(sha256(s.sessionToken))).toBeNull();
  });

  it('clears expired sessions of anyone at the next login', async () => {
    const old = await service.login('alice', PASSWORD);
    advance(13 * HOUR);
    await service.login('alice', PASSWORD);
    expect(await storage.accounts.getSession(sha256(old.sessionToken))).toBeNull();
  });

  it('knows no session for an unknown or empty token', async () => {
    expect(await service.principalFromSession('')).toBeNull();
    expect(await service.principalFromSession('x'.repeat(43))).toBeNull();
    expect(await service.principalFromSession('x'.repeat(10_000))).toBeNull();
  });

  it('a disabled user cannot log in and their sessions end', async () => {
    const s = await service.login('alice', PASSWORD);
    await service.setDisabled('alice', true);
    expect(await service.principalFromSession(s.sessionToken)).toBeNull();
    await expect(service.login('alice', PASSWORD)).rejects.toThrow('wrong user name or password');
    await service.setDisabled('alice', false);
    // enabling again does not bring the old session back
    expect(await service.principalFromSession(s.sessionToken)).toBeNull();
    expect((await service.login('alice', PASSWORD)).user.disabled).toBe(false);
  });

  it('a new password ends the sessions and replaces the old password', async () => {
    const s = await service.login('alice', PASSWORD);
    await service.setPassword('alice', 'another long password');
    expect(await service.principalFromSession(s.sessionToken)).toBeNull();
    await expect(service.login('alice', PASSWORD)).rejects.toBeInstanceOf(AuthenticationError);
    expect((await service.login('alice', 'another long password')).user.name).toBe('alice');
  });

  it('the session shows a role change at once', async () => {
    const s = await service.login('alice', PASSWORD);
    await service.setRole('alice', 'viewer');
    const p = await service.principalFromSession(s.sessionToken);
    expect(p?.kind === 'session' && p.user.role).toBe('viewer');
  });
});

describe('API tokens', () => {
  beforeEach(async () => {
    await service.addUser('alice', PASSWORD, 'editor');
    await service.addUser('bob', PASSWORD, 'viewer');
  });

  it('makes a dkt_ token, stores only its SHA-256, and knows who it belongs to', async () => {
    const t = await service.createToken('alice', '  ci script ');
    expect(t.token).toMatch(/^dkt_[A-Za-z0-9_-]{43}$/);
    expect(t.id).toMatch(/^tok_[0-9a-f]{16}$/);
    expect(t.name).toBe('ci script');
    expect(await storage.accounts.getTokenByHash(t.token)).toBeNull();
    expect((await storage.accounts.getTokenByHash(sha256(t.token)))!.id).toBe(t.id);
    const p = await service.principalFromToken(t.token);
    expect(p).toEqual({ kind: 'token', user: await service.getUser('alice'), tokenId: t.id });
  });

  it('refuses unknown, malformed and revoked tokens', async () => {
    const t = await service.createToken('alice', 'ci');
    expect(await service.principalFromToken(`${t.token}x`)).toBeNull();
    expect(await service.principalFromToken(t.token.slice(4))).toBeNull(); // without the prefix
    expect(await service.principalFromToken('')).toBeNull();
    await service.revokeToken('alice', t.id);
    expect(await service.principalFromToken(t.token)).toBeNull();
    const [listed] = await service.listTokens('alice');
    expect(listed).toEqual({
      id: t.id,
      name: 'ci',
      createdAt: '2024-05-01T10:00:00.000Z',
      lastUsedAt: null,
      revokedAt: '2024-05-01T10:00:00.000Z',
    });
  });

  it("refuses a disabled user's token while the user is disabled", async () => {
    const t = await service.createToken('alice', 'ci');
    await service.setDisabled('alice', true);
    expect(await service.principalFromToken(t.token)).toBeNull();
    await service.setDisabled('alice', false);
    expect(await service.principalFromToken(t.token)).not.toBeNull();
  });

  it('records the last use at most once a minute', async () => {
    const t = await service.createToken('alice', 'ci');
    const lastUsed = async (): Promise<string | null> => (await service.listTokens('alice'))[0]!.lastUsedAt;
    await service.principalFromToken(t.token);
    expect(await lastUsed()).toBe('2024-05-01T10:00:00.000Z');
    advance(59_000);
    await service.principalFromToken(t.token);
    expect(await lastUsed()).toBe('2024-05-01T10:00:00.000Z');
    advance(1_000);
    await service.principalFromToken(t.token);
    expect(await lastUsed()).toBe('2024-05-01T10:01:00.000Z');
  });

  it("lists a user's own tokens and revokes only those", async () => {
    const a1 = await service.createToken('alice', 'one');
    advance(1000);
    const a2 = await service.createToken('alice', 'two');
    const b1 = await service.createToken('bob', 'bobs');
    expect((await service.listTokens('alice')).map((t) => t.id)).toEqual([a1.id, a2.id]);
    expect(JSON.stringify(await service.listTokens('alice'))).not.toContain(a1.token);
    await expect(service.revokeToken('alice', b1.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await service.principalFromToken(b1.token)).not.toBeNull();
    await expect(service.revokeToken('alice', 'tok_unknown')).rejects.toBeInstanceOf(NotFoundError);
    await expect(service.listTokens('carol')).rejects.toBeInstanceOf(NotFoundError);
    await expect(service.createToken('carol', 'x')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('names the field when a token name is empty or too long', async () => {
    for (const bad of ['', '   ', 'x'.repeat(101)]) {
      const e = await validationError(service.createToken('alice', bad));
      expect(e.issues[0]!.path).toBe('name');
    }
  });
});
