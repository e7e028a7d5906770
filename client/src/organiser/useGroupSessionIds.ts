import { useCallback } from 'react';
import type { Me } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { managesEvent } from './access.ts';
import { useResource, type Resource } from '../api/useResource.ts';

/**
 * The sessions holding the groups a facilitator runs. Capabilities list group ids only, so each
 * group is asked for its session (a facilitator runs a handful; organisers need none of this).
 */
export function useGroupSessionIds(me: Me): Resource<ReadonlySet<string>> {
  const groupIds = managesEvent(me) ? [] : me.capabilities.facilitatedGroupIds;
  const key = groupIds.join(',');
  const load = useCallback(
    async (signal: AbortSignal): Promise<ReadonlySet<string>> => {
      const ids = key === '' ? [] : key.split(',');
      const groups = await Promise.all(
        ids.map((groupId) => callApi('getGroup', { params: { groupId }, signal })),
      );
      return new Set(groups.map((group) => group.sessionId));
    },
    [key],
  );
  return useResource(load).state;
}
