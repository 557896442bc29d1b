// The incident's append-only history, newest first: who did what, when, why, and what changed.
import type { HistoryEntry } from '../../api/types.js';
import { timeLabel } from '../../format.js';
import { ACTION_LABELS, changeLines } from '../../history.js';

export function HistoryList({ entries, incidentId }: { entries: HistoryEntry[]; incidentId: string }) {
  if (entries.length === 0) return <p className="muted">No history yet.</p>;
  return (
    <ol className="history" data-testid="history" aria-label="History">
      {entries.map((entry) => (
        <li key={entry.seq} data-testid="history-entry" data-action={entry.action}>
          <div className="history-head">
            <strong>{ACTION_LABELS[entry.action]}</strong> by {entry.by}
            <span className="muted">
              {' '}
              · {timeLabel(entry.at)} · #{entry.seq}
              {entry.undoes !== null && ` · undoes #${entry.undoes}`}
            </span>
          </div>
          {changeLines(entry, incidentId).map((line) => (
            <div key={line} className="change">
              {line}
            </div>
          ))}
          {entry.why && <div className="why">Why: {entry.why}</div>}
        </li>
      ))}
    </ol>
  );
}
