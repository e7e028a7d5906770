import type { GuideVersionContent } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';

/** One version's content, or the live guide's (`now`: read from the open Y.Doc, no request). */
export type ContentSource = { versionId: string } | { now: () => unknown };

export async function loadContent(source: ContentSource, guideId: string, signal: AbortSignal) {
  if ('now' in source) return { version: null, content: source.now() };
  const loaded: GuideVersionContent = await callApi('getVersion', {
    params: { guideId, versionId: source.versionId },
    signal,
  });
  return { version: loaded.version, content: loaded.content as unknown };
}
