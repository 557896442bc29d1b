// `docket geoparse --jsonl [FILE|-]`: place names with coordinates, one JSON line per input line.
// In: {"id","text","published"?, "spans"?:[{"start","end"}]}; out: {"id","toponyms":[…]}. With spans,
// exactly those spans are resolved (resolution-only). A bad line is reported on stderr; the rest go on.
import type { Command } from 'commander';
import { z } from 'zod';
import { ValidationError } from '../domain/errors.js';
import { geoparse } from '../pipeline/geoparse.js';
import type { Gazetteer } from '../ports/gazetteer.port.js';
import { eachJsonLine } from './jsonl-input.js';

type OpenGazetteer = (cmd: Command) => Promise<Gazetteer & { close(): void }>;

const offset = z.number({ error: 'must be a number' }).int('must be an integer').min(0, 'must be 0 or more');

const lineSchema = z
  .object({
    id: z.unknown().optional(),
    text: z.string({
      error: (i) => (i.input === undefined ? 'missing field text' : 'text must be a string'),
    }),
    published: z.string({ error: 'published must be a string' }).nullish(),
    spans: z.array(z.object({ start: offset, end: offset })).nullish(),
  })
  .superRefine((d, ctx) => {
    d.spans?.forEach((s, i) => {
      if (s.end < s.start || s.end > d.text.length)
        ctx.addIssue({
          code: 'custom',
          path: ['spans', i],
          message: `span ${s.start}–${s.end} is not inside the text (length ${d.text.length})`,
        });
    });
  });

export function registerGeoparseCommand(program: Command, openGazetteer: OpenGazetteer): void {
  program
    .command('geoparse')
    .description('Find place names in texts and resolve them to coordinates (JSON Lines in and out).')
    .argument('[file]', 'a JSON Lines file ("-" or none: standard input)')
    .option(
      '--jsonl',
      'read {id, text, published?, spans?} lines and write one {id, toponyms} line per input (required)',
    )
    .addHelpText(
      'after',
      '\nWith "spans" ([{start, end}] string offsets), exactly those spans are resolved, one toponym each;\nlat/lon are null when a span cannot be resolved.\n\nExamples:\n  docket geoparse --jsonl articles.jsonl > toponyms.jsonl\n  echo \'{"id":1,"text":"Shelling hit Kharkiv."}\' | docket geoparse --jsonl\n',
    )
    .action(async (file: string | undefined, o: { jsonl?: boolean }, cmd: Command) => {
      if (!o.jsonl)
        throw new ValidationError('geoparse: only JSON Lines is supported; add --jsonl', [
          { path: '--jsonl', message: 'required' },
        ]);
      const gazetteer = await openGazetteer(cmd);
      let bad = 0;
      try {
        ({ skipped: bad } = await eachJsonLine(file, lineSchema, (line) => {
          const toponyms = geoparse(line.text, gazetteer, line.spans ?? undefined);
          process.stdout.write(`${JSON.stringify({ id: line.id ?? null, toponyms })}\n`);
        }));
      } finally {
        gazetteer.close();
      }
      if (bad) process.stderr.write(`geoparse: ${bad} line(s) skipped\n`);
    });
}
