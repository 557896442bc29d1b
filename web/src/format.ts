// How the record reads on screen. Honest about uncertainty: a date range stays a range, a toll that was
// not reported is "unknown" (never 0), a range of figures shows as low–high around the best estimate.
import type { DateRange, EventActor, Fatalities, Place, StoredClaim } from './api/types.js';

export function dateLabel(d: DateRange): string {
  if (d.start === d.end) return d.start;
  return `${d.start} – ${d.end}`;
}

/** "2024-03-01 – 2024-03-31 (month)", or the day alone. */
export function dateWithPrecision(d: DateRange): string {
  return d.start === d.end ? `${d.start} (${d.precision})` : `${dateLabel(d)} (${d.precision})`;
}

export function fatalitiesLabel(f: Fatalities | null | undefined): string {
  if (!f) return 'unknown';
  if (f.low === f.high) return String(f.best);
  return `${f.best} (range ${f.low}–${f.high})`;
}

export function placeLabel(p: Pick<Place, 'name' | 'admin1' | 'country' | 'countryCode'> | null): string {
  if (!p) return 'Location not identified';
  const parts = [p.name, p.admin1, p.country || p.countryCode].filter((x): x is string => Boolean(x));
  return parts.filter((part, i) => parts.indexOf(part) === i).join(', ');
}

export const actorName = (a: Pick<EventActor, 'name' | 'short'>): string =>
  a.short && a.short !== a.name ? `${a.name} (${a.short})` : a.name;

export function actorsLabel(actors: Pick<EventActor, 'name' | 'short' | 'role'>[]): string {
  const names = (role: string) =>
    actors
      .filter((a) => a.role === role)
      .map(actorName)
      .join(', ');
  const [a1, a2] = [names('actor1'), names('actor2')];
  if (a1 && a2) return `${a1} vs ${a2}`;
  return a1 || a2 || 'Actors not identified';
}

export function claimantLabel(c: StoredClaim['claimant']): string {
  const parts = [c.name, c.title, c.affiliation].filter((x): x is string => Boolean(x));
  return parts.filter((part, i) => parts.indexOf(part) === i).join(', ') || 'Unnamed claimant';
}

export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export function timeLabel(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

/** Only http(s) links leave the page; anything else in a source's URL is shown as text. */
export const safeUrl = (url: string | null | undefined): string | null =>
  typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
