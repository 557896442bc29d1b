// Reading the record: events (JSON, GeoJSON or CSV pages), the map's clusters, the timeline, claims,
// sources, reports, actors, places, exports.
import { Readable } from 'node:stream';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../../domain/errors.js';
import type { StoredEvent } from '../../domain/types.js';
import type { EventCursor, Storage } from '../../ports/storage.port.js';
import {
  EXPORT_FORMATS,
  EXPORT_MEDIA,
  type ExportService,
  type ExportFormat,
} from '../../services/export.service.js';
import type { IncidentStore } from '../../ports/incident.port.js';
import { basemapGeoJson } from '../basemap.js';
import {
  claimFilterSchema,
  eventFilterSchema,
  eventFilterShape,
  pageSchema,
  toEventFilter,
} from '../query.js';
import { idParams, type Api } from '../route.js';

/** How far event lists count their matches before reporting "at least this many". */
export const LIST_COUNT_CAP = 1_000;

const inOrder = (f: { from?: string | undefined; to?: string | undefined }): boolean =>
  !f.from || !f.to || f.from <= f.to;
const datesInOrder = { message: 'from is after to', path: ['from'] };

const eventListQuery = z
  .object({
    ...eventFilterShape,
    ...pageSchema.shape,
    cursor: z.string().min(1).max(600).optional().describe('nextCursor of the previous page'),
    sort: z.enum(['-date', 'date']).default('-date').describe('-date: newest first; date: oldest first'),
    format: z
      .enum(['json', 'geojson', 'csv'])
      .optional()
      .describe('or send Accept: application/geo+json or text/csv'),
  })
  .refine(inOrder, datesInOrder);

const clusterQuery = z
  .object({
    ...eventFilterShape,
    zoom: z.coerce.number().min(0).max(22).default(2).describe('map zoom: sets the grid cell size'),
  })
  .refine(inOrder, datesInOrder);

const lookupQuery = z.object({
  q: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

const exportQuery = z
  .object({ ...eventFilterShape, format: z.enum(EXPORT_FORMATS) })
  .refine(inOrder, datesInOrder);

type Order = 'desc' | 'asc';

function encodeCursor(order: Order, last: StoredEvent): string {
  return Buffer.from(JSON.stringify({ o: order, d: last.date.start, i: last.id })).toString('base64url');
}

function decodeCursor(cursor: string, order: Order): EventCursor {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      o?: unknown;
      d?: unknown;
      i?: unknown;
    };
    if (typeof c.d === 'string' && typeof c.i === 'string' && c.o === order) return { date: c.d, id: c.i };
  } catch {
    // falls through to the error below
  }
  throw new ValidationError('invalid query: cursor: not a nextCursor of this list and sort order', [
    { path: 'cursor', message: 'not a nextCursor of this list and sort order' },
  ]);
}

/** Grid cell size for a zoom: about 60 px of a 256 px tile. */
export function cellDegrees(zoom: number): number {
  return (360 / 2 ** zoom) * (60 / 256);
}

const mediaFor = (format: string | undefined, accept: string | undefined): 'json' | 'geojson' | 'csv' => {
  if (format === 'geojson' || format === 'csv' || format === 'json') return format;
  if (accept?.includes('application/geo+json')) return 'geojson';
  if (accept?.includes('text/csv')) return 'csv';
  return 'json';
};

export function recordRoutes(
  api: Api,
  deps: { storage: Storage; exports: ExportService; incidents?: IncidentStore | undefined },
): void {
  const { storage, exports } = deps;

  api.route({
    method: 'GET',
    url: '/api/health',
    summary: 'Liveness and record counts',
    tag: 'meta',
    access: 'read',
    handler: async () => ({ ok: true, ...(await storage.stats()) }),
  });

  api.route({
    method: 'GET',
    url: '/api/events',
    summary: 'Events matching the filters, newest first, a page at a time',
    tag: 'events',
    access: 'read',
    query: eventListQuery,
    success: {
      description: '{ items, total, totalExact, limit, nextCursor }, or the page as GeoJSON or ACLED CSV',
      produces: ['application/json', 'application/geo+json', 'text/csv'],
    },
    handler: async ({ query, req, reply }) => {
      const order: Order = query.sort === 'date' ? 'asc' : 'desc';
      const after = query.cursor ? decodeCursor(query.cursor, order) : undefined;
      const page = await storage.listEvents(toEventFilter(query), {
        limit: query.limit,
        offset: query.offset,
        after,
        order,
        countUpTo: LIST_COUNT_CAP,
      });
      const last = page.items.at(-1);
      const nextCursor = last && page.items.length === query.limit ? encodeCursor(order, last) : null;
      const media = mediaFor(query.format, req.headers.accept);
      if (media === 'json') return { ...page, nextCursor };
      const format: ExportFormat = media === 'csv' ? 'acled-csv' : 'geojson';
      reply.header('Content-Type', EXPORT_MEDIA[format].type);
      if (nextCursor) reply.header('Link', `<?cursor=${nextCursor}>; rel="next"`);
      let body = '';
      for await (const chunk of exports.render(format, page.items)) body += chunk;
      return body;
    },
  });

  api.route({
    method: 'GET',
    url: '/api/events/:id',
    summary: 'One event with its source text, claims and incident',
    tag: 'events',
    access: 'read',
    params: idParams,
    notFound: true,
    handler: async ({ params }) => {
      const event = await storage.getEvent(params.id);
      if (!event) throw new NotFoundError('event', params.id);
      const [source, claims, incident] = await Promise.all([
        storage.getSource(event.sourceId),
        storage.listClaims({ sourceId: event.sourceId }, { limit: 1000, offset: 0 }),
        deps.incidents ? deps.incidents.incidentsOfEvents([event.id]) : Promise.resolve([]),
      ]);
      const i = incident[0];
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
        incident: i
          ? {
              id: i.id,
              status: i.status,
              grade: i.grade,
              admiralty: i.admiralty,
              reports: i.members.length,
              independentSources: i.independentSources,
              fatalities: i.resolved.fatalities,
              members: i.members.map((m) => ({
                eventId: m.eventId,
                outlet: m.outlet,
                published: m.published,
                fatalities: m.fatalities,
                score: m.score,
                reasons: m.reasons,
              })),
            }
          : null,
      };
    },
  });

  api.route({
    method: 'GET',
    url: '/api/clusters',
    summary: "The map's points: events grouped in a grid sized by zoom, as GeoJSON",
    tag: 'events',
    access: 'read',
    query: clusterQuery,
    success: {
      description: 'FeatureCollection of points with count, fatalities, geoPrecision, eventId, uncertaintyKm',
      produces: ['application/geo+json'],
    },
    handler: async ({ query, reply }) => {
      const cells = await storage.clusters(toEventFilter(query), cellDegrees(query.zoom));
      reply.type('application/geo+json');
      return {
        type: 'FeatureCollection',
        features: cells.map((c) => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
          properties: {
            count: c.count,
            fatalities: c.fatalities,
            geoPrecision: c.geoPrecision,
            eventId: c.eventId,
            uncertaintyKm: c.uncertaintyKm,
          },
        })),
      };
    },
  });

  api.route({
    method: 'GET',
    url: '/api/timeline',
    summary: 'Events per start day, under the filters',
    tag: 'events',
    access: 'read',
    query: eventFilterSchema,
    handler: async ({ query }) => ({ buckets: await storage.timeline(toEventFilter(query)) }),
  });

  api.route({
    method: 'GET',
    url: '/api/facets',
    summary: 'Event types, countries and outlets with counts',
    tag: 'events',
    access: 'read',
    handler: () => storage.facets(),
  });

  api.route({
    method: 'GET',
    url: '/api/claims',
    summary: 'Claims: who said what, through whom',
    tag: 'claims',
    access: 'read',
    query: claimFilterSchema.extend(pageSchema.shape),
    handler: ({ query }) =>
      storage.listClaims(
        {
          claimant: query.claimant,
          kind: query.kind,
          eventId: query.event,
          sourceId: query.source,
          q: query.q,
        },
        { limit: query.limit, offset: query.offset },
      ),
  });

  api.route({
    method: 'GET',
    url: '/api/claims/:id',
    summary: 'One claim',
    tag: 'claims',
    access: 'read',
    params: idParams,
    notFound: true,
    handler: async ({ params }) => {
      const claim = await storage.getClaim(params.id);
      if (!claim) throw new NotFoundError('claim', params.id);
      return claim;
    },
  });

  api.route({
    method: 'GET',
    url: '/api/sources',
    summary: 'Archived sources, newest first',
    tag: 'sources',
    access: 'read',
    query: z.object({
      q: z.string().min(1).max(500).optional(),
      outlet: z.string().min(1).max(200).optional(),
      ...pageSchema.shape,
    }),
    handler: ({ query }) =>
      storage.listSources({ q: query.q, outlet: query.outlet }, { limit: query.limit, offset: query.offset }),
  });

  api.route({
    method: 'GET',
    url: '/api/sources/:id',
    summary: 'One archived source, with its text and SHA-256',
    tag: 'sources',
    access: 'read',
    params: idParams,
    notFound: true,
    handler: async ({ params }) => {
      const source = await storage.getSource(params.id);
      if (!source) throw new NotFoundError('source', params.id);
      return source;
    },
  });

  api.route({
    method: 'GET',
    url: '/api/reports/:id',
    summary: 'One report: a source and the events and claims Docket read in it',
    tag: 'sources',
    access: 'read',
    params: idParams,
    notFound: true,
    handler: async ({ params }) => {
      const m = /^(.+)\.r\d+$/.exec(params.id);
      const source = m?.[1] ? await storage.getSource(m[1]) : null;
      if (!source) throw new NotFoundError('report', params.id);
      const [events, claims] = await Promise.all([
        storage.listEvents({ sourceId: source.id }, { limit: 1000, offset: 0 }),
        storage.listClaims({ sourceId: source.id }, { limit: 1000, offset: 0 }),
      ]);
      const mine = <T extends { reportId: string }>(xs: T[]): T[] =>
        xs.filter((x) => x.reportId === params.id);
      const ev = mine(events.items);
      if (!ev.length && !mine(claims.items).length && !params.id.endsWith('.r1'))
        throw new NotFoundError('report', params.id);
      return { id: params.id, source, events: ev, claims: mine(claims.items) };
    },
  });

  api.route({
    method: 'GET',
    url: '/api/actors',
    summary: 'Actors named in events, with event counts',
    tag: 'events',
    access: 'read',
    query: lookupQuery,
    handler: async ({ query }) => ({ items: await storage.actors(query.q, query.limit) }),
  });

  api.route({
    method: 'GET',
    url: '/api/places',
    summary: 'Places events happened at, with event counts',
    tag: 'events',
    access: 'read',
    query: lookupQuery.extend({ country: eventFilterShape.country }),
    handler: async ({ query }) => ({
      items: await storage.places(query.q, query.country?.toUpperCase(), query.limit),
    }),
  });

  api.route({
    method: 'GET',
    url: '/api/export',
    summary: 'Every event the filters match, as a download',
    tag: 'events',
    access: 'read',
    query: exportQuery,
    success: {
      description: 'ACLED CSV, GeoJSON or JSON Lines',
      produces: Object.values(EXPORT_MEDIA).map((m) => m.type),
    },
    handler: async ({ query, reply }) => {
      const media = EXPORT_MEDIA[query.format];
      reply.header('Content-Type', media.type);
      reply.header('Content-Disposition', `attachment; filename="docket-events.${media.ext}"`);
      return reply.send(Readable.from(exports.export(query.format, toEventFilter(query))));
    },
  });

  api.route({
    method: 'GET',
    url: '/api/basemap',
    summary: 'Natural Earth country outlines for the map',
    tag: 'meta',
    access: 'public',
    success: { description: 'GeoJSON FeatureCollection', produces: ['application/geo+json'] },
    handler: ({ reply }) => {
      reply.header('Cache-Control', 'public, max-age=86400').type('application/geo+json');
      return Promise.resolve(basemapGeoJson());
    },
  });
}
