// Users, browser sessions and API tokens in the record's PostgreSQL schema (migration 5), through the
// storage's Kysely pool. These tables are never part of a dump: credentials do not travel in backups.
import { sql, type Kysely } from 'kysely';
import { ConflictError, NotFoundError } from '../../domain/errors.js';
import type {
  AccountStore,
  SessionRecord,
  TokenRecord,
  UserPatch,
  UserRecord,
} from '../../ports/accounts.port.js';
import { toSession, toToken, toUser } from '../accounts-shared.js';
import type { DB, UsersTable } from './postgres.tables.js';

/** unique_violation: a second user of the same name (any case), or a reused id or token hash. */
const isUniqueViolation = (e: unknown): boolean => (e as { code?: string }).code === '23505';

export class PostgresAccountStore implements AccountStore {
  constructor(private readonly db: Kysely<DB>) {}

  async createUser(user: UserRecord): Promise<void> {
    try {
      await this.db
        .insertInto('users')
        .values({
          id: user.id,
          name: user.name,
          role: user.role,
          password_hash: user.passwordHash,
          disabled: user.disabled,
          created_at: user.createdAt,
          updated_at: user.updatedAt,
        })
        .execute();
    } catch (e) {
      if (isUniqueViolation(e)) throw new ConflictError(`user ${user.name} already exists`);
      throw e;
    }
  }

  async getUser(id: string): Promise<UserRecord | null> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async getUserByName(name: string): Promise<UserRecord | null> {
    // lower() on both sides: the unique index users_name is on lower(name)
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where(sql<string>`lower(name)`, '=', sql<string>`lower(${name})`)
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async listUsers(): Promise<UserRecord[]> {
    // lower(): the same order as SQLite's NOCASE column
    const rows = await this.db
      .selectFrom('users')
      .selectAll()
      .orderBy(sql`lower(name)`)
      .orderBy('id')
      .execute();
    return rows.map(toUser);
  }

  async updateUser(id: string, patch: UserPatch, options: { endSessions?: boolean } = {}): Promise<void> {
    const values: Partial<Omit<UsersTable, 'id' | 'name' | 'created_at'>> = {};
    if (patch.role !== undefined) values.role = patch.role;
    if (patch.passwordHash !== undefined) values.password_hash = patch.passwordHash;
    if (patch.disabled !== undefined) values.disabled = patch.disabled;
    if (patch.updatedAt !== undefined) values.updated_at = patch.updatedAt;
    await this.db.transaction().execute(async (trx) => {
      const found = Object.keys(values).length
        ? Number(
            (await trx.updateTable('users').set(values).where('id', '=', id).executeTakeFirst())
              .numUpdatedRows,
          ) > 0
        : Boolean(await trx.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst());
      if (!found) throw new NotFoundError('user', id);
      if (options.endSessions) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    });
  }

  async countUsers(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async createSession(session: SessionRecord): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        id_hash: session.idHash,
        user_id: session.userId,
        csrf: session.csrf,
        created_at: session.createdAt,
        expires_at: session.expiresAt,
      })
      .execute();
  }

  async getSession(idHash: string): Promise<SessionRecord | null> {
    const row = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('id_hash', '=', idHash)
      .executeTakeFirst();
    return row ? toSession(row) : null;
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  async deleteSessionsOf(userId: string): Promise<number> {
    const r = await this.db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async deleteExpiredSessions(now: string): Promise<number> {
    const r = await this.db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async createToken(token: TokenRecord): Promise<void> {
    try {
      await this.db
        .insertInto('api_tokens')
        .values({
          id: token.id,
          token_hash: token.tokenHash,
          user_id: token.userId,
          name: token.name,
          created_at: token.createdAt,
          last_used_at: token.lastUsedAt,
          revoked_at: token.revokedAt,
        })
        .execute();
    } catch (e) {
      if (isUniqueViolation(e)) throw new ConflictError(`token ${token.id} already exists`);
      throw e;
    }
  }

  async getTokenByHash(tokenHash: string): Promise<TokenRecord | null> {
    const row = await this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row ? toToken(row) : null;
  }

  async listTokens(userId: string): Promise<TokenRecord[]> {
    const rows = await this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toToken);
  }

  async touchToken(id: string, at: string): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  }

  async revokeToken(id: string, at: string): Promise<void> {
    // a second revocation keeps the first time
    const r = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: sql<string>`COALESCE(revoked_at, ${at})` })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new NotFoundError('token', id);
  }
}
