// JSON Lines on standard input or from a file, for the benchmark contracts (extract, geoparse):
// each good line is handed on; a bad line is reported on stderr naming "file:LINE", and the rest go on.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { z } from 'zod';

export async function eachJsonLine<T>(
  file: string | undefined,
  schema: z.ZodType<T>,
  onLine: (value: T, raw: Record<string, unknown>) => void,
): Promise<{ skipped: number }> {
  const name = !file || file === '-' ? 'stdin' : file;
  const input = name === 'stdin' ? process.stdin : createReadStream(name);
  let n = 0;
  let skipped = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    n++;
    if (!line.trim()) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (e) {
      skipped++;
      process.stderr.write(`${name}:${n}: not JSON: ${(e as Error).message}\n`);
      continue;
    }
    const r = schema.safeParse(parsed);
    if (!r.success) {
      skipped++;
      const issues = r.error.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`);
      process.stderr.write(`${name}:${n}: ${issues.join('; ')}\n`);
      continue;
    }
    onLine(r.data, parsed as Record<string, unknown>);
  }
  return { skipped };
}
