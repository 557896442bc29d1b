// `docket migrate --to postgres URL`: copy the whole record of the configured database into another
// one (normally an SQLite file into PostgreSQL), then prove the copy by per-table counts and hashes.
import type { Command } from 'commander';
import { openStorage } from '../app.js';
import { isPostgresUrl, type Config } from '../config.js';
import { ValidationError } from '../domain/errors.js';
import { MigrateService } from '../services/migrate.service.js';

/** The target named by `--to` and the optional positional: `--to postgres URL`, `--to URL`, `--to sqlite FILE`. */
export function migrateTarget(to: string, where: string | undefined): string {
  const kind = to.toLowerCase();
  if (kind === 'postgres' || kind === 'postgresql') {
    if (!where || !isPostgresUrl(where))
      throw new ValidationError(
        where
          ? `url: "${where}" is not a PostgreSQL URL (postgres://user@host:5432/db)`
          : 'url: --to postgres needs a PostgreSQL URL, e.g. docket migrate --to postgres postgres://user@host:5432/db',
        [{ path: 'url', message: where ? 'not a PostgreSQL URL' : 'missing' }],
      );
    return where;
  }
  if (kind === 'sqlite') {
    if (!where)
      throw new ValidationError('--to sqlite needs a file: docket migrate --to sqlite copy.db', [
        { path: 'file', message: 'missing' },
      ]);
    return where;
  }
  if (where)
    throw new ValidationError(`--to: unknown target kind "${to}" (postgres or sqlite)`, [
      { path: '--to', message: 'unknown kind' },
    ]);
  return to;
}

/** Passwords never reach the terminal. */
const redact = (target: string): string => target.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');

export function registerMigrateCommand(program: Command, configFrom: (cmd: Command) => Config): void {
  program
    .command('migrate')
    .description(
      'Copy every source, report, event, claim, incident and history entry into another (empty) database, then compare counts and content hashes table by table.',
    )
    .requiredOption('--to <target>', 'postgres (then the URL), sqlite (then the file), or a URL')
    .argument('[url]', 'the target database: a PostgreSQL URL or an SQLite file')
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  docket --db docket.db migrate --to postgres postgres://docket@db.example:5432/docket\n  DOCKET_DB=postgres://docket@db/docket docket migrate --to sqlite copy.db\n',
    )
    .action(async (where: string | undefined, o: { to: string; json?: boolean }, cmd: Command) => {
      const config = configFrom(cmd);
      const target = migrateTarget(o.to, where);
      if (target === config.db)
        throw new ValidationError('--to names the database being migrated', [
          { path: '--to', message: 'same database' },
        ]);
      const from = await openStorage(config);
      try {
        const to = await openStorage({ ...config, db: target });
        try {
          const report = await new MigrateService({ from: from.incidents, to: to.incidents }).migrate((n) => {
            if (process.stderr.isTTY) process.stderr.write(`\rcopied ${n} rows`);
          });
          if (process.stderr.isTTY) process.stderr.write('\r');
          if (o.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
          else {
            process.stdout.write(
              `copied ${report.rows} rows from ${redact(config.db)} to ${redact(target)}\n`,
            );
            for (const t of report.source) {
              const after = report.target.find((x) => x.table === t.table);
              const same = after && after.rows === t.rows && after.sha256 === t.sha256;
              process.stdout.write(
                `  ${t.table.padEnd(18)} ${String(t.rows).padStart(9)} rows  sha256 ${t.sha256.slice(0, 16)}  ${same ? 'equal' : `DIFFERS (target: ${after?.rows ?? 0} rows, ${after?.sha256.slice(0, 16) ?? '-'})`}\n`,
              );
            }
            const intact = report.verify.alteredSources.length + report.verify.brokenHistory.length === 0;
            process.stdout.write(
              `${report.mismatches.length === 0 ? 'every table equal' : `MISMATCH in ${report.mismatches.join(', ')}`}; verify: ${intact ? 'all intact' : 'PROBLEMS FOUND'}\n`,
            );
          }
          if (
            report.mismatches.length ||
            report.verify.alteredSources.length ||
            report.verify.brokenHistory.length
          )
            process.exitCode = 1;
        } finally {
          await to.close();
        }
      } finally {
        await from.close();
      }
    });
}
