// Incidents, constraints, outlet ratings and the hash-chained history in the same SQLite file as
// the sources (so one transaction covers a review action and its history entry).
import type Database from 'better-sqlite3';
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
import { EVENT_COLUMNS, toEntry, type HistoryRow } from '../storage-shared.js';

/** Rows per page of a dump. */
const DUMP_PAGE = 1000;

/** Tables in restore order (parents first), with the column that orders their rows. */
export const BACKUP_TABLES: [string, string][] = [
  ['sources', 'rowid'],
  ['reports', 'id'],
  ['events', 'id'],
  ['claims', 'id'],
  ['claim_events', 'claim_id, event_id'],
  ['incidents', 'id'],
  ['incident_members', 'event_id'],
  ['link_constraints', 'kind, a, b'],
  ['outlets', 'name'],
  ['history', 'seq'],
  ['history_subjects', 'subject, seq'],
];

const chunk = <T>(xs: T[], n = 500): T[][] =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

export class SqliteIncidentStore implements IncidentStore {
  constructor(
    private readonly db: Database.Database,
    readonly schemaVersion: () => number,
  ) {}

  private docs<T>(sql: string, ids: string[]): T[] {
    const out: T[] = [];
    for (const part of chunk(ids)) {
      const rows = this.db.prepare(sql.replace('(?)', `(${part.map(() => '?').join(',')})`)).all(...part) as {
        doc: string;
      }[];
      for (const r of rows) out.push(JSON.parse(r.doc) as T);
    }
    return out;
  }

  eventsInScope(scope: ClusterScope | null): Promise<StoredEvent[]> {
    if (!scope) {
      const rows = this.db.prepare('SELECT doc FROM events ORDER BY id').all() as { doc: string }[];
      return Promise.resolve(rows.map((r) => JSON.parse(r.doc) as StoredEvent));
    }
    const rows = this.db
      .prepare(
        `SELECT doc FROM events WHERE (country_code IN (SELECT value FROM json_each(?)) OR country_code IS NULL)
         AND date_end >= ? AND date_start <= ? ORDER BY id`,
      )
      .all(JSON.stringify(scope.countries), scope.from, scope.to) as { doc: string }[];
    return Promise.resolve(rows.map((r) => JSON.parse(r.doc) as StoredEvent));
  }

  eventsByIds(ids: string[]): Promise<StoredEvent[]> {
    return Promise.resolve(this.docs<StoredEvent>('SELECT doc FROM events WHERE id IN (?) ORDER BY id', ids));
  }

  sourcesByIds(ids: string[]): Promise<Source[]> {
    const out: Source[] = [];
    for (const part of chunk(ids)) {
      const rows = this.db
        .prepare(`SELECT * FROM sources WHERE id IN (${part.map(() => '?').join(',')}) ORDER BY id`)
        .all(...part) as Record<string, unknown>[];
      for (const r of rows)
        out.push({
          id: r.id as string,
          sha256: r.sha256 as string,
          text: r.text as string,
          raw: r.raw as string | null,
          mediaType: r.media_type as Source['mediaType'],
          outlet: r.outlet as string | null,
          url: r.url as string | null,
          title: r.title as string | null,
          published: r.published as string | null,
          retrievedAt: r.retrieved_at as string,
          origin: r.origin as string,
        });
    }
    return Promise.resolve(out);
  }

  claimsForEvents(eventIds: string[]): Promise<StoredClaim[]> {
    return Promise.resolve(
      this.docs<StoredClaim>(
        'SELECT DISTINCT c.doc FROM claims c JOIN claim_events l ON l.claim_id = c.id WHERE l.event_id IN (?) ORDER BY c.id',
        eventIds,
      ),
    );
  }

  constraints(): Promise<LinkConstraint[]> {
    return Promise.resolve(
      this.db
        .prepare('SELECT kind, a, b FROM link_constraints ORDER BY kind, a, b')
        .all() as LinkConstraint[],
    );
  }

  outletRatings(): Promise<Map<string, Reliability>> {
    const rows = this.db.prepare('SELECT name, reliability FROM outlets').all() as {
      name: string;
      reliability: Reliability;
    }[];
    return Promise.resolve(new Map(rows.map((r) => [r.name, r.reliability])));
  }

  incidentsOfEvents(eventIds: string[]): Promise<Incident[]> {
    return Promise.resolve(
      this.docs<Incident>(
        'SELECT i.doc FROM incidents i WHERE i.id IN (SELECT incident_id FROM incident_members WHERE event_id IN (?)) ORDER BY i.id',
        eventIds,
      ),
    ).then((list) => [...new Map(list.map((i) => [i.id, i])).values()]);
  }

  getIncident(id: string): Promise<Incident | null> {
    const row = this.db.prepare('SELECT doc FROM incidents WHERE id = ?').get(id) as
      { doc: string } | undefined;
    return Promise.resolve(row ? (JSON.parse(row.doc) as Incident) : null);
  }

  listIncidents(filter: IncidentFilter, page: PageRequest): Promise<Page<Incident>> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    const add = (sql: string, value: string | undefined): void => {
      if (value === undefined || value === '') return;
      where.push(sql);
      params.push(value);
    };
    add('date_end >= ?', filter.from);
    add('date_start <= ?', filter.to);
    add('country_code = ?', filter.country?.toUpperCase());
    add('grade = ?', filter.grade);
    add('status = ?', filter.status);
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (
      this.db.prepare(`SELECT COUNT(*) AS n FROM incidents ${w}`).get(...params) as { n: number }
    ).n;
    const rows = this.db
      .prepare(`SELECT doc FROM incidents ${w} ORDER BY date_start DESC, id LIMIT ? OFFSET ?`)
      .all(...params, page.limit, page.offset) as { doc: string }[];
    return Promise.resolve({ items: rows.map((r) => JSON.parse(r.doc) as Incident), total, ...page });
  }

  apply(change: ChangeSet): Promise<HistoryEntry> {
    const run = this.db.transaction((): HistoryEntry => {
      const removeMembers = this.db.prepare('DELETE FROM incident_members WHERE incident_id = ?');
      const removeIncident = this.db.prepare('DELETE FROM incidents WHERE id = ?');
      for (const id of change.remove) {
        removeMembers.run(id);
        removeIncident.run(id);
      }
      const upsert = this.db.prepare(
        `INSERT INTO incidents (id, status, grade, event_type, date_start, date_end, country_code, lat, lon, sources, doc)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, grade = excluded.grade, event_type = excluded.event_type,
           date_start = excluded.date_start, date_end = excluded.date_end, country_code = excluded.country_code,
           lat = excluded.lat, lon = excluded.lon, sources = excluded.sources, doc = excluded.doc`,
      );
      const member = this.db.prepare(
        'INSERT INTO incident_members (event_id, incident_id) VALUES (?, ?) ON CONFLICT (event_id) DO UPDATE SET incident_id = excluded.incident_id',
      );
      for (const inc of change.upsert) {
        const v = incidentValues(inc);
        removeMembers.run(inc.id);
        upsert.run(
          inc.id,
          inc.status,
          inc.grade.value,
          v.eventType,
          v.date.start,
          v.date.end,
          v.location?.countryCode ?? null,
          v.location?.lat ?? null,
          v.location?.lon ?? null,
          inc.independentSources,
          JSON.stringify(inc),
        );
        for (const m of inc.members) member.run(m.eventId, inc.id);
      }
      const last = this.db.prepare('SELECT seq, hash FROM history ORDER BY seq DESC LIMIT 1').get() as
        { seq: number; hash: string } | undefined;
      const seq = (last?.seq ?? 0) + 1;
      const prevHash = last?.hash ?? GENESIS_HASH;
      const fields = { ...change.entry, seq };
      const hash = entryHash(prevHash, fields);
      this.db
        .prepare(
          `INSERT INTO history (seq, at, by, action, subjects, before, after, why, undoes, prev_hash, hash)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          seq,
          fields.at,
          fields.by,
          fields.action,
          JSON.stringify(fields.subjects),
          JSON.stringify(fields.before ?? null),
          JSON.stringify(fields.after ?? null),
          fields.why,
          fields.undoes,
          prevHash,
          hash,
        );
      const subject = this.db.prepare('INSERT OR IGNORE INTO history_subjects (subject, seq) VALUES (?, ?)');
      for (const s of fields.subjects) subject.run(s, seq);
      if (change.dropConstraintsOf !== undefined)
        this.db.prepare('DELETE FROM link_constraints WHERE seq = ?').run(change.dropConstraintsOf);
      const addConstraint = this.db.prepare(
        'INSERT INTO link_constraints (kind, a, b, seq) VALUES (?, ?, ?, ?) ON CONFLICT (kind, a, b) DO UPDATE SET seq = excluded.seq',
      );
      for (const c of change.addConstraints ?? []) {
        const [a, b] = c.a < c.b ? [c.a, c.b] : [c.b, c.a];
        // a split undoes an earlier merge of the same pair, and the other way round
        this.db
          .prepare('DELETE FROM link_constraints WHERE kind = ? AND a = ? AND b = ?')
          .run(c.kind === 'must' ? 'cannot' : 'must', a, b);
        addConstraint.run(c.kind, a, b, seq);
      }
      if (change.outlet) {
        this.db
          .prepare(
            'INSERT INTO outlets (name, reliability, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET reliability = excluded.reliability, updated_at = excluded.updated_at',
          )
          .run(change.outlet.name, change.outlet.reliability, fields.at);
      }
      return { ...fields, prevHash, hash };
    });
    // A failed change rolls back and rejects the promise (never throws synchronously).
    try {
      return Promise.resolve(run.immediate());
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }

  history(subject: string | null, page: PageRequest): Promise<Page<HistoryEntry>> {
    const w = subject ? 'WHERE seq IN (SELECT seq FROM history_subjects WHERE subject = ?)' : '';
    const params = subject ? [subject] : [];
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM history ${w}`).get(...params) as { n: number })
      .n;
    const rows = this.db
      .prepare(`SELECT * FROM history ${w} ORDER BY seq DESC LIMIT ? OFFSET ?`)
      .all(...params, page.limit, page.offset) as HistoryRow[];
    return Promise.resolve({ items: rows.map(toEntry), total, ...page });
  }

  undoOf(seq: number): Promise<HistoryEntry | null> {
    const row = this.db
      .prepare("SELECT * FROM history WHERE action = 'undo' AND undoes = ? ORDER BY seq LIMIT 1")
      .get(seq) as HistoryRow | undefined;
    return Promise.resolve(row ? toEntry(row) : null);
  }

  historyEntry(seq: number): Promise<HistoryEntry | null> {
    const row = this.db.prepare('SELECT * FROM history WHERE seq = ?').get(seq) as HistoryRow | undefined;
    return Promise.resolve(row ? toEntry(row) : null);
  }

  verify(): Promise<VerifyReport> {
    const alteredSources: string[] = [];
    let sources = 0;
    for (const r of this.db
      .prepare('SELECT id, sha256, text, raw FROM sources ORDER BY rowid')
      .iterate() as Iterable<{
      id: string;
      sha256: string;
      text: string;
      raw: string | null;
    }>) {
      sources++;
      if (sourceHash(r) !== r.sha256) alteredSources.push(r.id);
    }
    const chain = new HistoryChainCheck();
    for (const r of this.db.prepare('SELECT * FROM history ORDER BY seq').iterate() as Iterable<HistoryRow>)
      chain.add(toEntry(r));
    return Promise.resolve({
      sources,
      historyEntries: chain.entries,
      alteredSources,
      brokenHistory: chain.problems,
    });
  }

  async *dump(): AsyncIterable<BackupRecord> {
    for (const [table, order] of BACKUP_TABLES) {
      // sources carry their row number (full-text search keys on it); events leave out their internal n
      const cols =
        table === 'sources' ? 'rowid AS rowid, *' : table === 'events' ? EVENT_COLUMNS.join(', ') : '*';
      // Keyset pages, not one open cursor (the connection stays free between yields) and not OFFSET
      // (which rereads every earlier row: quadratic on a large record).
      const keys = order.split(', ');
      const first = this.db.prepare(`SELECT ${cols} FROM ${table} ORDER BY ${order} LIMIT ${DUMP_PAGE}`);
      const next = this.db.prepare(
        `SELECT ${cols} FROM ${table} WHERE (${order}) > (${keys.map(() => '?').join(', ')}) ORDER BY ${order} LIMIT ${DUMP_PAGE}`,
      );
      let rows = first.all() as Record<string, unknown>[];
      while (rows.length) {
        for (const row of rows) yield { table, row };
        if (rows.length < DUMP_PAGE) break;
        const last = rows[rows.length - 1]!;
        await Promise.resolve();
        rows = next.all(...keys.map((k) => last[k] as string | number)) as Record<string, unknown>[];
      }
    }
  }

  /**
   * Streams the records into an empty store in one transaction (memory stays flat on a large backup).
   * Table and column names come from the file, so both are checked against the schema before use.
   */
  async restore(records: AsyncIterable<BackupRecord>): Promise<{ rows: number }> {
    const count = (
      this.db
        .prepare('SELECT (SELECT COUNT(*) FROM sources) + (SELECT COUNT(*) FROM history) AS n')
        .get() as { n: number }
    ).n;
    if (count > 0)
      throw new ConflictError('restore needs an empty database: this one already holds sources or history');
    const columns = new Map(
      BACKUP_TABLES.map(([t]) => {
        const names = (this.db.pragma(`table_info(${t})`) as { name: string }[]).map((c) => c.name);
        return [t, new Set(t === 'sources' ? [...names, 'rowid'] : names)];
      }),
    );
    const statements = new Map<string, Database.Statement>();
    let rows = 0;
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for await (const { table, row } of records) {
        const known = columns.get(table);
        if (!known) throw new ConflictError(`backup names an unknown table: ${table}`);
        const cols = Object.keys(row);
        const unknown = cols.find((c) => !known.has(c));
        if (unknown !== undefined)
          throw new ConflictError(`backup names an unknown column of ${table}: ${unknown}`);
        const key = `${table}:${cols.join(',')}`;
        let st = statements.get(key);
        if (!st) {
          st = this.db.prepare(
            `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
          );
          statements.set(key, st);
        }
        st.run(...cols.map((c) => row[c] as string | number | null));
        rows++;
      }
      this.db.exec('COMMIT');
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw e;
    }
    return { rows };
  }
}
