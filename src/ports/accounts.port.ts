// Accounts as services see them: users with a role, browser sessions and API tokens. Secrets are never
// stored: sessions and tokens are kept as SHA-256 digests of the random value handed to the user, and
// passwords as memory-hard (scrypt) hashes made by the accounts service.
import type { Role } from '../domain/accounts.js';

export interface UserRecord {
  id: string;
  name: string;
  role: Role;
  /** "scrypt$N$r$p$salt$hash" (base64url parts), made by the accounts service. */
  passwordHash: string;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface SessionRecord {
  /** SHA-256 (hex) of the cookie value. */
  idHash: string;
  userId: string;
  /** The anti-CSRF token the browser must echo in X-CSRF-Token on writes. */
  csrf: string;
  createdAt: string;
  expiresAt: string;
}

export interface TokenRecord {
  id: string;
  /** SHA-256 (hex) of the token value. */
  tokenHash: string;
  userId: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export type UserPatch = Partial<Pick<UserRecord, 'role' | 'passwordHash' | 'disabled' | 'updatedAt'>>;

export interface AccountStore {
  /** Throws ConflictError when a user of that name (in any case) or that id exists. */
  createUser(user: UserRecord): Promise<void>;
  getUser(id: string): Promise<UserRecord | null>;
  /** Names compare without regard to (ASCII) case. */
  getUserByName(name: string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;
  /**
   * Changes the given fields and, with `endSessions`, ends the user's sessions in the same transaction;
   * throws NotFoundError for an unknown id (and changes nothing).
   */
  updateUser(id: string, patch: UserPatch, options?: { endSessions?: boolean }): Promise<void>;
  countUsers(): Promise<number>;

  createSession(session: SessionRecord): Promise<void>;
  getSession(idHash: string): Promise<SessionRecord | null>;
  deleteSession(idHash: string): Promise<void>;
  /** Ends every session of a user (password change, disable). */
  deleteSessionsOf(userId: string): Promise<number>;
  deleteExpiredSessions(now: string): Promise<number>;

  createToken(token: TokenRecord): Promise<void>;
  getTokenByHash(tokenHash: string): Promise<TokenRecord | null>;
  listTokens(userId: string): Promise<TokenRecord[]>;
  touchToken(id: string, at: string): Promise<void>;
  /** Keeps the first revocation time when revoked again; throws NotFoundError for an unknown id. */
  revokeToken(id: string, at: string): Promise<void>;
}
