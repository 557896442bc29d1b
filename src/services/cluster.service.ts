// Clustering reports into incidents, keeping reviewers' decisions: runs after ingest over the part of
// the record the new reports can touch, and writes what changed with one history entry.
import type { HistoryEntry, Incident, MemberFigures } from '../domain/incident.js';
import type { StoredEvent } from '../domain/types.js';
import { clusterItems, type Cluster } from '../clustering/cluster.js';
import { admiraltyGrade, suggestGrade } from '../clustering/grade.js';
import { dayNumber, itemFromEvent } from '../clustering/item.js';
import { sourceGroups } from '../clustering/relay.js';
import { memberFigures, resolveValues } from '../clustering/resolve.js';
import { canonicalJson, sha256 } from '../integrity.js';
import type { ClusterScope, IncidentStore } from '../ports/incident.port.js';

export interface ClusterReport {
  incidents: number;
  created: number;
  changed: number;
  removed: number;
  historySeq: number | null;
}

const DAY = 86_400_000;
const isoDay = (n: number): string => new Date(n * DAY).toISOString().slice(0, 10);

/** How far around new reports' dates the clusterer looks for reports they may join. */
const SCOPE_MARGIN_DAYS = 7;

export class ClusterService {
  constructor(private readonly deps: { incidents: IncidentStore; now?: () => Date }) {}

  private now(): string {
    return (this.deps.now ?? (() => new Date()))().toISOString();
  }

  /** Recluster the part of the record that the given events can touch (all of it when none are given). */
  async update(
    eventIds: string[] | null,
    by = 'docket',
    why: string | null = null,
    action: HistoryEntry['action'] = 'cluster',
  ): Promise<ClusterReport> {
    const store = this.deps.incidents;
    let scope: ClusterScope | null = null;
    if (eventIds) {
      if (!eventIds.length) return { incidents: 0, created: 0, changed: 0, removed: 0, historySeq: null };
      const seed = await store.eventsByIds(eventIds);
      const countries = [
        ...new Set(seed.map((e) => e.location?.countryCode).filter((c): c is string => Boolean(c))),
      ];
      const from = Math.min(...seed.map((e) => dayNumber(e.date.start))) - SCOPE_MARGIN_DAYS;
      const to = Math.max(...seed.map((e) => dayNumber(e.date.end))) + SCOPE_MARGIN_DAYS;
      scope = { countries, from: isoDay(from), to: isoDay(to) };
    }
    let events = await store.eventsInScope(scope);
    // Whole incidents: a member outside the window still belongs to what is reclustered.
    let existing = await store.incidentsOfEvents(events.map((e) => e.id));
    const loaded = new Set(events.map((e) => e.id));
    const missing = existing.flatMap((i) => i.members.map((m) => m.eventId)).filter((id) => !loaded.has(id));
    if (missing.length) {
      events = [...events, ...(await store.eventsByIds(missing))];
      existing = await store.incidentsOfEvents(events.map((e) => e.id));
    }
    const constraints = await store.constraints();
    const clusters = clusterItems(events.map(itemFromEvent), {
      mustLink: constraints.filter((c) => c.kind === 'must').map((c) => [c.a, c.b]),
      cannotLink: constraints.filter((c) => c.kind === 'cannot').map((c) => [c.a, c.b]),
    });
    const built = await this.build(clusters, events, existing);
    const before = new Map(existing.map((i) => [i.id, i]));
    const upsert = built.filter((i) => {
      const old = before.get(i.id);
      return !old || canonicalJson({ ...old, updatedAt: '' }) !== canonicalJson({ ...i, updatedAt: '' });
    });
    const keep = new Set(built.map((i) => i.id));
    const remove = existing.filter((i) => !keep.has(i.id)).map((i) => i.id);
    if (!upsert.length && !remove.length) {
      return { incidents: built.length, created: 0, changed: 0, removed: 0, historySeq: null };
    }
    const entry = await store.apply({
      upsert,
      remove,
      entry: {
        at: this.now(),
        by,
        action,
        subjects: [...new Set([...upsert.map((i) => i.id), ...remove])].sort(),
        before: [
          ...upsert.map((i) => before.get(i.id)).filter(Boolean),
          ...remove.map((id) => before.get(id)),
        ],
        after: upsert,
        why: why ?? 'reports clustered by the machine',
        undoes: null,
      },
    });
    return {
      incidents: built.length,
      created: upsert.filter((i) => !before.has(i.id)).length,
      changed: upsert.filter((i) => before.has(i.id)).length,
      removed: remove.length,
      historySeq: entry.seq,
    };
  }

  /** Turn clusters into incidents: ids kept where they overlap earlier incidents, values resolved, grades suggested. */
  private async build(clusters: Cluster[], events: StoredEvent[], existing: Incident[]): Promise<Incident[]> {
    const store = this.deps.incidents;
    const byId = new Map(events.map((e) => [e.id, e]));
    const ratings = await store.outletRatings();
    const sources = new Map(
      (await store.sourcesByIds([...new Set(events.map((e) => e.sourceId))])).map((s) => [s.id, s]),
    );
    const claims = await store.claimsForEvents(events.map((e) => e.id));
    // indexes: which earlier incident and which claims each event belongs to
    const incidentOfEvent = new Map<string, Incident>();
    for (const i of existing) for (const m of i.members) incidentOfEvent.set(m.eventId, i);
    const claimsOfEvent = new Map<string, typeof claims>();
    for (const cl of claims)
      for (const eid of cl.eventIds) claimsOfEvent.set(eid, [...(claimsOfEvent.get(eid) ?? []), cl]);
    const taken = new Set<string>();
    // Largest clusters choose their ids first, so that a growing incident keeps its id.
    const order = [...clusters].sort(
      (a, b) => b.members.length - a.members.length || (a.members[0]! < b.members[0]! ? -1 : 1),
    );
    const out: Incident[] = [];
    for (const c of order) {
      const members = c.members.map((id) => byId.get(id)!).filter(Boolean);
      const overlap = new Map<Incident, number>();
      for (const eid of c.members) {
        const i = incidentOfEvent.get(eid);
        if (i && !taken.has(i.id)) overlap.set(i, (overlap.get(i) ?? 0) + 1);
      }
      const previous = [...overlap.entries()].sort(
        (a, b) => b[1] - a[1] || (a[0].id < b[0].id ? -1 : 1),
      )[0]?.[0];
      let id = previous?.id ?? `inc_${sha256(c.members[0]!).slice(0, 12)}`;
      for (let n = 2; taken.has(id); n++) id = `inc_${sha256(`${c.members[0]!}#${n}`).slice(0, 12)}`;
      taken.add(id);

      const groups = sourceGroups(
        members.map((e) => {
          const s = sources.get(e.sourceId);
          return { sourceId: e.sourceId, outlet: e.outlet, published: e.published, text: s?.text ?? '' };
        }),
      );
      const linkOf = (eventId: string) =>
        c.links
          .filter((l) => l.a === eventId || l.b === eventId)
          .sort((x, y) => y.comparison.score - x.comparison.score)[0];
      const figures: MemberFigures[] = members.map((e) => {
        const link = linkOf(e.id);
        return memberFigures(
          e,
          groups.get(e.sourceId) ?? e.sourceId,
          link ? link.comparison.score : 1,
          link ? link.comparison.reasons : ['first report'],
        );
      });
      const resolved = resolveValues(members);
      const independent = [...new Set(figures.map((f) => f.sourceGroup))].map((g) => {
        const outlet = sources.get(g)?.outlet ?? null;
        return { outlet, reliability: (outlet ? ratings.get(outlet) : undefined) ?? 'F' };
      });
      const memberClaims = [...new Set(c.members.flatMap((eid) => claimsOfEvent.get(eid) ?? []))];
      const named = resolved.actors.value.filter(
        (a) => !/^(?:Civilians|Unidentified Armed Group|Protesters|Rioters) \(/.test(a.name),
      );
      const perpetrators = members
        .map(
          (e) =>
            e.actors.find(
              (a) =>
                a.role === 'actor1' &&
                !/^(?:Civilians|Unidentified Armed Group|Protesters|Rioters) \(/.test(a.name),
            )?.name,
        )
        .filter((n): n is string => Boolean(n));
      const counts = [...new Set(perpetrators)].map((p) => perpetrators.filter((x) => x === p).length);
      // sources disagree on who acted when no perpetrator is named by two thirds of the reports naming one
      const perpetratorsDisagree = counts.length > 1 && Math.max(...counts) < (2 / 3) * perpetrators.length;
      const suggestion = suggestGrade({
        sources: independent,
        actors: named.map((a) => a.name.toLowerCase()),
        claims: memberClaims,
        perpetratorsDisagree,
      });
      const denied = memberClaims.some((cl) => cl.kind === 'denial');
      // a reviewer's status, grade, edits and notes stay with the incident as reports join it
      const prior = previous;
      const reviewerGrade = prior?.grade.setBy === 'reviewer' ? prior.grade.value : null;
      out.push({
        id,
        status: prior?.status ?? 'proposed',
        resolved,
        edits: prior?.edits ?? {},
        members: figures,
        grade: {
          suggested: suggestion.grade,
          value: reviewerGrade ?? suggestion.grade,
          reasons: suggestion.reasons,
          setBy: reviewerGrade ? 'reviewer' : 'machine',
        },
        admiralty: admiraltyGrade(
          independent,
          resolved.fatalities.disagreement || resolved.date.disagreement,
          denied,
        ),
        independentSources: independent.length,
        notes: prior?.notes ?? [],
        updatedAt: this.now(),
      });
    }
    return out.sort((a, b) => (a.id < b.id ? -1 : 1));
  }
}
