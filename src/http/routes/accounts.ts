// Logging in and out, API tokens, and (for admins) users.
import { z } from 'zod';
import { ROLES, type Principal, type User } from '../../domain/accounts.js';
import { AuthenticationError } from '../../domain/errors.js';
import {
  clearSessionCookie,
  LoginLimiter,
  setSessionCookie,
  SESSION_COOKIE,
  type AccountsApi,
  type Authenticator,
} from '../auth.js';
import type { Api } from '../route.js';

/** The accounts service as the account routes use it. */
export interface AccountsAdmin extends AccountsApi {
  createToken(userName: string, label: string): Promise<{ id: string; name: string; token: string }>;
  listTokens(
    userName: string,
  ): Promise<
    { id: string; name: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null }[]
  >;
  revokeToken(userName: string, tokenId: string): Promise<void>;
  listUsers(): Promise<User[]>;
  addUser(name: string, password: string, role: string): Promise<User>;
  getUser(name: string): Promise<User>;
  /** All or nothing: every change is checked before any is written. */
  changeUser(name: string, change: { password?: string; role?: string; disabled?: boolean }): Promise<User>;
}

const publicUser = (u: User) => ({
  id: u.id,
  name: u.name,
  role: u.role,
  disabled: u.disabled,
  createdAt: u.createdAt,
});

function userOf(p: Principal): User {
  if (p.kind === 'anonymous') throw new AuthenticationError();
  return p.user;
}

export function accountRoutes(
  api: Api,
  deps: { accounts: AccountsAdmin; auth: Authenticator; limiter?: LoginLimiter },
): void {
  const { accounts, auth } = deps;
  const limiter = deps.limiter ?? new LoginLimiter();

  api.route({
    method: 'GET',
    url: '/api/session',
    summary: 'Who is logged in, the CSRF token for writes, and whether reads are public',
    tag: 'accounts',
    access: 'public',
    handler: ({ principal }) =>
      Promise.resolve({
        user: principal.kind === 'anonymous' ? null : publicUser(principal.user),
        csrf: principal.kind === 'session' ? principal.csrf : null,
        publicReads: auth.readsArePublic,
      }),
  });

  api.route({
    method: 'POST',
    url: '/api/session',
    summary: 'Log in: sets the session cookie',
    tag: 'accounts',
    access: 'public',
    body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(1024) }),
    success: { description: '{ user, csrf }' },
    handler: async ({ body, req, reply }) => {
      limiter.check(body.username, req.ip);
      try {
        const s = await accounts.login(body.username, body.password);
        limiter.succeed(body.username);
        setSessionCookie(req, reply, s.sessionToken, s.expiresAt);
        return { user: publicUser(s.user), csrf: s.csrf };
      } catch (e) {
        if (e instanceof AuthenticationError) limiter.fail(body.username, req.ip);
        throw e;
      }
    },
  });

  api.route({
    method: 'DELETE',
    url: '/api/session',
    summary: 'Log out: ends the session',
    tag: 'accounts',
    access: 'user',
    success: { status: 204, description: 'logged out' },
    handler: async ({ req, reply }) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await accounts.logout(token);
      clearSessionCookie(reply);
      return reply.status(204).send();
    },
  });

  api.route({
    method: 'GET',
    url: '/api/tokens',
    summary: 'Your API tokens (never their values)',
    tag: 'accounts',
    access: 'user',
    handler: async ({ principal }) => ({ items: await accounts.listTokens(userOf(principal).name) }),
  });

  api.route({
    method: 'POST',
    url: '/api/tokens',
    summary: 'Make an API token for scripts (the value is shown once)',
    tag: 'accounts',
    access: 'user',
    body: z.object({ name: z.string().min(1).max(100) }),
    success: { status: 201, description: '{ id, name, token }' },
    handler: ({ principal, body }) => accounts.createToken(userOf(principal).name, body.name),
  });

  api.route({
    method: 'DELETE',
    url: '/api/tokens/:id',
    summary: 'Revoke one of your API tokens',
    tag: 'accounts',
    access: 'user',
    params: z.object({ id: z.string().min(1).max(100) }),
    notFound: true,
    success: { status: 204, description: 'revoked' },
    handler: async ({ principal, params, reply }) => {
      await accounts.revokeToken(userOf(principal).name, params.id);
      return reply.status(204).send();
    },
  });

  api.route({
    method: 'GET',
    url: '/api/users',
    summary: 'Users',
    tag: 'accounts',
    access: 'admin',
    handler: async () => ({ items: (await accounts.listUsers()).map(publicUser) }),
  });

  api.route({
    method: 'POST',
    url: '/api/users',
    summary: 'Add a user',
    tag: 'accounts',
    access: 'admin',
    body: z.object({
      name: z.string().min(1).max(64),
      password: z.string().min(1).max(1024),
      role: z.enum(ROLES),
    }),
    success: { status: 201, description: 'the user' },
    handler: async ({ body }) => publicUser(await accounts.addUser(body.name, body.password, body.role)),
  });

  api.route({
    method: 'PATCH',
    url: '/api/users/:name',
    summary: "Change a user's role, password or whether they may log in",
    tag: 'accounts',
    access: 'admin',
    params: z.object({ name: z.string().min(1).max(64) }),
    body: z.object({
      role: z.enum(ROLES).optional(),
      password: z.string().min(1).max(1024).optional(),
      disabled: z.boolean().optional(),
    }),
    notFound: true,
    // all or nothing: a refused change (the last admin, a short password) leaves the others unwritten
    handler: async ({ params, body }) => publicUser(await accounts.changeUser(params.name, body)),
  });
}
