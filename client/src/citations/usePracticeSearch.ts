import { useEffect, useState } from 'react';
import type { PracticeSummary } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { isAbortError } from '../api/client.ts';

const debounceMs = 250;

export type PracticeSearch =
  | { status: 'searching'; results: readonly PracticeSummary[] }
  | { status: 'ready'; results: readonly PracticeSummary[] }
  | { status: 'error'; error: unknown; results: readonly PracticeSummary[] };

interface Answer {
  /** The search it answers (trimmed). */
  q: string;
  results: readonly PracticeSummary[];
  error?: unknown;
}

/**
 * Approved practices matching `query` (`listPractices` with `q`, the library's own search), asked
 * once typing pauses; a newer search aborts the one before, so answers never arrive out of order.
 * While a new search runs, the previous results stay on screen.
 */
export function usePracticeSearch(query: string): PracticeSearch {
  const q = query.trim();
  const [answer, setAnswer] = useState<Answer | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      callApi('listPractices', {
        query: q ? { q, status: 'approved' } : { status: 'approved' },
        signal: controller.signal,
      }).then(
        // Readers also see their own parliament's practices in any status: only approved ones
        // may be cited or presented.
        (list) =>
          setAnswer({
            q,
            results: list.practices.filter((practice) => practice.status === 'approved'),
          }),
        (error: unknown) => {
          if (!isAbortError(error)) setAnswer({ q, results: [], error });
        },
      );
    }, debounceMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);
  const results = answer?.results ?? [];
  if (!answer || answer.q !== q) return { status: 'searching', results };
  if (answer.error !== undefined) return { status: 'error', error: answer.error, results };
  return { status: 'ready', results };
}
