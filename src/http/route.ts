// Routes are declared once, with zod schemas for their query, path and body: the same declaration
// validates each request (errors name the field), checks access, and becomes the route's entry in the
// OpenAPI document (openapi.ts). Handlers get parsed input and the caller; they never see raw strings.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Principal } from '../domain/accounts.js';
import type { Access, Authenticator } from './auth.js';
import { clean, parse } from './query.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteContext<Q, P, B> {
  req: FastifyRequest;
  reply: FastifyReply;
  query: Q;
  params: P;
  body: B;
  principal: Principal;
}

export interface RouteSpec<Q = unknown, P = unknown, B = unknown> {
  method: Method;
  /** Fastify style: /api/events/:id */
  url: string;
  summary: string;
  tag: string;
  access: Access;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  body?: z.ZodType<B>;
  /** Status → description of a success response; `produces` lists its media types (JSON by default). */
  success?: { status?: number; description: string; produces?: string[] };
  /** Whether the route can answer 404 for its path parameters. */
  notFound?: boolean;
  handler: (ctx: RouteContext<Q, P, B>) => Promise<unknown>;
}

/** Route specs as registered, for the OpenAPI document. */
export type Registered = Omit<RouteSpec, 'handler'>;

export class Api {
  readonly routes: Registered[] = [];

  constructor(
    private readonly server: FastifyInstance,
    private readonly auth: Authenticator,
  ) {}

  route<Q = undefined, P = undefined, B = undefined>(spec: RouteSpec<Q, P, B>): void {
    const { handler: run, ...described } = spec;
    this.routes.push(described);
    this.server.route({
      method: spec.method,
      url: spec.url,
      handler: async (req, reply) => {
        const principal = await this.auth.principal(req);
        this.auth.check(req, principal, spec.access);
        const params = (spec.params ? parse(spec.params, req.params, 'path') : undefined) as P;
        const query = (
          spec.query ? parse(spec.query, clean(req.query as Record<string, unknown>), 'query') : undefined
        ) as Q;
        const body = (spec.body ? parse(spec.body, req.body ?? {}, 'body') : undefined) as B;
        const out = await run({ req, reply, query, params, body, principal });
        if (spec.success?.status) reply.status(spec.success.status);
        return out;
      },
    });
  }
}

/** Path parameters every `/:id` route takes. */
export const idParams = z.object({ id: z.string().min(1).max(300) });
