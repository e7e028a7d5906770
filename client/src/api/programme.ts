import { apiPath, programmeSchema, type Programme } from '@draftroom/shared';
import { requestJson } from './client.ts';

/** The caller's event and every session in it, in start order. */
export function getProgramme(signal?: AbortSignal): Promise<Programme> {
  return requestJson(apiPath('programme'), programmeSchema, { signal });
}
