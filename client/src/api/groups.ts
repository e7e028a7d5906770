import { apiPath, groupSchema, type BreakoutGroup } from '@draftroom/shared';
import { requestJson } from './client.ts';

export function getGroup(groupId: string, signal?: AbortSignal): Promise<BreakoutGroup> {
  return requestJson(apiPath('getGroup', { groupId }), groupSchema, { signal });
}

/**
 * Joins a group of a session that lets participants choose. Fails with `conflict` when the group
 * filled up meanwhile or the person is already in a group of that session.
 */
export function selfSelectGroup(groupId: string, signal?: AbortSignal): Promise<BreakoutGroup> {
  return requestJson(apiPath('selfSelect', { groupId }), groupSchema, { method: 'POST', signal });
}
