// Load something when its inputs change: the latest answer wins, earlier requests are aborted, and an
// error is kept as a message to show (never swallowed).
import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { errorMessage, isAbort } from './api/client.js';

export interface AsyncState<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((n) => n + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    load(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (controller.signal.aborted || isAbort(err)) return;
        setError(errorMessage(err));
        setLoading(false);
      },
    );
    return () => controller.abort();
    // the caller names the inputs in `deps`
  }, [...deps, round]);

  return { data, error, loading, reload };
}
