// Suggestions for a text field, fetched as the user types (debounced, latest answer wins).
import { useEffect, useState } from 'react';
import { errorMessage, isAbort } from './api/client.js';

export function useSuggestions(
  query: string,
  fetch: (query: string, signal: AbortSignal) => Promise<string[]>,
  deps: readonly unknown[] = [],
): { items: string[]; error: string | null } {
  const [items, setItems] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      fetch(query, controller.signal).then(
        (found) => {
          setItems(found);
          setError(null);
        },
        (err: unknown) => {
          if (!isAbort(err)) setError(errorMessage(err));
        },
      );
    }, 200);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
    // `fetch` is the caller's; it names what it depends on in `deps`
  }, [query, ...deps]);
  return { items, error };
}
