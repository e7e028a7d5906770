import { useCallback } from 'react';
import type { BreakoutGroup, ConferenceSession } from '@draftroom/shared';
import { useResource } from '../api/useResource.ts';
import { callApi } from '../api/callApi.ts';

export interface SessionGroups {
  session: ConferenceSession;
  groups: BreakoutGroup[];
}

/**
 * Every co-creation session with its groups (one request per session: there is no "all groups"
 * route). Used to name groups in lists and to offer them as an invite's scope.
 */
export function useAllGroups(sessions: readonly ConferenceSession[]) {
  const ids = sessions
    .filter((session) => session.kind === 'co-creation')
    .map((session) => session.id)
    .join(',');
  const load = useCallback(
    async (signal: AbortSignal): Promise<SessionGroups[]> => {
      if (ids === '') return [];
      const details = await Promise.all(
        ids.split(',').map((sessionId) => callApi('getSession', { params: { sessionId }, signal })),
      );
      return details.map(({ session, groups }) => ({ session, groups }));
    },
    [ids],
  );
  return useResource(load);
}

/** Group id → group name, for tables that show which groups someone is in. */
export function groupLabels(all: readonly SessionGroups[]): Map<string, string> {
  return new Map(
    all.flatMap(({ groups }) => groups.map((group) => [group.id, group.name] as const)),
  );
}
