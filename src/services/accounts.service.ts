// User accounts: who may log in, with what role, and how a request proves who it is (a browser
// session or an API token). Secrets are never stored: passwords as scrypt hashes, sessions and tokens
// as SHA-256 digests of the random values handed out. The edges (HTTP, CLI) call this service only.
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { isRole, ROLES, type Principal, type User } from '../domain/accounts.js';
import { AuthenticationError, ConflictError, NotFoundError, ValidationError } from '../domain/errors.js';
import type { AccountStore, UserPatch, UserRecord } from '../ports/accounts.port.js';

/** scrypt cost: N = 2^15, r = 8, p = 1 needs 32 MiB per hash (memory-hard). Stored with each hash. */
const SCRYPT_N = 2 ** 15;
const SCRYPT_R = 8;
const SCRYPT_P = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 32;

/** What a stored hash may ask for: a corrupted or hostile string must not allocate gigabytes. */
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

const NAME = /^[A-Za-z0-9_.-]{2,64}$/;
const MIN_PASSWORD = 10;
const MAX_PASSWORD = 1024;
const MAX_TOKEN_NAME = 100;
/** lastUsedAt is written at most this often per token. */
const TOUCH_EVERY_MS = 60_000;
const TOKEN_PREFIX = 'dkt_';
/** Longer bearer or cookie values are not hashed, only refused (ours are 43 and 47 characters). */
const MAX_SECRET_LENGTH = 256;

const WRONG_CREDENTIALS = 'wrong user name or password';

const b64 = (buf: Buffer): string => buf.toString('base64url');
const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');
const secret = (): string => b64(randomBytes(32));

/** Bytes OpenSSL's scrypt needs for these parameters (B + V), plus room. */
const maxmemFor = (n: number, r: number, p: number): number => 128 * r * (n + p + 2) + 1024 * 1024;

function deriveKey(password: string, salt: Buffer, keylen: number, o: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keylen, o, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(password, salt, KEY_BYTES, {
    N: SCRYPT_N,
    r: SCRYPT_R,
    p: SCRYPT_P,
    maxmem: maxmemFor(SCRYPT_N, SCRYPT_R, SCRYPT_P),
  });
  return ['scrypt', SCRYPT_N, SCRYPT_R, SCRYPT_P, b64(salt), b64(key)].join('$');
}

/**
 * True when `password` matches `stored`. The parameters are read from the stored string, so hashes
 * made before a raise of the cost still verify. A malformed string is never a match.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const int = (x: string | undefined): number => (x && /^\d{1,8}$/.test(x) ? Number(x) : NaN);
  const [n, r, p] = [int(parts[1]), int(parts[2]), int(parts[3])];
  const powerOfTwo = n >= 2 && n <= MAX_N && (n & (n - 1)) === 0;
  if (!powerOfTwo || !(r >= 1 && r <= MAX_R) || !(p >= 1 && p <= MAX_P)) return false;
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const expected = Buffer.from(parts[5] ?? '', 'base64url');
  if (salt.length < 8 || expected.length < 16 || expected.length > 64) return false;
  const key = await deriveKey(password, salt, expected.length, { N: n, r, p, maxmem: maxmemFor(n, r, p) });
  return timingSafeEqual(key, expected);
}

/**
 * Checked against when the user name is unknown, so that a login takes as long whether or not the
 * name exists. Made with the current parameters; no password matches it.
 */
const DUMMY_HASH = [
  'scrypt',
  SCRYPT_N,
  SCRYPT_R,
  SCRYPT_P,
  b64(Buffer.alloc(SALT_BYTES, 0x5a)),
  b64(Buffer.alloc(KEY_BYTES, 0)),
].join('$');

const toUser = (u: UserRecord): User => ({
  id: u.id,
  name: u.name,
  role: u.role,
  disabled: u.disabled,
  createdAt: u.createdAt,
});

function invalid(path: string, message: string): ValidationError {
  return new ValidationError(`${path}: ${message}`, [{ path, message }]);
}

/** Throws a ValidationError naming `name` unless it is a valid user name (edges check before prompting). */
export function checkUserName(name: string): void {
  if (!NAME.test(name)) throw invalid('name', '2–64 characters, letters, digits, "_", "." or "-" only');
}

function checkPassword(password: string): void {
  const length = [...password].length;
  if (length < MIN_PASSWORD) throw invalid('password', `at least ${MIN_PASSWORD} characters`);
  if (length > MAX_PASSWORD) throw invalid('password', `at most ${MAX_PASSWORD} characters`);
}

/** Throws a ValidationError naming `role` unless it is viewer, editor or admin. */
export function checkRole(role: string): asserts role is UserRecord['role'] {
  if (!isRole(role))
    throw invalid('role', `"${role}" is not a role (${ROLES.slice(0, -1).join(', ')} or ${ROLES.at(-1)})`);
}

/** What `changeUser` may change; absent fields stay as they are. */
export interface UserChange {
  password?: string;
  role?: string;
  disabled?: boolean;
}

export interface AccountsServiceDeps {
  accounts: AccountStore;
  /** How long a browser session lasts. */
  sessionHours: number;
  /** Clock (tests). */
  now?: () => Date;
}

export interface LoginResult {
  user: User;
  /** The cookie value: handed out once, only its SHA-256 is stored. */
  sessionToken: string;
  /** The anti-CSRF token the browser echoes in X-CSRF-Token on writes. */
  csrf: string;
  expiresAt: string;
}

export interface TokenInfo {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export class AccountsService {
  private readonly store: AccountStore;
  private readonly sessionMs: number;
  private readonly now: () => Date;

  constructor(deps: AccountsServiceDeps) {
    this.store = deps.accounts;
    this.sessionMs = deps.sessionHours * 3_600_000;
    this.now = deps.now ?? (() => new Date());
  }

  private async record(name: string): Promise<UserRecord> {
    const u = await this.store.getUserByName(name);
    if (!u) throw new NotFoundError('user', name);
    return u;
  }

  async addUser(name: string, password: string, role: string): Promise<User> {
    checkUserName(name);
    checkPassword(password);
    checkRole(role);
    const at = this.now().toISOString();
    const user: UserRecord = {
      id: `usr_${randomBytes(8).toString('hex')}`,
      name,
      role,
      passwordHash: await hashPassword(password),
      disabled: false,
      createdAt: at,
      updatedAt: at,
    };
    // the store's unique index decides (ConflictError): two concurrent adds of one name cannot both win
    await this.store.createUser(user);
    return toUser(user);
  }

  /**
   * Changes a user's password, role and whether they may log in, all or nothing: every change is
   * checked first (password rules, role name, the last enabled admin), then written in one store
   * transaction. A new password or disabling ends the user's sessions (API tokens stay valid; a
   * disabled user's tokens are refused while it lasts).
   */
  async changeUser(name: string, change: UserChange): Promise<User> {
    if (change.password !== undefined) checkPassword(change.password);
    if (change.role !== undefined) checkRole(change.role);
    const u = await this.record(name);
    const next: UserRecord = {
      ...u,
      role: change.role ?? u.role,
      disabled: change.disabled ?? u.disabled,
    };
    if (next.role !== 'admin' || next.disabled) await this.keepAnAdmin(u);
    const patch: UserPatch = {};
    if (change.role !== undefined) patch.role = change.role;
    if (change.disabled !== undefined) patch.disabled = change.disabled;
    if (change.password !== undefined) patch.passwordHash = await hashPassword(change.password);
    if (Object.keys(patch).length === 0) return toUser(u);
    patch.updatedAt = this.now().toISOString();
    const endSessions = change.password !== undefined || change.disabled === true;
    await this.store.updateUser(u.id, patch, { endSessions });
    return toUser(next);
  }

  /** Sets a new password and ends the user's sessions (API tokens stay valid). */
  setPassword(name: string, password: string): Promise<User> {
    return this.changeUser(name, { password });
  }

  /** Refuses to take away the last enabled admin: nobody could manage users after it. */
  private async keepAnAdmin(u: UserRecord): Promise<void> {
    if (u.role !== 'admin' || u.disabled) return;
    const admins = (await this.store.listUsers()).filter((x) => x.role === 'admin' && !x.disabled);
    if (admins.length <= 1)
      throw new ConflictError(`${u.name} is the last enabled admin: make another admin first`);
  }

  setRole(name: string, role: string): Promise<User> {
    return this.changeUser(name, { role });
  }

  /** Disabling ends the user's sessions; a disabled user's tokens are refused while it lasts. */
  setDisabled(name: string, disabled: boolean): Promise<User> {
    return this.changeUser(name, { disabled });
  }

  async listUsers(): Promise<User[]> {
    return (await this.store.listUsers()).map(toUser);
  }

  async getUser(name: string): Promise<User> {
    return toUser(await this.record(name));
  }

  async login(name: string, password: string): Promise<LoginResult> {
    const u = await this.store.getUserByName(name);
    // one scrypt run whatever happens, so the time taken does not tell which names exist
    const ok = await verifyPassword(password, u?.passwordHash ?? DUMMY_HASH);
    if (!u || !ok || u.disabled) throw new AuthenticationError(WRONG_CREDENTIALS);
    const now = this.now();
    await this.store.deleteExpiredSessions(now.toISOString());
    const sessionToken = secret();
    const csrf = secret();
    const expiresAt = new Date(now.getTime() + this.sessionMs).toISOString();
    await this.store.createSession({
      idHash: sha256(sessionToken),
      userId: u.id,
      csrf,
      createdAt: now.toISOString(),
      expiresAt,
    });
    return { user: toUser(u), sessionToken, csrf, expiresAt };
  }

  /** Who a session cookie belongs to; null when unknown, expired (then deleted) or the user is disabled. */
  async principalFromSession(sessionToken: string): Promise<Principal | null> {
    if (!sessionToken || sessionToken.length > MAX_SECRET_LENGTH) return null;
    const idHash = sha256(sessionToken);
    const s = await this.store.getSession(idHash);
    if (!s) return null;
    if (Date.parse(s.expiresAt) <= this.now().getTime()) {
      await this.store.deleteSession(idHash);
      return null;
    }
    const u = await this.store.getUser(s.userId);
    if (!u || u.disabled) return null;
    return { kind: 'session', user: toUser(u), csrf: s.csrf, sessionHash: idHash };
  }

  async logout(sessionToken: string): Promise<void> {
    if (!sessionToken || sessionToken.length > MAX_SECRET_LENGTH) return;
    await this.store.deleteSession(sha256(sessionToken));
  }

  /** A new API token for the user; the value is returned once, only its SHA-256 is stored. */
  async createToken(userName: string, label: string): Promise<{ id: string; name: string; token: string }> {
    const name = label.trim();
    if (!name || [...name].length > MAX_TOKEN_NAME)
      throw invalid('name', `a token name is 1–${MAX_TOKEN_NAME} characters`);
    const u = await this.record(userName);
    const token = `${TOKEN_PREFIX}${secret()}`;
    const id = `tok_${randomBytes(8).toString('hex')}`;
    await this.store.createToken({
      id,
      tokenHash: sha256(token),
      userId: u.id,
      name,
      createdAt: this.now().toISOString(),
      lastUsedAt: null,
      revokedAt: null,
    });
    return { id, name, token };
  }

  /** Who a bearer token belongs to; null when unknown, revoked or the user is disabled. */
  async principalFromToken(bearer: string): Promise<Principal | null> {
    if (!bearer.startsWith(TOKEN_PREFIX) || bearer.length > MAX_SECRET_LENGTH) return null;
    const t = await this.store.getTokenByHash(sha256(bearer));
    if (!t || t.revokedAt !== null) return null;
    const u = await this.store.getUser(t.userId);
    if (!u || u.disabled) return null;
    const now = this.now();
    if (t.lastUsedAt === null || now.getTime() - Date.parse(t.lastUsedAt) >= TOUCH_EVERY_MS)
      await this.store.touchToken(t.id, now.toISOString());
    return { kind: 'token', user: toUser(u), tokenId: t.id };
  }

  async listTokens(userName: string): Promise<TokenInfo[]> {
    const u = await this.record(userName);
    return (await this.store.listTokens(u.id)).map((t) => ({
      id: t.id,
      name: t.name,
      createdAt: t.createdAt,
      lastUsedAt: t.lastUsedAt,
      revokedAt: t.revokedAt,
    }));
  }

  /** Revokes one of the user's tokens (NotFoundError when it is not theirs); revoking twice is harmless. */
  async revokeToken(userName: string, tokenId: string): Promise<void> {
    const u = await this.record(userName);
    const tokens = await this.store.listTokens(u.id);
    if (!tokens.some((t) => t.id === tokenId)) throw new NotFoundError('token', tokenId);
    await this.store.revokeToken(tokenId, this.now().toISOString());
  }
}
