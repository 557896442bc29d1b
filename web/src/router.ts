// Screens live in the URL's hash (#/events/ID, #/review, #/login), so the server needs to serve only
// index.html; the filters live in the query string and survive moving between screens.
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'explore' }
  | { name: 'event'; id: string }
  | { name: 'review' }
  | { name: 'login' }
  | { name: 'not-found'; path: string };

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/' || path === '') return { name: 'explore' };
  if (path === '/review') return { name: 'review' };
  if (path === '/login') return { name: 'login' };
  const event = /^\/events\/([^/]+)$/.exec(path);
  if (event?.[1]) return { name: 'event', id: decodeURIComponent(event[1]) };
  return { name: 'not-found', path };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'explore':
      return '#/';
    case 'event':
      return `#/events/${encodeURIComponent(route.id)}`;
    case 'review':
      return '#/review';
    case 'login':
      return '#/login';
    case 'not-found':
      return `#${route.path}`;
  }
}

export const eventHref = (id: string): string => routeHref({ name: 'event', id });

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const currentHash = (): string => window.location.hash;

export function useRoute(): Route {
  return parseHash(useSyncExternalStore(subscribe, currentHash));
}
