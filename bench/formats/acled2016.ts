// The 2016 ACLED export layout (GWNO, EVENT_ID_CNTY, EVENT_DATE DD/MM/YYYY, EVENT_TYPE, ACTOR1, INTER1,
// …, LATITUDE, LONGITUDE, NOTES, FATALITIES), read as CSV with quoted fields, and its old event types
// mapped to today's. Pure: text in, rows out.
import type { EventType, IsoDate, SubEventType } from '../../src/domain/types.js';

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF; a BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const s = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      field = '';
      if (row.some((x) => x !== '') || row.length > 1) rows.push(row);
      row = [];
      if (c === '\r' && s[i + 1] === '\n') i++;
    } else field += c;
    i++;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number): string => String(n).padStart(2, '0');

function validIso(y: number, m: number, d: number): IsoDate | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** ACLED dates: "04/01/2016" (day first), "2016-01-04", "04-January-2016", "4 January 2016". */
export function parseAcledDate(raw: string): IsoDate | null {
  const s = raw.trim();
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return validIso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return validIso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-\s]([A-Za-z]{3,})[-\s](\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1;
    return month ? validIso(Number(m[3]), month, Number(m[1])) : null;
  }
  return null;
}

export interface MappedType {
  eventType: EventType;
  /** Null where the old type does not say (old "Remote violence" has no sub-types). */
  subEventType: SubEventType | null;
}

/**
 * An old (2016) event type as today's. "Battle-…" types carry today's Battles sub-types; "Riots/Protests"
 * is Riots when rioters (inter 5) act and Protests otherwise; "Remote violence" is Explosions/Remote
 * violence; "Strategic development" keeps its type without a sub-type; the two territory developments
 * are today's Strategic developments sub-types. Today's names pass through. Null for an unknown type.
 */
export function mapOldEventType(oldType: string, inter1: number | null = null): MappedType | null {
  const t = oldType.trim().toLowerCase().replace(/\s+/g, ' ');
  const battle = /^battles?\s*-\s*(.*)$/.exec(t);
  if (battle) {
    const kind = battle[1]!;
    if (/no change/.test(kind)) return { eventType: 'Battles', subEventType: 'Armed clash' };
    if (/government regains/.test(kind))
      return { eventType: 'Battles', subEventType: 'Government regains territory' };
    if (/non-state actor overtakes|non-state actor gains|rebels overtake/.test(kind))
      return { eventType: 'Battles', subEventType: 'Non-state actor overtakes territory' };
    return { eventType: 'Battles', subEventType: null };
  }
  switch (t) {
    case 'battles':
      return { eventType: 'Battles', subEventType: null };
    case 'remote violence':
    case 'explosions/remote violence':
      return { eventType: 'Explosions/Remote violence', subEventType: null };
    case 'violence against civilians':
      return { eventType: 'Violence against civilians', subEventType: null };
    case 'riots/protests':
    case 'riot/protest':
      return { eventType: inter1 === 5 ? 'Riots' : 'Protests', subEventType: null };
    case 'protests':
      return { eventType: 'Protests', subEventType: null };
    case 'riots':
      return { eventType: 'Riots', subEventType: null };
    case 'strategic development':
    case 'strategic developments':
      return { eventType: 'Strategic developments', subEventType: null };
    case 'non-violent transfer of territory':
      return { eventType: 'Strategic developments', subEventType: 'Non-violent transfer of territory' };
    case 'headquarters or base established':
      return { eventType: 'Strategic developments', subEventType: 'Headquarters or base established' };
    default:
      return null;
  }
}

export interface AcledRow {
  id: string;
  /** EVENT_DATE as ISO. */
  date: IsoDate;
  year: number;
  oldEventType: string;
  gold: MappedType;
  lat: number;
  lon: number;
  location: string;
  country: string;
  notes: string;
  fatalities: number;
}

export interface AcledParse {
  rows: AcledRow[];
  /** Lines that could not be read, with the reason (1-based line of the record's start is not tracked: record number). */
  problems: { record: number; reason: string }[];
}

/** Rows of an ACLED 2016-layout CSV, columns found by their header names (any case). */
export function parseAcled2016(text: string): AcledParse {
  const [head, ...records] = parseCsv(text);
  const problems: AcledParse['problems'] = [];
  if (!head) return { rows: [], problems };
  const col = new Map(head.map((h, i) => [h.trim().toUpperCase(), i]));
  const need = ['EVENT_DATE', 'EVENT_TYPE', 'LATITUDE', 'LONGITUDE', 'NOTES', 'FATALITIES'];
  const missing = need.filter((n) => !col.has(n));
  if (missing.length)
    return { rows: [], problems: [{ record: 0, reason: `missing columns ${missing.join(', ')}` }] };
  const get = (r: string[], name: string): string => {
    const i = col.get(name);
    return i === undefined ? '' : (r[i] ?? '').trim();
  };
  const rows: AcledRow[] = [];
  records.forEach((r, k) => {
    const record = k + 1;
    const date = parseAcledDate(get(r, 'EVENT_DATE'));
    const inter1 = get(r, 'INTER1') ? Number(get(r, 'INTER1')) : null;
    const gold = mapOldEventType(get(r, 'EVENT_TYPE'), Number.isFinite(inter1) ? inter1 : null);
    const lat = Number(get(r, 'LATITUDE'));
    const lon = Number(get(r, 'LONGITUDE'));
    const fatalities = Number(get(r, 'FATALITIES') || '0');
    const reason = !date
      ? `bad date ${JSON.stringify(get(r, 'EVENT_DATE'))}`
      : !gold
        ? `unknown event type ${JSON.stringify(get(r, 'EVENT_TYPE'))}`
        : !get(r, 'LATITUDE') || !Number.isFinite(lat) || !get(r, 'LONGITUDE') || !Number.isFinite(lon)
          ? 'bad coordinates'
          : !Number.isInteger(fatalities) || fatalities < 0
            ? `bad fatalities ${JSON.stringify(get(r, 'FATALITIES'))}`
            : !get(r, 'NOTES')
              ? 'no notes'
              : null;
    if (reason || !date || !gold) {
      problems.push({ record, reason: reason ?? 'unreadable' });
      return;
    }
    const id = get(r, 'EVENT_ID_CNTY') || `${get(r, 'GWNO')}-${record}`;
    rows.push({
      id,
      date,
      year: Number(get(r, 'YEAR')) || Number(date.slice(0, 4)),
      oldEventType: get(r, 'EVENT_TYPE'),
      gold,
      lat,
      lon,
      location: get(r, 'LOCATION'),
      country: get(r, 'COUNTRY'),
      notes: get(r, 'NOTES'),
      fatalities,
    });
  });
  return { rows, problems };
}
