// The OpenAPI document is built from the routes' own schemas: a parameter a route validates is a
// parameter the document lists, with the same constraints.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Authenticator } from './auth.js';
import { openApiDocument } from './openapi.js';
import { Api } from './route.js';

type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
        requestBody?: { content: Record<string, { schema: { required?: string[] } }> };
        responses: Record<string, unknown>;
        security?: unknown[];
      }
    >
  >;
};

function documentOf(register: (api: Api) => void): Doc {
  const api = new Api(Fastify(), new Authenticator(undefined, true));
  register(api);
  return openApiDocument(api.routes, { version: '9.9.9' }) as Doc;
}

describe('openApiDocument', () => {
  const doc = documentOf((api) => {
    api.route({
      method: 'GET',
      url: '/api/things',
      summary: 'things',
      tag: 't',
      access: 'read',
      query: z.object({
        limit: z.coerce.number().int().min(1).max(10).default(5),
        kind: z.enum(['a', 'b']).optional().describe('which kind'),
        flag: z
          .enum(['true', 'false'])
          .transform((v) => v === 'true')
          .optional(),
      }),
      handler: () => Promise.resolve([]),
    });
    api.route({
      method: 'POST',
      url: '/api/things/:id/poke',
      summary: 'poke',
      tag: 't',
      access: 'editor',
      params: z.object({ id: z.string().min(1) }),
      body: z.object({ why: z.string().optional(), times: z.number().int() }),
      notFound: true,
      handler: () => Promise.resolve({}),
    });
  });

  it('lists query parameters with the constraints the validator applies (input side of transforms)', () => {
    const op = doc.paths['/api/things']!.get!;
    expect(doc.openapi).toBe('3.1.0');
    const byName = Object.fromEntries(op.parameters.map((p) => [p.name, p]));
    expect(byName.limit).toMatchObject({
      in: 'query',
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: 10, default: 5 },
    });
    expect(byName.kind).toMatchObject({ description: 'which kind', schema: { enum: ['a', 'b'] } });
    expect(byName.flag?.schema).toMatchObject({ type: 'string', enum: ['true', 'false'] });
    expect(Object.keys(op.responses).sort()).toEqual(['200', '400', '401']);
  });

  it('turns :id into {id}, a required path parameter, with the body schema and the error responses', () => {
    const op = doc.paths['/api/things/{id}/poke']!.post!;
    expect(op.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
    expect(op.requestBody?.content['application/json']?.schema.required).toEqual(['times']);
    expect(Object.keys(op.responses).sort()).toEqual(['200', '400', '401', '403', '404']);
    expect(op.security).toEqual([{ session: [] }, { token: [] }]);
  });
});
