// The OpenAPI 3.1 document, generated from the routes' own zod schemas (route.ts): what validates a
// request is what the document describes, so the two cannot drift apart.
import { z } from 'zod';
import type { Registered } from './route.js';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType): JsonSchema => {
  const out = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  delete out.$schema;
  return out;
};

const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        issues: {
          type: 'array',
          items: {
            type: 'object',
            properties: { path: { type: 'string' }, message: { type: 'string' } },
          },
        },
        requestId: { type: 'string' },
      },
    },
  },
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

function parameters(schema: z.ZodType | undefined, where: 'query' | 'path'): JsonSchema[] {
  if (!schema) return [];
  const s = toSchema(schema);
  const props = (s.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((s.required as string[] | undefined) ?? []);
  return Object.entries(props).map(([name, prop]) => {
    const { description, ...rest } = prop;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

export function openApiDocument(routes: Registered[], info: { version: string }): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const status = String(r.success?.status ?? 200);
    const produces = r.success?.produces ?? ['application/json'];
    const responses: Record<string, unknown> = {
      [status]: {
        description: r.success?.description ?? 'OK',
        ...(status === '204' ? {} : { content: Object.fromEntries(produces.map((t) => [t, {}])) }),
      },
    };
    if (r.query || r.params || r.body)
      responses['400'] = errorResponse('invalid input: the error names the field');
    if (r.access !== 'public') responses['401'] = errorResponse('not logged in (or reads are private)');
    if (r.access === 'editor' || r.access === 'admin')
      responses['403'] = errorResponse(`needs the ${r.access} role, or the CSRF token is missing`);
    if (r.notFound) responses['404'] = errorResponse('no such record');
    const op: Record<string, unknown> = {
      summary: r.summary,
      tags: [r.tag],
      operationId: `${r.method.toLowerCase()}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
      responses,
    };
    if (r.body)
      op.requestBody = { required: true, content: { 'application/json': { schema: toSchema(r.body) } } };
    if (r.access !== 'public') op.security = [{ session: [] }, { token: [] }];
    (paths[path] ??= {})[r.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Docket API',
      version: info.version,
      description:
        'A sourced, geolocated record of conflict events and claims read from news reports. See docs/API.md.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Error: ERROR_SCHEMA },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'docket_session' },
        token: { type: 'http', scheme: 'bearer', description: 'an API token (dkt_…)' },
      },
    },
  };
}
