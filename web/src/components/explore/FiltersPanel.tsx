// The filters of docs/API.md. Choices from lists apply at once; typed text applies with Enter or Apply
// (or when a suggestion is picked).
import { useEffect, useState, type FormEvent } from 'react';
import { GRADES } from '../../../../src/domain/incident.js';
import { EVENT_TYPES, type EventType } from '../../../../src/domain/types.js';
import { suggestActors, suggestPlaces } from '../../api/client.js';
import type { Facets } from '../../api/types.js';
import { activeFilterCount, EMPTY_FILTERS, filtersKey, type Filters } from '../../filters.js';
import { SuggestField } from './SuggestField.js';

interface Props {
  filters: Filters;
  onChange: (filters: Filters) => void;
  facets: Facets | null;
}

const isEventType = (t: string): t is EventType => Object.hasOwn(EVENT_TYPES, t);

function subTypesOf(type: string): readonly string[] {
  if (isEventType(type)) return EVENT_TYPES[type];
  return Object.values(EVENT_TYPES).flat();
}

/** Dates in order, text trimmed, a sub-type that belongs to the type. */
function normalise(f: Filters): Filters {
  const [from, to] = f.from && f.to && f.from > f.to ? [f.to, f.from] : [f.from, f.to];
  const subType = f.subType && !subTypesOf(f.type).includes(f.subType) ? '' : f.subType;
  return { ...f, from, to, subType, q: f.q.trim(), actor: f.actor.trim(), admin1: f.admin1.trim() };
}

async function actorNames(q: string, signal: AbortSignal): Promise<string[]> {
  if (q.length < 2) return [];
  return (await suggestActors(q, signal)).items.map((a) => a.name);
}

export function FiltersPanel({ filters, onChange, facets }: Props) {
  const [draft, setDraft] = useState(filters);
  const key = filtersKey(filters);
  // the timeline's brush and Reset change the filters from outside the form
  useEffect(() => setDraft(filters), [key]);

  const apply = (next: Filters) => {
    const clean = normalise(next);
    setDraft(clean);
    onChange(clean);
  };
  const setNow = <K extends keyof Filters>(name: K, value: Filters[K]) => apply({ ...draft, [name]: value });
  const setLater = <K extends keyof Filters>(name: K, value: Filters[K]) =>
    setDraft((d) => ({ ...d, [name]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply(draft);
  };

  const admin1Names = async (q: string, signal: AbortSignal): Promise<string[]> => {
    if (!draft.country && q.length < 2) return [];
    const places = await suggestPlaces('', draft.country, signal);
    const names = places.items.map((p) => p.admin1).filter((x): x is string => Boolean(x));
    const lower = q.toLowerCase();
    return [...new Set(names)].filter((n) => n.toLowerCase().includes(lower)).sort();
  };

  const active = activeFilterCount(filters);
  return (
    <form className="filters" role="search" aria-label="Filter events" onSubmit={submit}>
      <h2>Filters {active > 0 && <span className="badge">{active}</span>}</h2>
      <div className="field wide">
        <label htmlFor="f-q">Search</label>
        <input
          id="f-q"
          type="search"
          placeholder="Words of the reports"
          value={draft.q}
          onChange={(e) => setLater('q', e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="f-from">From</label>
        <input id="f-from" type="date" value={draft.from} onChange={(e) => setNow('from', e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="f-to">To</label>
        <input id="f-to" type="date" value={draft.to} onChange={(e) => setNow('to', e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="f-country">Country</label>
        <select id="f-country" value={draft.country} onChange={(e) => setNow('country', e.target.value)}>
          <option value="">All countries</option>
          {facets?.countries.map((c) => (
            <option key={c.value} value={c.value}>
              {c.name || c.value} ({c.count})
            </option>
          ))}
          {draft.country && !facets?.countries.some((c) => c.value === draft.country) && (
            <option value={draft.country}>{draft.country}</option>
          )}
        </select>
      </div>
      <SuggestField
        label="Region (admin1)"
        name="admin1"
        placeholder="Any region"
        value={draft.admin1}
        onChange={(v) => setLater('admin1', v)}
        onPick={(v) => setNow('admin1', v)}
        suggest={admin1Names}
        deps={[draft.country]}
      />
      <div className="field">
        <label htmlFor="f-type">Event type</label>
        <select id="f-type" value={draft.type} onChange={(e) => setNow('type', e.target.value)}>
          <option value="">All event types</option>
          {Object.keys(EVENT_TYPES).map((t) => {
            const count = facets?.eventTypes.find((f) => f.value === t)?.count;
            return (
              <option key={t} value={t}>
                {t}
                {count !== undefined ? ` (${count})` : ''}
              </option>
            );
          })}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-subtype">Sub-type</label>
        <select id="f-subtype" value={draft.subType} onChange={(e) => setNow('subType', e.target.value)}>
          <option value="">All sub-types</option>
          {subTypesOf(draft.type).map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      <SuggestField
        label="Actor"
        name="actor"
        placeholder="Name or alias"
        value={draft.actor}
        onChange={(v) => setLater('actor', v)}
        onPick={(v) => setNow('actor', v)}
        suggest={actorNames}
      />
      <div className="field">
        <label htmlFor="f-grade">Grade</label>
        <select id="f-grade" value={draft.grade} onChange={(e) => setNow('grade', e.target.value)}>
          <option value="">Any grade</option>
          {GRADES.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-fatalities">Fatalities</label>
        <select
          id="f-fatalities"
          value={draft.hasFatalities}
          onChange={(e) => setNow('hasFatalities', e.target.value as Filters['hasFatalities'])}
        >
          <option value="">Any</option>
          <option value="true">Some reported killed</option>
          <option value="false">None, or not reported</option>
        </select>
      </div>
      <div className="buttons">
        <button type="submit" className="primary">
          Apply
        </button>
        <button type="button" onClick={() => apply(EMPTY_FILTERS)}>
          Reset
        </button>
      </div>
    </form>
  );
}
