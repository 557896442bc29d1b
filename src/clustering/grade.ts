// Grading: an Airwars-style grade suggested from the evidence, and the two-axis Admiralty grade.
// Reviewers can override the grade; `discounted` is only ever a reviewer's call.
import type { Credibility, Grade, Reliability } from '../domain/incident.js';
import type { StoredClaim } from '../domain/types.js';

export interface GradeInput {
  /** One entry per independent source (relayed copies of one wire story count once). */
  sources: { outlet: string | null; reliability: Reliability }[];
  /** Named actors of the incident (lower case). */
  actors: string[];
  /** Claims linked to the member events. */
  claims: Pick<StoredClaim, 'kind' | 'stance' | 'claimant'>[];
  /** Do the members disagree on who acted? */
  perpetratorsDisagree: boolean;
}

const CREDIBLE = new Set<Reliability>(['A', 'B', 'C', 'F']);

/**
 * The suggestion, in order:
 * 1. contested — two or more different parties claim responsibility, or the sources name different perpetrators;
 * 2. confirmed — a party to the incident accepted responsibility;
 * 3. fair — two or more independent, credible sources (reliability not D or E);
 * 4. weak — otherwise (a single source).
 */
export function suggestGrade(x: GradeInput): { grade: Grade; reasons: string[] } {
  const claimants = new Set(
    x.claims
      .filter((c) => c.kind === 'responsibility' && c.stance === 'assert')
      .map((c) => c.claimant.name.toLowerCase()),
  );
  if (claimants.size >= 2)
    return { grade: 'contested', reasons: [`competing responsibility claims: ${[...claimants].join(', ')}`] };
  if (x.perpetratorsDisagree) return { grade: 'contested', reasons: ['sources name different perpetrators'] };
  const accepted = [...claimants].find((c) =>
    x.actors.some((a) => a === c || a.includes(c) || c.includes(a)),
  );
  if (accepted)
    return { grade: 'confirmed', reasons: [`responsibility accepted by a party to it: ${accepted}`] };
  const credible = x.sources.filter((s) => CREDIBLE.has(s.reliability));
  if (credible.length >= 2)
    return { grade: 'fair', reasons: [`${credible.length} independent credible sources`] };
  return {
    grade: 'weak',
    reasons: [
      x.sources.length <= 1
        ? 'a single source'
        : `${x.sources.length} sources, ${credible.length} of them credible`,
    ],
  };
}

const RANK: Reliability[] = ['A', 'B', 'C', 'D', 'E', 'F'];

/**
 * Admiralty grade. Reliability: the best reliability among the independent sources (F when none is
 * rated). Credibility: 1 when two or more independent sources agree and nothing is disputed; 2 when
 * they agree on the event but dispute figures; 3 with one credible source; 5 when the party named
 * denies it and no other source supports; 6 when nothing can be judged.
 */
export function admiraltyGrade(
  sources: { reliability: Reliability }[],
  disputedFigures: boolean,
  denied: boolean,
): { reliability: Reliability; credibility: Credibility; reasons: string[] } {
  const rated = sources.map((s) => s.reliability).filter((r) => r !== 'F');
  const reliability = rated.length ? rated.sort((a, b) => RANK.indexOf(a) - RANK.indexOf(b))[0]! : 'F';
  const reasons = [rated.length ? `best source rated ${reliability}` : 'no source rated yet'];
  let credibility: Credibility;
  if (sources.length >= 2) {
    credibility = disputedFigures ? 2 : 1;
    reasons.push(
      disputedFigures
        ? `${sources.length} independent sources, figures disputed`
        : `${sources.length} independent sources agree`,
    );
  } else if (denied) {
    credibility = 5;
    reasons.push('one source, denied by the party named');
  } else if (rated.length && reliability <= 'C') {
    credibility = 3;
    reasons.push('one credible source');
  } else {
    credibility = 6;
    reasons.push('one source that cannot be judged');
  }
  return { reliability, credibility, reasons };
}
