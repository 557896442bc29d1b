// Run a review action: one at a time, its outcome kept as a message to show (errors in the server's words).
import { useCallback, useState } from 'react';
import { errorMessage } from './api/client.js';
import type { ActionResult, HistoryEntry } from './api/types.js';

export interface ActionMessage {
  text: string;
  error: boolean;
}

export function useAction(onDone: (entry: HistoryEntry, label: string) => void) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<ActionMessage | null>(null);

  const run = useCallback(
    /** Resolves null when the action was done, else the error message. */
    async (label: string, action: () => Promise<ActionResult>): Promise<string | null> => {
      setBusy(true);
      setMessage(null);
      try {
        const { entry } = await action();
        setMessage({ text: `${label} (history #${entry.seq}).`, error: false });
        onDone(entry, label);
        return null;
      } catch (err) {
        const text = `${label} failed: ${errorMessage(err)}`;
        setMessage({ text, error: true });
        return text;
      } finally {
        setBusy(false);
      }
    },
    [onDone],
  );

  return { busy, message, setMessage, run };
}
