// Users, browser sessions and API tokens in the record's SQLite file (migration 5), on the connection
// the storage opened. These tables are never part of a dump: credentials do not travel in backups.
import type Database from 'better-sqlite3';
import { ConflictError, NotFoundError } from '../../domain/errors.js';
import type {
  AccountStore,
  SessionRecord,
  TokenRecord,
  UserPatch,
  UserRecord,
} from '../../ports/accounts.port.js';
import {
  toSession,
  toToken,
  toUser,
  type SessionRow,
  type TokenRow,
  type UserRow as SharedUserRow,
} from '../accounts-shared.js';

type UserRow = SharedUserRow & { disabled: number };

/** better-sqlite3 is synchronous: run the work and hand its result or error back as a promise. */
function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
}

const isUniqueViolation = (e: unknown): boolean =>
  (e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' ||
  (e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY';

export class SqliteAccountStore implements AccountStore {
  constructor(private readonly db: Database.Database) {}

  createUser(user: UserRecord): Promise<void> {
    return settle(() => {
      try {
        this.db
          .prepare(
            `INSERT INTO users (id, name, role, password_hash, disabled, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            user.id,
            user.name,
            user.role,
            user.passwordHash,
            user.disabled ? 1 : 0,
            user.createdAt,
            user.updatedAt,
          );
      } catch (e) {
        if (isUniqueViolation(e)) throw new ConflictError(`user ${user.name} already exists`);
        throw e;
      }
    });
  }

  getUser(id: string): Promise<UserRecord | null> {
    return settle(() => {
      const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
      return row ? toUser(row) : null;
    });
  }

  getUserByName(name: string): Promise<UserRecord | null> {
    return settle(() => {
      // the column's NOCASE collation makes this comparison (and its unique index) case-insensitive
      const row = this.db.prepare('SELECT * FROM users WHERE name = ?').get(name) as UserRow | undefined;
      return row ? toUser(row) : null;
    });
  }

  listUsers(): Promise<UserRecord[]> {
    return settle(() =>
      (this.db.prepare('SELECT * FROM users ORDER BY name, id').all() as UserRow[]).map(toUser),
    );
  }

  updateUser(id: string, patch: UserPatch, options: { endSessions?: boolean } = {}): Promise<void> {
    return settle(() =>
      this.db.transaction(() => {
        const sets: string[] = [];
        const params: (string | number)[] = [];
        if (patch.role !== undefined) {
          sets.push('role = ?');
          params.push(patch.role);
        }
        if (patch.passwordHash !== undefined) {
          sets.push('password_hash = ?');
          params.push(patch.passwordHash);
        }
        if (patch.disabled !== undefined) {
          sets.push('disabled = ?');
          params.push(patch.disabled ? 1 : 0);
        }
        if (patch.updatedAt !== undefined) {
          sets.push('updated_at = ?');
          params.push(patch.updatedAt);
        }
        const changed = sets.length
          ? this.db.prepare(`UPDATE users SET ${sets.join(', ')} WHERE id = ?`).run(...params, id).changes
          : this.db.prepare('SELECT 1 FROM users WHERE id = ?').get(id)
            ? 1
            : 0;
        if (changed === 0) throw new NotFoundError('user', id);
        if (options.endSessions) this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(id);
      })(),
    );
  }

  countUsers(): Promise<number> {
    return settle(() => (this.db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n);
  }

  createSession(session: SessionRecord): Promise<void> {
    return settle(() => {
      this.db
        .prepare(
          'INSERT INTO sessions (id_hash, user_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(session.idHash, session.userId, session.csrf, session.createdAt, session.expiresAt);
    });
  }

  getSession(idHash: string): Promise<SessionRecord | null> {
    return settle(() => {
      const row = this.db.prepare('SELECT * FROM sessions WHERE id_hash = ?').get(idHash) as
        SessionRow | undefined;
      return row ? toSession(row) : null;
    });
  }

  deleteSession(idHash: string): Promise<void> {
    return settle(() => {
      this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
    });
  }

  deleteSessionsOf(userId: string): Promise<number> {
    return settle(() => this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId).changes);
  }

  deleteExpiredSessions(now: string): Promise<number> {
    return settle(() => this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now).changes);
  }

  createToken(token: TokenRecord): Promise<void> {
    return settle(() => {
      try {
        this.db
          .prepare(
            `INSERT INTO api_tokens (id, token_hash, user_id, name, created_at, last_used_at, revoked_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            token.id,
            token.tokenHash,
            token.userId,
            token.name,
            token.createdAt,
            token.lastUsedAt,
            token.revokedAt,
          );
      } catch (e) {
        if (isUniqueViolation(e)) throw new ConflictError(`token ${token.id} already exists`);
        throw e;
      }
    });
  }

  getTokenByHash(tokenHash: string): Promise<TokenRecord | null> {
    return settle(() => {
      const row = this.db.prepare('SELECT * FROM api_tokens WHERE token_hash = ?').get(tokenHash) as
        TokenRow | undefined;
      return row ? toToken(row) : null;
    });
  }

  listTokens(userId: string): Promise<TokenRecord[]> {
    return settle(() =>
      (
        this.db
          .prepare('SELECT * FROM api_tokens WHERE user_id = ? ORDER BY created_at, id')
          .all(userId) as TokenRow[]
      ).map(toToken),
    );
  }

  touchToken(id: string, at: string): Promise<void> {
    return settle(() => {
      this.db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?').run(at, id);
    });
  }

  revokeToken(id: string, at: string): Promise<void> {
    return settle(() => {
      // a second revocation keeps the first time
      const changed = this.db
        .prepare('UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?')
        .run(at, id).changes;
      if (changed === 0) throw new NotFoundError('token', id);
    });
  }
}
