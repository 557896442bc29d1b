// MUC-4 TST1 + TST2, read in place: gold role fillers and text from gtt/dev.json (the GTT repo's
// processed dev split, which is exactly TST1-MUC3-0001…0100 and TST2-MUC4-0001…0100, lower-cased, the
// dateline removed) and each document's date from its dateline in raw/tst1-muc3 and raw/tst2-muc4.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES, type GoldEntity, type GoldRoles } from './metric.js';

export interface MucDoc {
  id: string;
  text: string;
  /** From the dateline ("SAN SALVADOR, 19 APR 89 (…) --"), else null. */
  dateline: string | null;
  templates: number;
  gold: GoldRoles;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** "   LIMA, 12 JAN 90 (EFE) -- [TEXT] …" → 1990-01-12; a dateline without a year ("25 JAN", "NO DATE") → null. */
export function datelineDate(body: string): string | null {
  const head = body.slice(0, Math.max(0, body.indexOf('--')) || 300);
  const m = /\b(\d{1,2}) (JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]* (\d{2})\b/.exec(head);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!) + 1;
  return `19${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

/** Document id → dateline date, from a raw MUC text file. */
export function datelines(raw: string): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const parts = raw.split(/^(TST\d-MUC\d-\d{4})\s*$/m);
  for (let i = 1; i + 1 < parts.length; i += 2) out.set(parts[i]!, datelineDate(parts[i + 1]!));
  return out;
}

interface GttLine {
  docid: string;
  doctext: string;
  templates: Partial<Record<string, [string, number][][]>>[];
}

export function loadMuc4(dir: string): MucDoc[] {
  const dates = new Map<string, string | null>();
  for (const f of ['tst1-muc3', 'tst2-muc4']) {
    const p = join(dir, 'raw', f);
    if (existsSync(p)) for (const [k, v] of datelines(readFileSync(p, 'utf8'))) dates.set(k, v);
  }
  const docs: MucDoc[] = [];
  for (const line of readFileSync(join(dir, 'gtt', 'dev.json'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as GttLine;
    if (!/^TST[12]-/.test(d.docid)) continue;
    const gold = Object.fromEntries(
      ROLES.map((r) => [
        r,
        d.templates.flatMap((t) => (t[r] ?? []).map((e): GoldEntity => e.map(([mention]) => mention))),
      ]),
    ) as GoldRoles;
    docs.push({
      id: d.docid,
      text: d.doctext,
      dateline: dates.get(d.docid) ?? null,
      templates: d.templates.length,
      gold,
    });
  }
  return docs;
}
