// CLI commands for incidents, review, history and the evidence archive. Each parses, calls a service, renders.
import type { Command } from 'commander';
import { userInfo } from 'node:os';
import type { App } from '../app.js';
import { NotFoundError, ValidationError } from '../domain/errors.js';
import { incidentValues, type HistoryEntry, type Incident } from '../domain/incident.js';
import { parseIncidentFilter, parsePage } from '../http/query.js';

type WithApp = <T>(cmd: Command, fn: (app: App) => Promise<T>) => Promise<T>;

const out = (s: string): void => {
  process.stdout.write(`${s}\n`);
};

/** Who is acting: --by, else DOCKET_USER, else the system user. Every write is attributed. */
function actor(o: { by?: string }, app: App): string {
  return o.by ?? app.config.user ?? userInfo().username;
}

function dateText(d: { start: string; end: string; precision: string }): string {
  return d.start === d.end ? d.start : `${d.start}..${d.end} (${d.precision})`;
}

function printIncident(i: Incident, full: boolean): void {
  const v = incidentValues(i);
  const toll = v.fatalities
    ? `${v.fatalities.best}${v.fatalities.high > v.fatalities.best ? ` (${v.fatalities.low}–${v.fatalities.high})` : ''} killed`
    : 'fatalities not reported';
  out(
    `${i.id}  ${dateText(v.date)}  ${v.eventType} / ${v.subEventType}  [${i.grade.value}${i.grade.setBy === 'reviewer' ? ', set by a reviewer' : ''} · ${i.admiralty.reliability}${i.admiralty.credibility} · ${i.status}]`,
  );
  out(
    `    ${v.location ? `${v.location.name}, ${v.location.country}` : 'place unknown'} · ${v.actors.map((a) => `${a.name} [${a.role}]`).join('; ') || 'actors unknown'} · ${toll} · ${i.members.length} report(s), ${i.independentSources} independent`,
  );
  if (!full) return;
  out('\n  values (rule · sources disagree?):');
  for (const [field, r] of Object.entries(i.resolved)) {
    const edited = field in i.edits ? '  ← edited by a reviewer' : '';
    out(
      `    ${field.padEnd(13)} ${JSON.stringify(r.value)}\n${' '.repeat(18)}${r.rule}${r.disagreement ? ' · SOURCES DISAGREE' : ''}${edited}`,
    );
  }
  out(`\n  grade: ${i.grade.value} (suggested ${i.grade.suggested}: ${i.grade.reasons.join('; ')})`);
  out(
    `  admiralty: ${i.admiralty.reliability}${i.admiralty.credibility} (${i.admiralty.reasons.join('; ')})`,
  );
  out('\n  reports side by side:');
  for (const m of i.members) {
    const f = m.fatalities
      ? `${m.fatalities.best}${m.fatalities.high > m.fatalities.best ? `–${m.fatalities.high}` : ''} killed`
      : 'toll not given';
    out(
      `    ${m.eventId}  ${m.outlet ?? 'outlet unknown'} (${m.published ?? '?'})${m.sourceGroup !== m.sourceId ? ` · copy of ${m.sourceGroup}` : ''}`,
    );
    out(
      `        ${dateText(m.date)} · ${m.place?.name ?? 'place unknown'} · ${m.subEventType} · ${f} · score ${m.score}: ${m.reasons.join(', ')}`,
    );
  }
  for (const n of i.notes) out(`  note by ${n.by} at ${n.at}: ${n.text}`);
}

function printEntry(e: HistoryEntry): void {
  out(
    `#${e.seq}  ${e.at}  ${e.by.padEnd(10)} ${e.action.padEnd(8)} ${e.subjects.join(', ')}${e.undoes ? ` (undoes #${e.undoes})` : ''}${e.why ? ` — ${e.why}` : ''}`,
  );
}

function parseValue(field: string, raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    if (['eventType', 'subEventType'].includes(field)) return raw;
    throw new ValidationError(`value for ${field}: not JSON (e.g. '{"low":3,"best":3,"high":5}')`, [
      { path: field, message: 'not JSON' },
    ]);
  }
}

export function registerIncidentCommands(program: Command, withApp: WithApp): void {
  program
    .command('incidents')
    .description('List incidents: events as many reports tell them, with grades.')
    .option('--from <date>', 'incidents whose date range ends on or after this day')
    .option('--to <date>', 'incidents whose date range starts on or before this day')
    .option('--country <cc>', 'ISO 3166-1 alpha-2 country code')
    .option('--grade <grade>', 'confirmed, fair, weak, contested or discounted')
    .option('--status <status>', 'proposed, accepted or rejected')
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  docket incidents --country SY --grade fair\n  docket incidents --status proposed --json\n',
    )
    .action(async (o: Record<string, string | boolean | undefined>, cmd: Command) =>
      withApp(cmd, async (app) => {
        const filter = parseIncidentFilter({
          from: o.from,
          to: o.to,
          country: o.country,
          grade: o.grade,
          status: o.status,
        });
        const page = await app.incidents.listIncidents(filter, parsePage({ limit: o.limit, offset: 0 }));
        if (o.json) out(JSON.stringify(page, null, 2));
        else {
          for (const i of page.items) printIncident(i, false);
          out(`${page.items.length} of ${page.total} incident(s)`);
        }
      }),
    );

  program
    .command('incident')
    .description(
      'Show one incident: values with the rule that chose each, every report side by side, grade and history.',
    )
    .argument('<id>', 'incident id (inc_…)')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { json?: boolean }, cmd: Command) =>
      withApp(cmd, async (app) => {
        const i = await app.incidents.getIncident(id);
        if (!i) throw new NotFoundError('incident', id);
        const history = await app.incidents.history(id, { limit: 100, offset: 0 });
        if (o.json) out(JSON.stringify({ ...i, history: history.items }, null, 2));
        else {
          printIncident(i, true);
          out('\n  history:');
          for (const e of history.items) printEntry(e);
        }
      }),
    );

  const review = program
    .command('review')
    .description(
      'Review incidents: every action is kept in the history with who, when, before, after and why, and can be undone.',
    )
    .addHelpText(
      'after',
      `
Examples:
  docket review accept inc_3f2a… --why "two local sources"
  docket review edit inc_3f2a… fatalities '{"low":7,"best":7,"high":9}' --why "hospital list"
  docket review merge inc_3f2a… inc_91bc…
  docket review split inc_3f2a… src_…e1 src_…e2
  docket review undo 42
`,
    );
  const act = (
    name: string,
    description: string,
    args: string[],
    run: (app: App, a: string[], by: string, why: string | null) => Promise<HistoryEntry>,
  ) => {
    const c = review.command(name).description(description);
    for (const a of args) c.argument(a);
    c.option('--by <name>', 'who is acting (default: DOCKET_USER or the system user)').option(
      '--why <text>',
      'the reason, kept in the history',
    );
    c.action(async (...params: unknown[]) => {
      const cmd = params[params.length - 1] as Command;
      const o = params[params.length - 2] as { by?: string; why?: string };
      const values = params.slice(0, -2).flat() as string[];
      await withApp(cmd, async (app) => {
        const entry = await run(app, values, actor(o, app), o.why ?? null);
        printEntry(entry);
      });
    });
  };
  act('accept', 'Accept an incident.', ['<id>'], (app, [id], by, why) => app.review.accept(id!, by, why));
  act('reject', 'Reject an incident.', ['<id>'], (app, [id], by, why) => app.review.reject(id!, by, why));
  act(
    'edit',
    'Set a field by hand: eventType, subEventType, date, fatalities, actors, weapons (value as JSON).',
    ['<id>', '<field>', '<value>'],
    (app, [id, field, value], by, why) => app.review.edit(id!, field!, parseValue(field!, value!), by, why),
  );
  act(
    'regrade',
    'Set the grade: confirmed, fair, weak, contested or discounted.',
    ['<id>', '<grade>'],
    (app, [id, grade], by, why) => app.review.regrade(id!, grade!, by, why),
  );
  act('note', 'Add a note to an incident.', ['<id>', '<text>'], (app, [id, text], by) =>
    app.review.note(id!, text!, by),
  );
  act('merge', 'Merge incidents into one.', ['<ids...>'], (app, ids, by, why) =>
    app.review.merge(ids, by, why),
  );
  act(
    'split',
    'Split reports (their event ids) out of an incident into one of their own.',
    ['<id>', '<eventIds...>'],
    (app, [id, ...events], by, why) => app.review.split(id!, events, by, why),
  );
  act('undo', 'Undo a reviewer action by its history number.', ['<seq>'], (app, [seq], by, why) => {
    const n = Number(seq);
    if (!Number.isInteger(n) || n < 1)
      throw new ValidationError(`seq: expected a history entry number, got "${seq}"`);
    return app.review.undo(n, by, why);
  });
  act(
    'rate-outlet',
    "Rate an outlet's reliability, A (reliable) to E (unreliable), F (cannot be judged).",
    ['<outlet>', '<rating>'],
    (app, [outlet, rating], by, why) => app.review.rateOutlet(outlet!, rating!, by, why),
  );

  program
    .command('history')
    .description('The append-only history of reviews and clustering, newest first.')
    .option('--incident <id>', 'only entries about this incident')
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'print JSON')
    .action(async (o: { incident?: string; limit: string; json?: boolean }, cmd: Command) =>
      withApp(cmd, async (app) => {
        const page = await app.incidents.history(o.incident ?? null, {
          limit: Number(o.limit) || 50,
          offset: 0,
        });
        if (o.json) out(JSON.stringify(page, null, 2));
        else for (const e of page.items) printEntry(e);
      }),
    );

  program
    .command('cluster')
    .description('Recluster every stored report into incidents (ingest does this for new reports by itself).')
    .action(async (_o: unknown, cmd: Command) =>
      withApp(cmd, async (app) => {
        const r = await app.clusters.update(null, 'docket', 'full recluster requested');
        out(
          `${r.incidents} incident(s): ${r.created} new, ${r.changed} changed, ${r.removed} removed${r.historySeq ? ` (history #${r.historySeq})` : ''}`,
        );
      }),
    );

  program
    .command('verify')
    .description(
      'Check the evidence archive: every source against its SHA-256, and the hash chain of the history.',
    )
    .action(async (_o: unknown, cmd: Command) =>
      withApp(cmd, async (app) => {
        const r = await app.incidents.verify();
        out(`${r.sources} source(s), ${r.historyEntries} history entries checked`);
        for (const s of r.alteredSources) out(`ALTERED source ${s}: its text no longer matches its SHA-256`);
        for (const h of r.brokenHistory) out(`BROKEN history entry #${h.seq}: ${h.problem}`);
        if (r.alteredSources.length || r.brokenHistory.length) process.exitCode = 1;
        else out('all intact');
      }),
    );

  program
    .command('backup')
    .description('Write everything (sources, events, claims, incidents, history) to one file.')
    .argument('<file>', 'the backup file to write (gzip JSON Lines)')
    .action(async (file: string, _o: unknown, cmd: Command) =>
      withApp(cmd, async (app) => {
        const r = await app.backups.backup(file);
        out(`wrote ${r.rows} rows to ${file}`);
      }),
    );

  program
    .command('restore')
    .description('Read a backup into an empty database, then verify it.')
    .argument('<file>', 'a file written by docket backup')
    .addHelpText('after', '\nExample:\n  docket --db fresh.db restore docket-2024-03-20.backup.gz\n')
    .action(async (file: string, _o: unknown, cmd: Command) =>
      withApp(cmd, async (app) => {
        const r = await app.backups.restore(file);
        out(
          `restored ${r.rows} rows; verify: ${r.verify.alteredSources.length + r.verify.brokenHistory.length === 0 ? 'all intact' : 'PROBLEMS FOUND'}`,
        );
      }),
    );
}
