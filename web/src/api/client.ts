// Every call the UI makes to the HTTP API goes through this module: one place that adds the CSRF token
// to writes, turns error bodies into ApiError (with the server's message), and reports a 401 so the app
// can show the login screen.
import type { Filters } from '../filters.js';
import { filterParams } from '../filters.js';
import type {
  ActionResult,
  ActorSuggestion,
  Clusters,
  EditableField,
  EventDetail,
  Facets,
  HistoryEntry,
  Incident,
  IncidentDetail,
  LoginResult,
  Page,
  PlaceSuggestion,
  Session,
  StoredEvent,
  TimelineBucket,
} from './types.js';
import type { FeatureCollection } from 'geojson';

export interface ApiIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A message for people: the server's own words, with what went wrong where. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return err.message;
    return `${err.message} (${err.status === 429 ? 'too many attempts' : `HTTP ${err.status}`})`;
  }
  return err instanceof Error ? err.message : String(err);
}

export const isAbort = (err: unknown): boolean => err instanceof DOMException && err.name === 'AbortError';

let csrfToken: string | null = null;
let unauthenticated: ((err: ApiError) => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a read answers 401 (a private deployment, or a session that expired). */
export function onUnauthenticated(listener: ((err: ApiError) => void) | null): void {
  unauthenticated = listener;
}

type Method = 'GET' | 'POST' | 'DELETE';

interface RequestOptions {
  query?: URLSearchParams;
  body?: unknown;
  signal?: AbortSignal | undefined;
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function errorFrom(res: Response, body: unknown, path: string): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; issues?: unknown } } | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : `http_${res.status}`;
  const message =
    typeof error?.message === 'string' && error.message
      ? error.message
      : `${res.status} ${res.statusText || 'error'} from ${path}`;
  const issues = Array.isArray(error?.issues) ? (error.issues as ApiIssue[]) : [];
  const retry = Number(res.headers.get('retry-after'));
  return new ApiError(res.status, code, message, issues, Number.isFinite(retry) && retry > 0 ? retry : null);
}

async function request<T>(method: Method, path: string, opts: RequestOptions = {}): Promise<T> {
  const query = opts.query?.toString();
  const url = `api/${path}${query ? `?${query}` : ''}`;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? null : JSON.stringify(opts.body),
      signal: opts.signal ?? null,
    });
  } catch (err) {
    if (isAbort(err)) throw err;
    throw new ApiError(0, 'network', `Could not reach the server (${errorMessage(err)})`);
  }
  const body = parseJson(await res.text());
  if (!res.ok) {
    const err = errorFrom(res, body, url);
    if (res.status === 401 && path !== 'session') unauthenticated?.(err);
    throw err;
  }
  if (res.status !== 204 && body === null)
    throw new ApiError(res.status, 'bad_response', `${url} sent no JSON`);
  return body as T;
}

const get = <T>(path: string, query?: URLSearchParams, signal?: AbortSignal): Promise<T> =>
  request<T>('GET', path, { ...(query ? { query } : {}), signal });
const post = <T>(path: string, body: unknown = {}): Promise<T> => request<T>('POST', path, { body });
const id = encodeURIComponent;

// ------------------------------------------------------------------ session

export const getSession = (): Promise<Session> => get<Session>('session');
export const login = (username: string, password: string): Promise<LoginResult> =>
  post<LoginResult>('session', { username, password });
export const logout = (): Promise<void> => request<void>('DELETE', 'session');

// ------------------------------------------------------------------ reading the record

export interface EventPageRequest {
  limit: number;
  cursor?: string | null;
  offset?: number;
}

export function listEvents(filters: Filters, page: EventPageRequest, signal?: AbortSignal) {
  const query = filterParams(filters, {
    limit: page.limit,
    cursor: page.cursor ?? null,
    offset: page.cursor ? null : (page.offset ?? null),
  });
  return get<Page<StoredEvent>>('events', query, signal);
}

export const getEvent = (eventId: string, signal?: AbortSignal) =>
  get<EventDetail>(`events/${id(eventId)}`, undefined, signal);

export const getClusters = (
  filters: Filters,
  view: { zoom: number; bbox: [number, number, number, number] },
  signal?: AbortSignal,
) =>
  get<Clusters>(
    'clusters',
    filterParams(filters, { zoom: view.zoom, bbox: view.bbox.map((n) => n.toFixed(4)).join(',') }),
    signal,
  );

export const getTimeline = (filters: Filters, signal?: AbortSignal) =>
  get<{ buckets: TimelineBucket[] }>('timeline', filterParams(filters), signal);

export const getFacets = (signal?: AbortSignal) => get<Facets>('facets', undefined, signal);

export const suggestActors = (q: string, signal?: AbortSignal) =>
  get<{ items: ActorSuggestion[] }>('actors', new URLSearchParams({ q, limit: '12' }), signal);

export function suggestPlaces(q: string, country: string, signal?: AbortSignal) {
  const query = new URLSearchParams({ limit: '500' });
  if (q) query.set('q', q);
  if (country) query.set('country', country);
  return get<{ items: PlaceSuggestion[] }>('places', query, signal);
}

export const getBasemap = (signal?: AbortSignal) => get<FeatureCollection>('basemap', undefined, signal);

export function listIncidents(
  query: { status?: string; cursor?: string | null; offset?: number; limit: number },
  signal?: AbortSignal,
) {
  const params = new URLSearchParams({ limit: String(query.limit) });
  if (query.status) params.set('status', query.status);
  if (query.cursor) params.set('cursor', query.cursor);
  else if (query.offset) params.set('offset', String(query.offset));
  return get<Page<Incident>>('incidents', params, signal);
}

export const getIncident = (incidentId: string, signal?: AbortSignal) =>
  get<IncidentDetail>(`incidents/${id(incidentId)}`, undefined, signal);

export const getHistory = (incidentId: string, signal?: AbortSignal) =>
  get<Page<HistoryEntry>>('history', new URLSearchParams({ incident: incidentId, limit: '200' }), signal);

/** The export download for the current filters. */
export const exportUrl = (filters: Filters, format: 'acled-csv' | 'geojson' | 'jsonl'): string =>
  `api/export?${filterParams(filters, { format }).toString()}`;

// ------------------------------------------------------------------ review (editors)

const why = (text?: string) => (text?.trim() ? { why: text.trim() } : {});

export const acceptIncident = (incidentId: string, reason?: string) =>
  post<ActionResult>(`incidents/${id(incidentId)}/accept`, why(reason));
export const rejectIncident = (incidentId: string, reason?: string) =>
  post<ActionResult>(`incidents/${id(incidentId)}/reject`, why(reason));
export const editIncident = (incidentId: string, field: EditableField, value: unknown, reason?: string) =>
  post<ActionResult>(`incidents/${id(incidentId)}/edit`, { field, value, ...why(reason) });
export const noteIncident = (incidentId: string, text: string) =>
  post<ActionResult>(`incidents/${id(incidentId)}/note`, { text });
export const undoEntry = (seq: number, reason?: string) =>
  post<ActionResult>(`history/${seq}/undo`, why(reason));
