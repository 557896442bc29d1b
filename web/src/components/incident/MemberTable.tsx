// Each report's figures side by side, under the values the incident shows (with the rule that chose
// each value, and a flag where the reports disagree).
import { incidentValues } from '../../../../src/domain/incident.js';
import type { Incident } from '../../api/types.js';
import { actorsLabel, dateLabel, fatalitiesLabel, placeLabel } from '../../format.js';
import { valueLabel } from '../../history.js';
import { eventHref } from '../../router.js';

function Disagree({ on }: { on: boolean }) {
  return on ? <span className="disagree"> (reports disagree)</span> : null;
}

export function MemberTable({ incident, currentEventId }: { incident: Incident; currentEventId?: string }) {
  const v = incidentValues(incident);
  const r = incident.resolved;
  const edited = (field: keyof Incident['edits']) =>
    field in incident.edits ? ' (edited by a reviewer)' : '';
  return (
    <div className="table-scroll">
      <table className="members" data-testid="members">
        <caption className="visually-hidden">Figures per report</caption>
        <thead>
          <tr>
            <th scope="col">Report</th>
            <th scope="col">Date</th>
            <th scope="col">Place</th>
            <th scope="col">Type</th>
            <th scope="col">Fatalities</th>
            <th scope="col">Actors</th>
            <th scope="col">Why grouped</th>
          </tr>
        </thead>
        <tbody>
          <tr className="resolved">
            <th scope="row">Incident</th>
            <td title={r.date.rule}>
              {valueLabel('date', v.date)}
              {edited('date')}
              <Disagree on={r.date.disagreement} />
            </td>
            <td title={r.location.rule}>
              {placeLabel(v.location)}
              <Disagree on={r.location.disagreement} />
            </td>
            <td title={r.subEventType.rule}>
              {v.eventType} / {v.subEventType}
              {edited('subEventType') || edited('eventType')}
              <Disagree on={r.subEventType.disagreement || r.eventType.disagreement} />
            </td>
            <td title={r.fatalities.rule} data-testid="incident-fatalities">
              {fatalitiesLabel(v.fatalities)}
              {edited('fatalities')}
              <Disagree on={r.fatalities.disagreement} />
            </td>
            <td title={r.actors.rule}>{valueLabel('actors', v.actors)}</td>
            <td className="muted">chosen values (hover for the rule)</td>
          </tr>
          {incident.members.map((m) => (
            <tr key={m.eventId} className={m.eventId === currentEventId ? 'current' : undefined}>
              <th scope="row">
                <a href={eventHref(m.eventId)}>{m.outlet ?? 'Unknown outlet'}</a>
                <div className="muted">
                  {m.published ?? 'date unknown'}
                  {m.eventId === currentEventId && ' · this report'}
                </div>
              </th>
              <td>{dateLabel(m.date)}</td>
              <td>{m.place ? m.place.name : 'not identified'}</td>
              <td>
                {m.eventType} / {m.subEventType}
              </td>
              <td>{fatalitiesLabel(m.fatalities)}</td>
              <td>{actorsLabel(m.actors.map((a) => ({ ...a, short: null })))}</td>
              <td className="muted">
                {m.score === 1 ? 'first report' : `score ${m.score}`}: {m.reasons.join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
