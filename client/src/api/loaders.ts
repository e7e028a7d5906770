import type {
  Guide,
  Invite,
  Me,
  PersonalProgramme,
  Person,
  Programme,
  TemplateSummary,
} from '@draftroom/shared';
import { callApi } from './callApi.ts';

/**
 * Loaders for `useResource`, for routes a page loads whole. They live at module level so their
 * identity never changes (a new loader would make `useResource` start over), and the list
 * routes answer with the list itself rather than its envelope (`{ people: [...] }`).
 */

export const loadMe = (signal: AbortSignal): Promise<Me> => callApi('me', { signal });

export const loadProgramme = (signal: AbortSignal): Promise<Programme> =>
  callApi('programme', { signal });

export const loadGuides = async (signal: AbortSignal): Promise<Guide[]> =>
  (await callApi('listGuides', { signal })).guides;

export const loadPeople = async (signal: AbortSignal): Promise<Person[]> =>
  (await callApi('listPeople', { signal })).people;

export const loadInvites = async (signal: AbortSignal): Promise<Invite[]> =>
  (await callApi('listInvites', { signal })).invites;

export const loadTemplates = async (signal: AbortSignal): Promise<TemplateSummary[]> =>
  (await callApi('listTemplates', { signal })).templates;

export const loadPersonalProgramme = (signal: AbortSignal): Promise<PersonalProgramme> =>
  callApi('personalProgramme', { signal });
