import { apiPath, guideListSchema, guideSchema, type Guide } from '@draftroom/shared';
import { requestJson } from './client.ts';

/** The guides the signed-in person may open, each with what they may do with it. */
export async function listGuides(signal?: AbortSignal): Promise<Guide[]> {
  const { guides } = await requestJson(apiPath('listGuides'), guideListSchema, { signal });
  return guides;
}

export function getGuide(guideId: string, signal?: AbortSignal): Promise<Guide> {
  return requestJson(apiPath('getGuide', { guideId }), guideSchema, { signal });
}
