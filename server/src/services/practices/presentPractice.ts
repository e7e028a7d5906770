import type { Practice, PracticeSummary } from '@draftroom/shared';
import type { PracticeRecord, Repositories } from '../../persistence/index.ts';
import { guidePermission, type Viewer } from '../access/policy.ts';
import { canCuratePractices, canEditPractice, practiceFacts } from '../access/practicePolicy.ts';
import { regionOf } from '../registration/presentRegistration.ts';

/**
 * A practice as this reader sees it: the guides citing it that they may open (by the guide
 * policy, the same answer as opening the guide), the others only counted; the sessions that
 * present it; what they may do. The contact is for signed-in readers (public pages drop it).
 */
export async function presentPractice(
  repositories: Repositories,
  viewer: Viewer,
  record: PracticeRecord,
): Promise<Practice> {
  const citing = await repositories.practices.citingGuides(record.id);
  const open = citing.filter(
    (guide) =>
      guide.eventId === record.eventId &&
      guidePermission(viewer, {
        eventId: guide.eventId,
        sessionId: guide.sessionId,
        groupId: guide.groupId,
      }) !== null,
  );
  const presentedIn = await repositories.practices.presentingSessions(record.id);
  return {
    ...record.content,
    id: record.id,
    eventId: record.eventId,
    region: regionOf(record.content.country),
    status: record.status,
    revision: record.revision,
    public: record.public,
    mergedInto: record.mergedInto,
    reviewNote: record.reviewNote,
    submittedAt: record.createdAt,
    updatedAt: record.updatedAt,
    capabilities: {
      edit: canEditPractice(viewer, practiceFacts(record)),
      curate: canCuratePractices(viewer, record.eventId),
    },
    citedBy: open.map(({ guideId, groupName, sessionTitle }) => ({
      guideId,
      groupName,
      sessionTitle,
    })),
    citedByOthers: citing.length - open.length,
    presentedIn,
  };
}

export function summaryOf(record: PracticeRecord): Omit<PracticeSummary, 'match'> {
  const { title, parliament, country, audiences, topics, languages, summary } = record.content;
  return {
    id: record.id,
    title,
    parliament,
    country,
    region: regionOf(country),
    audiences,
    topics,
    languages,
    summary,
    status: record.status,
    public: record.public,
    updatedAt: record.updatedAt,
  };
}
