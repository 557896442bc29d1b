// The texts of the incident's other reports, each with its own evidence, loaded when opened.
import { useState } from 'react';
import { getEvent } from '../../api/client.js';
import type { Incident } from '../../api/types.js';
import { fatalitiesLabel } from '../../format.js';
import { eventHref } from '../../router.js';
import { useAsync } from '../../useAsync.js';
import { ErrorNote } from '../common/ErrorNote.js';
import { SourceText } from './SourceText.js';

function ReportBody({ eventId }: { eventId: string }) {
  const report = useAsync((signal) => getEvent(eventId, signal), [eventId]);
  if (report.error)
    return <ErrorNote message={`Could not load this report: ${report.error}`} onRetry={report.reload} />;
  if (!report.data) return <p className="muted">Loading…</p>;
  const e = report.data;
  return (
    <>
      <p className="muted">
        <a href={eventHref(e.id)}>Open this report</a> · {e.eventType} / {e.subEventType}
      </p>
      <SourceText
        text={e.source?.text ?? ''}
        evidence={[...e.evidence, ...e.claims.flatMap((c) => c.evidence)]}
      />
    </>
  );
}

function OtherReport({ member }: { member: Incident['members'][number] }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {member.outlet ?? 'Unknown outlet'}, {member.published ?? 'date unknown'} — fatalities{' '}
        {fatalitiesLabel(member.fatalities)}
      </summary>
      {open && <ReportBody eventId={member.eventId} />}
    </details>
  );
}

export function OtherReports({ incident, currentEventId }: { incident: Incident; currentEventId: string }) {
  const others = incident.members.filter((m) => m.eventId !== currentEventId);
  if (others.length === 0) return null;
  return (
    <section aria-labelledby="others-title" className="other-reports">
      <h3 id="others-title">The other reports' texts</h3>
      {others.map((m) => (
        <OtherReport key={m.eventId} member={m} />
      ))}
    </section>
  );
}
