// Incidents, their history, and the review actions an editor takes on them. Every action is one
// hash-chained history entry attributed to the user who made it.
import { z } from 'zod';
import { NotFoundError } from '../../domain/errors.js';
import { GRADES, RELIABILITY } from '../../domain/incident.js';
import type { Principal } from '../../domain/accounts.js';
import type { IncidentStore } from '../../ports/incident.port.js';
import type { ReviewService } from '../../services/review.service.js';
import { EDITABLE } from '../../services/review.service.js';
import { incidentFilterSchema, pageSchema } from '../query.js';
import { idParams, type Api } from '../route.js';

const why = z.string().max(2000).optional().describe('why the reviewer did it');
const entryResult = { description: '{ entry }: the history entry appended' };

/** The name a write is recorded under. */
function by(p: Principal): string {
  return p.kind === 'anonymous' ? 'anonymous' : p.user.name;
}

export function reviewRoutes(
  api: Api,
  deps: { incidents: IncidentStore; review?: ReviewService | undefined },
): void {
  const { incidents, review } = deps;

  api.route({
    method: 'GET',
    url: '/api/incidents',
    summary: 'Incidents (events as all reports tell them), graded; status=proposed is the review queue',
    tag: 'incidents',
    access: 'read',
    query: incidentFilterSchema.safeExtend(pageSchema.shape),
    handler: ({ query }) =>
      incidents.listIncidents(
        { ...query, country: query.country?.toUpperCase() },
        { limit: query.limit, offset: query.offset },
      ),
  });

  api.route({
    method: 'GET',
    url: '/api/incidents/:id',
    summary: 'One incident with its members side by side and its history',
    tag: 'incidents',
    access: 'read',
    params: idParams,
    notFound: true,
    handler: async ({ params }) => {
      const incident = await incidents.getIncident(params.id);
      if (!incident) throw new NotFoundError('incident', params.id);
      const history = await incidents.history(params.id, { limit: 200, offset: 0 });
      return { ...incident, history: history.items };
    },
  });

  api.route({
    method: 'GET',
    url: '/api/history',
    summary: 'The review history, newest first',
    tag: 'incidents',
    access: 'read',
    query: z.object({ incident: z.string().min(1).optional(), ...pageSchema.shape }),
    handler: ({ query }) =>
      incidents.history(query.incident ?? null, { limit: query.limit, offset: query.offset }),
  });

  if (review) writeRoutes(api, review);
}

function writeRoutes(api: Api, review: ReviewService): void {
  const action = (
    name: 'accept' | 'reject',
    summary: string,
    run: (id: string, user: string, why: string | null) => Promise<unknown>,
  ): void =>
    api.route({
      method: 'POST',
      url: `/api/incidents/:id/${name}`,
      summary,
      tag: 'review',
      access: 'editor',
      params: idParams,
      body: z.object({ why }),
      notFound: true,
      success: entryResult,
      handler: async ({ params, body, principal }) => ({
        entry: await run(params.id, by(principal), body.why ?? null),
      }),
    });
  action('accept', 'Accept an incident', (id, u, w) => review.accept(id, u, w));
  action('reject', 'Reject an incident', (id, u, w) => review.reject(id, u, w));

  api.route({
    method: 'POST',
    url: '/api/incidents/:id/edit',
    summary: 'Set a field of an incident by hand (it wins over the reports until undone)',
    tag: 'review',
    access: 'editor',
    params: idParams,
    body: z.object({
      field: z.enum(Object.keys(EDITABLE) as [string, ...string[]]),
      value: z.unknown().describe('the shape depends on the field (see docs/API.md)'),
      why,
    }),
    notFound: true,
    success: entryResult,
    handler: async ({ params, body, principal }) => ({
      entry: await review.edit(params.id, body.field, body.value, by(principal), body.why ?? null),
    }),
  });

  api.route({
    method: 'POST',
    url: '/api/incidents/:id/regrade',
    summary: 'Set the grade of an incident',
    tag: 'review',
    access: 'editor',
    params: idParams,
    body: z.object({ grade: z.enum(GRADES), why }),
    notFound: true,
    success: entryResult,
    handler: async ({ params, body, principal }) => ({
      entry: await review.regrade(params.id, body.grade, by(principal), body.why ?? null),
    }),
  });

  api.route({
    method: 'POST',
    url: '/api/incidents/:id/note',
    summary: 'Add a note to an incident',
    tag: 'review',
    access: 'editor',
    params: idParams,
    body: z.object({ text: z.string().min(1).max(5000) }),
    notFound: true,
    success: entryResult,
    handler: async ({ params, body, principal }) => ({
      entry: await review.note(params.id, body.text, by(principal)),
    }),
  });

  api.route({
    method: 'POST',
    url: '/api/incidents/:id/split',
    summary: 'Move reports (events) out of an incident into a new one',
    tag: 'review',
    access: 'editor',
    params: idParams,
    body: z.object({ eventIds: z.array(z.string().min(1)).min(1).max(1000), why }),
    notFound: true,
    success: entryResult,
    handler: async ({ params, body, principal }) => ({
      entry: await review.split(params.id, body.eventIds, by(principal), body.why ?? null),
    }),
  });

  api.route({
    method: 'POST',
    url: '/api/incidents/merge',
    summary: 'Merge incidents that are one event',
    tag: 'review',
    access: 'editor',
    body: z.object({ ids: z.array(z.string().min(1)).min(2).max(100), why }),
    notFound: true,
    success: entryResult,
    handler: async ({ body, principal }) => ({
      entry: await review.merge(body.ids, by(principal), body.why ?? null),
    }),
  });

  api.route({
    method: 'POST',
    url: '/api/history/:seq/undo',
    summary: 'Undo a history entry (the undo is an entry too)',
    tag: 'review',
    access: 'editor',
    params: z.object({ seq: z.coerce.number().int().min(1) }),
    body: z.object({ why }),
    notFound: true,
    success: entryResult,
    handler: async ({ params, body, principal }) => ({
      entry: await review.undo(params.seq, by(principal), body.why ?? null),
    }),
  });

  api.route({
    method: 'PUT',
    url: '/api/outlets/:name/rating',
    summary: "Rate an outlet's reliability (Admiralty A–F)",
    tag: 'review',
    access: 'admin',
    params: z.object({ name: z.string().min(1).max(200) }),
    body: z.object({ reliability: z.enum(RELIABILITY), why }),
    success: entryResult,
    handler: async ({ params, body, principal }) => ({
      entry: await review.rateOutlet(params.name, body.reliability, by(principal), body.why ?? null),
    }),
  });
}
