import {
  planAttendanceRequestSchema,
  setAudiencesRequestSchema,
  type DownloadFile,
  type PersonalProgramme,
  type PlanAttendanceRequest,
  type SetAudiencesRequest,
} from '@draftroom/shared';
import { notFound } from '../../lib/domainError.ts';
import type { ConferenceStore } from '../../persistence/index.ts';
import { canSeeAttendance, type Viewer } from '../access/policy.ts';
import { sessionInEvent } from '../conference/viewer.ts';
import { exportFileName } from '../exports/filename.ts';
import { calendarFile } from './calendarFile.ts';

export interface PersonalProgrammeOptions {
  /** PUBLIC_URL: where people reach the app, for the links in the calendar file. */
  publicUrl?: string;
}

/**
 * Each person's own programme: the audiences they follow, the sessions of their event they plan
 * to attend (also as a calendar file), and for those who run sessions, how many plan to attend.
 */
export function createPersonalProgrammeService(
  persistence: ConferenceStore,
  options: PersonalProgrammeOptions = {},
) {
  const { repositories } = persistence;

  /** Session id → how many plan to attend, for the sessions the viewer may count; else null. */
  async function countsFor(viewer: Viewer): Promise<Record<string, number> | null> {
    const { role, eventId } = viewer.person;
    if (role !== 'organiser' && role !== 'facilitator') return null;
    const sessions = await repositories.sessions.listByEvent(eventId);
    const groups = await repositories.groups.listBySessions(sessions.map((s) => s.id));
    const counted = sessions
      .filter((session) =>
        canSeeAttendance(
          viewer,
          { eventId, sessionId: session.id },
          groups.filter((group) => group.sessionId === session.id).map((group) => group.id),
        ),
      )
      .map((session) => session.id);
    const counts = await repositories.attendance.countsBySession(counted);
    return Object.fromEntries(counted.map((id) => [id, counts.get(id) ?? 0]));
  }

  async function programmeOf(viewer: Viewer): Promise<PersonalProgramme> {
    const { id } = viewer.person;
    return {
      audiences: await repositories.people.audiencesOf(id),
      plannedSessionIds: await repositories.attendance.sessionIdsOf(id),
      attendanceCounts: await countsFor(viewer),
    };
  }

  return {
    personalProgramme: programmeOf,

    async setAudiences(viewer: Viewer, request: SetAudiencesRequest): Promise<PersonalProgramme> {
      const { audiences } = setAudiencesRequestSchema.parse(request);
      await repositories.people.setAudiences(viewer.person.id, audiences);
      return programmeOf(viewer);
    },

    /** Everyone signed in may plan, observers too: it commits them to nothing, it helps size. */
    async planAttendance(
      viewer: Viewer,
      sessionId: string,
      request: PlanAttendanceRequest,
    ): Promise<PersonalProgramme> {
      const { planned } = planAttendanceRequestSchema.parse(request);
      // Another event's session, or none: 404, whether it exists is none of the caller's business.
      const session = await sessionInEvent(repositories, viewer, sessionId);
      if (planned) await repositories.attendance.plan(session.id, viewer.person.id);
      else await repositories.attendance.unplan(session.id, viewer.person.id);
      return programmeOf(viewer);
    },

    /**
     * The planned sessions as an iCalendar file. `origin` (the request's own) is used for the
     * links when PUBLIC_URL is not set.
     */
    async myCalendar(viewer: Viewer, origin: string): Promise<DownloadFile> {
      const event = await repositories.events.get(viewer.person.eventId);
      if (!event) throw notFound('Your event');
      const planned = new Set(await repositories.attendance.sessionIdsOf(viewer.person.id));
      const sessions = (await repositories.sessions.listByEvent(event.id)).filter((session) =>
        planned.has(session.id),
      );
      const base = (options.publicUrl ?? origin).replace(/\/+$/, '');
      const text = calendarFile({
        name: event.name,
        timeZone: event.timeZone,
        now: new Date(),
        entries: sessions.map((session) => ({
          // Session ids are random and never reused: the UID stays the same file after file.
          uid: `${session.id}@draftroom`,
          title: session.title,
          description: session.description,
          startsAt: session.startsAt,
          endsAt: session.endsAt,
          url: `${base}/sessions/${encodeURIComponent(session.id)}`,
        })),
      });
      return {
        filename: exportFileName([event.name, 'my programme'], 'ics'),
        contentType: 'text/calendar; charset=utf-8',
        bytes: new TextEncoder().encode(text),
      };
    },
  };
}

export type PersonalProgrammeService = ReturnType<typeof createPersonalProgrammeService>;
