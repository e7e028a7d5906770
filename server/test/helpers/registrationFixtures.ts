import {
  apiPath,
  type CreatedDelegation,
  type DecidedDelegates,
  type DelegationForm,
  type RegistrationSettings,
  type SaveDelegationRequest,
} from '@draftroom/shared';
import type { ApiClient, ApiResponse } from '../../testing/index.ts';
import type { World } from './actors.ts';

/**
 * Registration (issue 16) for the tests: the organiser opening it and inviting parliaments, and
 * a focal point using their link without any sign-in (plain fetch, no cookie), as a browser
 * opening the link would.
 */

/** The token at the end of `/register/<token>` or `/register/open/<token>`. */
export const tokenOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** A request with no cookie: what a focal point's browser sends. */
export async function anonymous<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  rawBody?: string,
): Promise<ApiResponse<T>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers:
      body === undefined && rawBody === undefined ? {} : { 'content-type': 'application/json' },
    body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export async function openRegistration(
  organiser: ApiClient,
  settings: { open?: boolean; deadline?: string | null; publicPage?: boolean } = {},
): Promise<RegistrationSettings> {
  return organiser.expect<RegistrationSettings>(200, 'PUT', apiPath('registrationSettings'), {
    open: settings.open ?? true,
    deadline: settings.deadline ?? null,
    publicPage: settings.publicPage ?? true,
  });
}

let parliaments = 0;
/** Invites a parliament; answers the delegation and its focal point's token. */
export async function inviteParliament(
  organiser: ApiClient,
  fields: { parliament?: string; country?: string } = {},
): Promise<CreatedDelegation & { token: string }> {
  parliaments += 1;
  const created = await organiser.expect<CreatedDelegation>(
    201,
    'POST',
    apiPath('inviteDelegation'),
    {
      parliament: fields.parliament ?? `Parliament ${parliaments}`,
      country: fields.country ?? 'KE',
      focalPoint: { name: `Focal Point ${parliaments}`, email: `focal${parliaments}@parl.example` },
    },
  );
  return { ...created, token: tokenOf(created.registrationPath) };
}

/** One delegate as a focal point types them. */
type DelegateInput = SaveDelegationRequest['delegates'][number];
export const delegate = (email: string, overrides: Partial<DelegateInput> = {}): DelegateInput => ({
  name: `Delegate ${email.split('@')[0] ?? ''}`,
  function: 'Secretary General',
  email,
  workingLanguages: ['en'],
  audiences: ['digital-ict'],
  preferredLanguage: 'en',
  ...overrides,
});

export const focalPoint = { name: 'Ana Focal', email: 'ana.focal@parl.example' };

export async function saveDelegation(
  baseUrl: string,
  token: string,
  delegates: SaveDelegationRequest['delegates'],
  expected = 200,
): Promise<DelegationForm> {
  const response = await anonymous<DelegationForm>(
    baseUrl,
    'PUT',
    apiPath('saveDelegation', { token }),
    { focalPoint, delegates },
  );
  if (response.status !== expected) {
    throw new Error(
      `saving: expected ${expected}, got ${response.status}: ${JSON.stringify(response.body)}`,
    );
  }
  return response.body;
}

// --- The authorization matrix's targets --------------------------------------------------------

interface MatrixRegistration {
  token: string;
  publicToken: string;
  delegationId: string;
}
let matrixRegistration: Promise<MatrixRegistration> | undefined;
let matrixEmails = 0;

/** Registration open with the public page on, and one invited parliament (shared by every actor). */
export const registration = (w: World) =>
  (matrixRegistration ??= (async () => {
    const settings = await openRegistration(w.organiser);
    const invited = await inviteParliament(w.organiser, { parliament: 'Matrix parliament' });
    return {
      token: invited.token,
      publicToken: tokenOf(settings.publicPath ?? ''),
      delegationId: invited.delegation.id,
    };
  })());

/** The shared delegation's private link. */
export const RT = async (w: World) => ({ params: { token: (await registration(w)).token } });
/** The public page's link. */
export const RP = async (w: World) => ({ params: { token: (await registration(w)).publicToken } });
/** The shared delegation, by id (the organisers' routes). */
export const RD = async (w: World) => ({
  params: { delegationId: (await registration(w)).delegationId },
});
/** A fresh invited parliament (for calls that replace its link). */
export const freshDelegation = async (w: World) => {
  await registration(w);
  const invited = await inviteParliament(w.organiser);
  return { params: { delegationId: invited.delegation.id }, token: invited.token };
};
/** A fresh delegate of this event, registered by a fresh parliament's focal point. */
export const freshDelegate = async (w: World, approved = false) => {
  const { token } = await freshDelegation(w);
  const form = await saveDelegation(w.server.url, token, [
    delegate(`matrix${++matrixEmails}@parl.example`),
  ]);
  const delegateId = form.delegates[0]?.id ?? '';
  if (approved) {
    await w.organiser.expect<DecidedDelegates>(200, 'POST', apiPath('decideDelegates'), {
      delegateIds: [delegateId],
      decision: 'approve',
    });
  }
  return delegateId;
};
export const matrixSave = { focalPoint, delegates: [delegate('matrix.saved@parl.example')] };
export const matrixStart = {
  parliament: 'Parliament of the public page',
  country: 'FR',
  focalPoint: { name: 'Public Focal', email: 'public.focal@parl.example' },
};
