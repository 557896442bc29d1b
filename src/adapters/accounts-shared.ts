// Row shapes of the accounts tables and their mapping to records, shared by the SQLite and PostgreSQL
// adapters (their columns are the same; only how a boolean is stored differs).
import type { Role } from '../domain/accounts.js';
import type { SessionRecord, TokenRecord, UserRecord } from '../ports/accounts.port.js';

export interface UserRow {
  id: string;
  name: string;
  role: string;
  password_hash: string;
  /** SQLite stores 0/1, PostgreSQL a boolean. */
  disabled: boolean | number;
  created_at: string;
  updated_at: string;
}

export interface SessionRow {
  id_hash: string;
  user_id: string;
  csrf: string;
  created_at: string;
  expires_at: string;
}

export interface TokenRow {
  id: string;
  token_hash: string;
  user_id: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export const toUser = (r: UserRow): UserRecord => ({
  id: r.id,
  name: r.name,
  role: r.role as Role,
  passwordHash: r.password_hash,
  disabled: r.disabled === true || r.disabled === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const toSession = (r: SessionRow): SessionRecord => ({
  idHash: r.id_hash,
  userId: r.user_id,
  csrf: r.csrf,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
});

export const toToken = (r: TokenRow): TokenRecord => ({
  id: r.id,
  tokenHash: r.token_hash,
  userId: r.user_id,
  name: r.name,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});
