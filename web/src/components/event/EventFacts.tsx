// The event's coded fields as this report tells them, with the precision of each.
import type { ReactNode } from 'react';
import type { EventDetail } from '../../api/types.js';
import { actorName, dateWithPrecision, fatalitiesLabel, placeLabel, safeUrl } from '../../format.js';

const INTER: Record<number, string> = {
  1: 'state forces',
  2: 'rebel group',
  3: 'political militia',
  4: 'identity militia',
  5: 'rioters',
  6: 'protesters',
  7: 'civilians',
  8: 'external/other forces',
};

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Location({ event: e }: { event: EventDetail }) {
  const loc = e.location;
  if (!loc) return <>Not identified</>;
  return (
    <>
      <div>{placeLabel(loc)}</div>
      {loc.reference && (
        <div>
          {loc.reference.distanceKm} km {loc.reference.bearing} of {loc.reference.name}
        </div>
      )}
      <div className="muted">
        {loc.lat.toFixed(4)}, {loc.lon.toFixed(4)} · within ±{loc.uncertaintyKm} km · geo precision{' '}
        {loc.geoPrecision}
        {loc.geonameId ? ` · GeoNames ${loc.geonameId}` : ''}
      </div>
    </>
  );
}

export function EventFacts({ event: e }: { event: EventDetail }) {
  const url = safeUrl(e.source?.url);
  return (
    <dl className="facts" data-testid="event-facts">
      <Row label="Date">{dateWithPrecision(e.date)}</Row>
      <Row label="Location">
        <Location event={e} />
      </Row>
      <Row label="Actors">
        {e.actors.length === 0 ? (
          'Not identified'
        ) : (
          <ul className="plain">
            {e.actors.map((a) => (
              <li key={`${a.role}:${a.name}`}>
                <span className="role">{a.role}</span> {actorName(a)}
                {a.inter ? <span className="muted"> · {INTER[a.inter]}</span> : null}
                {a.mention && a.mention !== a.name ? <span className="muted"> · “{a.mention}”</span> : null}
              </li>
            ))}
          </ul>
        )}
      </Row>
      <Row label="Fatalities">{fatalitiesLabel(e.fatalities)}</Row>
      <Row label="Weapons">
        {e.weapons.length
          ? e.weapons.map((w) => (w.count ? `${w.count} × ${w.kind}` : w.kind)).join(', ')
          : '—'}
      </Row>
      <Row label="Reported by">{e.reportedBy.length ? e.reportedBy.join(', ') : '—'}</Row>
      <Row label="Source">
        {url ? (
          <a href={url} rel="noopener noreferrer" target="_blank">
            {e.source?.title || url}
          </a>
        ) : (
          e.source?.title || '—'
        )}
        <div className="muted">
          {[e.source?.outlet ?? e.outlet, e.source?.published ?? e.published].filter(Boolean).join(' · ')}
        </div>
      </Row>
      <Row label="Identifiers">
        <span className="muted ids">
          event {e.id} · report {e.reportId} · source {e.sourceId}
          {e.source?.sha256 ? ` · sha256 ${e.source.sha256.slice(0, 12)}…` : ''}
        </span>
      </Row>
    </dl>
  );
}
