// `docket classify --jsonl [FILE|-]`: the ACLED event and sub-event type of each text's main event.
// In: {"id","text","published"?}; out: {"id","eventType","subEventType"}, both null when the text reports
// no conflict, protest or strategic event. A bad line is reported on stderr; the rest go on.
import type { Command } from 'commander';
import { z } from 'zod';
import { ValidationError } from '../domain/errors.js';
import { classify } from '../pipeline/classify.js';
import type { Gazetteer } from '../ports/gazetteer.port.js';
import { eachJsonLine } from './jsonl-input.js';

type OpenGazetteer = (cmd: Command) => Promise<Gazetteer & { close(): void }>;

const lineSchema = z.object({
  id: z.unknown().optional(),
  text: z.string({
    error: (i) => (i.input === undefined ? 'missing field text' : 'text must be a string'),
  }),
  published: z
    .string({ error: 'published must be a string' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'published must be YYYY-MM-DD')
    .nullish(),
});

export function registerClassifyCommand(program: Command, openGazetteer: OpenGazetteer): void {
  program
    .command('classify')
    .description('Give the ACLED event and sub-event type of each text (JSON Lines in and out).')
    .argument('[file]', 'a JSON Lines file ("-" or none: standard input)')
    .option(
      '--jsonl',
      'read {id, text, published?} lines and write one {id, eventType, subEventType} line each (required)',
    )
    .addHelpText(
      'after',
      '\nThe type is that of the text\'s main event as extraction finds it (the first sentence with an event,\nits strongest trigger); both are null for news that is not a conflict, protest or strategic event.\nWithout "published", relative dates stay unresolved and no date-based gate applies.\n\nExamples:\n  docket classify --jsonl snippets.jsonl > types.jsonl\n  echo \'{"id":1,"text":"Warplanes bombed a fuel depot."}\' | docket classify --jsonl\n',
    )
    .action(async (file: string | undefined, o: { jsonl?: boolean }, cmd: Command) => {
      if (!o.jsonl)
        throw new ValidationError('classify: only JSON Lines is supported; add --jsonl', [
          { path: '--jsonl', message: 'required' },
        ]);
      const gazetteer = await openGazetteer(cmd);
      let bad = 0;
      try {
        ({ skipped: bad } = await eachJsonLine(file, lineSchema, (line) => {
          const c = classify(line.text, { gazetteer }, line.published ?? undefined);
          process.stdout.write(
            `${JSON.stringify({ id: line.id ?? null, eventType: c.eventType, subEventType: c.subEventType })}\n`,
          );
        }));
      } finally {
        gazetteer.close();
      }
      if (bad) process.stderr.write(`classify: ${bad} line(s) skipped\n`);
    });
}
