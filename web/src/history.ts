// One history entry in words: what changed for one incident between the entry's `before` and `after`.
import { incidentValues, type IncidentValues } from '../../src/domain/incident.js';
import type { HistoryEntry, Incident } from './api/types.js';
import { actorsLabel, dateWithPrecision, fatalitiesLabel, placeLabel } from './format.js';

export const ACTION_LABELS: Record<HistoryEntry['action'], string> = {
  cluster: 'Grouped by the clusterer',
  accept: 'Accepted',
  reject: 'Rejected',
  edit: 'Edited',
  merge: 'Merged',
  split: 'Split',
  regrade: 'Regraded',
  note: 'Note',
  undo: 'Undone',
  outlet: 'Outlet rated',
};

export const FIELD_NAMES: Record<keyof IncidentValues, string> = {
  eventType: 'event type',
  subEventType: 'sub-type',
  date: 'date',
  location: 'location',
  actors: 'actors',
  fatalities: 'fatalities',
  weapons: 'weapons',
};

type Field = keyof IncidentValues;

export function valueLabel<K extends Field>(field: K, value: IncidentValues[K] | undefined): string {
  if (value === undefined) return '—';
  switch (field) {
    case 'fatalities':
      return fatalitiesLabel(value as IncidentValues['fatalities']);
    case 'date':
      return dateWithPrecision(value as IncidentValues['date']);
    case 'location':
      return placeLabel(value as IncidentValues['location']);
    case 'actors':
      return actorsLabel((value as IncidentValues['actors']).map((a) => ({ ...a, short: null })));
    case 'weapons':
      return (
        (value as IncidentValues['weapons'])
          .map((w) => (w.count ? `${w.count} × ${w.kind}` : w.kind))
          .join(', ') || 'none'
      );
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

function isIncident(x: unknown): x is Incident {
  return typeof x === 'object' && x !== null && 'id' in x && 'resolved' in x && 'edits' in x;
}

function findIncident(side: unknown, id: string): Incident | null {
  const list: unknown[] = Array.isArray(side) ? side : [side];
  return list.find((x): x is Incident => isIncident(x) && x.id === id) ?? null;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function editLines(before: Incident, after: Incident): string[] {
  const fields = new Set([...Object.keys(before.edits), ...Object.keys(after.edits)]) as Set<Field>;
  const [b, a] = [incidentValues(before), incidentValues(after)];
  const lines: string[] = [];
  for (const field of fields) {
    if (same(before.edits[field], after.edits[field])) continue;
    lines.push(`${FIELD_NAMES[field]}: ${valueLabel(field, b[field])} → ${valueLabel(field, a[field])}`);
  }
  return lines;
}

/** What the entry changed for incident `id`, one line per change. */
export function changeLines(entry: HistoryEntry, id: string): string[] {
  const before = findIncident(entry.before, id);
  const after = findIncident(entry.after, id);
  if (!before && after) return [`${after.members.length} report(s) grouped as this incident`];
  if (before && !after) return ['this incident was dissolved into another'];
  if (!before || !after) return [];
  const lines: string[] = [];
  if (before.status !== after.status) lines.push(`status: ${before.status} → ${after.status}`);
  if (before.grade.value !== after.grade.value)
    lines.push(`grade: ${before.grade.value} → ${after.grade.value}`);
  lines.push(...editLines(before, after));
  if (after.notes.length > before.notes.length)
    lines.push(...after.notes.slice(before.notes.length).map((n) => `note: “${n.text}”`));
  if (after.members.length !== before.members.length)
    lines.push(`reports: ${before.members.length} → ${after.members.length}`);
  return lines;
}
