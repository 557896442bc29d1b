// The HTTP edge: routes parse input, call storage or a service, render JSON. Errors are mapped once,
// here, by class; server errors are logged with the request id and never leak a stack trace.
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { App } from '../app.js';
import { ConfigError, DocketError, InputError, NotFoundError, ValidationError } from '../domain/errors.js';
import { EXPORT_FORMATS, EXPORT_MEDIA, type ExportFormat } from '../services/export.service.js';
import { basemapGeoJson } from './basemap.js';
import { parseClaimFilter, parseEventFilter, parseIncidentFilter, parsePage } from './query.js';

export const WEB_ROOT = fileURLToPath(new URL('../../src/web/public/', import.meta.url));

type Query = Record<string, unknown>;

function statusOf(e: DocketError): number {
  if (e instanceof ValidationError || e instanceof InputError) return 400;
  if (e instanceof NotFoundError) return 404;
  if (e instanceof ConfigError) return 500;
  return 409;
}

/** How far event lists count their matches before reporting "at least this many". */
export const LIST_COUNT_CAP = 1_000;

export async function buildServer(
  app: Pick<App, 'storage' | 'exports' | 'log'> & Partial<Pick<App, 'incidents'>>,
): Promise<FastifyInstance> {
  const server = Fastify({
    logger: false,
    bodyLimit: 1024 * 1024,
    genReqId: () => randomUUID(),
  });
  const log = app.log.child('http');

  server.addHook('onSend', async (_req, reply, payload) => {
    reply.header(
      'Content-Security-Policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'",
    );
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
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
      return reply
        .status(statusOf(err))
        .send({ error: { code: err.code, message: err.message, ...(issues ? { issues } : {}) } });
    }
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      return reply.status(status).send({ error: { code: 'bad_request', message: (err as Error).message } });
    }
    log.error('request failed', {
      requestId: req.id,
      url: req.url,
      error: (err as Error).message,
      stack: (err as Error).stack,
    });
    return reply
      .status(500)
      .send({ error: { code: 'internal', message: `internal error (request ${req.id})` } });
  });

  server.setNotFoundHandler((req, reply) => {
    reply
      .status(404)
      .send({ error: { code: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` } });
  });

  const { storage } = app;
  const incidentSummary = async (eventId: string) => {
    const incident = app.incidents ? (await app.incidents.incidentsOfEvents([eventId]))[0] : undefined;
    if (!incident) return null;
    return {
      id: incident.id,
      status: incident.status,
      grade: incident.grade,
      admiralty: incident.admiralty,
      reports: incident.members.length,
      independentSources: incident.independentSources,
      fatalities: incident.resolved.fatalities,
      members: incident.members.map((m) => ({
        eventId: m.eventId,
        outlet: m.outlet,
        published: m.published,
        fatalities: m.fatalities,
        score: m.score,
        reasons: m.reasons,
      })),
    };
  };

  server.get('/api/health', async () => ({ ok: true, ...(await storage.stats()) }));

  server.get('/api/events', async (req) => {
    const q = req.query as Query;
    // Totals are counted up to LIST_COUNT_CAP: past it the page says totalExact: false.
    return storage.listEvents(parseEventFilter(q), { ...parsePage(q), countUpTo: LIST_COUNT_CAP });
  });

  server.get('/api/events/:id', async (req) => {
    const { id } = req.params as { id: string };
    const event = await storage.getEvent(id);
    if (!event) throw new NotFoundError('event', id);
    const [source, claims] = await Promise.all([
      storage.getSource(event.sourceId),
      storage.listClaims({ sourceId: event.sourceId }, { limit: 1000, offset: 0 }),
    ]);
    return {
      ...event,
      source: source && {
        id: source.id,
        title: source.title,
        outlet: source.outlet,
        url: source.url,
        published: source.published,
        sha256: source.sha256,
        text: source.text,
      },
      claims: claims.items.filter((c) => c.eventIds.includes(event.id) || event.claimIds.includes(c.id)),
      // the incident this report's event belongs to: the event as all reports tell it, graded
      incident: await incidentSummary(event.id),
    };
  });

  server.get('/api/claims', async (req) => {
    const q = req.query as Query;
    return storage.listClaims(parseClaimFilter(q), parsePage(q));
  });

  server.get('/api/sources', async (req) => {
    const q = req.query as Query;
    const text = typeof q.q === 'string' && q.q ? q.q : undefined;
    const outlet = typeof q.outlet === 'string' && q.outlet ? q.outlet : undefined;
    return storage.listSources({ q: text, outlet }, parsePage(q));
  });

  server.get('/api/sources/:id', async (req) => {
    const { id } = req.params as { id: string };
    const source = await storage.getSource(id);
    if (!source) throw new NotFoundError('source', id);
    return source;
  });

  server.get('/api/timeline', async (req) => ({
    buckets: await storage.timeline(parseEventFilter(req.query as Query)),
  }));

  server.get('/api/facets', async () => storage.facets());

  // Incidents and their history (read-only here: review actions come with accounts, issue #6).
  const incidents = app.incidents;
  if (incidents) {
    server.get('/api/incidents', async (req) => {
      const q = req.query as Query;
      const f = parseIncidentFilter(q);
      return incidents.listIncidents(f, parsePage(q));
    });
    server.get('/api/incidents/:id', async (req) => {
      const { id } = req.params as { id: string };
      const incident = await incidents.getIncident(id);
      if (!incident) throw new NotFoundError('incident', id);
      const history = await incidents.history(id, { limit: 200, offset: 0 });
      return { ...incident, history: history.items };
    });
    server.get('/api/history', async (req) => {
      const q = req.query as Query;
      const subject = typeof q.incident === 'string' && q.incident ? q.incident : null;
      return incidents.history(subject, parsePage(q));
    });
  }

  server.get('/api/basemap', async (_req, reply) => {
    reply.header('Cache-Control', 'public, max-age=86400').type('application/geo+json');
    return basemapGeoJson();
  });

  server.get('/api/export', async (req, reply) => {
    const q = req.query as Query;
    const format = typeof q.format === 'string' ? q.format : '';
    if (!EXPORT_FORMATS.includes(format as ExportFormat)) {
      throw new ValidationError(`invalid query: format: expected one of ${EXPORT_FORMATS.join(', ')}`, [
        { path: 'format', message: `expected one of ${EXPORT_FORMATS.join(', ')}` },
      ]);
    }
    const filter = parseEventFilter({ ...q, format: undefined });
    const media = EXPORT_MEDIA[format as ExportFormat];
    reply.header('Content-Type', media.type);
    reply.header('Content-Disposition', `attachment; filename="docket-events.${media.ext}"`);
    return reply.send(Readable.from(app.exports.export(format as ExportFormat, filter)));
  });

  await server.register(fastifyStatic, { root: WEB_ROOT, prefix: '/', index: ['index.html'] });
  return server;
}
