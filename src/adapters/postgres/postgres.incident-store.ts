// Incidents, constraints, outlet ratings and the hash-chained history in the same PostgreSQL schema as
// the sources. History appends take one advisory lock, held to commit, so that writers in many
// processes still build one linear chain; dump and restore carry the same rows as SQLite's.
import { sql, type Kysely } from 'kysely';
import { ConflictError } from '../../domain/errors.js';
import type { HistoryEntry, Incident, Reliability } from '../../domain/incident.js';
import { incidentValues } from '../../domain/incident.js';
import type { Source, StoredClaim, StoredEvent } from '../../domain/types.js';
import { entryHash, GENESIS_HASH, HistoryChainCheck, sourceHash } from '../../integrity.js';
import type {
  BackupRecord,
  ChangeSet,
  ClusterScope,
  IncidentFilter,
  IncidentStore,
  LinkConstraint,
  VerifyReport,
} from '../../ports/incident.port.js';
import type { Page, PageRequest } from '../../ports/storage.port.js';
import { lockKeys } from './postgres.connection.js';
import { toEntry } from '../storage-shared.js';
import { BACKUP_TABLES, SOURCE_COLUMNS, toSource, type DB } from './postgres.tables.js';

/** Rows per page in verify and dump; parameters per multi-row INSERT in restore (limit 65,535). */
const PAGE = 1000;
const RESTORE_PARAMS = 30_000;

export class PostgresIncidentStore implements IncidentStore {
  private readonly historyLock: number;

  constructor(
    private readonly db: Kysely<DB>,
    schema: string,
    private readonly version: number,
  ) {
    this.historyLock = lockKeys(schema).history;
  }

  schemaVersion(): number {
    return this.version;
  }

  private docs<T>(rows: { doc: string }[]): T[] {
    return rows.map((r) => JSON.parse(r.doc) as T);
  }

  async eventsInScope(scope: ClusterScope | null): Promise<StoredEvent[]> {
    let query = this.db.selectFrom('events').select('doc').orderBy('id');
    if (scope)
      query = query
        .where((eb) =>
          eb.or([
            eb('country_code', '=', sql<string>`ANY(${scope.countries}::text[])`),
            eb('country_code', 'is', null),
          ]),
        )
        .where('date_end', '>=', scope.from)
        .where('date_start', '<=', scope.to);
    return this.docs<StoredEvent>(await query.execute());
  }

  async eventsByIds(ids: string[]): Promise<StoredEvent[]> {
    if (!ids.length) return [];
    const rows = await this.db
      .selectFrom('events')
      .select('doc')
      .where('id', '=', sql<string>`ANY(${ids}::text[])`)
      .orderBy('id')
      .execute();
    return this.docs<StoredEvent>(rows);
  }

  async sourcesByIds(ids: string[]): Promise<Source[]> {
    if (!ids.length) return [];
    const rows = await this.db
      .selectFrom('sources')
      .select(SOURCE_COLUMNS)
      .where('id', '=', sql<string>`ANY(${ids}::text[])`)
      .orderBy('id')
      .execute();
    return rows.map(toSource);
  }

  async claimsForEvents(eventIds: string[]): Promise<StoredClaim[]> {
    if (!eventIds.length) return [];
    const rows = await this.db
      .selectFrom('claims')
      .select('doc')
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('claim_events')
          .select('claim_id')
          .where('event_id', '=', sql<string>`ANY(${eventIds}::text[])`),
      )
      .orderBy('id')
      .execute();
    return this.docs<StoredClaim>(rows);
  }

  async constraints(): Promise<LinkConstraint[]> {
    return this.db
      .selectFrom('link_constraints')
      .select(['kind', 'a', 'b'])
      .orderBy('kind')
      .orderBy('a')
      .orderBy('b')
      .execute();
  }

  async outletRatings(): Promise<Map<string, Reliability>> {
    const rows = await this.db.selectFrom('outlets').select(['name', 'reliability']).execute();
    return new Map(rows.map((r) => [r.name, r.reliability as Reliability]));
  }

  async incidentsOfEvents(eventIds: string[]): Promise<Incident[]> {
    if (!eventIds.length) return [];
    const rows = await this.db
      .selectFrom('incidents')
      .select('doc')
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('incident_members')
          .select('incident_id')
          .where('event_id', '=', sql<string>`ANY(${eventIds}::text[])`),
      )
      .orderBy('id')
      .execute();
    return this.docs<Incident>(rows);
  }

  async getIncident(id: string): Promise<Incident | null> {
    const row = await this.db.selectFrom('incidents').select('doc').where('id', '=', id).executeTakeFirst();
    return row ? (JSON.parse(row.doc) as Incident) : null;
  }

  async listIncidents(filter: IncidentFilter, page: PageRequest): Promise<Page<Incident>> {
    let query = this.db.selectFrom('incidents');
    if (filter.from) query = query.where('date_end', '>=', filter.from);
    if (filter.to) query = query.where('date_start', '<=', filter.to);
    if (filter.country) query = query.where('country_code', '=', filter.country.toUpperCase());
    if (filter.grade) query = query.where('grade', '=', filter.grade);
    if (filter.status) query = query.where('status', '=', filter.status);
    const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await query
      .select('doc')
      .orderBy('date_start', 'desc')
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return { items: this.docs<Incident>(rows), total: n, ...page };
  }

  apply(change: ChangeSet): Promise<HistoryEntry> {
    return this.db.transaction().execute(async (trx) => {
      // One writer at a time appends to the history, in every process: the lock is held to commit,
      // and the next holder's statements see this one's entry.
      await sql`SELECT pg_advisory_xact_lock(${this.historyLock}, 0)`.execute(trx);
      if (change.remove.length) {
        await trx.deleteFrom('incident_members').where('incident_id', 'in', change.remove).execute();
        await trx.deleteFrom('incidents').where('id', 'in', change.remove).execute();
      }
      for (const inc of change.upsert) {
        const v = incidentValues(inc);
        await trx.deleteFrom('incident_members').where('incident_id', '=', inc.id).execute();
        await trx
          .insertInto('incidents')
          .values({
            id: inc.id,
            status: inc.status,
            grade: inc.grade.value,
            event_type: v.eventType,
            date_start: v.date.start,
            date_end: v.date.end,
            country_code: v.location?.countryCode ?? null,
            lat: v.location?.lat ?? null,
            lon: v.location?.lon ?? null,
            sources: inc.independentSources,
            doc: JSON.stringify(inc),
          })
          .onConflict((oc) =>
            oc.column('id').doUpdateSet((eb) => ({
              status: eb.ref('excluded.status'),
              grade: eb.ref('excluded.grade'),
              event_type: eb.ref('excluded.event_type'),
              date_start: eb.ref('excluded.date_start'),
              date_end: eb.ref('excluded.date_end'),
              country_code: eb.ref('excluded.country_code'),
              lat: eb.ref('excluded.lat'),
              lon: eb.ref('excluded.lon'),
              sources: eb.ref('excluded.sources'),
              doc: eb.ref('excluded.doc'),
            })),
          )
          .execute();
        // one row per event (a repeated member would hit its own row twice in one statement)
        const members = [...new Set(inc.members.map((m) => m.eventId))];
        if (members.length)
          await trx
            .insertInto('incident_members')
            .values(members.map((eventId) => ({ event_id: eventId, incident_id: inc.id })))
            .onConflict((oc) =>
              oc.column('event_id').doUpdateSet((eb) => ({ incident_id: eb.ref('excluded.incident_id') })),
            )
            .execute();
      }
      const last = await trx
        .selectFrom('history')
        .select(['seq', 'hash'])
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      const seq = (last?.seq ?? 0) + 1;
      const prevHash = last?.hash ?? GENESIS_HASH;
      const fields = { ...change.entry, seq };
      const hash = entryHash(prevHash, fields);
      await trx
        .insertInto('history')
        .values({
          seq,
          at: fields.at,
          by: fields.by,
          action: fields.action,
          subjects: JSON.stringify(fields.subjects),
          before: JSON.stringify(fields.before ?? null),
          after: JSON.stringify(fields.after ?? null),
          why: fields.why,
          undoes: fields.undoes,
          prev_hash: prevHash,
          hash,
        })
        .execute();
      if (fields.subjects.length)
        await trx
          .insertInto('history_subjects')
          .values([...new Set(fields.subjects)].map((subject) => ({ subject, seq })))
          .execute();
      if (change.dropConstraintsOf !== undefined)
        await trx.deleteFrom('link_constraints').where('seq', '=', change.dropConstraintsOf).execute();
      for (const c of change.addConstraints ?? []) {
        const [a, b] = c.a < c.b ? [c.a, c.b] : [c.b, c.a];
        // a split undoes an earlier merge of the same pair, and the other way round
        await trx
          .deleteFrom('link_constraints')
          .where('kind', '=', c.kind === 'must' ? 'cannot' : 'must')
          .where('a', '=', a)
          .where('b', '=', b)
          .execute();
        await trx
          .insertInto('link_constraints')
          .values({ kind: c.kind, a, b, seq })
          .onConflict((oc) => oc.columns(['kind', 'a', 'b']).doUpdateSet({ seq }))
          .execute();
      }
      if (change.outlet)
        await trx
          .insertInto('outlets')
          .values({ name: change.outlet.name, reliability: change.outlet.reliability, updated_at: fields.at })
          .onConflict((oc) =>
            oc.column('name').doUpdateSet((eb) => ({
              reliability: eb.ref('excluded.reliability'),
              updated_at: eb.ref('excluded.updated_at'),
            })),
          )
          .execute();
      return { ...fields, prevHash, hash };
    });
  }

  async history(subject: string | null, page: PageRequest): Promise<Page<HistoryEntry>> {
    let query = this.db.selectFrom('history');
    if (subject)
      query = query.where('seq', 'in', (eb) =>
        eb.selectFrom('history_subjects').select('seq').where('subject', '=', subject),
      );
    const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await query
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return { items: rows.map(toEntry), total: n, ...page };
  }

  async undoOf(seq: number): Promise<HistoryEntry | null> {
    const row = await this.db
      .selectFrom('history')
      .selectAll()
      .where('action', '=', 'undo')
      .where('undoes', '=', seq)
      .orderBy('seq')
      .limit(1)
      .executeTakeFirst();
    return row ? toEntry(row) : null;
  }

  async historyEntry(seq: number): Promise<HistoryEntry | null> {
    const row = await this.db.selectFrom('history').selectAll().where('seq', '=', seq).executeTakeFirst();
    return row ? toEntry(row) : null;
  }

  async verify(): Promise<VerifyReport> {
    const alteredSources: string[] = [];
    let sources = 0;
    for (let after = 0; ;) {
      const rows = await this.db
        .selectFrom('sources')
        .select(['rowid', 'id', 'sha256', 'text', 'raw'])
        .where('rowid', '>', after)
        .orderBy('rowid')
        .limit(PAGE)
        .execute();
      for (const r of rows) {
        sources++;
        if (sourceHash(r) !== r.sha256) alteredSources.push(r.id);
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.rowid;
    }
    const chain = new HistoryChainCheck();
    for (let after = 0; ;) {
      const rows = await this.db
        .selectFrom('history')
        .selectAll()
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(PAGE)
        .execute();
      for (const r of rows) chain.add(toEntry(r));
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.seq;
    }
    return { sources, historyEntries: chain.entries, alteredSources, brokenHistory: chain.problems };
  }

  /**
   * Every table's rows with SQLite's columns, in SQLite's order. Pages are keyed by the order columns
   * (unique in every table), so no cursor stays open between yields and no page rereads the ones before.
   */
  async *dump(): AsyncIterable<BackupRecord> {
    for (const { table, columns, order } of BACKUP_TABLES) {
      const cols = sql.join(columns.map((c) => sql.ref(c)));
      const by = sql.join(order.map((c) => sql.ref(c)));
      type Row = Record<string, unknown>;
      const page = async (last: Row | null): Promise<Row[]> => {
        const after = last ? sql`WHERE (${by}) > (${sql.join(order.map((c) => last[c]))})` : sql``;
        const { rows } = await sql<Row>`SELECT ${cols} FROM ${sql.table(table)} ${after}
          ORDER BY ${by} LIMIT ${PAGE}`.execute(this.db);
        return rows;
      };
      for (
        let rows = await page(null);
        rows.length;
        rows = rows.length < PAGE ? [] : await page(rows.at(-1)!)
      )
        for (const row of rows) yield { table, row };
    }
  }

  /** Load a dump into an empty store in one transaction: multi-row INSERTs, then the rowid sequence. */
  async restore(records: AsyncIterable<BackupRecord>): Promise<{ rows: number }> {
    const known = new Map(BACKUP_TABLES.map((t) => [t.table as string, new Set(t.columns)]));
    const restored = await this.db.transaction().execute(async (trx) => {
      // no review action may slip in between the emptiness check and the load
      await sql`SELECT pg_advisory_xact_lock(${this.historyLock}, 0)`.execute(trx);
      const { rows: counts } = await sql<{ n: number }>`SELECT
        (SELECT COUNT(*) FROM sources) + (SELECT COUNT(*) FROM history) AS n`.execute(trx);
      if ((counts[0]?.n ?? 0) > 0)
        throw new ConflictError('restore needs an empty database: this one already holds sources or history');
      let total = 0;
      // consecutive rows of one table with the same columns go into one INSERT
      const batch = { table: '', columns: [] as string[], rows: [] as Record<string, unknown>[] };
      const flush = async (): Promise<void> => {
        if (!batch.rows.length) return;
        const { table, columns, rows } = batch;
        const values = rows.map((row) => sql`(${sql.join(columns.map((c) => row[c] ?? null))})`);
        await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
          VALUES ${sql.join(values)}`.execute(trx);
        batch.rows = [];
      };
      for await (const { table, row } of records) {
        const columns = known.get(table);
        if (!columns) throw new ConflictError(`backup names an unknown table: ${table}`);
        const keys = Object.keys(row);
        const unknown = keys.find((k) => !columns.has(k));
        if (unknown !== undefined)
          throw new ConflictError(`backup names an unknown column of ${table}: ${unknown}`);
        const same = batch.table === table && batch.columns.join() === keys.join();
        if (!same || batch.rows.length * keys.length >= RESTORE_PARAMS) {
          await flush();
          Object.assign(batch, { table, columns: keys });
        }
        batch.rows.push(row);
        total++;
      }
      await flush();
      // rows came with their rowids: new sources continue after the highest
      await sql`SELECT setval(pg_get_serial_sequence('sources', 'rowid'),
        COALESCE((SELECT MAX(rowid) FROM sources), 0) + 1, false)`.execute(trx);
      return { rows: total };
    });
    // fresh planner statistics: autovacuum would get there, but the first queries after a large load
    // (a migrate) would otherwise be planned as if the tables were empty
    await sql`ANALYZE`.execute(this.db);
    return restored;
  }
}
