// The incident this report belongs to: status, grade, every report's figures side by side, the
// reviewers' actions (editors only) and the history.
import { useState } from 'react';
import { acceptIncident, editIncident, noteIncident, rejectIncident } from '../../api/client.js';
import type { IncidentDetail, IncidentSummary } from '../../api/types.js';
import { plural } from '../../format.js';
import { useAction } from '../../useAction.js';
import { ErrorNote } from '../common/ErrorNote.js';
import { GradeBadge } from '../common/GradeBadge.js';
import { HistoryList } from '../incident/HistoryList.js';
import { MemberTable } from '../incident/MemberTable.js';
import { StatusBadge } from '../incident/StatusBadge.js';
import { EditForm } from '../review/EditForm.js';
import { NoteForm } from '../review/NoteForm.js';
import { OtherReports } from './OtherReports.js';

interface Props {
  summary: IncidentSummary;
  detail: IncidentDetail | null;
  error: string | null;
  reload: () => void;
  canReview: boolean;
  currentEventId: string;
}

export function IncidentPanel({ summary, detail, error, reload, canReview, currentEventId }: Props) {
  const status = detail?.status ?? summary.status;
  const grade = detail?.grade ?? summary.grade;
  return (
    <section className="incident" aria-labelledby="incident-title" data-testid="incident">
      <h2 id="incident-title">The incident, as all reports tell it</h2>
      <p className="event-meta">
        <StatusBadge status={status} /> · <GradeBadge grade={grade} /> ·{' '}
        <span title={summary.admiralty.reasons.join('; ')}>
          Admiralty {summary.admiralty.reliability}
          {summary.admiralty.credibility}
        </span>{' '}
        · {plural(summary.reports, 'report')}, {summary.independentSources} independent
        <span className="muted"> · {summary.id}</span>
      </p>
      {error && <ErrorNote message={`Could not load the incident: ${error}`} onRetry={reload} />}
      {canReview && detail && <ReviewActions incident={detail} onDone={reload} />}
      {detail && (
        <>
          <h3>Each report's figures, side by side</h3>
          <MemberTable incident={detail} currentEventId={currentEventId} />
          <OtherReports incident={detail} currentEventId={currentEventId} />
          <h3>History</h3>
          <HistoryList entries={detail.history} incidentId={detail.id} />
        </>
      )}
    </section>
  );
}

function ReviewActions({ incident, onDone }: { incident: IncidentDetail; onDone: () => void }) {
  const [form, setForm] = useState<'none' | 'edit' | 'note'>('none');
  const { busy, message, run } = useAction(onDone);
  const close = () => setForm('none');
  return (
    <div className="review-actions">
      <div className="actions" role="group" aria-label="Review actions">
        <button
          type="button"
          className="primary"
          disabled={busy || incident.status === 'accepted'}
          onClick={() => void run('Accepted', () => acceptIncident(incident.id))}
        >
          Accept
        </button>
        <button
          type="button"
          disabled={busy || incident.status === 'rejected'}
          onClick={() => void run('Rejected', () => rejectIncident(incident.id))}
        >
          Reject
        </button>
        <button type="button" disabled={busy} onClick={() => setForm('edit')}>
          Edit a field
        </button>
        <button type="button" disabled={busy} onClick={() => setForm('note')}>
          Add a note
        </button>
      </div>
      {message && (
        <p className={message.error ? 'error-note' : 'ok-note'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {form === 'edit' && (
        <EditForm
          incident={incident}
          onCancel={close}
          onSave={async (field, value, why) => {
            const failure = await run(`Edited ${field}`, () => editIncident(incident.id, field, value, why));
            if (!failure) close();
            return failure;
          }}
        />
      )}
      {form === 'note' && (
        <NoteForm
          incidentId={incident.id}
          onCancel={close}
          onSave={async (text) => {
            const failure = await run('Added a note', () => noteIncident(incident.id, text));
            if (!failure) close();
            return failure;
          }}
        />
      )}
    </div>
  );
}
