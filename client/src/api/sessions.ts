import { apiPath, sessionDetailSchema, type SessionDetail } from '@draftroom/shared';
import { requestJson } from './client.ts';

/** A session with its breakout groups and who is in each. */
export function getSessionDetail(sessionId: string, signal?: AbortSignal): Promise<SessionDetail> {
  return requestJson(apiPath('getSession', { sessionId }), sessionDetailSchema, { signal });
}
