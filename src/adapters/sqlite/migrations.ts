// Versioned schema migrations for the SQLite store. Append only: never edit a released migration.
import { EVENT_COLUMNS } from '../storage-shared.js';
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Rebuilds a table that others reference: run with foreign keys off, then checked. */
  foreignKeysOff?: boolean;
}

export const SQLITE_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'sources, reports, events, claims, full-text search',
    sql: `
      CREATE TABLE sources (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        sha256 TEXT NOT NULL UNIQUE,
        text TEXT NOT NULL,
        raw TEXT,
        media_type TEXT NOT NULL,
        outlet TEXT,
        url TEXT,
        title TEXT,
        published TEXT,
        retrieved_at TEXT NOT NULL,
        origin TEXT NOT NULL
      );
      CREATE INDEX sources_outlet ON sources (outlet);
      CREATE VIRTUAL TABLE sources_fts USING fts5 (title, text, content = 'sources', content_rowid = 'rowid');
      CREATE TRIGGER sources_fts_insert AFTER INSERT ON sources BEGIN
        INSERT INTO sources_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
      END;
      CREATE TRIGGER sources_fts_delete AFTER DELETE ON sources BEGIN
        INSERT INTO sources_fts (sources_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
      END;
      CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        source_id TEXT NOT NULL REFERENCES sources (id),
        extracted_at TEXT NOT NULL,
        pipeline_version TEXT NOT NULL,
        notes TEXT NOT NULL
      );
      CREATE INDEX reports_source ON reports (source_id);
      CREATE TABLE events (
        id TEXT PRIMARY KEY,
        report_id TEXT NOT NULL REFERENCES reports (id),
        source_id TEXT NOT NULL REFERENCES sources (id),
        event_type TEXT NOT NULL,
        sub_event_type TEXT NOT NULL,
        date_start TEXT NOT NULL,
        date_end TEXT NOT NULL,
        date_precision TEXT NOT NULL,
        country_code TEXT,
        country TEXT,
        admin1 TEXT,
        location_name TEXT,
        lat REAL,
        lon REAL,
        geo_precision INTEGER,
        fatalities_best INTEGER,
        actors TEXT NOT NULL,
        summary TEXT NOT NULL,
        outlet TEXT,
        published TEXT,
        doc TEXT NOT NULL
      );
      CREATE INDEX events_date ON events (date_start, id);
      CREATE INDEX events_country ON events (country_code, date_start);
      CREATE INDEX events_type ON events (event_type, date_start);
      CREATE INDEX events_latlon ON events (lat, lon);
      CREATE INDEX events_source ON events (source_id);
      CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        report_id TEXT NOT NULL REFERENCES reports (id),
        source_id TEXT NOT NULL REFERENCES sources (id),
        kind TEXT NOT NULL,
        claimant TEXT NOT NULL,
        stated_on TEXT,
        outlet TEXT,
        published TEXT,
        doc TEXT NOT NULL
      );
      CREATE INDEX claims_source ON claims (source_id);
      CREATE INDEX claims_claimant ON claims (claimant);
      CREATE TABLE claim_events (
        claim_id TEXT NOT NULL REFERENCES claims (id),
        event_id TEXT NOT NULL REFERENCES events (id),
        PRIMARY KEY (claim_id, event_id)
      );
      CREATE INDEX claim_events_event ON claim_events (event_id);
    `,
  },
];

SQLITE_MIGRATIONS.push({
  version: 2,
  name: 'incidents, reviewer constraints, outlets, hash-chained history',
  sql: `
    CREATE TABLE incidents (
      id TEXT PRIMARY KEY,
      status TEXT NOT NULL,
      grade TEXT NOT NULL,
      event_type TEXT NOT NULL,
      date_start TEXT NOT NULL,
      date_end TEXT NOT NULL,
      country_code TEXT,
      lat REAL,
      lon REAL,
      sources INTEGER NOT NULL,
      doc TEXT NOT NULL
    );
    CREATE INDEX incidents_date ON incidents (date_start, id);
    CREATE INDEX incidents_country ON incidents (country_code, date_start);
    CREATE INDEX incidents_grade ON incidents (grade);
    CREATE TABLE incident_members (
      event_id TEXT PRIMARY KEY REFERENCES events (id),
      incident_id TEXT NOT NULL REFERENCES incidents (id)
    );
    CREATE INDEX incident_members_incident ON incident_members (incident_id);
    CREATE TABLE link_constraints (
      kind TEXT NOT NULL CHECK (kind IN ('must', 'cannot')),
      a TEXT NOT NULL,
      b TEXT NOT NULL,
      seq INTEGER NOT NULL,
      PRIMARY KEY (kind, a, b)
    );
    CREATE TABLE outlets (
      name TEXT PRIMARY KEY,
      reliability TEXT NOT NULL CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
      updated_at TEXT NOT NULL
    );
    CREATE TABLE history (
      seq INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      by TEXT NOT NULL,
      action TEXT NOT NULL,
      subjects TEXT NOT NULL,
      before TEXT NOT NULL,
      after TEXT NOT NULL,
      why TEXT,
      undoes INTEGER,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    );
    CREATE TABLE history_subjects (
      subject TEXT NOT NULL,
      seq INTEGER NOT NULL REFERENCES history (seq),
      PRIMARY KEY (subject, seq)
    );
    -- the history is append-only: the database itself refuses edits and deletions
    CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
    CREATE TRIGGER history_no_delete BEFORE DELETE ON history BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
  `,
});

SQLITE_MIGRATIONS.push({
  version: 3,
  name: 'index the undo link of history entries',
  sql: `CREATE INDEX history_undoes ON history (undoes) WHERE undoes IS NOT NULL;`,
});

SQLITE_MIGRATIONS.push({
  version: 4,
  name: 'indexes for a million events: stable row numbers, actor dictionary, R*Tree for boxes, covering indexes',
  // events gets an INTEGER PRIMARY KEY `n` (VACUUM may renumber an implicit rowid, and the derived
  // tables below point at it), so the table is rebuilt; the runner turns foreign keys off around it.
  // Derived tables are never in a backup: triggers keep them in step with events, on save and on
  // restore alike. `docket_lower` is Unicode lower-casing, registered on every connection the adapter
  // opens (SQLite's own lower() folds ASCII only).
  foreignKeysOff: true,
  sql: `
    CREATE TABLE events_v4 (
      n INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      report_id TEXT NOT NULL REFERENCES reports (id),
      source_id TEXT NOT NULL REFERENCES sources (id),
      event_type TEXT NOT NULL,
      sub_event_type TEXT NOT NULL,
      date_start TEXT NOT NULL,
      date_end TEXT NOT NULL,
      date_precision TEXT NOT NULL,
      country_code TEXT,
      country TEXT,
      admin1 TEXT,
      location_name TEXT,
      lat REAL,
      lon REAL,
      geo_precision INTEGER,
      fatalities_best INTEGER,
      actors TEXT NOT NULL,
      summary TEXT NOT NULL,
      outlet TEXT,
      published TEXT,
      doc TEXT NOT NULL
    );
    INSERT INTO events_v4 (${EVENT_COLUMNS.join(', ')})
      SELECT ${EVENT_COLUMNS.join(', ')} FROM events ORDER BY rowid;
    DROP TABLE events;
    ALTER TABLE events_v4 RENAME TO events;
    CREATE INDEX events_date ON events (date_start, id, lat, lon);
    CREATE INDEX events_date_end ON events (date_end);
    CREATE INDEX events_country ON events (country_code, date_start, date_end);
    CREATE INDEX events_type ON events (event_type, date_start, date_end);
    CREATE INDEX events_subtype ON events (sub_event_type, date_start, date_end);
    CREATE INDEX events_latlon ON events (lat, lon);
    CREATE INDEX events_source ON events (source_id);

    CREATE TABLE actor_names (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
    CREATE TABLE event_actors (
      actor_id INTEGER NOT NULL REFERENCES actor_names (id),
      event_n INTEGER NOT NULL,
      PRIMARY KEY (actor_id, event_n)
    ) WITHOUT ROWID;
    CREATE INDEX event_actors_event ON event_actors (event_n);
    CREATE VIRTUAL TABLE events_rtree USING rtree (n, min_lat, max_lat, min_lon, max_lon);
    CREATE TRIGGER events_derived_insert AFTER INSERT ON events BEGIN
      INSERT OR IGNORE INTO actor_names (name)
        SELECT docket_lower(json_extract(value, '$.name')) FROM json_each(new.doc, '$.actors');
      INSERT OR IGNORE INTO event_actors (actor_id, event_n)
        SELECT n.id, new.n FROM json_each(new.doc, '$.actors') AS a
          JOIN actor_names n ON n.name = docket_lower(json_extract(a.value, '$.name'));
      INSERT INTO events_rtree (n, min_lat, max_lat, min_lon, max_lon)
        SELECT new.n, new.lat, new.lat, new.lon, new.lon WHERE new.lat IS NOT NULL AND new.lon IS NOT NULL;
    END;
    CREATE TRIGGER events_derived_delete AFTER DELETE ON events BEGIN
      DELETE FROM event_actors WHERE event_n = old.n;
      DELETE FROM events_rtree WHERE n = old.n;
    END;
    INSERT OR IGNORE INTO actor_names (name)
      SELECT docket_lower(json_extract(a.value, '$.name')) FROM events e, json_each(e.doc, '$.actors') AS a;
    INSERT OR IGNORE INTO event_actors (actor_id, event_n)
      SELECT n.id, e.n FROM events e, json_each(e.doc, '$.actors') AS a
        JOIN actor_names n ON n.name = docket_lower(json_extract(a.value, '$.name'));
    INSERT INTO events_rtree (n, min_lat, max_lat, min_lon, max_lon)
      SELECT n, lat, lat, lon, lon FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL;
  `,
});

SQLITE_MIGRATIONS.push({
  version: 5,
  name: 'user accounts: users, sessions, API tokens',
  // Credentials, never in a backup or a migrate (BACKUP_TABLES leaves these tables out). User names are
  // unique without regard to case (NOCASE folds ASCII: the accounts service allows ASCII names only).
  // Sessions and tokens are stored as SHA-256 digests of the values handed out, never the values.
  sql: `
    CREATE TABLE users (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL COLLATE NOCASE UNIQUE,
      role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
      password_hash TEXT NOT NULL,
      disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE TABLE sessions (
      id_hash TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      csrf TEXT NOT NULL,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL
    );
    CREATE INDEX sessions_user ON sessions (user_id);
    CREATE INDEX sessions_expires ON sessions (expires_at);
    CREATE TABLE api_tokens (
      id TEXT PRIMARY KEY,
      token_hash TEXT NOT NULL UNIQUE,
      user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      created_at TEXT NOT NULL,
      last_used_at TEXT,
      revoked_at TEXT
    );
    CREATE INDEX api_tokens_user ON api_tokens (user_id, created_at);
  `,
});

SQLITE_MIGRATIONS.push({
  version: 6,
  name: 'indexes for the fatalities and grade filters',
  sql: `
    CREATE INDEX events_fatal_date ON events (date_start, id) WHERE fatalities_best > 0;
    DROP INDEX incidents_grade;
    CREATE INDEX incidents_grade ON incidents (grade, id);
  `,
});
