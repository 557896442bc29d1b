// Review: accept, reject, edit a field, regrade, note, merge, split, rate an outlet, undo. Every action
// is one append-only, hash-chained history entry (who, when, before, after, why); undo is an action too.
import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.js';
import {
  GRADES,
  RELIABILITY,
  type Grade,
  type HistoryEntry,
  type Incident,
  type IncidentValues,
  type Reliability,
} from '../domain/incident.js';
import { EVENT_TYPES } from '../domain/types.js';
import type { IncidentStore, LinkConstraint } from '../ports/incident.port.js';
import type { ClusterService } from './cluster.service.js';

const dateRange = z
  .object({
    start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    end: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    precision: z.enum(['day', 'week', 'month', 'year']),
  })
  .refine((d) => d.start <= d.end, 'start is after end');
const fatalities = z
  .object({ low: z.number().int().min(0), best: z.number().int().min(0), high: z.number().int().min(0) })
  .refine((f) => f.low <= f.best && f.best <= f.high, 'expected low ≤ best ≤ high')
  .nullable();

/** The fields a reviewer may edit, each with the shape its value must have. */
export const EDITABLE: Record<string, z.ZodType> = {
  eventType: z.enum(Object.keys(EVENT_TYPES) as [string, ...string[]]),
  subEventType: z.enum(Object.values(EVENT_TYPES).flat() as [string, ...string[]]),
  date: dateRange,
  fatalities,
  actors: z.array(z.object({ name: z.string().min(1), role: z.enum(['actor1', 'actor2', 'associate']) })),
  weapons: z.array(z.object({ kind: z.string().min(1), count: z.number().int().min(0).nullable() })),
};

export class ReviewService {
  constructor(
    private readonly deps: { incidents: IncidentStore; clusters: ClusterService; now?: () => Date },
  ) {}

  private now(): string {
    return (this.deps.now ?? (() => new Date()))().toISOString();
  }

  private async load(id: string): Promise<Incident> {
    const i = await this.deps.incidents.getIncident(id);
    if (!i) throw new NotFoundError('incident', id);
    return i;
  }

  private async change(
    before: Incident,
    after: Incident,
    by: string,
    action: HistoryEntry['action'],
    why: string | null,
  ): Promise<HistoryEntry> {
    return this.deps.incidents.apply({
      upsert: [{ ...after, updatedAt: this.now() }],
      remove: [],
      entry: {
        at: this.now(),
        by,
        action,
        subjects: [after.id],
        before: [before],
        after: [after],
        why,
        undoes: null,
      },
    });
  }

  async accept(id: string, by: string, why: string | null = null): Promise<HistoryEntry> {
    const i = await this.load(id);
    return this.change(i, { ...i, status: 'accepted' }, by, 'accept', why);
  }

  async reject(id: string, by: string, why: string | null = null): Promise<HistoryEntry> {
    const i = await this.load(id);
    return this.change(i, { ...i, status: 'rejected' }, by, 'reject', why);
  }

  async edit(
    id: string,
    field: string,
    value: unknown,
    by: string,
    why: string | null = null,
  ): Promise<HistoryEntry> {
    const schema = EDITABLE[field];
    if (!schema)
      throw new ValidationError(
        `field: ${field} cannot be edited (editable: ${Object.keys(EDITABLE).join(', ')})`,
        [{ path: 'field', message: 'not editable' }],
      );
    const r = schema.safeParse(value);
    if (!r.success)
      throw new ValidationError(
        `value for ${field}: ${r.error.issues.map((x) => `${x.path.join('.') || field}: ${x.message}`).join('; ')}`,
        [{ path: field, message: r.error.issues[0]?.message ?? 'invalid' }],
      );
    const i = await this.load(id);
    return this.change(
      i,
      { ...i, edits: { ...i.edits, [field]: r.data as IncidentValues[keyof IncidentValues] } },
      by,
      'edit',
      why,
    );
  }

  async regrade(id: string, grade: string, by: string, why: string | null = null): Promise<HistoryEntry> {
    if (!GRADES.includes(grade as Grade))
      throw new ValidationError(`grade: expected one of ${GRADES.join(', ')}`, [
        { path: 'grade', message: 'unknown grade' },
      ]);
    const i = await this.load(id);
    return this.change(
      i,
      { ...i, grade: { ...i.grade, value: grade as Grade, setBy: 'reviewer' } },
      by,
      'regrade',
      why,
    );
  }

  async note(id: string, text: string, by: string): Promise<HistoryEntry> {
    if (!text.trim())
      throw new ValidationError('note: the text is empty', [{ path: 'text', message: 'empty' }]);
    const i = await this.load(id);
    return this.change(i, { ...i, notes: [...i.notes, { at: this.now(), by, text }] }, by, 'note', null);
  }

  async rateOutlet(
    outlet: string,
    reliability: string,
    by: string,
    why: string | null = null,
  ): Promise<HistoryEntry> {
    if (!RELIABILITY.includes(reliability as Reliability))
      throw new ValidationError(`reliability: expected one of ${RELIABILITY.join(', ')}`, [
        { path: 'reliability', message: 'unknown rating' },
      ]);
    const ratings = await this.deps.incidents.outletRatings();
    const entry = await this.deps.incidents.apply({
      upsert: [],
      remove: [],
      outlet: { name: outlet, reliability: reliability as Reliability },
      entry: {
        at: this.now(),
        by,
        action: 'outlet',
        subjects: [`outlet:${outlet}`],
        before: ratings.get(outlet) ?? null,
        after: reliability,
        why,
        undoes: null,
      },
    });
    await this.deps.clusters.update(null, by, `grades after rating ${outlet} ${reliability}`);
    return entry;
  }

  /** Merge incidents into one: reviewers' must-links, then the clusterer rebuilds the whole. */
  async merge(ids: string[], by: string, why: string | null = null): Promise<HistoryEntry> {
    if (new Set(ids).size < 2)
      throw new ValidationError('merge: name at least two different incidents', [
        { path: 'ids', message: 'need two' },
      ]);
    const incidents = await Promise.all(ids.map((id) => this.load(id)));
    const anchor = incidents[0]!.members[0]!.eventId;
    const constraints: LinkConstraint[] = incidents
      .slice(1)
      .map((i) => ({ kind: 'must', a: anchor, b: i.members[0]!.eventId }));
    return this.restructure(incidents, constraints, by, 'merge', why);
  }

  /** Split the named reports out of an incident into one of their own. */
  async split(id: string, eventIds: string[], by: string, why: string | null = null): Promise<HistoryEntry> {
    const incident = await this.load(id);
    const members = incident.members.map((m) => m.eventId);
    const moving = [...new Set(eventIds)];
    const unknown = moving.filter((e) => !members.includes(e));
    if (unknown.length)
      throw new ValidationError(`split: not members of ${id}: ${unknown.join(', ')}`, [
        { path: 'eventIds', message: 'not members' },
      ]);
    const staying = members.filter((m) => !moving.includes(m));
    if (!moving.length || !staying.length)
      throw new ValidationError('split: leave at least one report on each side', [
        { path: 'eventIds', message: 'empty side' },
      ]);
    const constraints: LinkConstraint[] = [
      ...moving.flatMap((a) => staying.map((b) => ({ kind: 'cannot' as const, a, b }))),
      ...moving.slice(1).map((b) => ({ kind: 'must' as const, a: moving[0]!, b })),
    ];
    return this.restructure([incident], constraints, by, 'split', why);
  }

  private async restructure(
    incidents: Incident[],
    constraints: LinkConstraint[],
    by: string,
    action: 'merge' | 'split',
    why: string | null,
  ): Promise<HistoryEntry> {
    const store = this.deps.incidents;
    const memberIds = incidents.flatMap((i) => i.members.map((m) => m.eventId));
    // The constraints are recorded with a history entry of their own kind, then the clusterer applies them.
    const entry = await store.apply({
      upsert: [],
      remove: [],
      addConstraints: constraints,
      entry: {
        at: this.now(),
        by,
        action,
        subjects: incidents.map((i) => i.id),
        before: incidents,
        after: { constraints },
        why,
        undoes: null,
      },
    });
    await this.deps.clusters.update(memberIds, by, `${action} (entry ${entry.seq})${why ? `: ${why}` : ''}`);
    return entry;
  }

  /** Undo a reviewer's action: its before state comes back, as a new history entry. */
  async undo(seq: number, by: string, why: string | null = null): Promise<HistoryEntry> {
    const store = this.deps.incidents;
    const target = await store.historyEntry(seq);
    if (!target) throw new NotFoundError('history entry', String(seq));
    if (target.action === 'cluster' || target.action === 'undo')
      throw new ConflictError(`entry ${seq} is a ${target.action}: only reviewers' actions can be undone`);
    if (await store.undoOf(seq)) throw new ConflictError(`entry ${seq} was already undone`);
    if (target.action === 'merge' || target.action === 'split') {
      const before = target.before as Incident[];
      const entry = await store.apply({
        upsert: [],
        remove: [],
        dropConstraintsOf: seq,
        entry: {
          at: this.now(),
          by,
          action: 'undo',
          subjects: target.subjects,
          before: null,
          after: null,
          why,
          undoes: seq,
        },
      });
      // Without the reviewer's constraints the clusterer rebuilds what was there; the earlier
      // incidents' reviewer state is written back over it.
      await this.deps.clusters.update(
        before.flatMap((i) => i.members.map((m) => m.eventId)),
        by,
        `undo of entry ${seq}`,
      );
      const restored = await Promise.all(
        before.map(async (b) => ({ b, now: await store.getIncident(b.id) })),
      );
      const back = restored
        .filter((x) => x.now)
        .map((x) => ({
          ...x.now!,
          status: x.b.status,
          edits: x.b.edits,
          notes: x.b.notes,
          grade: x.b.grade,
        }));
      if (back.length)
        await store.apply({
          upsert: back,
          remove: [],
          entry: {
            at: this.now(),
            by,
            action: 'undo',
            subjects: back.map((i) => i.id),
            before: null,
            after: back,
            why: `reviewer state restored (undo of entry ${seq})`,
            undoes: seq,
          },
        });
      return entry;
    }
    if (target.action === 'outlet') {
      const outlet = target.subjects[0]!.replace(/^outlet:/, '');
      const entry = await store.apply({
        upsert: [],
        remove: [],
        outlet: { name: outlet, reliability: (target.before as Reliability | null) ?? 'F' },
        entry: {
          at: this.now(),
          by,
          action: 'undo',
          subjects: target.subjects,
          before: target.after,
          after: target.before,
          why,
          undoes: seq,
        },
      });
      await this.deps.clusters.update(null, by, `grades after undo of entry ${seq}`);
      return entry;
    }
    // accept, reject, edit, regrade, note: the reviewer's state comes back; membership stays as it is now
    const before = target.before as Incident[];
    const current = (await Promise.all(before.map((b) => store.getIncident(b.id)))).filter(
      (i): i is Incident => i !== null,
    );
    if (!current.length) throw new ConflictError(`the incident of entry ${seq} no longer exists`);
    const restored = current.map((now) => {
      const b = before.find((x) => x.id === now.id)!;
      return {
        ...now,
        status: b.status,
        edits: b.edits,
        grade: b.grade,
        notes: b.notes,
        updatedAt: this.now(),
      };
    });
    return store.apply({
      upsert: restored,
      remove: [],
      entry: {
        at: this.now(),
        by,
        action: 'undo',
        subjects: target.subjects,
        before: current,
        after: restored,
        why,
        undoes: seq,
      },
    });
  }
}
