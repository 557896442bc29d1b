import type { IncidentStatus } from '../../api/types.js';

export function StatusBadge({ status }: { status: IncidentStatus }) {
  return (
    <span className={`status status-${status}`} data-testid="incident-status">
      {status}
    </span>
  );
}
