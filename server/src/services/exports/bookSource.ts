import { serverAuthorId, type Repositories } from '../../persistence/index.ts';
import type { GroupRecord } from '../../persistence/repositories/groups.ts';
import type { GuideDocuments } from '../documents/guideDocuments.ts';
import type { ChapterSource, ExportChapter, ParliamentContributors } from './model.ts';

/**
 * Reads what a chapter is made of, for guides the caller has already been allowed to export:
 * the guide's stored state (the document host's `readState`: one consistent Yjs state, stored
 * edits included, never a browser's copy), and around it the group, the lock, the latest
 * version and who wrote it by parliament (the server's attribution record, never names in the
 * text). Turning the state into content is the render worker's job.
 */
export function createChapterReader(repositories: Repositories, documents: GuideDocuments) {
  return async function readChapter(
    guideId: string,
    group: GroupRecord | null,
  ): Promise<ChapterSource> {
    const guide = await repositories.guides.get(guideId);
    const [lock, versions, contributors] = await Promise.all([
      repositories.guideLocks.get(guideId),
      repositories.guideVersions.listByGuide(guideId),
      contributorsByParliament(repositories, guideId, guide?.eventId ?? null),
    ]);
    const newest = versions.reduce<(typeof versions)[number] | undefined>(
      (latest, version) => (!latest || version.takenAt > latest.takenAt ? version : latest),
      undefined,
    );
    const state = await documents.readState(guideId);
    return {
      guideId,
      title: group?.name ?? guide?.title ?? '',
      language: group?.workingLanguage ?? null,
      status: statusOf(lock?.reason),
      version: newest
        ? { number: versions.length, label: newest.label, takenAt: newest.takenAt }
        : null,
      contributors,
      state,
    };
  };
}

export type ChapterReader = ReturnType<typeof createChapterReader>;

function statusOf(lockReason: 'facilitator' | 'freeze' | undefined): ExportChapter['status'] {
  if (lockReason === 'freeze') return 'frozen';
  return lockReason === 'facilitator' ? 'locked' : 'open';
}

/**
 * The people who wrote in the guide, grouped by parliament, the parliaments by who wrote most.
 * Only people of the guide's event, as they are on file now (someone removed since is left out:
 * an export is published, and they are no longer on the event's list to name).
 */
async function contributorsByParliament(
  repositories: Repositories,
  guideId: string,
  eventId: string | null,
): Promise<ParliamentContributors[]> {
  const rows = await repositories.contributions.forGuide(guideId);
  const parliaments = new Map<string, ParliamentContributors & { changes: number }>();
  for (const row of rows) {
    if (row.authorId === serverAuthorId) continue;
    const person = await repositories.people.get(row.authorId);
    if (!person || person.eventId !== eventId) continue;
    const key = `${person.country}\u0000${person.parliament}`;
    const entry = parliaments.get(key) ?? {
      parliament: person.parliament,
      country: person.country,
      names: [],
      changes: 0,
    };
    entry.names.push(person.displayName);
    entry.changes += row.updates;
    parliaments.set(key, entry);
  }
  return [...parliaments.values()]
    .sort((a, b) => b.changes - a.changes)
    .map(({ parliament, country, names }) => ({
      parliament,
      country,
      names: names.sort((a, b) => a.localeCompare(b)),
    }));
}
