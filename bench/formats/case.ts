// CASE-style event classification TSV: `id<TAB>EventSnippet<TAB>SubType`, one snippet a line, with a
// labels file listing the codes. The 25 ACLED sub-event types have short codes (AIR_STRIKE, ARREST, …);
// any other code (NATURAL_DISASTER, ORG_CRIME, …) marks a snippet that reports no conflict, protest or
// strategic event. Pure: text in, rows out.
import { EVENT_TYPES, type EventType, type SubEventType } from '../../src/domain/types.js';

export interface AcledType {
  eventType: EventType;
  subEventType: SubEventType;
}

export interface CaseRow {
  id: string;
  text: string;
  /** The code as written in the file. */
  label: string;
  /** The ACLED type it stands for; null for a non-conflict label. */
  gold: AcledType | null;
}

/** Short codes of the 25 ACLED sub-event types. */
export const CASE_CODES: Record<string, SubEventType> = {
  GOV_REGAINS_TERIT: 'Government regains territory',
  NON_STATE_ACTOR_OVERTAKES_TER: 'Non-state actor overtakes territory',
  ARMED_CLASH: 'Armed clash',
  CHEM_WEAP: 'Chemical weapon',
  AIR_STRIKE: 'Air/drone strike',
  SUIC_BOMB: 'Suicide bomb',
  ART_MISS_ATTACK: 'Shelling/artillery/missile attack',
  REM_EXPLOS: 'Remote explosive/landmine/IED',
  GRENADE: 'Grenade',
  SEX_VIOL: 'Sexual violence',
  ATTACK: 'Attack',
  ABDUCT_DISSAP: 'Abduction/forced disappearance',
  FORCE_AGAINST_PROTEST: 'Excessive force against protesters',
  PROTEST_WITH_INTER: 'Protest with intervention',
  PEACE_PROTEST: 'Peaceful protest',
  VIOL_DEMONSTR: 'Violent demonstration',
  MOB_VIOL: 'Mob violence',
  AGREEMENT: 'Agreement',
  ARREST: 'Arrests',
  CHANGE_TO_GROUP_ACT: 'Change to group/activity',
  DISR_WEAP: 'Disrupted weapons use',
  HQ_ESTABLISHED: 'Headquarters or base established',
  PROPERTY_DISTRUCT: 'Looting/property destruction',
  NON_VIOL_TERRIT_TRANSFER: 'Non-violent transfer of territory',
  OTHER: 'Other',
};

/** The event type a sub-event type belongs to. */
export function eventTypeOf(sub: SubEventType): EventType {
  for (const [type, subs] of Object.entries(EVENT_TYPES) as [EventType, readonly SubEventType[]][])
    if (subs.includes(sub)) return type;
  throw new Error(`not an ACLED sub-event type: ${sub}`);
}

/** A code's ACLED type, or null when it is not one of the 25 (a non-conflict label). */
export function acledTypeOfCode(code: string): AcledType | null {
  const sub = CASE_CODES[code.trim().toUpperCase()];
  return sub ? { eventType: eventTypeOf(sub), subEventType: sub } : null;
}

/** The labels file: one code a line; blank lines and `#` comments skipped. */
export function parseLabels(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** A field written with surrounding double quotes ("…""…") is unquoted; any other is kept as is. */
const unquote = (f: string): string =>
  f.length >= 2 && f.startsWith('"') && f.endsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f;

/**
 * Rows of the TSV. A header line naming the columns (id, EventSnippet/text, SubType/label; any order,
 * any case) is followed; without one the order id, snippet, label is assumed. Tabs inside the snippet
 * (more fields than columns) stay part of the snippet.
 */
export function parseCaseTsv(text: string): CaseRow[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim());
  if (!lines.length) return [];
  const head = lines[0]!.split('\t').map((h) => h.trim().toLowerCase());
  const idCol = head.findIndex((h) => h === 'id');
  const textCol = head.findIndex((h) => /^(?:eventsnippet|snippet|text|sentence)$/.test(h));
  const labelCol = head.findIndex((h) => /^(?:subtype|sub_type|label|class|eventtype)$/.test(h));
  const hasHeader = idCol >= 0 && textCol >= 0 && labelCol >= 0;
  const cols = hasHeader
    ? { id: idCol, text: textCol, label: labelCol, n: head.length }
    : { id: 0, text: 1, label: 2, n: 3 };
  const rows: CaseRow[] = [];
  for (const line of hasHeader ? lines.slice(1) : lines) {
    let f = line.split('\t');
    const extra = f.length - cols.n;
    if (extra > 0) {
      // the snippet held tabs: join them back
      f = [
        ...f.slice(0, cols.text),
        f.slice(cols.text, cols.text + extra + 1).join('\t'),
        ...f.slice(cols.text + extra + 1),
      ];
    }
    const label = unquote((f[cols.label] ?? '').trim());
    rows.push({
      id: unquote((f[cols.id] ?? '').trim()),
      text: unquote((f[cols.text] ?? '').trim()),
      label,
      gold: acledTypeOfCode(label),
    });
  }
  return rows;
}
