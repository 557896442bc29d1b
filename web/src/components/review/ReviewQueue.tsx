// The review queue: incidents the clusterer proposed, one selected at a time, decided from the keyboard
// (j/k move, a accept, r reject, e edit a field, n note, u undo, ? help).
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  acceptIncident,
  editIncident,
  errorMessage,
  listIncidents,
  noteIncident,
  rejectIncident,
  undoEntry,
} from '../../api/client.js';
import type { HistoryEntry, Incident } from '../../api/types.js';
import { plural } from '../../format.js';
import { useAction } from '../../useAction.js';
import { useAsync } from '../../useAsync.js';
import { ErrorNote } from '../common/ErrorNote.js';
import { EditForm } from './EditForm.js';
import { IncidentReview } from './IncidentReview.js';
import { NoteForm } from './NoteForm.js';
import { QueueList } from './QueueList.js';
import { ShortcutHelp } from './ShortcutHelp.js';

type Mode = 'none' | 'edit' | 'note' | 'help';

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function ReviewQueue() {
  const queue = useAsync((signal) => listIncidents({ status: 'proposed', limit: 200 }, signal), []);
  const [index, setIndex] = useState(0);
  const [mode, setMode] = useState<Mode>('none');
  const [done, setDone] = useState<{ seq: number; label: string }[]>([]);
  const items = queue.data?.items ?? [];
  const selected = Math.max(0, Math.min(index, items.length - 1));
  const current: Incident | undefined = items[selected];

  const { reload } = queue;
  const onDone = useCallback(
    (entry: HistoryEntry, label: string) => {
      setDone((d) => [...d, { seq: entry.seq, label }]);
      reload();
    },
    [reload],
  );
  const { busy, message, setMessage, run } = useAction(onDone);

  const accept = () => current && void run(`Accepted ${current.id}`, () => acceptIncident(current.id));
  const reject = () => current && void run(`Rejected ${current.id}`, () => rejectIncident(current.id));
  const undo = async () => {
    const last = done[done.length - 1];
    if (!last) {
      setMessage({ text: 'Nothing to undo.', error: false });
      return;
    }
    try {
      const { entry } = await undoEntry(last.seq);
      setDone((d) => d.slice(0, -1));
      setMessage({ text: `Undid “${last.label}” (history #${entry.seq}).`, error: false });
      queue.reload();
    } catch (err) {
      setMessage({ text: `Undo failed: ${errorMessage(err)}`, error: true });
    }
  };
  const move = (step: number) => setIndex(Math.max(0, Math.min(items.length - 1, selected + step)));

  const onKey = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (mode !== 'none') {
      if (event.key === 'Escape' || (mode === 'help' && event.key === '?')) setMode('none');
      return;
    }
    if (isTyping(event.target)) return;
    const actions: Record<string, () => void> = {
      j: () => move(1),
      k: () => move(-1),
      a: () => !busy && accept(),
      r: () => !busy && reject(),
      e: () => current && setMode('edit'),
      n: () => current && setMode('note'),
      u: () => void undo(),
      '?': () => setMode('help'),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };
  const keyRef = useRef(onKey);
  useEffect(() => {
    keyRef.current = onKey;
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => keyRef.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const close = () => setMode('none');
  return (
    <main className="page review" data-testid="review-queue">
      <header className="review-head">
        <h1>Review queue</h1>
        <p className="muted">
          {queue.data ? `${plural(queue.data.total, 'proposed incident')}` : 'Loading…'} · press <kbd>?</kbd>{' '}
          for the keyboard shortcuts
        </p>
        <button type="button" onClick={() => setMode('help')}>
          Shortcuts
        </button>
      </header>
      {queue.error && (
        <ErrorNote message={`Could not load the queue: ${queue.error}`} onRetry={queue.reload} />
      )}
      {message && (
        <p className={message.error ? 'error-note' : 'ok-note'} role={message.error ? 'alert' : 'status'}>
          {message.text}
          {!message.error && done.length > 0 && ' Press u to undo.'}
        </p>
      )}
      {queue.data && items.length === 0 && <p>Nothing to review: every incident has been decided.</p>}
      {queue.data && queue.data.total > items.length && (
        <p className="muted">
          Showing the first {items.length} of {queue.data.total}; the next ones come as these are decided.
        </p>
      )}
      <div className="review-grid">
        <QueueList items={items} selected={selected} onSelect={setIndex} />
        {current && (
          <IncidentReview
            key={current.id}
            incident={current}
            busy={busy}
            canUndo={done.length > 0}
            onAccept={accept}
            onReject={reject}
            onEdit={() => setMode('edit')}
            onNote={() => setMode('note')}
            onUndo={() => void undo()}
          />
        )}
      </div>
      {mode === 'edit' && current && (
        <EditForm
          incident={current}
          onCancel={close}
          onSave={async (field, value, why) => {
            const error = await run(`Edited ${field} of ${current.id}`, () =>
              editIncident(current.id, field, value, why),
            );
            if (!error) close();
            return error;
          }}
        />
      )}
      {mode === 'note' && current && (
        <NoteForm
          incidentId={current.id}
          onCancel={close}
          onSave={async (text) => {
            const error = await run(`Added a note to ${current.id}`, () => noteIncident(current.id, text));
            if (!error) close();
            return error;
          }}
        />
      )}
      {mode === 'help' && <ShortcutHelp onClose={close} />}
    </main>
  );
}
