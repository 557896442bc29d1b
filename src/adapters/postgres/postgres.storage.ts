// The server store: PostgreSQL through Kysely over a pg pool, in one schema (?schema=name, default
// public). Same tables, ids, filters and ordering as the SQLite adapter; the storage contract holds for
// both. Writers in several processes may run at once: saves are idempotent by SHA-256 through the
// unique index (INSERT … ON CONFLICT DO NOTHING), and batches lock their sources in one order first.
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import { ConflictError } from '../../domain/errors.js';
import type { Extraction, Source, StoredClaim, StoredEvent } from '../../domain/types.js';
import type {
  ActorCount,
  ClaimFilter,
  ClusterCell,
  EventFilter,
  Facets,
  NewSource,
  Page,
  PageRequest,
  PlaceCount,
  SaveItem,
  SaveResult,
  SourceSummary,
  Stats,
  Storage,
} from '../../ports/storage.port.js';
import { sourceIdFor } from '../storage-shared.js';
import { migrate } from './migrations.js';
import { connect, lockKeys, parsePgUrl, shaLockKey } from './postgres.connection.js';
import { PostgresAccountStore } from './postgres.accounts.js';
import { PostgresIncidentStore } from './postgres.incident-store.js';
import { containsPattern, tsQuery } from './postgres.search.js';
import { SOURCE_COLUMNS, toSource, type DB } from './postgres.tables.js';

/** Rows per read in iterateEvents. */
const ITERATE_PAGE = 500;
/** Rows per multi-row INSERT (21 columns × 1000 stays well under PostgreSQL's 65,535 parameters). */
const INSERT_ROWS = 1000;

const chunk = <T>(xs: T[], n = INSERT_ROWS): T[][] =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** Sources whose title or text match the user's words (see postgres.search.ts). */
export function sourceMatches(sourceId: Expression<string>, q: string): Expression<SqlBool> {
  const query = tsQuery(q);
  if (query === null) return sql<SqlBool>`false`;
  // ARRAY(…) runs once, before the outer query, whose planner then starts from those sources' events.
  // With IN (…) it guessed a prefix query's matches from poor statistics and walked every event in date
  // order probing each source (3 s at a million events, against 15 ms).
  return sql<SqlBool>`${sourceId} = ANY (ARRAY (SELECT s.id FROM sources s WHERE s.fts @@ to_tsquery('simple', ${query})))`;
}

export class PostgresStorage implements Storage {
  /** Incidents, constraints, outlets and history live in the same schema, under their own port. */
  readonly incidents: PostgresIncidentStore;
  /** Users, sessions and API tokens: same schema, never in a dump. */
  readonly accounts: PostgresAccountStore;
  private readonly sourceLock: number;
  private closing: Promise<void> | null = null;

  constructor(
    private readonly db: Kysely<DB>,
    schema: string,
    private readonly version: number,
  ) {
    this.sourceLock = lockKeys(schema).source;
    this.incidents = new PostgresIncidentStore(db, schema, version);
    this.accounts = new PostgresAccountStore(db);
  }

  /** Read once at open: the port's schemaVersion() is synchronous. */
  schemaVersion(): number {
    return this.version;
  }

  /** Writes one source with its report, events, claims and links; the caller holds the transaction. */
  private async saveOne(
    trx: Kysely<DB>,
    source: NewSource,
    extraction: Extraction,
    pipelineVersion: string,
  ): Promise<SaveResult> {
    const sourceId = sourceIdFor(source.sha256);
    // The unique indexes decide: a concurrent writer of the same bytes makes this insert wait for its
    // commit, then do nothing (no conflict target: id and sha256 are both unique, and a race trips
    // whichever is checked first). The loser stores nothing and says so.
    const inserted = await trx
      .insertInto('sources')
      .values({
        id: sourceId,
        sha256: source.sha256,
        text: source.text,
        raw: source.raw,
        media_type: source.mediaType,
        outlet: source.outlet,
        url: source.url,
        title: source.title,
        published: source.published,
        retrieved_at: source.retrievedAt,
        origin: source.origin,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      const existing = await trx
        .selectFrom('sources')
        .select('id')
        .where('sha256', '=', source.sha256)
        .executeTakeFirst();
      if (!existing)
        throw new ConflictError(`source ${sourceId} collides with a stored source of other content`);
      return { sourceId: existing.id, created: false, events: 0, claims: 0, eventIds: [] };
    }
    const reportId = `${sourceId}.r1`;
    await trx
      .insertInto('reports')
      .values({
        id: reportId,
        source_id: sourceId,
        extracted_at: new Date().toISOString(),
        pipeline_version: pipelineVersion,
        notes: JSON.stringify(extraction.notes),
      })
      .execute();
    const idOf = (local: string): string => `${sourceId}.${local}`;
    const events = extraction.events.map((e) => {
      const stored: StoredEvent = {
        ...e,
        id: idOf(e.id),
        claimIds: e.claimIds.map(idOf),
        reportId,
        sourceId,
        outlet: source.outlet,
        published: source.published,
      };
      const l = e.location;
      return {
        id: stored.id,
        report_id: reportId,
        source_id: sourceId,
        event_type: e.eventType,
        sub_event_type: e.subEventType,
        date_start: e.date.start,
        date_end: e.date.end,
        date_precision: e.date.precision,
        country_code: l?.countryCode ?? null,
        country: l?.country ?? null,
        admin1: l?.admin1 ?? null,
        location_name: l?.name ?? null,
        lat: l?.lat ?? null,
        lon: l?.lon ?? null,
        geo_precision: l?.geoPrecision ?? null,
        fatalities_best: e.fatalities?.best ?? null,
        actors: `|${e.actors.map((a) => a.name.toLowerCase()).join('|')}|`,
        summary: e.summary,
        outlet: source.outlet,
        published: source.published,
        doc: JSON.stringify(stored),
      };
    });
    for (const part of chunk(events)) await trx.insertInto('events').values(part).execute();
    const links: { claim_id: string; event_id: string }[] = [];
    const claims = extraction.claims.map((c) => {
      const stored: StoredClaim = {
        ...c,
        id: idOf(c.id),
        eventIds: c.eventIds.map(idOf),
        reportId,
        sourceId,
        outlet: source.outlet,
        published: source.published,
      };
      for (const eid of stored.eventIds) links.push({ claim_id: stored.id, event_id: eid });
      return {
        id: stored.id,
        report_id: reportId,
        source_id: sourceId,
        kind: c.kind,
        claimant: c.claimant.name,
        stated_on: c.statedOn?.start ?? null,
        outlet: source.outlet,
        published: source.published,
        doc: JSON.stringify(stored),
      };
    });
    for (const part of chunk(claims)) await trx.insertInto('claims').values(part).execute();
    for (const part of chunk(links)) await trx.insertInto('claim_events').values(part).execute();
    return {
      sourceId,
      created: true,
      events: extraction.events.length,
      claims: extraction.claims.length,
      eventIds: extraction.events.map((e) => idOf(e.id)),
    };
  }

  saveExtraction(source: NewSource, extraction: Extraction, pipelineVersion: string): Promise<SaveResult> {
    return this.db.transaction().execute((trx) => this.saveOne(trx, source, extraction, pipelineVersion));
  }

  /**
   * One transaction for the batch (one commit), a savepoint per source: a source that fails is rolled
   * back alone and reported in its place. The batch first takes an advisory lock per SHA-256 in
   * ascending order, so two batches holding the same sources in different orders queue instead of
   * deadlocking on each other's uncommitted rows.
   */
  saveExtractions(items: SaveItem[]): Promise<(SaveResult | Error)[]> {
    if (!items.length) return Promise.resolve([]);
    return this.db.transaction().execute(async (trx) => {
      const keys = items.map((x) => shaLockKey(x.source.sha256));
      await sql`SELECT pg_advisory_xact_lock(${this.sourceLock}, k)
        FROM (SELECT DISTINCT k FROM unnest(${keys}::int4[]) AS k ORDER BY k) AS ordered`.execute(trx);
      const results: (SaveResult | Error)[] = [];
      for (const x of items) {
        await sql`SAVEPOINT docket_item`.execute(trx);
        try {
          results.push(await this.saveOne(trx, x.source, x.extraction, x.pipelineVersion));
          await sql`RELEASE SAVEPOINT docket_item`.execute(trx);
        } catch (e) {
          await sql`ROLLBACK TO SAVEPOINT docket_item`.execute(trx);
          await sql`RELEASE SAVEPOINT docket_item`.execute(trx);
          results.push(e instanceof Error ? e : new Error(String(e)));
        }
      }
      return results;
    });
  }

  async hasSource(sha256: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('sources')
      .select('rowid')
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    return row !== undefined;
  }

  async getSource(id: string): Promise<Source | null> {
    const row = await this.db
      .selectFrom('sources')
      .select(SOURCE_COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toSource(row) : null;
  }

  async listSources(
    filter: { q?: string | undefined; outlet?: string | undefined },
    page: PageRequest,
  ): Promise<Page<SourceSummary>> {
    const where = (eb: ExpressionBuilder<DB, 'sources'>): Expression<SqlBool> => {
      const c: Expression<SqlBool>[] = [];
      if (filter.q) c.push(sourceMatches(eb.ref('sources.id'), filter.q));
      if (filter.outlet) c.push(eb('sources.outlet', '=', filter.outlet));
      return eb.and(c);
    };
    const { n } = await this.db
      .selectFrom('sources')
      .where(where)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const rows = await this.db
      .selectFrom('sources')
      .where(where)
      .select(['id', 'sha256', 'title', 'outlet', 'url', 'published', 'retrieved_at', 'origin', 'media_type'])
      .select((eb) => [
        eb
          .selectFrom('events')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('events.source_id', '=', 'sources.id')
          .as('events'),
        eb
          .selectFrom('claims')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('claims.source_id', '=', 'sources.id')
          .as('claims'),
      ])
      // SQLite sorts NULL lowest: last when descending.
      .orderBy('published', (ob) => ob.desc().nullsLast())
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return {
      items: rows.map((r) => ({
        id: r.id,
        sha256: r.sha256,
        title: r.title,
        outlet: r.outlet,
        url: r.url,
        published: r.published,
        retrievedAt: r.retrieved_at,
        origin: r.origin,
        mediaType: r.media_type,
        events: r.events ?? 0,
        claims: r.claims ?? 0,
      })),
      total: n,
      ...page,
    };
  }

  /** The filters every event query shares, as one condition. */
  private eventWhere(f: EventFilter): (eb: ExpressionBuilder<DB, 'events'>) => Expression<SqlBool> {
    return (eb) => {
      const c: Expression<SqlBool>[] = [];
      // A date filter keeps events whose range overlaps the asked range.
      if (f.from) c.push(eb('date_end', '>=', f.from));
      if (f.to) c.push(eb('date_start', '<=', f.to));
      if (f.country) c.push(eb('country_code', '=', f.country.toUpperCase()));
      if (f.eventType) c.push(eb('event_type', '=', f.eventType));
      if (f.subEventType) c.push(eb('sub_event_type', '=', f.subEventType));
      // A substring of one actor's name, case ignored: names are stored lower case between bars
      // ("|a|b|"), so a pattern without a bar falls inside one name; one with a bar matches none, as
      // on SQLite, which searches its dictionary of names.
      if (f.actor)
        c.push(
          f.actor.includes('|')
            ? sql<SqlBool>`false`
            : eb('actors', 'ilike', containsPattern(f.actor.toLowerCase())),
        );
      if (f.bbox) {
        const [minLon, minLat, maxLon, maxLat] = f.bbox;
        c.push(eb.between('lat', minLat, maxLat), eb.between('lon', minLon, maxLon));
      }
      if (f.sourceId) c.push(eb('source_id', '=', f.sourceId));
      if (f.admin1) c.push(eb(eb.fn('lower', ['admin1']), '=', f.admin1.toLowerCase()));
      if (f.hasFatalities !== undefined)
        c.push(
          f.hasFatalities
            ? eb('fatalities_best', '>', 0)
            : eb(eb.fn.coalesce('fatalities_best', sql.lit(0)), '=', 0),
        );
      if (f.grade)
        c.push(
          eb(
            'events.id',
            'in',
            eb
              .selectFrom('incident_members as m')
              .innerJoin('incidents as i', 'i.id', 'm.incident_id')
              .select('m.event_id')
              .where('i.grade', '=', f.grade),
          ),
        );
      if (f.q) c.push(sourceMatches(eb.ref('events.source_id'), f.q));
      return eb.and(c);
    };
  }

  async listEvents(filter: EventFilter, page: PageRequest): Promise<Page<StoredEvent>> {
    const where = this.eventWhere(filter);
    const cap = page.countUpTo;
    // Counted up to the cap only: past it the total is a lower bound (see PageRequest.countUpTo).
    const matches = this.db
      .selectFrom('events')
      .where(where)
      .select(sql<number>`1`.as('one'));
    const { n } = await this.db
      .selectFrom((cap === undefined ? matches : matches.limit(cap + 1)).as('m'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const dir = page.order === 'asc' ? 'asc' : 'desc';
    const after = page.after;
    let query = this.db
      .selectFrom('events')
      .where(where)
      .select('doc')
      .orderBy('date_start', dir)
      .orderBy('id', dir)
      .limit(page.limit);
    // keyset: the page starts after the cursor's (date_start, id), in the page's order
    if (after)
      query = query.where((eb) =>
        eb(eb.refTuple('date_start', 'id'), dir === 'asc' ? '>' : '<', eb.tuple(after.date, after.id)),
      );
    else query = query.offset(page.offset);
    const rows = await query.execute();
    const exact = cap === undefined || n <= cap;
    return {
      items: rows.map((r) => JSON.parse(r.doc) as StoredEvent),
      total: exact ? n : cap,
      totalExact: exact,
      limit: page.limit,
      offset: page.offset,
    };
  }

  /**
   * Reads in pages keyed by (date_start, id): each page is its own query on whichever pooled connection
   * is free, so a slow reader (an HTTP export) holds no cursor or connection between yields.
   */
  async *iterateEvents(filter: EventFilter): AsyncIterable<StoredEvent> {
    const where = this.eventWhere(filter);
    let last: { date_start: string; id: string } | null = null;
    for (;;) {
      const after = last;
      let query = this.db
        .selectFrom('events')
        .where(where)
        .select(['date_start', 'id', 'doc'])
        .orderBy('date_start')
        .orderBy('id')
        .limit(ITERATE_PAGE);
      if (after)
        query = query.where((eb) =>
          eb(eb.refTuple('date_start', 'id'), '>', eb.tuple(after.date_start, after.id)),
        );
      const rows = await query.execute();
      for (const r of rows) yield JSON.parse(r.doc) as StoredEvent;
      if (rows.length < ITERATE_PAGE) return;
      last = rows[rows.length - 1]!;
    }
  }

  async getEvent(id: string): Promise<StoredEvent | null> {
    const row = await this.db.selectFrom('events').select('doc').where('id', '=', id).executeTakeFirst();
    return row ? (JSON.parse(row.doc) as StoredEvent) : null;
  }

  async clusters(filter: EventFilter, cellDegrees: number): Promise<ClusterCell[]> {
    const gx = sql<number>`floor((lon + 180) / ${cellDegrees})`;
    const gy = sql<number>`floor((lat + 90) / ${cellDegrees})`;
    const rows = await this.db
      .selectFrom('events')
      .where(this.eventWhere(filter))
      .where('lat', 'is not', null)
      .where('lon', 'is not', null)
      .select((eb) => [
        eb.fn.countAll<string>().as('count'),
        eb.fn.avg<number>('lat').as('lat'),
        eb.fn.avg<number>('lon').as('lon'),
        sql<string>`coalesce(sum(fatalities_best), 0)`.as('fatalities'),
        eb.fn.max('geo_precision').as('geoPrecision'),
        eb.fn.min('id').as('id'),
        sql<
          number | null
        >`case when count(*) = 1 then max((doc::jsonb #>> '{location,uncertaintyKm}')::float8) end`.as('km'),
      ])
      .groupBy([gx, gy])
      .execute();
    return rows.map((r) => {
      const count = Number(r.count);
      return {
        lat: Number(r.lat),
        lon: Number(r.lon),
        count,
        fatalities: Number(r.fatalities),
        geoPrecision: r.geoPrecision ?? null,
        eventId: count === 1 ? r.id : null,
        uncertaintyKm: count === 1 && r.km !== null ? Number(r.km) : null,
      };
    });
  }

  async actors(q: string | undefined, limit: number): Promise<ActorCount[]> {
    // One row per event and distinct actor name (case ignored), labelled as the events write it.
    const rows = await sql<{ name: string; events: string }>`
      SELECT min(a.name) AS name, count(DISTINCT e.id) AS events
        FROM events e, jsonb_to_recordset(e.doc::jsonb -> 'actors') AS a(name text)
       WHERE ${q ? sql`lower(a.name) LIKE ${containsPattern(q.toLowerCase())}` : sql`true`}
       GROUP BY lower(a.name) ORDER BY events DESC, lower(a.name) LIMIT ${limit}`.execute(this.db);
    return rows.rows.map((r) => ({ name: r.name, events: Number(r.events) }));
  }

  async places(q: string | undefined, country: string | undefined, limit: number): Promise<PlaceCount[]> {
    let query = this.db
      .selectFrom('events')
      .where('location_name', 'is not', null)
      .where('lat', 'is not', null)
      .select((eb) => [
        'location_name as name',
        'country_code as countryCode',
        'admin1',
        eb.fn.avg<number>('lat').as('lat'),
        eb.fn.avg<number>('lon').as('lon'),
        eb.fn.countAll<string>().as('events'),
      ])
      .groupBy(['location_name', 'country_code', 'admin1'])
      .orderBy('events', 'desc')
      .orderBy('location_name')
      .limit(limit);
    if (q) query = query.where('location_name', 'ilike', containsPattern(q));
    if (country) query = query.where('country_code', '=', country.toUpperCase());
    const rows = await query.execute();
    return rows.map((r) => ({
      name: r.name!,
      countryCode: r.countryCode,
      admin1: r.admin1,
      lat: Number(r.lat),
      lon: Number(r.lon),
      events: Number(r.events),
    }));
  }

  async getClaim(id: string): Promise<StoredClaim | null> {
    const row = await this.db.selectFrom('claims').select('doc').where('id', '=', id).executeTakeFirst();
    return row ? (JSON.parse(row.doc) as StoredClaim) : null;
  }

  async listClaims(filter: ClaimFilter, page: PageRequest): Promise<Page<StoredClaim>> {
    const where = (eb: ExpressionBuilder<DB, 'claims'>): Expression<SqlBool> => {
      const c: Expression<SqlBool>[] = [];
      if (filter.claimant) c.push(eb('claimant', 'ilike', containsPattern(filter.claimant)));
      if (filter.kind) c.push(eb('kind', '=', filter.kind));
      if (filter.eventId)
        c.push(
          eb(
            'claims.id',
            'in',
            eb.selectFrom('claim_events').select('claim_id').where('event_id', '=', filter.eventId),
          ),
        );
      if (filter.sourceId) c.push(eb('source_id', '=', filter.sourceId));
      if (filter.q) c.push(sourceMatches(eb.ref('claims.source_id'), filter.q));
      return eb.and(c);
    };
    const { n } = await this.db
      .selectFrom('claims')
      .where(where)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const rows = await this.db
      .selectFrom('claims')
      .where(where)
      .select('doc')
      .orderBy('published', (ob) => ob.desc().nullsLast())
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return { items: rows.map((r) => JSON.parse(r.doc) as StoredClaim), total: n, ...page };
  }

  async timeline(filter: EventFilter): Promise<{ date: string; count: number }[]> {
    return this.db
      .selectFrom('events')
      .where(this.eventWhere(filter))
      .select((eb) => ['date_start as date', eb.fn.countAll<number>().as('count')])
      .groupBy('date_start')
      .orderBy('date_start')
      .execute();
  }

  async facets(): Promise<Facets> {
    const eventTypes = await this.db
      .selectFrom('events')
      .select((eb) => ['event_type as value', eb.fn.countAll<number>().as('count')])
      .groupBy('event_type')
      .orderBy('count', 'desc')
      .execute();
    const countries = await this.db
      .selectFrom('events')
      .where('country_code', 'is not', null)
      .select((eb) => [
        eb.ref('country_code').$notNull().as('value'),
        eb.fn.max('country').$notNull().as('name'),
        eb.fn.countAll<number>().as('count'),
      ])
      .groupBy('country_code')
      .orderBy('count', 'desc')
      .execute();
    const outlets = await this.db
      .selectFrom('sources')
      .where('outlet', 'is not', null)
      .select((eb) => [eb.ref('outlet').$notNull().as('value'), eb.fn.countAll<number>().as('count')])
      .groupBy('outlet')
      .orderBy('count', 'desc')
      .execute();
    return { eventTypes, countries, outlets };
  }

  async stats(): Promise<Stats> {
    const { rows } = await sql<Stats>`SELECT
        (SELECT COUNT(*) FROM sources) AS sources, (SELECT COUNT(*) FROM reports) AS reports,
        (SELECT COUNT(*) FROM events) AS events, (SELECT COUNT(*) FROM claims) AS claims`.execute(this.db);
    return rows[0]!;
  }

  /** Ends the pool; closing again is a no-op (pg refuses to end a pool twice). */
  close(): Promise<void> {
    this.closing ??= this.db.destroy();
    return this.closing;
  }
}

/**
 * Open (and migrate) the store a postgres:// URL names. `?schema=name` picks the schema (created when
 * missing; default public). A server that cannot be reached is a ConfigError naming the URL without
 * its password.
 */
export async function openPostgresStorage(url: string): Promise<PostgresStorage> {
  const target = parsePgUrl(url);
  const db = await connect(target);
  try {
    const version = await migrate(db, target.schema);
    return new PostgresStorage(db, target.schema, version);
  } catch (e) {
    await db.destroy();
    throw e;
  }
}
