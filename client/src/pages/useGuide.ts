import { useCallback, useEffect, useState } from 'react';
import type { Guide } from '@draftroom/shared';
import { documentIdSchema } from '@draftroom/shared';
import { ApiRequestError, isAbortError } from '../api/client.ts';
import { callApi } from '../api/callApi.ts';

export type GuideState =
  | { status: 'loading' }
  | { status: 'ready'; guide: Guide }
  | { status: 'notFound' }
  /** The guide of another group of the person's event (the server says 403). */
  | { status: 'elsewhere' }
  | { status: 'error'; error: unknown };

/** Loads one guide's metadata. Mount with `key={id}` so a new id starts from "loading". */
export function useGuide(id: string): { state: GuideState; reload: () => void } {
  // An id that could never exist is "not found" without asking the server.
  const validId = documentIdSchema.safeParse(id).success;
  const [state, setState] = useState<GuideState>(
    validId ? { status: 'loading' } : { status: 'notFound' },
  );
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!validId) return;
    const controller = new AbortController();
    callApi('getGuide', { params: { guideId: id }, signal: controller.signal }).then(
      (guide) => setState({ status: 'ready', guide }),
      (error: unknown) => {
        if (isAbortError(error)) return;
        const status = error instanceof ApiRequestError ? error.status : 0;
        if (status === 404) setState({ status: 'notFound' });
        else if (status === 403) setState({ status: 'elsewhere' });
        else setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [id, attempt, validId]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { state, reload };
}
