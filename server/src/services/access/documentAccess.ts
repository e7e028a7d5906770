import { presenceUserOf, type Permission, type PresenceUser } from '@draftroom/shared';
import type { ConferenceStore } from '../../persistence/index.ts';
import type { AuthService, SignIn } from '../auth/authService.ts';
import { permissionOnGuide } from '../conference/guideService.ts';
import { loadViewer } from '../conference/viewer.ts';
import { guideRefusal } from './policy.ts';

/** Why a socket may not open (or keep) a document. */
export type AccessRefusal = 'unauthenticated' | 'forbidden' | 'not_found';

export type AccessDecision =
  | { granted: true; signIn: SignIn; permission: Permission; identity: PresenceUser }
  | { granted: false; refusal: AccessRefusal };

/**
 * Who may open which document over the websocket, decided from the session cookie's token on
 * upgrade and decided again whenever the person's access changes while they are connected.
 */
export interface DocumentAccess {
  authorize(sessionToken: string | undefined, documentId: string): Promise<AccessDecision>;
  recheck(signIn: SignIn, documentId: string): Promise<AccessDecision>;
}

export function createDocumentAccess(
  persistence: ConferenceStore,
  auth: AuthService,
): DocumentAccess {
  const { repositories } = persistence;

  async function decide(signIn: SignIn, documentId: string): Promise<AccessDecision> {
    const person = await repositories.people.get(signIn.personId);
    if (!person) return { granted: false, refusal: 'unauthenticated' };
    const viewer = await loadViewer(repositories, person.id);
    const { permission } = await permissionOnGuide(repositories, viewer, documentId);
    if (permission) return { granted: true, signIn, permission, identity: presenceUserOf(person) };
    const guide = await repositories.guides.get(documentId);
    return { granted: false, refusal: guideRefusal(viewer, guide) };
  }

  return {
    async authorize(sessionToken, documentId) {
      const signIn = await auth.authenticate(sessionToken);
      if (!signIn) return { granted: false, refusal: 'unauthenticated' };
      return decide(signIn, documentId);
    },
    async recheck(signIn, documentId) {
      if (!(await auth.isSignInActive(signIn.authSessionId))) {
        return { granted: false, refusal: 'unauthenticated' };
      }
      return decide(signIn, documentId);
    },
  };
}
