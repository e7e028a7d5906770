import { useCallback, useEffect, useState } from 'react';
import { isAbortError } from './client.ts';

export type Resource<T> =
  { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: unknown };

export type Loader<T> = (signal: AbortSignal) => Promise<T>;

interface Settled<T> {
  load: Loader<T>;
  attempt: number;
  state: Resource<T>;
}

/**
 * Loads something from the API for as long as the component shows it. Pass a loader made with
 * `useCallback`: a new loader (another id) starts over from "loading", and the previous request
 * is aborted so a slow answer for the old id can never overwrite the new one.
 *
 * `reload` shows "loading" again (after an error); `refresh` keeps showing the current data until
 * the new answer arrives (after a change the person made, so the page does not flash).
 */
export function useResource<T>(load: Loader<T>): {
  state: Resource<T>;
  reload: () => void;
  refresh: () => void;
} {
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const [request, setRequest] = useState({ attempt: 0, quiet: false });
  const { attempt } = request;

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => setSettled({ load, attempt, state: { status: 'ready', data } }),
      (error: unknown) => {
        if (!isAbortError(error)) setSettled({ load, attempt, state: { status: 'error', error } });
      },
    );
    return () => controller.abort();
  }, [load, attempt]);

  const current = settled?.load === load;
  const state: Resource<T> =
    settled && current && (settled.attempt === attempt || request.quiet)
      ? settled.state
      : { status: 'loading' };

  const reload = useCallback(
    () => setRequest((r) => ({ attempt: r.attempt + 1, quiet: false })),
    [],
  );
  const refresh = useCallback(
    () => setRequest((r) => ({ attempt: r.attempt + 1, quiet: true })),
    [],
  );
  return { state, reload, refresh };
}
