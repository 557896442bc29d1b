// The account-store contract: what every AccountStore adapter must do, as a vitest suite. An adapter's
// integration test calls accountStoreContract('name', open) with a factory that opens a fresh, empty
// record store each time. Records are built by hand: the suite tests storage alone, not the service.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../domain/errors.js';
import type { AccountStore, SessionRecord, TokenRecord, UserRecord } from '../ports/accounts.port.js';
import type { BackupRecord } from '../ports/incident.port.js';

/** A record store with its account store; the dump is there to show that accounts stay out of it. */
export interface StoreWithAccounts {
  readonly accounts: AccountStore;
  readonly incidents: { dump(): AsyncIterable<BackupRecord> };
  close(): Promise<void>;
}

function user(id: string, name: string, extra: Partial<UserRecord> = {}): UserRecord {
  return {
    id,
    name,
    role: 'viewer',
    passwordHash: `scrypt$32768$8$1$salt-${id}$hash-${id}`,
    disabled: false,
    createdAt: '2024-05-01T10:00:00.000Z',
    updatedAt: '2024-05-01T10:00:00.000Z',
    ...extra,
  };
}

function session(idHash: string, userId: string, expiresAt: string): SessionRecord {
  return { idHash, userId, csrf: `csrf-${idHash}`, createdAt: '2024-05-01T10:00:00.000Z', expiresAt };
}

function token(id: string, userId: string, createdAt = '2024-05-01T10:00:00.000Z'): TokenRecord {
  return {
    id,
    tokenHash: `hash-of-${id}`,
    userId,
    name: `label ${id}`,
    createdAt,
    lastUsedAt: null,
    revokedAt: null,
  };
}

export function accountStoreContract(name: string, open: () => Promise<StoreWithAccounts>): void {
  describe(`account-store contract: ${name}`, () => {
    let store: StoreWithAccounts;
    let a: AccountStore;

    beforeEach(async () => {
      store = await open();
      a = store.accounts;
    });
    afterEach(async () => {
      await store.close();
    });

    describe('users', () => {
      it('starts empty', async () => {
        expect(await a.countUsers()).toBe(0);
        expect(await a.listUsers()).toEqual([]);
      });

      it('stores a user and reads it back by id and by name, whatever the case', async () => {
        const alice = user('usr_a', 'Alice', { role: 'editor', disabled: true });
        await a.createUser(alice);
        expect(await a.getUser('usr_a')).toEqual(alice);
        expect(await a.getUserByName('Alice')).toEqual(alice);
        expect(await a.getUserByName('alice')).toEqual(alice);
        expect(await a.getUserByName('ALICE')).toEqual(alice);
        expect(await a.getUser('usr_nobody')).toBeNull();
        expect(await a.getUserByName('bob')).toBeNull();
        // no prefix or pattern matching
        expect(await a.getUserByName('Alic')).toBeNull();
        expect(await a.getUserByName('Alic%')).toBeNull();
      });

      it('lists users by name without regard to case, and counts them', async () => {
        await a.createUser(user('usr_1', 'bob'));
        await a.createUser(user('usr_2', 'Alice'));
        await a.createUser(user('usr_3', 'carol'));
        await a.createUser(user('usr_4', 'Zed'));
        expect((await a.listUsers()).map((u) => u.name)).toEqual(['Alice', 'bob', 'carol', 'Zed']);
        expect(await a.countUsers()).toBe(4);
      });

      it('refuses a second user of the same name in another case, and a reused id', async () => {
        await a.createUser(user('usr_a', 'alice'));
        await expect(a.createUser(user('usr_b', 'ALICE'))).rejects.toBeInstanceOf(ConflictError);
        await expect(a.createUser(user('usr_a', 'someone'))).rejects.toBeInstanceOf(ConflictError);
        expect(await a.countUsers()).toBe(1);
        expect((await a.getUserByName('alice'))!.id).toBe('usr_a');
      });

      it('changes the role, the password hash and the disabled flag, leaving the rest', async () => {
        const alice = user('usr_a', 'alice');
        await a.createUser(alice);
        await a.createUser(user('usr_b', 'bob'));
        await a.updateUser('usr_a', { role: 'admin', updatedAt: '2024-05-02T00:00:00.000Z' });
        expect(await a.getUser('usr_a')).toEqual({
          ...alice,
          role: 'admin',
          updatedAt: '2024-05-02T00:00:00.000Z',
        });
        await a.updateUser('usr_a', { passwordHash: 'scrypt$new', disabled: true });
        expect(await a.getUser('usr_a')).toEqual({
          ...alice,
          role: 'admin',
          passwordHash: 'scrypt$new',
          disabled: true,
          updatedAt: '2024-05-02T00:00:00.000Z',
        });
        await a.updateUser('usr_a', { disabled: false });
        expect((await a.getUser('usr_a'))!.disabled).toBe(false);
        // the other user is untouched
        expect(await a.getUser('usr_b')).toEqual(user('usr_b', 'bob'));
      });

      it("ends the sessions in the same change when asked, and only that user's", async () => {
        await a.createUser(user('usr_a', 'alice'));
        await a.createUser(user('usr_b', 'bob'));
        const at = '2024-05-01T00:00:00.000Z';
        const until = '2024-05-02T00:00:00.000Z';
        for (const [idHash, userId] of [
          ['h1', 'usr_a'],
          ['h2', 'usr_a'],
          ['h3', 'usr_b'],
        ] as const)
          await a.createSession({ idHash, userId, csrf: 'c', createdAt: at, expiresAt: until });
        await a.updateUser('usr_a', { passwordHash: 'scrypt$new' });
        expect(await a.getSession('h1')).not.toBeNull();
        await a.updateUser('usr_a', { passwordHash: 'scrypt$newer' }, { endSessions: true });
        expect(await a.getSession('h1')).toBeNull();
        expect(await a.getSession('h2')).toBeNull();
        expect(await a.getSession('h3')).not.toBeNull();
        expect((await a.getUser('usr_a'))!.passwordHash).toBe('scrypt$newer');
        // an unknown id changes nothing, sessions included
        await expect(a.updateUser('usr_x', { role: 'admin' }, { endSessions: true })).rejects.toBeInstanceOf(
          NotFoundError,
        );
        expect(await a.getSession('h3')).not.toBeNull();
      });

      it('throws NotFoundError when updating an unknown id', async () => {
        await a.createUser(user('usr_a', 'alice'));
        await expect(a.updateUser('usr_x', { role: 'admin' })).rejects.toBeInstanceOf(NotFoundError);
        await expect(a.updateUser('usr_x', {})).rejects.toBeInstanceOf(NotFoundError);
        await expect(a.updateUser('usr_a', {})).resolves.toBeUndefined();
        expect((await a.getUser('usr_a'))!.role).toBe('viewer');
      });
    });

    describe('sessions', () => {
      beforeEach(async () => {
        await a.createUser(user('usr_a', 'alice'));
        await a.createUser(user('usr_b', 'bob'));
      });

      it('stores a session by its hash and deletes it', async () => {
        const s = session('h1', 'usr_a', '2024-05-01T22:00:00.000Z');
        await a.createSession(s);
        expect(await a.getSession('h1')).toEqual(s);
        expect(await a.getSession('h2')).toBeNull();
        await a.deleteSession('h1');
        expect(await a.getSession('h1')).toBeNull();
        // deleting what is not there is no error
        await expect(a.deleteSession('h1')).resolves.toBeUndefined();
      });

      it('refuses a session of an unknown user', async () => {
        await expect(
          a.createSession(session('h1', 'usr_nobody', '2024-05-01T22:00:00.000Z')),
        ).rejects.toThrow();
        expect(await a.getSession('h1')).toBeNull();
      });

      it("ends every session of one user and only that user's", async () => {
        await a.createSession(session('a1', 'usr_a', '2024-05-01T22:00:00.000Z'));
        await a.createSession(session('a2', 'usr_a', '2024-05-01T23:00:00.000Z'));
        await a.createSession(session('b1', 'usr_b', '2024-05-01T22:00:00.000Z'));
        expect(await a.deleteSessionsOf('usr_a')).toBe(2);
        expect(await a.getSession('a1')).toBeNull();
        expect(await a.getSession('a2')).toBeNull();
        expect(await a.getSession('b1')).not.toBeNull();
        expect(await a.deleteSessionsOf('usr_a')).toBe(0);
      });

      it('deletes the sessions that expired at or before a time', async () => {
        await a.createSession(session('old', 'usr_a', '2024-05-01T09:00:00.000Z'));
        await a.createSession(session('edge', 'usr_b', '2024-05-01T10:00:00.000Z'));
        await a.createSession(session('live', 'usr_a', '2024-05-01T10:00:00.001Z'));
        expect(await a.deleteExpiredSessions('2024-05-01T10:00:00.000Z')).toBe(2);
        expect(await a.getSession('old')).toBeNull();
        expect(await a.getSession('edge')).toBeNull();
        expect(await a.getSession('live')).not.toBeNull();
        expect(await a.deleteExpiredSessions('2024-05-01T10:00:00.000Z')).toBe(0);
      });
    });

    describe('API tokens', () => {
      beforeEach(async () => {
        await a.createUser(user('usr_a', 'alice'));
        await a.createUser(user('usr_b', 'bob'));
      });

      it('stores a token and finds it by its hash', async () => {
        const t = token('tok_1', 'usr_a');
        await a.createToken(t);
        expect(await a.getTokenByHash('hash-of-tok_1')).toEqual(t);
        expect(await a.getTokenByHash('hash-of-tok_2')).toBeNull();
      });

      it('refuses a reused token hash', async () => {
        await a.createToken(token('tok_1', 'usr_a'));
        await expect(
          a.createToken({ ...token('tok_2', 'usr_b'), tokenHash: 'hash-of-tok_1' }),
        ).rejects.toBeInstanceOf(ConflictError);
        expect((await a.getTokenByHash('hash-of-tok_1'))!.userId).toBe('usr_a');
      });

      it("lists one user's tokens, oldest first", async () => {
        await a.createToken(token('tok_2', 'usr_a', '2024-05-02T00:00:00.000Z'));
        await a.createToken(token('tok_1', 'usr_a', '2024-05-01T00:00:00.000Z'));
        await a.createToken(token('tok_3', 'usr_b'));
        expect((await a.listTokens('usr_a')).map((t) => t.id)).toEqual(['tok_1', 'tok_2']);
        expect((await a.listTokens('usr_b')).map((t) => t.id)).toEqual(['tok_3']);
        expect(await a.listTokens('usr_nobody')).toEqual([]);
      });

      it('records when a token was last used', async () => {
        await a.createToken(token('tok_1', 'usr_a'));
        await a.createToken(token('tok_2', 'usr_a'));
        await a.touchToken('tok_1', '2024-05-03T12:00:00.000Z');
        expect((await a.getTokenByHash('hash-of-tok_1'))!.lastUsedAt).toBe('2024-05-03T12:00:00.000Z');
        await a.touchToken('tok_1', '2024-05-03T12:05:00.000Z');
        expect((await a.getTokenByHash('hash-of-tok_1'))!.lastUsedAt).toBe('2024-05-03T12:05:00.000Z');
        expect((await a.getTokenByHash('hash-of-tok_2'))!.lastUsedAt).toBeNull();
      });

      it('revokes a token once, keeping the first time, and names an unknown one', async () => {
        await a.createToken(token('tok_1', 'usr_a'));
        await a.createToken(token('tok_2', 'usr_a'));
        await a.revokeToken('tok_1', '2024-05-04T00:00:00.000Z');
        expect((await a.getTokenByHash('hash-of-tok_1'))!.revokedAt).toBe('2024-05-04T00:00:00.000Z');
        await a.revokeToken('tok_1', '2024-05-05T00:00:00.000Z');
        expect((await a.getTokenByHash('hash-of-tok_1'))!.revokedAt).toBe('2024-05-04T00:00:00.000Z');
        expect((await a.getTokenByHash('hash-of-tok_2'))!.revokedAt).toBeNull();
        await expect(a.revokeToken('tok_x', '2024-05-04T00:00:00.000Z')).rejects.toBeInstanceOf(
          NotFoundError,
        );
      });
    });

    it('keeps accounts out of the dump: credentials do not travel in backups', async () => {
      await a.createUser(user('usr_a', 'alice'));
      await a.createSession(session('session-hash', 'usr_a', '2099-01-01T00:00:00.000Z'));
      await a.createToken(token('tok_1', 'usr_a'));
      const tables = new Set<string>();
      let text = '';
      for await (const r of store.incidents.dump()) {
        tables.add(r.table);
        text += JSON.stringify(r.row);
      }
      for (const t of ['users', 'sessions', 'api_tokens']) expect(tables.has(t)).toBe(false);
      for (const secret of ['scrypt$32768$8$1$salt-usr_a', 'session-hash', 'hash-of-tok_1', 'alice'])
        expect(text).not.toContain(secret);
    });
  });
}
