// The proposed incidents as a list box: click or j/k to choose one.
import { useEffect, useRef } from 'react';
import { incidentValues } from '../../../../src/domain/incident.js';
import type { Incident } from '../../api/types.js';
import { dateLabel, fatalitiesLabel, placeLabel } from '../../format.js';

interface Props {
  items: Incident[];
  selected: number;
  onSelect: (index: number) => void;
}

const optionId = (incident: Incident) => `queue-${incident.id}`;

export function QueueList({ items, selected, onSelect }: Props) {
  const listRef = useRef<HTMLOListElement>(null);
  const current = items[selected];
  useEffect(() => {
    if (current) document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  }, [current]);
  if (items.length === 0) return null;
  return (
    <ol
      ref={listRef}
      className="queue"
      role="listbox"
      aria-label="Proposed incidents"
      tabIndex={0}
      aria-activedescendant={current ? optionId(current) : undefined}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          onSelect(Math.max(0, Math.min(items.length - 1, selected + (e.key === 'ArrowDown' ? 1 : -1))));
        }
      }}
    >
      {items.map((incident, i) => {
        const v = incidentValues(incident);
        return (
          <li
            key={incident.id}
            id={optionId(incident)}
            role="option"
            aria-selected={i === selected}
            data-testid="review-item"
            data-incident-id={incident.id}
            onClick={() => onSelect(i)}
          >
            <span className="queue-type">{v.subEventType}</span>
            <span className="queue-meta">
              {dateLabel(v.date)} · {placeLabel(v.location)}
            </span>
            <span className="queue-meta">
              Fatalities: {fatalitiesLabel(v.fatalities)} · {incident.members.length} report(s) ·{' '}
              {incident.grade.value}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
