// Versioned schema migrations for the SQLite store. Append only: never edit a released migration.
export interface Migration {
  version: number;
  name: string;
  sql: string;
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
