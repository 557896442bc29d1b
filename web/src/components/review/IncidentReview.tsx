// The selected incident with what a reviewer needs to decide: the chosen values and each report's
// figures side by side, the grade and its reasons, the notes, and the actions (with their keys).
import { incidentValues } from '../../../../src/domain/incident.js';
import type { Incident } from '../../api/types.js';
import { dateWithPrecision, fatalitiesLabel, placeLabel, timeLabel } from '../../format.js';
import { eventHref } from '../../router.js';
import { GradeBadge } from '../common/GradeBadge.js';
import { MemberTable } from '../incident/MemberTable.js';

interface Props {
  incident: Incident;
  busy: boolean;
  canUndo: boolean;
  onAccept: () => void;
  onReject: () => void;
  onEdit: () => void;
  onNote: () => void;
  onUndo: () => void;
}

export function IncidentReview({ incident, busy, canUndo, ...on }: Props) {
  const v = incidentValues(incident);
  const first = incident.members[0];
  return (
    <section className="incident-review" aria-labelledby="review-title" data-testid="review-detail">
      <h2 id="review-title">
        {v.eventType} / {v.subEventType}
      </h2>
      <p className="event-meta">
        {dateWithPrecision(v.date)} · {placeLabel(v.location)} · Fatalities: {fatalitiesLabel(v.fatalities)}
      </p>
      <p className="event-meta">
        <GradeBadge grade={incident.grade} /> · Admiralty {incident.admiralty.reliability}
        {incident.admiralty.credibility} · {incident.independentSources} independent source(s) ·{' '}
        {first && <a href={eventHref(first.eventId)}>Open the reports and their evidence</a>}
      </p>
      <div className="actions" role="group" aria-label="Review actions">
        <button type="button" className="primary" disabled={busy} onClick={on.onAccept}>
          Accept <kbd>a</kbd>
        </button>
        <button type="button" disabled={busy} onClick={on.onReject}>
          Reject <kbd>r</kbd>
        </button>
        <button type="button" disabled={busy} onClick={on.onEdit}>
          Edit a field <kbd>e</kbd>
        </button>
        <button type="button" disabled={busy} onClick={on.onNote}>
          Add a note <kbd>n</kbd>
        </button>
        <button type="button" disabled={busy || !canUndo} onClick={on.onUndo}>
          Undo last <kbd>u</kbd>
        </button>
      </div>
      <MemberTable incident={incident} />
      {incident.grade.reasons.length > 0 && (
        <p className="muted">Grade reasons: {incident.grade.reasons.join('; ')}</p>
      )}
      {incident.notes.length > 0 && (
        <ul className="notes" aria-label="Notes">
          {incident.notes.map((n) => (
            <li key={`${n.at}-${n.by}`}>
              {n.text}{' '}
              <span className="muted">
                — {n.by}, {timeLabel(n.at)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
