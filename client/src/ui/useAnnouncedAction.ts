import { useCallback, useState } from 'react';
import { useStatus } from './useStatus.ts';

/**
 * A button's action that changes something on the server: one at a time (`busy`), its error
 * kept for an ErrorNotice, and what it did announced in the page's StatusMessage (the action
 * returns the sentence). `onDone` runs after each success (to load the new state).
 */
export function useAnnouncedAction(onDone: () => void) {
  const { status, announce } = useStatus();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(
    async (action: () => Promise<string>) => {
      if (busy) return;
      setBusy(true);
      setError(null);
      try {
        announce(await action());
        onDone();
      } catch (caught) {
        setError(caught);
      } finally {
        setBusy(false);
      }
    },
    [busy, announce, onDone],
  );
  return { status, busy, error, run };
}
