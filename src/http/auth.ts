// Who is asking, and may they: the HTTP edge's access control. A request proves who it is with an
// API token (Authorization: Bearer dkt_…) or a browser session cookie; writes made with a cookie must
// echo the session's CSRF token. Failed logins are limited per user name and per address.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { roleAllows, type Principal, type Role, type User } from '../domain/accounts.js';
import { AuthenticationError, ForbiddenError, TooManyAttemptsError } from '../domain/errors.js';

export const SESSION_COOKIE = 'docket_session';
export const CSRF_HEADER = 'x-csrf-token';

/** What a route needs: nothing, read access (public or any user), any user, or a role. */
export type Access = 'public' | 'read' | 'user' | Exclude<Role, 'viewer'>;

/** The parts of the accounts service the HTTP edge uses. */
export interface AccountsApi {
  login(
    name: string,
    password: string,
  ): Promise<{ user: User; sessionToken: string; csrf: string; expiresAt: string }>;
  logout(sessionToken: string): Promise<void>;
  principalFromSession(sessionToken: string): Promise<Principal | null>;
  principalFromToken(bearer: string): Promise<Principal | null>;
}

const principals = new WeakMap<FastifyRequest, Principal>();

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class Authenticator {
  constructor(
    private readonly accounts: AccountsApi | undefined,
    private readonly publicReads: boolean,
  ) {}

  /** Who the request is. A bad bearer token is an error; a stale cookie is just anonymous. */
  async principal(req: FastifyRequest): Promise<Principal> {
    const known = principals.get(req);
    if (known) return known;
    let p: Principal = { kind: 'anonymous' };
    const header = req.headers.authorization;
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      if (!m?.[1]) throw new AuthenticationError('Authorization: expected "Bearer <token>"');
      const found = this.accounts ? await this.accounts.principalFromToken(m[1]) : null;
      if (!found) throw new AuthenticationError('Authorization: the API token is unknown or revoked');
      p = found;
    } else {
      const cookie = req.cookies[SESSION_COOKIE];
      if (cookie && this.accounts) p = (await this.accounts.principalFromSession(cookie)) ?? p;
    }
    principals.set(req, p);
    return p;
  }

  /** Throws unless the principal may use a route needing `access` (and, for cookie writes, sent the CSRF token). */
  check(req: FastifyRequest, p: Principal, access: Access): void {
    if (access === 'public') return;
    if (access === 'read' && this.publicReads) return;
    if (p.kind === 'anonymous')
      throw new AuthenticationError(
        access === 'read' ? 'this deployment does not make its record public: log in' : undefined,
      );
    if (access !== 'read' && access !== 'user' && !roleAllows(p.user.role, access))
      throw new ForbiddenError(`${p.user.name} is a ${p.user.role}: this needs the ${access} role`);
    this.checkCsrf(req, p);
  }

  /** Writes made with a session cookie carry the session's token in X-CSRF-Token. */
  checkCsrf(req: FastifyRequest, p: Principal): void {
    if (p.kind !== 'session' || ['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return;
    const sent = req.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !same(sent, p.csrf))
      throw new ForbiddenError('missing or wrong X-CSRF-Token header (GET /api/session gives it)', 'csrf');
  }

  get readsArePublic(): boolean {
    return this.publicReads;
  }
}

export function setSessionCookie(
  req: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: string,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: req.protocol === 'https',
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/**
 * Failed logins in a sliding window, per user name and per address: after `perUser` failures for a name,
 * or `perAddress` from one address (higher: many people may share one), within `windowMs`, further
 * attempts are refused until the oldest failure leaves the window. In memory: each server process keeps
 * its own count.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly perUser: number;
  private readonly perAddress: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(opts: { perUser?: number; perAddress?: number; windowMs?: number; now?: () => number } = {}) {
    this.perUser = opts.perUser ?? 5;
    this.perAddress = opts.perAddress ?? 50;
    this.windowMs = opts.windowMs ?? 15 * 60_000;
    this.now = opts.now ?? Date.now;
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  private keys(user: string, address: string): [string, number][] {
    return [
      [`user:${user.toLowerCase()}`, this.perUser],
      [`addr:${address}`, this.perAddress],
    ];
  }

  /** Throws TooManyAttemptsError when the name or the address is locked out. */
  check(user: string, address: string): void {
    for (const [key, max] of this.keys(user, address)) {
      const times = this.recent(key);
      if (times.length >= max) {
        const wait = times[times.length - max]! + this.windowMs - this.now();
        throw new TooManyAttemptsError(Math.max(1, Math.ceil(wait / 1000)));
      }
    }
  }

  fail(user: string, address: string): void {
    for (const [key] of this.keys(user, address)) this.failures.set(key, [...this.recent(key), this.now()]);
    // a flood of distinct names must not grow the map without bound: forget the oldest keys
    if (this.failures.size > 100_000)
      for (const k of [...this.failures.keys()].slice(0, 50_000)) this.failures.delete(k);
  }

  /** A successful login clears the name's failures (not the address's). */
  succeed(user: string): void {
    this.failures.delete(`user:${user.toLowerCase()}`);
  }
}
