// The embedded default store: SQLite in one local file (WAL, foreign keys, FTS5 over sources).
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from '../../domain/errors.js';
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
import { containsPattern, ftsQuery, sourceIdFor, toSource, type SourceRow } from '../storage-shared.js';
import { SQLITE_MIGRATIONS } from './migrations.js';
import { SqliteAccountStore } from './sqlite.accounts.js';
import { SqliteIncidentStore } from './sqlite.incident-store.js';
import { PointIndex } from './sqlite.points.js';

type Param = string | number | null;

/** Degrees added around a box before asking the R*Tree, whose bounds are 32-bit floats. */
const RTREE_SLACK = 1e-3;

/** Above this many candidates, a page of events is found by walking the date index (see eventWhere). */
const LARGE_SET = 2000;

/**
 * Above this many candidates in a box, a page walks the date index (which holds lat and lon) instead of
 * sorting the box's rows: the walk reads about limit × events ÷ candidates index entries, the sort reads
 * every candidate row; they cost the same near 400 candidates at 100,000 events.
 */
const BOX_WALK = 400;

/** Above this many matching sources, a page of a text search walks the date index too. */
const MANY_SOURCES = 10_000;

/** Rows per read in iterateEvents. */
const ITERATE_PAGE = 500;

export class SqliteStorage implements Storage {
  private readonly db: Database.Database;
  /** Incidents, constraints, outlets and history live in the same file, under their own port. */
  readonly incidents: SqliteIncidentStore;
  /** Users, sessions and API tokens: same file, never in a dump. */
  readonly accounts: SqliteAccountStore;
  /** Located events in memory for the map's clusters (appended to as events are saved, by any process). */
  private readonly points: PointIndex;
  /** Prepared statements by SQL text (filters combine into a bounded set of shapes). */
  private readonly statements = new Map<string, Database.Statement>();

  private stmt(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      if (this.statements.size > 500) this.statements.clear();
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    try {
      this.db = new Database(path);
    } catch (e) {
      throw new ConfigError(`cannot open the SQLite database ${path}: ${(e as Error).message}`);
    }
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    // Unicode lower-casing for the triggers that keep the actor dictionary (SQLite's lower() is ASCII-only).
    this.db.function('docket_lower', { deterministic: true }, (s: unknown) =>
      typeof s === 'string' ? s.toLowerCase() : null,
    );
    this.migrate();
    this.incidents = new SqliteIncidentStore(this.db, () => this.schemaVersion());
    this.accounts = new SqliteAccountStore(this.db);
    this.points = new PointIndex(this.db);
  }

  /** Apply pending migrations, each in its own transaction. */
  private migrate(): void {
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const applied = new Set(
      (this.db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
        (r) => r.version,
      ),
    );
    for (const m of SQLITE_MIGRATIONS) {
      if (applied.has(m.version)) continue;
      // SQLite's way to rebuild a referenced table: foreign keys off (outside the transaction), then a check.
      if (m.foreignKeysOff) this.db.pragma('foreign_keys = OFF');
      try {
        this.db.transaction(() => {
          this.db.exec(m.sql);
          const broken = this.db.pragma('foreign_key_check') as unknown[];
          if (broken.length)
            throw new ConfigError(
              `migration ${m.version} left ${broken.length} broken reference(s); nothing was changed`,
            );
          this.db
            .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
            .run(m.version, m.name, new Date().toISOString());
        })();
      } finally {
        if (m.foreignKeysOff) this.db.pragma('foreign_keys = ON');
      }
    }
  }

  schemaVersion(): number {
    return (this.stmt('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number }).v;
  }

  /** Writes one source with its report, events, claims and links; the caller holds the transaction. */
  private saveOne(source: NewSource, extraction: Extraction, pipelineVersion: string): SaveResult {
    const sourceId = sourceIdFor(source.sha256);
    const existing = this.stmt('SELECT id FROM sources WHERE sha256 = ?').get(source.sha256) as
      { id: string } | undefined;
    if (existing) return { sourceId: existing.id, created: false, events: 0, claims: 0, eventIds: [] };
    this.stmt(
      `INSERT INTO sources (id, sha256, text, raw, media_type, outlet, url, title, published, retrieved_at, origin)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      sourceId,
      source.sha256,
      source.text,
      source.raw,
      source.mediaType,
      source.outlet,
      source.url,
      source.title,
      source.published,
      source.retrievedAt,
      source.origin,
    );
    const reportId = `${sourceId}.r1`;
    this.stmt(
      'INSERT INTO reports (id, source_id, extracted_at, pipeline_version, notes) VALUES (?, ?, ?, ?, ?)',
    ).run(reportId, sourceId, new Date().toISOString(), pipelineVersion, JSON.stringify(extraction.notes));
    const idOf = (local: string): string => `${sourceId}.${local}`;
    const insertEvent = this.stmt(
      `INSERT INTO events (id, report_id, source_id, event_type, sub_event_type, date_start, date_end, date_precision,
           country_code, country, admin1, location_name, lat, lon, geo_precision, fatalities_best, actors, summary, outlet, published, doc)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const e of extraction.events) {
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
      insertEvent.run(
        stored.id,
        reportId,
        sourceId,
        e.eventType,
        e.subEventType,
        e.date.start,
        e.date.end,
        e.date.precision,
        l?.countryCode ?? null,
        l?.country ?? null,
        l?.admin1 ?? null,
        l?.name ?? null,
        l?.lat ?? null,
        l?.lon ?? null,
        l?.geoPrecision ?? null,
        e.fatalities?.best ?? null,
        `|${e.actors.map((a) => a.name.toLowerCase()).join('|')}|`,
        e.summary,
        source.outlet,
        source.published,
        JSON.stringify(stored),
      );
    }
    const insertClaim = this.stmt(
      `INSERT INTO claims (id, report_id, source_id, kind, claimant, stated_on, outlet, published, doc)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const link = this.stmt('INSERT INTO claim_events (claim_id, event_id) VALUES (?, ?)');
    for (const c of extraction.claims) {
      const stored: StoredClaim = {
        ...c,
        id: idOf(c.id),
        eventIds: c.eventIds.map(idOf),
        reportId,
        sourceId,
        outlet: source.outlet,
        published: source.published,
      };
      insertClaim.run(
        stored.id,
        reportId,
        sourceId,
        c.kind,
        c.claimant.name,
        c.statedOn?.start ?? null,
        source.outlet,
        source.published,
        JSON.stringify(stored),
      );
      for (const eid of stored.eventIds) link.run(stored.id, eid);
    }
    return {
      sourceId,
      created: true,
      events: extraction.events.length,
      claims: extraction.claims.length,
      eventIds: extraction.events.map((e) => idOf(e.id)),
    };
  }

  saveExtraction(source: NewSource, extraction: Extraction, pipelineVersion: string): Promise<SaveResult> {
    const run = this.db.transaction(() => this.saveOne(source, extraction, pipelineVersion));
    // A failed insert rolls the transaction back and rejects the promise (never throws synchronously).
    try {
      return Promise.resolve(run.immediate());
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }

  saveExtractions(items: SaveItem[]): Promise<(SaveResult | Error)[]> {
    // One transaction for the batch (one commit), a savepoint per source: a source that fails is
    // rolled back alone and reported, the others are stored.
    const one = this.db.transaction((x: SaveItem) => this.saveOne(x.source, x.extraction, x.pipelineVersion));
    const all = this.db.transaction(() =>
      items.map((x) => {
        try {
          return one(x);
        } catch (e) {
          return e instanceof Error ? e : new Error(String(e));
        }
      }),
    );
    try {
      return Promise.resolve(all.immediate());
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }

  hasSource(sha256: string): Promise<boolean> {
    return Promise.resolve(Boolean(this.stmt('SELECT 1 FROM sources WHERE sha256 = ?').get(sha256)));
  }

  getSource(id: string): Promise<Source | null> {
    const row = this.stmt('SELECT * FROM sources WHERE id = ?').get(id) as SourceRow | undefined;
    return Promise.resolve(row ? toSource(row) : null);
  }

  listSources(
    filter: { q?: string | undefined; outlet?: string | undefined },
    page: PageRequest,
  ): Promise<Page<SourceSummary>> {
    const where: string[] = [];
    const params: Param[] = [];
    if (filter.q) {
      where.push('s.rowid IN (SELECT rowid FROM sources_fts WHERE sources_fts MATCH ?)');
      params.push(ftsQuery(filter.q));
    }
    if (filter.outlet) {
      where.push('s.outlet = ?');
      params.push(filter.outlet);
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.stmt(`SELECT COUNT(*) AS n FROM sources s ${w}`).get(...params) as { n: number }).n;
    const rows = this.stmt(
      `SELECT s.id, s.sha256, s.title, s.outlet, s.url, s.published, s.retrieved_at, s.origin, s.media_type,
           (SELECT COUNT(*) FROM events e WHERE e.source_id = s.id) AS events,
           (SELECT COUNT(*) FROM claims c WHERE c.source_id = s.id) AS claims
         FROM sources s ${w} ORDER BY s.published DESC, s.id LIMIT ? OFFSET ?`,
    ).all(...params, page.limit, page.offset) as (Omit<SourceRow, 'text' | 'raw'> & {
      events: number;
      claims: number;
    })[];
    return Promise.resolve({
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
        events: r.events,
        claims: r.claims,
      })),
      total,
      ...page,
    });
  }

  /**
   * Whether a candidate set holds more than `limit` rows (a bounded count). `seen` keeps the answers of
   * one request, so that its page and its count do not ask twice.
   */
  private isLarge(subquery: string, params: Param[], seen: Map<string, boolean>, limit = LARGE_SET): boolean {
    const sql = `SELECT COUNT(*) AS n FROM (${subquery} LIMIT ${limit + 1})`;
    const key = `${sql}\u0000${JSON.stringify(params)}`;
    let large = seen.get(key);
    if (large === undefined) {
      large = (this.stmt(sql).get(...params) as { n: number }).n > limit;
      seen.set(key, large);
    }
    return large;
  }

  /**
   * The WHERE clause of an event filter. `plan` 'scan' is for one page in date order: a filter matching
   * many events is then tested row by row while the date index is walked (the page fills quickly), instead
   * of fetching every match and sorting it. 'count' is for a bounded count, which keeps no order: a box
   * is found through the R*Tree, a common actor tested row by row. 'set' (timelines, exports) always
   * starts from the matches.
   */
  private eventWhere(
    f: EventFilter,
    plan: 'scan' | 'count' | 'set' = 'set',
    seen = new Map<string, boolean>(),
  ): { sql: string; params: Param[] } {
    const where: string[] = [];
    const params: Param[] = [];
    // A date filter keeps events whose range overlaps the asked range.
    if (f.from) {
      where.push('e.date_end >= ?');
      params.push(f.from);
    }
    if (f.to) {
      where.push('e.date_start <= ?');
      params.push(f.to);
    }
    if (f.country) {
      where.push('e.country_code = ?');
      params.push(f.country.toUpperCase());
    }
    if (f.eventType) {
      where.push('e.event_type = ?');
      params.push(f.eventType);
    }
    if (f.subEventType) {
      where.push('e.sub_event_type = ?');
      params.push(f.subEventType);
    }
    if (f.actor) {
      // Substring match over the small dictionary of distinct actor names, then the events that name them.
      const pattern = containsPattern(f.actor.toLowerCase());
      const names = "SELECT n.id FROM actor_names n WHERE n.name LIKE ? ESCAPE '\\'";
      if (
        plan !== 'set' &&
        this.isLarge(`SELECT 1 FROM event_actors WHERE actor_id IN (${names})`, [pattern], seen)
      )
        // Common actor: test each event as the rows go by (a page or a bounded count stops early);
        // an IN list would first build the whole set of its events.
        where.push(
          `EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_n = e.n AND ea.actor_id IN (${names}))`,
        );
      else where.push(`e.n IN (SELECT ea.event_n FROM event_actors ea WHERE ea.actor_id IN (${names}))`);
      params.push(pattern);
    }
    if (f.bbox) {
      const [minLon, minLat, maxLon, maxLat] = f.bbox;
      // The R*Tree narrows to the box (its 32-bit bounds widened by a hair), the exact test decides;
      // a box holding many events is better walked in date order with the exact test alone.
      const rtree =
        'SELECT n FROM events_rtree WHERE max_lat >= ? AND min_lat <= ? AND max_lon >= ? AND min_lon <= ?';
      const widened = [
        minLat - RTREE_SLACK,
        maxLat + RTREE_SLACK,
        minLon - RTREE_SLACK,
        maxLon + RTREE_SLACK,
      ];
      if (plan !== 'scan' || !this.isLarge(rtree, widened, seen, BOX_WALK)) {
        where.push(`e.n IN (${rtree})`, 'e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?');
        params.push(...widened);
      } else {
        // unary + keeps SQLite from driving by the lat/lon index (then sorting the whole band by date)
        where.push('+e.lat BETWEEN ? AND ? AND +e.lon BETWEEN ? AND ?');
      }
      params.push(minLat, maxLat, minLon, maxLon);
    }
    if (f.sourceId) {
      where.push('e.source_id = ?');
      params.push(f.sourceId);
    }
    if (f.admin1) {
      where.push('docket_lower(e.admin1) = ?');
      params.push(f.admin1.toLowerCase());
    }
    if (f.hasFatalities !== undefined)
      where.push(f.hasFatalities ? 'e.fatalities_best > 0' : 'COALESCE(e.fatalities_best, 0) = 0');
    if (f.grade) {
      // The grade of the incident each event belongs to. A common grade is tested event by event as a
      // page or a bounded count walks (it stops early); a rare one starts from its few incidents.
      if (plan !== 'set' && this.isLarge('SELECT 1 FROM incidents WHERE grade = ?', [f.grade], seen))
        where.push(
          'EXISTS (SELECT 1 FROM incident_members m JOIN incidents i ON i.id = m.incident_id WHERE m.event_id = e.id AND i.grade = ?)',
        );
      else
        where.push(
          'e.id IN (SELECT m.event_id FROM incident_members m JOIN incidents i ON i.id = m.incident_id WHERE i.grade = ?)',
        );
      params.push(f.grade);
    }
    if (f.q) {
      const matching = 'SELECT rowid FROM sources_fts WHERE sources_fts MATCH ?';
      const q = ftsQuery(f.q);
      if (plan === 'scan' && this.isLarge(matching, [q], seen, MANY_SOURCES))
        // A short prefix matching a good share of the record: build the set of sources once and test
        // each event against it while the date index is walked (unary + keeps SQLite from driving by
        // the set, which would sort every matching event for one page).
        where.push(`+e.source_id IN (SELECT s.id FROM sources s WHERE s.rowid IN (${matching}))`);
      // otherwise from the matching sources to their events, through the source index
      else where.push(`e.source_id IN (SELECT s.id FROM sources s WHERE s.rowid IN (${matching}))`);
      params.push(q);
    }
    return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
  }

  /**
   * A bounded count that one index answers alone, for a filter of only an actor, a grade or a box (null
   * otherwise): the general count tests events one by one (2–6 ms at 100,000 events), these read an index.
   */
  private soleCount(f: EventFilter, cap: number): number | null {
    if (Object.values(f).filter((v) => v !== undefined).length !== 1) return null;
    let sql: string;
    let params: Param[];
    if (f.actor) {
      // an event naming two matching actors is one event
      sql = `SELECT DISTINCT event_n FROM event_actors WHERE actor_id IN (SELECT n.id FROM actor_names n WHERE n.name LIKE ? ESCAPE '\\')`;
      params = [containsPattern(f.actor.toLowerCase())];
    } else if (f.grade) {
      // an event belongs to one incident (incident_members' key is the event)
      sql =
        'SELECT m.event_id FROM incidents i JOIN incident_members m ON m.incident_id = i.id WHERE i.grade = ?';
      params = [f.grade];
    } else if (f.bbox) {
      // the exact test, on the (lat, lon) index alone
      const [minLon, minLat, maxLon, maxLat] = f.bbox;
      sql = 'SELECT 1 FROM events e WHERE e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?';
      params = [minLat, maxLat, minLon, maxLon];
    } else return null;
    return (this.stmt(`SELECT COUNT(*) AS n FROM (${sql} LIMIT ?)`).get(...params, cap + 1) as { n: number })
      .n;
  }

  listEvents(filter: EventFilter, page: PageRequest): Promise<Page<StoredEvent>> {
    // The page walks the date index ('scan'); the bounded count has no order to keep ('count').
    const seen = new Map<string, boolean>();
    const { sql, params } = this.eventWhere(filter, 'scan', seen);
    const set = this.eventWhere(filter, 'count', seen);
    const cap = page.countUpTo;
    const sole = cap === undefined ? null : this.soleCount(filter, cap);
    const total = (
      sole !== null
        ? { n: sole }
        : cap === undefined
          ? this.stmt(`SELECT COUNT(*) AS n FROM events e ${set.sql}`).get(...set.params)
          : this.stmt(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM events e ${set.sql} LIMIT ?)`).get(
              ...set.params,
              cap + 1,
            )
    ) as { n: number };
    const dir = page.order === 'asc' ? 'ASC' : 'DESC';
    let pageSql = sql;
    const pageParams = [...params];
    if (page.after) {
      // keyset: the page starts after the cursor's (date_start, id), in the page's order
      pageSql = `${sql ? `${sql} AND` : 'WHERE'} (e.date_start, e.id) ${dir === 'ASC' ? '>' : '<'} (?, ?)`;
      pageParams.push(page.after.date, page.after.id);
    }
    const rows = this.stmt(
      `SELECT e.doc FROM events e ${pageSql} ORDER BY e.date_start ${dir}, e.id ${dir} LIMIT ? OFFSET ?`,
    ).all(...pageParams, page.limit, page.after ? 0 : page.offset) as { doc: string }[];
    const exact = cap === undefined || total.n <= cap;
    return Promise.resolve({
      items: rows.map((r) => JSON.parse(r.doc) as StoredEvent),
      total: exact ? total.n : cap,
      totalExact: exact,
      limit: page.limit,
      offset: page.offset,
    });
  }

  /**
   * Reads in pages keyed by (date_start, id), so no statement stays open between yields: a slow reader
   * (an HTTP export) would otherwise hold a cached statement busy, so that a second export with the same
   * filter failed ("This statement is busy"), and keep the connection from writing.
   */
  async *iterateEvents(filter: EventFilter): AsyncIterable<StoredEvent> {
    const { sql, params } = this.eventWhere(filter);
    const first = this.stmt(
      `SELECT e.date_start, e.id, e.doc FROM events e ${sql} ORDER BY e.date_start, e.id LIMIT ${ITERATE_PAGE}`,
    );
    const after = this.stmt(
      `SELECT e.date_start, e.id, e.doc FROM events e ${sql ? `${sql} AND` : 'WHERE'} (e.date_start, e.id) > (?, ?)
       ORDER BY e.date_start, e.id LIMIT ${ITERATE_PAGE}`,
    );
    type Row = { date_start: string; id: string; doc: string };
    let rows = first.all(...params) as Row[];
    while (rows.length > 0) {
      for (const r of rows) yield JSON.parse(r.doc) as StoredEvent;
      const last = rows[rows.length - 1]!;
      rows = rows.length < ITERATE_PAGE ? [] : (after.all(...params, last.date_start, last.id) as Row[]);
    }
    await Promise.resolve();
  }

  getEvent(id: string): Promise<StoredEvent | null> {
    const row = this.stmt('SELECT doc FROM events WHERE id = ?').get(id) as { doc: string } | undefined;
    return Promise.resolve(row ? (JSON.parse(row.doc) as StoredEvent) : null);
  }

  clusters(filter: EventFilter, cellDegrees: number): Promise<ClusterCell[]> {
    // Dates and boxes are tested on the in-memory points; any other filter names its rows here first.
    const { from, to, bbox, ...rest } = filter;
    let allowed: number[] | null = null;
    if (Object.values(rest).some((v) => v !== undefined)) {
      const { sql, params } = this.eventWhere(rest);
      allowed = this.stmt(`SELECT e.n FROM events e ${sql}`)
        .pluck()
        .all(...params) as number[];
    }
    const cells = this.points.cells({ allowed, from, to, bbox, cellDegrees });
    return Promise.resolve(cells);
  }

  actors(q: string | undefined, limit: number): Promise<ActorCount[]> {
    const where = q ? "WHERE n.name LIKE ? ESCAPE '\\'" : '';
    const params: Param[] = q ? [containsPattern(q.toLowerCase())] : [];
    // Names are kept lower case in the dictionary: the label is the name as one event writes it.
    const rows = this.stmt(
      `SELECT n.id, n.name, COUNT(*) AS events FROM actor_names n JOIN event_actors ea ON ea.actor_id = n.id
         ${where} GROUP BY n.id ORDER BY events DESC, n.name LIMIT ?`,
    ).all(...params, limit) as { id: number; name: string; events: number }[];
    const label = this.stmt(
      `SELECT json_extract(a.value, '$.name') AS name FROM event_actors ea JOIN events e ON e.n = ea.event_n,
              json_each(e.doc, '$.actors') AS a
        WHERE ea.actor_id = ? AND docket_lower(json_extract(a.value, '$.name')) = ? LIMIT 1`,
    );
    return Promise.resolve(
      rows.map((r) => ({
        name: (label.get(r.id, r.name) as { name: string } | undefined)?.name ?? r.name,
        events: r.events,
      })),
    );
  }

  places(q: string | undefined, country: string | undefined, limit: number): Promise<PlaceCount[]> {
    const where = ['e.location_name IS NOT NULL', 'e.lat IS NOT NULL'];
    const params: Param[] = [];
    if (q) {
      where.push("docket_lower(e.location_name) LIKE ? ESCAPE '\\'");
      params.push(containsPattern(q.toLowerCase()));
    }
    if (country) {
      where.push('e.country_code = ?');
      params.push(country.toUpperCase());
    }
    const rows = this.stmt(
      `SELECT e.location_name AS name, e.country_code AS countryCode, e.admin1 AS admin1,
              AVG(e.lat) AS lat, AVG(e.lon) AS lon, COUNT(*) AS events
         FROM events e WHERE ${where.join(' AND ')}
        GROUP BY e.location_name, e.country_code, e.admin1 ORDER BY events DESC, name LIMIT ?`,
    ).all(...params, limit) as PlaceCount[];
    return Promise.resolve(rows);
  }

  getClaim(id: string): Promise<StoredClaim | null> {
    const row = this.stmt('SELECT doc FROM claims WHERE id = ?').get(id) as { doc: string } | undefined;
    return Promise.resolve(row ? (JSON.parse(row.doc) as StoredClaim) : null);
  }

  listClaims(filter: ClaimFilter, page: PageRequest): Promise<Page<StoredClaim>> {
    const where: string[] = [];
    const params: Param[] = [];
    if (filter.claimant) {
      where.push("c.claimant LIKE ? ESCAPE '\\'");
      params.push(containsPattern(filter.claimant));
    }
    if (filter.kind) {
      where.push('c.kind = ?');
      params.push(filter.kind);
    }
    if (filter.eventId) {
      where.push('c.id IN (SELECT claim_id FROM claim_events WHERE event_id = ?)');
      params.push(filter.eventId);
    }
    if (filter.sourceId) {
      where.push('c.source_id = ?');
      params.push(filter.sourceId);
    }
    if (filter.q) {
      where.push(
        'c.source_id IN (SELECT s.id FROM sources s WHERE s.rowid IN (SELECT rowid FROM sources_fts WHERE sources_fts MATCH ?))',
      );
      params.push(ftsQuery(filter.q));
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.stmt(`SELECT COUNT(*) AS n FROM claims c ${w}`).get(...params) as { n: number }).n;
    const rows = this.stmt(
      `SELECT c.doc FROM claims c ${w} ORDER BY c.published DESC, c.id LIMIT ? OFFSET ?`,
    ).all(...params, page.limit, page.offset) as { doc: string }[];
    return Promise.resolve({ items: rows.map((r) => JSON.parse(r.doc) as StoredClaim), total, ...page });
  }

  timeline(filter: EventFilter): Promise<{ date: string; count: number }[]> {
    const { sql, params } = this.eventWhere(filter);
    const rows = this.stmt(
      `SELECT e.date_start AS date, COUNT(*) AS count FROM events e ${sql} GROUP BY e.date_start ORDER BY e.date_start`,
    ).all(...params) as { date: string; count: number }[];
    return Promise.resolve(rows);
  }

  facets(): Promise<Facets> {
    const eventTypes = this.stmt(
      'SELECT event_type AS value, COUNT(*) AS count FROM events GROUP BY event_type ORDER BY count DESC',
    ).all() as Facets['eventTypes'];
    const countries = this.stmt(
      `SELECT country_code AS value, MAX(country) AS name, COUNT(*) AS count FROM events
         WHERE country_code IS NOT NULL GROUP BY country_code ORDER BY count DESC`,
    ).all() as Facets['countries'];
    const outlets = this.stmt(
      'SELECT outlet AS value, COUNT(*) AS count FROM sources WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY count DESC',
    ).all() as Facets['outlets'];
    return Promise.resolve({ eventTypes, countries, outlets });
  }

  stats(): Promise<Stats> {
    const n = (table: string): number =>
      (this.stmt(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return Promise.resolve({
      sources: n('sources'),
      reports: n('reports'),
      events: n('events'),
      claims: n('claims'),
    });
  }

  close(): Promise<void> {
    // lets SQLite gather the statistics its planner wants, for the tables this connection queried
    if (this.db.open && !this.db.readonly) this.db.pragma('optimize');
    this.db.close();
    return Promise.resolve();
  }
}
