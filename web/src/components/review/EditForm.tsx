// Edit one field of an incident (POST /api/incidents/:id/edit). The reviewer's value wins over the
// values chosen from the reports until the edit is undone; a reason can go with it into the history.
import { useState, type FormEvent } from 'react';
import { incidentValues } from '../../../../src/domain/incident.js';
import { EVENT_TYPES, type DatePrecision, type EventType } from '../../../../src/domain/types.js';
import type { EditableField, Incident } from '../../api/types.js';
import { Dialog, FormFooter } from '../common/Dialog.js';

interface Props {
  incident: Incident;
  /** Resolves null when the edit was saved (the form then closes), else the error to show. */
  onSave: (field: EditableField, value: unknown, why: string) => Promise<string | null>;
  onCancel: () => void;
}

const FIELDS: { value: EditableField; label: string }[] = [
  { value: 'fatalities', label: 'Fatalities' },
  { value: 'eventType', label: 'Event type' },
  { value: 'subEventType', label: 'Sub-type' },
  { value: 'date', label: 'Date range' },
];
const PRECISIONS: DatePrecision[] = ['day', 'week', 'month', 'year'];
const EVENT_TYPE_NAMES = Object.keys(EVENT_TYPES) as EventType[];

interface Draft {
  field: EditableField;
  unknown: boolean;
  low: string;
  best: string;
  high: string;
  eventType: EventType;
  subEventType: string;
  start: string;
  end: string;
  precision: DatePrecision;
  why: string;
}

function initialDraft(incident: Incident): Draft {
  const v = incidentValues(incident);
  return {
    field: 'fatalities',
    unknown: v.fatalities === null,
    low: v.fatalities ? String(v.fatalities.low) : '',
    best: v.fatalities ? String(v.fatalities.best) : '',
    high: v.fatalities ? String(v.fatalities.high) : '',
    eventType: v.eventType,
    subEventType: v.subEventType,
    start: v.date.start,
    end: v.date.end,
    precision: v.date.precision,
    why: '',
  };
}

const count = (s: string): number | null => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : null);

/** The value to send, or the reason it cannot be sent. */
function editValue(d: Draft): { value: unknown } | { error: string } {
  switch (d.field) {
    case 'fatalities': {
      if (d.unknown) return { value: null };
      const [low, best, high] = [count(d.low), count(d.best), count(d.high)];
      if (low === null || best === null || high === null)
        return { error: 'Low, best and high must be whole numbers (0 or more).' };
      if (!(low <= best && best <= high)) return { error: 'Expected low ≤ best ≤ high.' };
      return { value: { low, best, high } };
    }
    case 'eventType':
      return { value: d.eventType };
    case 'subEventType':
      return { value: d.subEventType };
    case 'date':
      if (!d.start || !d.end) return { error: 'Give both the first and the last day.' };
      if (d.start > d.end) return { error: 'The first day is after the last day.' };
      return { value: { start: d.start, end: d.end, precision: d.precision } };
  }
}

export function EditForm({ incident, onSave, onCancel }: Props) {
  const [draft, setDraft] = useState<Draft>(() => initialDraft(incident));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = editValue(draft);
    if ('error' in result) {
      setError(result.error);
      return;
    }
    setBusy(true);
    setError(null);
    const failure = await onSave(draft.field, result.value, draft.why);
    if (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <Dialog titleId="edit-title" onClose={onCancel}>
      <form onSubmit={(e) => void submit(e)}>
        <h2 id="edit-title">Edit a field</h2>
        <p className="muted">Incident {incident.id}</p>
        <label>
          Field
          <select
            autoFocus
            value={draft.field}
            onChange={(e) => set('field', e.target.value as EditableField)}
          >
            {FIELDS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        {draft.field === 'fatalities' && <FatalityInputs draft={draft} set={set} />}
        {draft.field === 'eventType' && (
          <label>
            Event type
            <select value={draft.eventType} onChange={(e) => set('eventType', e.target.value as EventType)}>
              {EVENT_TYPE_NAMES.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </label>
        )}
        {draft.field === 'subEventType' && (
          <label>
            Sub-type
            <select value={draft.subEventType} onChange={(e) => set('subEventType', e.target.value)}>
              {EVENT_TYPE_NAMES.map((t) => (
                <optgroup key={t} label={t}>
                  {EVENT_TYPES[t].map((s) => (
                    <option key={s}>{s}</option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
        )}
        {draft.field === 'date' && <DateInputs draft={draft} set={set} />}
        <label>
          Why (optional)
          <textarea rows={2} value={draft.why} onChange={(e) => set('why', e.target.value)} />
        </label>
        <FormFooter error={error} busy={busy} submitLabel="Save edit" onCancel={onCancel} />
      </form>
    </Dialog>
  );
}

type Setter = <K extends keyof Draft>(key: K, value: Draft[K]) => void;

function FatalityInputs({ draft, set }: { draft: Draft; set: Setter }) {
  return (
    <fieldset>
      <legend>Fatalities</legend>
      <div className="inline-fields">
        {(['low', 'best', 'high'] as const).map((k) => (
          <label key={k}>
            {k[0]?.toUpperCase() + k.slice(1)}
            <input
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              disabled={draft.unknown}
              value={draft[k]}
              onChange={(e) => set(k, e.target.value)}
            />
          </label>
        ))}
      </div>
      <label className="check">
        <input type="checkbox" checked={draft.unknown} onChange={(e) => set('unknown', e.target.checked)} />
        Unknown (not reported)
      </label>
    </fieldset>
  );
}

function DateInputs({ draft, set }: { draft: Draft; set: Setter }) {
  return (
    <fieldset>
      <legend>Date range</legend>
      <div className="inline-fields">
        <label>
          First day
          <input type="date" value={draft.start} onChange={(e) => set('start', e.target.value)} />
        </label>
        <label>
          Last day
          <input type="date" value={draft.end} onChange={(e) => set('end', e.target.value)} />
        </label>
        <label>
          Precision
          <select value={draft.precision} onChange={(e) => set('precision', e.target.value as DatePrecision)}>
            {PRECISIONS.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
      </div>
    </fieldset>
  );
}
