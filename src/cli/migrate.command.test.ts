import { describe, expect, it } from 'vitest';
import { ValidationError } from '../domain/errors.js';
import { migrateTarget } from './migrate.command.js';

describe('migrateTarget', () => {
  it('reads "--to postgres URL", "--to sqlite FILE" and a bare URL', () => {
    expect(migrateTarget('postgres', 'postgres://u@db:5432/docket')).toBe('postgres://u@db:5432/docket');
    expect(migrateTarget('PostgreSQL', 'postgresql://db/docket')).toBe('postgresql://db/docket');
    expect(migrateTarget('sqlite', 'copy.db')).toBe('copy.db');
    expect(migrateTarget('postgres://db/docket', undefined)).toBe('postgres://db/docket');
  });

  it('names the bad part of a target', () => {
    expect(() => migrateTarget('postgres', 'db.example')).toThrow(/"db.example" is not a PostgreSQL URL/);
    expect(() => migrateTarget('postgres', undefined)).toThrow(ValidationError);
    expect(() => migrateTarget('sqlite', undefined)).toThrow(/needs a file/);
    expect(() => migrateTarget('mysql', 'x')).toThrow(/unknown target kind "mysql"/);
  });
});
