import {
  parliamentKey,
  updateProfileRequestSchema,
  type Me,
  type UpdateProfileRequest,
} from '@draftroom/shared';
import type { ConferenceStore } from '../../persistence/index.ts';
import { canManageGroup, canManageSession, type Viewer } from '../access/policy.ts';
import { loadViewer, placeOf } from './viewer.ts';

/** The signed-in person: who they are, what the interface should offer them, their profile. */
export function createMeService(persistence: ConferenceStore) {
  const { repositories } = persistence;

  async function me(viewer: Viewer): Promise<Me> {
    const { person } = viewer;
    const sessions = await repositories.sessions.listByEvent(person.eventId);
    const groups = await repositories.groups.listBySessions(sessions.map((session) => session.id));
    const facilitatedSessionIds = sessions
      .filter((session) => session.kind === 'co-creation')
      .filter((session) =>
        canManageSession(viewer, { eventId: session.eventId, sessionId: session.id }),
      )
      .map((session) => session.id);
    const facilitatedGroupIds = groups
      .filter((group) => {
        const session = sessions.find((s) => s.id === group.sessionId);
        return session !== undefined && canManageGroup(viewer, placeOf(group, session));
      })
      .map((group) => group.id);
    return {
      person: { ...person, groupIds: [...viewer.groupIds] },
      capabilities: {
        manageEvent: person.role === 'organiser',
        facilitatedSessionIds,
        facilitatedGroupIds,
      },
    };
  }

  return {
    me,
    async updateProfile(viewer: Viewer, request: UpdateProfileRequest): Promise<Me> {
      const input = updateProfileRequestSchema.parse(request);
      const updated = {
        ...viewer.person,
        ...Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)),
      };
      // A parliament the person changes themselves is theirs to claim, not vouched for: the
      // organisers confirm it again before the library gives its rights.
      const before = parliamentKey(viewer.person.parliament, viewer.person.country);
      if (parliamentKey(updated.parliament, updated.country) !== before) {
        updated.parliamentConfirmed = false;
      }
      await repositories.people.update(updated);
      return me(await loadViewer(repositories, viewer.person.id));
    },
  };
}

export type MeService = ReturnType<typeof createMeService>;
