import { useCallback, useEffect, useState } from 'react';
import { isAbortError } from '../api/client.ts';

export type Resource<T> =
  { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: unknown };

/**
 * Loads something once per `load` (pass a `useCallback`), cancelling a request whose page went
 * away. `reload` refetches in the background: what is on screen stays until the new data
 * arrives, so a list does not flash empty after every change an organiser makes.
 */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>): {
  resource: Resource<T>;
  reload: () => void;
} {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => setResource({ status: 'ready', data }),
      (error: unknown) => {
        if (!isAbortError(error)) setResource({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [load, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { resource, reload };
}
