import { useCallback } from 'react';
import type { Guide } from '@draftroom/shared';
import { documentIdSchema } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { ApiRequestError } from '../api/client.ts';
import { useResource } from '../api/useResource.ts';

export type GuideState =
  | { status: 'loading' }
  | { status: 'ready'; guide: Guide }
  | { status: 'notFound' }
  /** The guide of another group of the person's event (the server says 403). */
  | { status: 'elsewhere' }
  | { status: 'error'; error: unknown };

type Answer = Extract<GuideState, { status: 'ready' | 'notFound' | 'elsewhere' }>;

/** Loads one guide's metadata. Mount with `key={id}` so a new id starts from "loading". */
export function useGuide(id: string): {
  state: GuideState;
  reload: () => void;
  /** Asks again while the guide stays on screen (after a lock, say). */
  refresh: () => void;
} {
  // An id that could never exist is "not found" without asking the server.
  const validId = documentIdSchema.safeParse(id).success;
  const load = useCallback(
    async (signal: AbortSignal): Promise<Answer> => {
      if (!validId) return { status: 'notFound' };
      try {
        return {
          status: 'ready',
          guide: await callApi('getGuide', { params: { guideId: id }, signal }),
        };
      } catch (error) {
        // Refusals the page explains in its own words; anything else is an error notice.
        const status = error instanceof ApiRequestError ? error.status : 0;
        if (status === 404) return { status: 'notFound' };
        if (status === 403) return { status: 'elsewhere' };
        throw error;
      }
    },
    [id, validId],
  );
  const { state, reload, refresh } = useResource(load);
  if (!validId) return { state: { status: 'notFound' }, reload, refresh };
  return { state: state.status === 'ready' ? state.data : state, reload, refresh };
}
