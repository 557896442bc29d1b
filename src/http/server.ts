// The HTTP edge: routes parse input, call storage or a service, render JSON. Errors are mapped once,
// here, by class; server errors are logged with the request id and never leak a stack trace.
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App } from '../app.js';
import {
  AuthenticationError,
  ConfigError,
  DocketError,
  ForbiddenError,
  InputError,
  NotFoundError,
  TooManyAttemptsError,
  ValidationError,
} from '../domain/errors.js';
import { Authenticator, LoginLimiter } from './auth.js';
import { openApiDocument } from './openapi.js';
import { Api } from './route.js';
import { accountRoutes, type AccountsAdmin } from './routes/accounts.js';
import { recordRoutes } from './routes/records.js';
import { reviewRoutes } from './routes/review.js';

export { LIST_COUNT_CAP } from './routes/records.js';

/** The built web UI (`vite build` writes it): the same folder whether this file runs from src/ or dist/. */
export const WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

const PKG_VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

const CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

function statusOf(e: DocketError): number {
  if (e instanceof ValidationError || e instanceof InputError) return 400;
  if (e instanceof AuthenticationError) return 401;
  if (e instanceof ForbiddenError) return 403;
  if (e instanceof NotFoundError) return 404;
  if (e instanceof TooManyAttemptsError) return 429;
  if (e instanceof ConfigError) return 500;
  return 409;
}

/** Codes for the errors fastify itself raises (body too large, wrong media type, bad JSON). */
function codeOfStatus(status: number): string {
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status === 404) return 'not_found';
  return 'bad_request';
}

export type ServerDeps = Pick<App, 'storage' | 'exports' | 'log'> &
  Partial<Pick<App, 'incidents' | 'review'>> & {
    accounts?: AccountsAdmin | undefined;
    /** Whether anonymous users may read (default true). */
    publicReads?: boolean | undefined;
    limiter?: LoginLimiter | undefined;
    /** The deployment's settings as an admin may see them (no secrets). */
    settings?: (() => unknown) | undefined;
    /** Request body limit in bytes (default 1 MiB). */
    bodyLimit?: number | undefined;
  };

export async function buildServer(app: ServerDeps): Promise<FastifyInstance> {
  const server = Fastify({
    logger: false,
    bodyLimit: app.bodyLimit ?? 1024 * 1024,
    genReqId: () => randomUUID(),
    // behind a reverse proxy, set trustProxy in front of it; the limiter keys on req.ip
  });
  const log = app.log.child('http');
  // Only JSON bodies: a cross-site form can post text/plain without a preflight, never application/json.
  server.removeContentTypeParser('text/plain');
  await server.register(fastifyCookie);

  server.addHook('onSend', async (_req, reply, payload) => {
    reply.header('Content-Security-Policy', CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
    reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    return payload;
  });
  server.addHook('onResponse', async (req, reply) => {
    log.debug('request', {
      requestId: req.id,
      method: req.method,
      url: req.url,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    });
  });

  server.setErrorHandler((err, req, reply) => {
    if (err instanceof DocketError) {
      const issues = err instanceof ValidationError ? err.issues : undefined;
      if (err instanceof TooManyAttemptsError) reply.header('Retry-After', String(err.retryAfterSeconds));
      if (
        err instanceof AuthenticationError ||
        err instanceof ForbiddenError ||
        err instanceof TooManyAttemptsError
      )
        log.info('refused', { requestId: req.id, url: req.url, code: err.code, ip: req.ip });
      return reply.status(statusOf(err)).send({
        error: { code: err.code, message: err.message, ...(issues ? { issues } : {}), requestId: req.id },
      });
    }
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      return reply
        .status(status)
        .send({ error: { code: codeOfStatus(status), message: (err as Error).message, requestId: req.id } });
    }
    log.error('request failed', {
      requestId: req.id,
      url: req.url,
      error: (err as Error).message,
      stack: (err as Error).stack,
    });
    return reply.status(500).send({
      error: { code: 'internal', message: `internal error (request ${req.id})`, requestId: req.id },
    });
  });

  // whether the web UI is built (npm run build); without it, unknown paths are JSON 404s like the API's
  const hasPage = existsSync(join(WEB_ROOT, 'index.html'));
  server.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    // the web UI's own routes (/events/…, /review) load the page; unknown API routes are JSON 404s
    if (req.method === 'GET' && !path.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(path) && hasPage)
      return reply.sendFile('index.html');
    return reply
      .status(404)
      .send({ error: { code: 'not_found', message: `no route ${req.method} ${path}`, requestId: req.id } });
  });

  const auth = new Authenticator(app.accounts, app.publicReads ?? true);
  const api = new Api(server, auth);
  recordRoutes(api, { storage: app.storage, exports: app.exports, incidents: app.incidents });
  if (app.incidents) reviewRoutes(api, { incidents: app.incidents, review: app.review });
  if (app.accounts) accountRoutes(api, { accounts: app.accounts, auth, limiter: app.limiter });
  const settings = app.settings;
  if (settings)
    api.route({
      method: 'GET',
      url: '/api/settings',
      summary: 'The settings in force, their defaults and meanings (database passwords hidden)',
      tag: 'accounts',
      access: 'admin',
      handler: () => Promise.resolve(settings()),
    });

  const document = openApiDocument(api.routes, { version: PKG_VERSION });
  server.get('/api/openapi.json', () => Promise.resolve(document));

  await server.register(fastifyStatic, {
    root: WEB_ROOT,
    prefix: '/',
    index: ['index.html'],
    cacheControl: false,
    // Vite names built assets by content hash: they never change; the page itself is always revalidated
    setHeaders: (res, path) => {
      res.setHeader(
        'Cache-Control',
        path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  return server;
}
