import { deviceSignInRequestSchema, updateProfileRequestSchema } from '@draftroom/shared';
import type { DeviceSignInRequest, Me, UpdateProfileRequest } from '@draftroom/shared';
import { callApi } from './callApi.ts';
import { ApiRequestError } from './client.ts';

/**
 * The few calls that do more than `callApi`: each adds a rule of its own. Everything else is
 * called by route name with `callApi`.
 */

/**
 * The signed-in person, or `null` when nobody is signed in (the server answers 401
 * `unauthenticated`). Any other failure is thrown: "signed out" and "server unreachable" need
 * different words on screen.
 */
export async function getMeIfSignedIn(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await callApi('me', { signal });
  } catch (error) {
    if (error instanceof ApiRequestError && error.code === 'unauthenticated') return null;
    throw error;
  }
}

/** Changes the caller's own profile; only the fields given are changed. */
export function updateMe(changes: UpdateProfileRequest, signal?: AbortSignal): Promise<Me> {
  // Parsed here too, so the body sent is exactly what the contract allows (trimmed, upper-cased).
  const body = updateProfileRequestSchema.parse(changes);
  return callApi('updateMe', { body, signal });
}

/** Signs this browser in with another device's link (token) or code. */
export function signInWithDevice(request: DeviceSignInRequest, signal?: AbortSignal): Promise<Me> {
  // Parsed here too, so the body sent is exactly what the contract allows.
  const body = deviceSignInRequestSchema.parse(request);
  return callApi('deviceSignIn', { body, signal });
}
