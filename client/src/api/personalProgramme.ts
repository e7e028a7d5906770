import {
  setAudiencesRequestSchema,
  type AudienceTag,
  type PersonalProgramme,
} from '@draftroom/shared';
import { callApi, downloadApi } from './callApi.ts';

/**
 * The person's own programme (audiences, plans, calendar). Audiences are changed from the profile
 * dialog while the programme page may be open beneath it, so a change is told to whoever listens.
 */

type Listener = (programme: PersonalProgramme) => void;
const listeners = new Set<Listener>();

/** Calls `listener` after every change of the person's audiences; returns the unsubscribe. */
export function onAudiencesChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function setMyAudiences(
  audiences: readonly AudienceTag[],
  signal?: AbortSignal,
): Promise<PersonalProgramme> {
  // Parsed here too, so the body sent is exactly what the contract allows.
  const body = setAudiencesRequestSchema.parse({ audiences: [...audiences] });
  const programme = await callApi('setAudiences', { body, signal });
  for (const listener of listeners) listener(programme);
  return programme;
}

export function planToAttend(sessionId: string, planned: boolean): Promise<PersonalProgramme> {
  return callApi('planAttendance', { params: { sessionId }, body: { planned } });
}

/** Saves the planned sessions as an .ics file; resolves with the file's name. */
export function downloadMyCalendar(): Promise<string> {
  return downloadApi('myCalendar', { params: {} });
}
