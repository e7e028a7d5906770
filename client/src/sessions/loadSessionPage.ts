import type { Guide, SessionDetail } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { loadGuides } from '../api/loaders.ts';

export interface SessionPageData {
  detail: SessionDetail;
  /** The guides this person may open, by id: a group's guide is linked only if it is here. */
  guides: ReadonlyMap<string, Guide>;
}

/**
 * The session, and which of its guides the person may open. The server decides who may open what
 * (`GET /api/guides`); the page does not guess it from roles.
 */
export async function loadSessionPage(
  sessionId: string,
  signal: AbortSignal,
): Promise<SessionPageData> {
  const [detail, guides] = await Promise.all([
    callApi('getSession', { params: { sessionId }, signal }),
    loadGuides(signal),
  ]);
  return { detail, guides: new Map(guides.map((guide) => [guide.id, guide])) };
}
