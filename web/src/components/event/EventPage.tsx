// One event as one report tells it: the report's text with the evidence for each field highlighted,
// the claims and who relayed them, and the incident it belongs to (grade, figures, history).
import { getEvent, getIncident } from '../../api/client.js';
import { dateWithPrecision, fatalitiesLabel, placeLabel } from '../../format.js';
import { useSession } from '../../session.js';
import { useAsync } from '../../useAsync.js';
import { ErrorNote } from '../common/ErrorNote.js';
import { GradeBadge } from '../common/GradeBadge.js';
import { ClaimList } from './ClaimList.js';
import { EventFacts } from './EventFacts.js';
import { IncidentPanel } from './IncidentPanel.js';
import { SourceText } from './SourceText.js';

export function EventPage({ id }: { id: string }) {
  const { canReview } = useSession();
  const event = useAsync((signal) => getEvent(id, signal), [id]);
  const incidentId = event.data?.incident?.id ?? null;
  const incident = useAsync(
    (signal) => (incidentId ? getIncident(incidentId, signal) : Promise.resolve(null)),
    [incidentId],
  );
  const e = event.data;

  return (
    <main className="page event-page" data-testid="event-page">
      <p className="back">
        <a href="#/">← Back to the map and list</a>
      </p>
      {event.error && (
        <ErrorNote message={`Could not load event ${id}: ${event.error}`} onRetry={event.reload} />
      )}
      {!e && !event.error && <p role="status">Loading…</p>}
      {e && (
        <>
          <header className="event-head">
            <h1>
              {e.eventType} / {e.subEventType}
            </h1>
            <p className="event-meta">
              {dateWithPrecision(e.date)} · {placeLabel(e.location)} · Fatalities:{' '}
              {fatalitiesLabel(e.fatalities)}
              {e.incident && (
                <>
                  {' '}
                  · <GradeBadge grade={incident.data?.grade ?? e.incident.grade} />
                </>
              )}
            </p>
            <p className="summary">{e.summary}</p>
          </header>
          <div className="event-grid">
            <section className="report" aria-labelledby="report-title">
              <h2 id="report-title">
                The report{e.source?.outlet ? ` — ${e.source.outlet}` : ''}
                {e.source?.published ? `, ${e.source.published}` : ''}
              </h2>
              {e.source ? (
                <SourceText
                  text={e.source.text}
                  evidence={[...e.evidence, ...e.claims.flatMap((c) => c.evidence)]}
                />
              ) : (
                <ErrorNote message="The source of this event is missing from the archive." />
              )}
            </section>
            <div className="event-side">
              <EventFacts event={e} />
              <ClaimList claims={e.claims} />
            </div>
          </div>
          {e.incident && (
            <IncidentPanel
              summary={e.incident}
              detail={incident.data}
              error={incident.error}
              reload={incident.reload}
              canReview={canReview}
              currentEventId={e.id}
            />
          )}
        </>
      )}
    </main>
  );
}
