// The events the filters select, newest first, a page at a time ("Show more" follows nextCursor when the
// server gives one, else the offset).
import { useEffect, useRef, useState } from 'react';
import { errorMessage, isAbort, listEvents } from '../../api/client.js';
import type { Page, StoredEvent } from '../../api/types.js';
import { filtersKey, type Filters } from '../../filters.js';
import { actorsLabel, dateLabel, fatalitiesLabel, placeLabel, plural } from '../../format.js';
import { eventHref } from '../../router.js';
import { ErrorNote } from '../common/ErrorNote.js';

export const PAGE_SIZE = 50;

interface ListState {
  items: StoredEvent[];
  total: number;
  totalExact: boolean;
  /** undefined: the server pages by offset; null: no further page. */
  nextCursor: string | null | undefined;
}

function fromPage(page: Page<StoredEvent>, before: StoredEvent[] = []): ListState {
  return {
    items: [...before, ...page.items],
    total: page.total,
    totalExact: page.totalExact !== false,
    nextCursor: page.nextCursor,
  };
}

const hasMore = (s: ListState): boolean =>
  s.nextCursor === undefined ? s.items.length < s.total : s.nextCursor !== null;

export function countLabel(s: Pick<ListState, 'total' | 'totalExact' | 'items'>): string {
  const total = s.totalExact ? plural(s.total, 'event') : `${s.total.toLocaleString('en')}+ events`;
  return s.items.length < s.total ? `${total} (showing ${s.items.length})` : total;
}

export function EventList({ filters }: { filters: Filters }) {
  const [state, setState] = useState<ListState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [round, setRound] = useState(0);
  const key = filtersKey(filters);
  const currentKey = useRef(key);

  useEffect(() => {
    currentKey.current = key;
    const controller = new AbortController();
    setLoading(true);
    listEvents(filters, { limit: PAGE_SIZE }, controller.signal).then(
      (page) => {
        setState(fromPage(page));
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (isAbort(err)) return;
        setError(`Could not load the events: ${errorMessage(err)}`);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [key, round]);

  const more = () => {
    if (!state) return;
    setLoading(true);
    const page = state.nextCursor
      ? { limit: PAGE_SIZE, cursor: state.nextCursor }
      : { limit: PAGE_SIZE, offset: state.items.length };
    const asked = key;
    listEvents(filters, page).then(
      (next) => {
        if (currentKey.current !== asked) return; // the filters changed meanwhile
        setState(fromPage(next, state.items));
        setLoading(false);
      },
      (err: unknown) => {
        if (currentKey.current !== asked) return;
        setError(`Could not load more events: ${errorMessage(err)}`);
        setLoading(false);
      },
    );
  };

  return (
    <div className="event-list-box">
      <h2 className="list-head">
        <span data-testid="event-count" aria-live="polite">
          {state ? countLabel(state) : 'Loading…'}
        </span>
      </h2>
      {error && <ErrorNote message={error} onRetry={() => setRound((n) => n + 1)} />}
      <ol className="event-list" data-testid="event-list" aria-label="Events" aria-busy={loading}>
        {state?.items.map((e) => (
          <EventRow key={e.id} event={e} />
        ))}
        {state && state.items.length === 0 && <li className="empty">No events match these filters.</li>}
      </ol>
      {state && hasMore(state) && (
        <button type="button" className="more" onClick={more} disabled={loading}>
          Show more
        </button>
      )}
    </div>
  );
}

function EventRow({ event: e }: { event: StoredEvent }) {
  return (
    <li data-testid="event-row" data-event-id={e.id}>
      <a className="row" href={eventHref(e.id)}>
        <span className="row-date">{dateLabel(e.date)}</span>
        <span className="row-outlet">{e.outlet ?? 'Unknown outlet'}</span>
        <span className="row-type">
          {e.eventType} / {e.subEventType}
        </span>
        <span className="row-place">{placeLabel(e.location)}</span>
        <span className="row-actors">{actorsLabel(e.actors)}</span>
        <span className="row-fatalities">Fatalities: {fatalitiesLabel(e.fatalities)}</span>
      </a>
    </li>
  );
}
