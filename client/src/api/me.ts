import { z } from 'zod';
import {
  apiPath,
  meSchema,
  updateProfileRequestSchema,
  type Me,
  type UpdateProfileRequest,
} from '@draftroom/shared';
import { ApiRequestError, requestJson } from './client.ts';

/**
 * The signed-in person, or `null` when nobody is signed in (the server answers 401
 * `unauthenticated`). Any other failure is thrown: "signed out" and "server unreachable" need
 * different words on screen.
 */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await requestJson(apiPath('me'), meSchema, { signal });
  } catch (error) {
    if (error instanceof ApiRequestError && error.code === 'unauthenticated') return null;
    throw error;
  }
}

/** Changes the caller's own profile; only the fields given are changed. */
export function updateMe(changes: UpdateProfileRequest, signal?: AbortSignal): Promise<Me> {
  // Parsed here too, so the body sent is exactly what the contract allows (trimmed, upper-cased).
  const body = updateProfileRequestSchema.parse(changes);
  return requestJson(apiPath('updateMe'), meSchema, { method: 'PATCH', body, signal });
}

/** Ends this sign-in; the server answers 204 with no body. */
export async function signOut(signal?: AbortSignal): Promise<void> {
  await requestJson(apiPath('signOut'), z.undefined(), { method: 'POST', signal });
}
