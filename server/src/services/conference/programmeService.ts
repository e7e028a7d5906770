import {
  sessionInputSchema,
  updateEventRequestSchema,
  type ConferenceEvent,
  type ConferenceSession,
  type Programme,
  type SessionDetail,
  type SessionInput,
  type UpdateEventRequest,
} from '@draftroom/shared';
import { conflict, notFound } from '../../lib/domainError.ts';
import { randomId } from '../../lib/ids.ts';
import type { ConferenceStore } from '../../persistence/index.ts';
import { canChooseGroup, canCompileSession, type Viewer } from '../access/policy.ts';
import type { EventBus } from '../events/eventBus.ts';
import { checkTemplateChoice } from '../templates/templateChoice.ts';
import { toGroups } from './groupView.ts';
import { requireOrganiser, sessionInEvent } from './viewer.ts';

/** The event and its programme of sessions. Everyone in the event may read it. */
export function createProgrammeService(
  persistence: ConferenceStore,
  /** Tells pages listing guides (the dashboard) when a session's title changes. */
  events: EventBus,
) {
  const { repositories } = persistence;

  async function event(viewer: Viewer): Promise<ConferenceEvent> {
    const found = await repositories.events.get(viewer.person.eventId);
    if (!found) throw notFound('Your event');
    return found;
  }

  return {
    async programme(viewer: Viewer): Promise<Programme> {
      return {
        event: await event(viewer),
        sessions: await repositories.sessions.listByEvent(viewer.person.eventId),
      };
    },

    async updateEvent(viewer: Viewer, request: UpdateEventRequest): Promise<ConferenceEvent> {
      requireOrganiser(viewer);
      const input = updateEventRequestSchema.parse(request);
      const updated: ConferenceEvent = { ...(await event(viewer)), ...input };
      await repositories.events.update(updated);
      return updated;
    },

    async sessionDetail(viewer: Viewer, sessionId: string): Promise<SessionDetail> {
      const session = await sessionInEvent(repositories, viewer, sessionId);
      const groups = await repositories.groups.listBySessions([session.id]);
      const chooseGroup = canChooseGroup(
        viewer,
        { eventId: session.eventId, sessionId: session.id, selfSelect: session.selfSelect },
        groups.map((group) => group.id),
      );
      return {
        session,
        groups: await toGroups(repositories, groups),
        capabilities: {
          chooseGroup,
          // Offered only where the session has groups to compile.
          compileGuides: groups.length > 0 && canCompileSession(viewer, session),
        },
      };
    },

    async createSession(viewer: Viewer, request: SessionInput): Promise<ConferenceSession> {
      requireOrganiser(viewer);
      const input = sessionInputSchema.parse(request);
      await checkTemplateChoice(repositories, viewer.person.eventId, input.templateId);
      return repositories.sessions.create({
        id: randomId(),
        eventId: viewer.person.eventId,
        ...input,
        startsAt: new Date(input.startsAt).toISOString(),
        endsAt: new Date(input.endsAt).toISOString(),
      });
    },

    async updateSession(
      viewer: Viewer,
      sessionId: string,
      request: SessionInput,
    ): Promise<ConferenceSession> {
      requireOrganiser(viewer);
      const existing = await sessionInEvent(repositories, viewer, sessionId);
      const input = sessionInputSchema.parse(request);
      // A new template reaches only guides not started yet (see templateApplier.ts).
      await checkTemplateChoice(repositories, existing.eventId, input.templateId);
      if (input.kind !== 'co-creation' && existing.kind === 'co-creation') {
        const groups = await repositories.groups.listBySessions([sessionId]);
        if (groups.length > 0) {
          throw conflict('This session has breakout groups; remove them before changing its kind.');
        }
      }
      const updated: ConferenceSession = {
        ...existing,
        ...input,
        startsAt: new Date(input.startsAt).toISOString(),
        endsAt: new Date(input.endsAt).toISOString(),
      };
      await repositories.sessions.update(updated);
      if (updated.title !== existing.title) {
        const groups = await repositories.groups.listBySessions([sessionId]);
        if (groups.length > 0) {
          events.publish('guidesRenamed', { guideIds: groups.map((group) => group.guideId) });
        }
      }
      return updated;
    },

    async deleteSession(viewer: Viewer, sessionId: string): Promise<void> {
      requireOrganiser(viewer);
      await sessionInEvent(repositories, viewer, sessionId);
      if ((await repositories.groups.listBySessions([sessionId])).length > 0) {
        throw conflict(
          'This session still has breakout groups (and their guides); remove them first.',
        );
      }
      await repositories.sessions.delete(sessionId);
    },
  };
}

export type ProgrammeService = ReturnType<typeof createProgrammeService>;
