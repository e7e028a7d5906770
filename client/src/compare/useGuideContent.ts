import { useCallback } from 'react';
import type { GuideContent } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { useResource } from '../api/useResource.ts';

/**
 * A guide's current content, read-only, or null while none is chosen. Loaded once per chosen
 * guide: the server reads the whole guide for it (and limits how often one person may).
 */
export function useGuideContent(guideId: string) {
  const load = useCallback(
    async (signal: AbortSignal): Promise<GuideContent | null> =>
      guideId ? callApi('getGuideContent', { params: { guideId }, signal }) : null,
    [guideId],
  );
  return useResource(load);
}
