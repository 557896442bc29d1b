// Query-string schemas for the HTTP API and the CLI's filters: one place that turns user input into
// validated filters, with errors that name the parameter.
import { z } from 'zod';
import { ValidationError } from '../domain/errors.js';
import { EVENT_TYPES } from '../domain/types.js';
import { GRADES } from '../domain/incident.js';
import type { IncidentFilter } from '../ports/incident.port.js';
import type { ClaimFilter, EventFilter, PageRequest } from '../ports/storage.port.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  // Date.parse rolls 2024-02-30 over to March 1st: a real calendar day reads back unchanged.
  .refine((s) => {
    const t = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
  }, 'not a calendar date');

const bbox = z.string().transform((s, ctx) => {
  const parts = s.split(',').map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) {
    ctx.addIssue({ code: 'custom', message: 'expected minLon,minLat,maxLon,maxLat' });
    return z.NEVER;
  }
  const [minLon, minLat, maxLon, maxLat] = parts as [number, number, number, number];
  if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90 || minLon > maxLon || minLat > maxLat) {
    ctx.addIssue({ code: 'custom', message: 'bounding box out of range or inverted' });
    return z.NEVER;
  }
  return [minLon, minLat, maxLon, maxLat] as [number, number, number, number];
});

const countryCode = z.string().regex(/^[A-Za-z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as SY');

/** Date ranges overlap the asked range; the bounds must be in order. */
const inOrder = { message: 'from is after to', path: ['from'] };

/** The event filters every event route takes (lists, clusters, timeline, export) and the CLI's. */
export const eventFilterShape = {
  from: isoDate.optional().describe('events whose date range ends on or after this day'),
  to: isoDate.optional().describe('events whose date range starts on or before this day'),
  country: countryCode.optional(),
  admin1: z.string().min(1).max(200).optional().describe('first-level region, as stored (case ignored)'),
  type: z.enum(Object.keys(EVENT_TYPES) as [string, ...string[]]).optional(),
  subType: z.string().min(1).optional(),
  actor: z.string().min(1).max(200).optional().describe('a substring of an actor name (case ignored)'),
  bbox: bbox.optional().describe('minLon,minLat,maxLon,maxLat'),
  q: z.string().min(1).max(500).optional().describe('full text over the reports'),
  source: z.string().min(1).optional().describe('one source id'),
  grade: z.enum(GRADES).optional().describe("the grade of the event's incident"),
  hasFatalities: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: a best fatality estimate above 0; false: none reported or 0'),
};

export const eventFilterSchema = z
  .object(eventFilterShape)
  .refine((f) => !f.from || !f.to || f.from <= f.to, inOrder);

type ParsedEventFilter = z.output<typeof eventFilterSchema>;

export function toEventFilter(f: ParsedEventFilter): EventFilter {
  return {
    from: f.from,
    to: f.to,
    country: f.country?.toUpperCase(),
    admin1: f.admin1,
    eventType: f.type,
    subEventType: f.subType,
    actor: f.actor,
    bbox: f.bbox,
    q: f.q,
    sourceId: f.source,
    grade: f.grade,
    hasFatalities: f.hasFatalities,
  };
}

export const pageSchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const claimFilterSchema = z.object({
  claimant: z.string().min(1).max(200).optional(),
  kind: z.enum(['responsibility', 'activity', 'casualties', 'denial', 'assessment', 'other']).optional(),
  event: z.string().min(1).optional(),
  source: z.string().min(1).optional(),
  q: z.string().min(1).max(500).optional(),
});

export function parse<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ path: i.path.join('.') || what, message: i.message }));
  throw new ValidationError(
    `invalid ${what}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    issues,
  );
}

export const clean = (q: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== ''));

export function parseEventFilter(q: Record<string, unknown>): EventFilter {
  return toEventFilter(parse(eventFilterSchema, clean(q), 'query'));
}

export function parsePage(q: Record<string, unknown>): PageRequest {
  return parse(pageSchema, clean({ limit: q.limit, offset: q.offset }), 'query');
}

export function parseClaimFilter(q: Record<string, unknown>): ClaimFilter {
  const f = parse(claimFilterSchema, clean(q), 'query');
  return { claimant: f.claimant, kind: f.kind, eventId: f.event, sourceId: f.source, q: f.q };
}

export const incidentFilterSchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    country: countryCode.optional(),
    grade: z.enum(GRADES).optional(),
    status: z.enum(['proposed', 'accepted', 'rejected']).optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, inOrder);

export function parseIncidentFilter(q: Record<string, unknown>): IncidentFilter {
  const f = parse(
    incidentFilterSchema,
    clean({ from: q.from, to: q.to, country: q.country, grade: q.grade, status: q.status }),
    'query',
  );
  return { ...f, country: f.country?.toUpperCase() };
}
