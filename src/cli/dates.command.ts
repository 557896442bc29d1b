// `docket dates --jsonl [FILE|-]`: date expressions with TIMEX3-style values, one JSON line per input line.
// In: {"id","text","published"}; out: {"id","dates":[{"start","end","text","value"}]}, offsets as JavaScript
// string indices into text. Relative expressions resolve against published (without it, only dates that
// name their own year are given). A bad line is reported on stderr; the rest go on.
import type { Command } from 'commander';
import { z } from 'zod';
import { ValidationError } from '../domain/errors.js';
import { isoDateFrom } from '../ingest/dates.js';
import { findTimexes } from '../pipeline/timex.js';
import { eachJsonLine } from './jsonl-input.js';

const lineSchema = z.object({
  id: z.unknown().optional(),
  text: z.string({
    error: (i) => (i.input === undefined ? 'missing field text' : 'text must be a string'),
  }),
  published: z
    .string({ error: 'published must be a string' })
    .nullish()
    .transform((v, ctx) => {
      if (v === null || v === undefined || v.trim() === '') return null;
      const day = isoDateFrom(v);
      if (!day) ctx.addIssue({ code: 'custom', message: `expected a date as YYYY-MM-DD, got "${v}"` });
      return day;
    }),
});

export function registerDatesCommand(program: Command): void {
  program
    .command('dates')
    .description('Find date expressions and resolve them against the published date (JSON Lines in and out).')
    .argument('[file]', 'a JSON Lines file ("-" or none: standard input)')
    .option('--jsonl', 'read {id, text, published} lines and write one {id, dates} line per input (required)')
    .addHelpText(
      'after',
      '\nValues are TIMEX3-style: 2013-03-19, 2013-03, 2013-W12, 2013-Q1, 2013-SU, 2013, 199X, PRESENT_REF,\nPAST_REF, FUTURE_REF. A report tells what has happened: "on Friday" is the Friday on or before the\npublished day unless the sentence speaks of the future.\n\nExamples:\n  docket dates --jsonl articles.jsonl > dates.jsonl\n  echo \'{"id":1,"text":"Shelling resumed on Friday.","published":"2024-03-18"}\' | docket dates --jsonl\n',
    )
    .action(async (file: string | undefined, o: { jsonl?: boolean }) => {
      if (!o.jsonl)
        throw new ValidationError('dates: only JSON Lines is supported; add --jsonl', [
          { path: '--jsonl', message: 'required' },
        ]);
      const { skipped } = await eachJsonLine(file, lineSchema, (line) => {
        const dates = findTimexes(line.text, line.published).map((t) => ({
          start: t.start,
          end: t.end,
          text: t.text,
          value: t.value,
        }));
        process.stdout.write(`${JSON.stringify({ id: line.id ?? null, dates })}\n`);
      });
      if (skipped) process.stderr.write(`dates: ${skipped} line(s) skipped\n`);
    });
}
