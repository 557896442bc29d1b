import type { Incident } from '../../api/types.js';

/** The incident's grade, with the machine's suggestion when a reviewer changed it and the reasons on hover. */
export function GradeBadge({ grade }: { grade: Incident['grade'] }) {
  const reviewed = grade.setBy === 'reviewer' && grade.suggested !== grade.value;
  return (
    <span className={`grade grade-${grade.value}`} title={grade.reasons.join('; ')} data-testid="grade">
      Grade: {grade.value}
      {reviewed && <span className="muted"> (suggested {grade.suggested})</span>}
    </span>
  );
}
