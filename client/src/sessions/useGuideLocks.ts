import { useTranslation } from 'react-i18next';
import type { BreakoutGroup, Guide } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { useAnnouncedAction } from '../ui/useAnnouncedAction.ts';

/**
 * Locking from the session page: one group's guide, or every guide of the session. What was
 * done is announced; the page then asks the server again (`onChanged`) for the new state.
 */
export function useGuideLocks(sessionId: string, onChanged: () => void) {
  const { t } = useTranslation();
  const { status, busy, error, run } = useAnnouncedAction(onChanged);

  return {
    status,
    busy,
    error,
    lockGuide: (group: BreakoutGroup, guide: Guide) => {
      const locked = guide.lock === null;
      return run(async () => {
        await callApi('setGuideLock', { params: { guideId: guide.id }, body: { locked } });
        return t(locked ? 'session.lockedOne' : 'session.unlockedOne', { group: group.name });
      });
    },
    lockSession: (locked: boolean) =>
      run(async () => {
        const { guides } = await callApi('setSessionLock', {
          params: { sessionId },
          body: { locked },
        });
        return t(locked ? 'session.lockedAll' : 'session.unlockedAll', { count: guides.length });
      }),
  };
}
