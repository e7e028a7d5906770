import { useCallback, useMemo } from 'react';
import type { PracticeListQuery } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { useResource } from '../api/useResource.ts';

/**
 * The library's list for a query, through the one data layer. The query is compared by its text,
 * so a re-render with equal filters does not search again; a new query aborts the one before.
 */
export function useLibrary(query: PracticeListQuery) {
  const key = JSON.stringify(query);
  const stable = useMemo(() => JSON.parse(key) as PracticeListQuery, [key]);
  const load = useCallback(
    (signal: AbortSignal) => callApi('listPractices', { query: stable, signal }),
    [stable],
  );
  return useResource(load);
}
