import { ApiRequestError } from '../api/client.ts';

/** A registration path the API handed out (`/register/…`), as a link to give someone. */
export function registrationUrl(origin: string, path: string): string {
  return `${origin.replace(/\/$/, '')}${path}`;
}

/**
 * A token that cannot be a registration link's (cut short when pasted): refused in the browser
 * with the error the server would give, so the page explains it the same way.
 */
export function malformedRegistrationLinkError(): ApiRequestError {
  return new ApiRequestError(
    404,
    'registration_link_invalid',
    'This registration link is incomplete; copy the whole link and try again.',
  );
}

/** What the public page hands the private one after starting a delegation (history state). */
export interface NewDelegationState {
  newDelegationLink: true;
}

export function isNewDelegationState(state: unknown): state is NewDelegationState {
  return (
    typeof state === 'object' &&
    state !== null &&
    (state as Partial<NewDelegationState>).newDelegationLink === true
  );
}
