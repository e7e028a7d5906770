import { guideListSchema, guideSchema, type Guide } from '@draftroom/shared';
import { requestJson } from './client.ts';

export async function listGuides(signal?: AbortSignal): Promise<Guide[]> {
  const { guides } = await requestJson('/api/guides', guideListSchema, { signal });
  return guides;
}

export function getGuide(id: string, signal?: AbortSignal): Promise<Guide> {
  return requestJson(`/api/guides/${encodeURIComponent(id)}`, guideSchema, { signal });
}

export function createGuide(title: string, signal?: AbortSignal): Promise<Guide> {
  return requestJson('/api/guides', guideSchema, { method: 'POST', body: { title }, signal });
}
