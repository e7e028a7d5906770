import { useCallback, useEffect, useState } from 'react';
import { maxSearchLength, type SearchResult } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { useResource, type Resource } from '../api/useResource.ts';

/** How long typing must pause before a search is sent. */
const pauseMs = 300;

/** A search the server would take: trimmed, 1–200 characters (it refuses the rest). */
export function searchable(text: string): string | null {
  const q = text.trim();
  return q.length > 0 && q.length <= maxSearchLength ? q : null;
}

/** `text` once typing has paused (`pauseMs`). */
export function usePaused(text: string): string {
  const [paused, setPaused] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setPaused(text), pauseMs);
    return () => clearTimeout(timer);
  }, [text]);
  return paused;
}

/**
 * The hits for `q` (null: nothing to search yet), through the one data layer: a new `q` aborts
 * the search before it, so a slow answer never replaces a newer one.
 */
export function useSearch(q: string | null): {
  state: Resource<SearchResult> | null;
  reload: () => void;
} {
  const load = useCallback(
    (signal: AbortSignal) =>
      q === null
        ? Promise.resolve({ hits: [], more: false })
        : callApi('searchGuides', { query: { q }, signal }),
    [q],
  );
  const { state, reload } = useResource(load);
  return { state: q === null ? null : state, reload };
}
