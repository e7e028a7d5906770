import { useCallback, useEffect, useState } from 'react';
import type { Guide } from '@draftroom/shared';
import { listGuides } from '../api/guides.ts';
import { isAbortError } from '../api/client.ts';

export type GuideListState =
  | { status: 'loading' }
  | { status: 'ready'; guides: Guide[] }
  | { status: 'error'; error: unknown };

/** Loads the guide list; `reload` shows the loading state again and refetches. */
export function useGuideList(): { state: GuideListState; reload: () => void } {
  const [state, setState] = useState<GuideListState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    listGuides(controller.signal).then(
      (guides) => setState({ status: 'ready', guides }),
      (error: unknown) => {
        if (!isAbortError(error)) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { state, reload };
}
