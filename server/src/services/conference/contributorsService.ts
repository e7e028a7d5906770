import type { GuideContributors } from '@draftroom/shared';
import { serverAuthorId, type ConferenceStore } from '../../persistence/index.ts';
import type { Viewer } from '../access/policy.ts';
import type { GuideService } from './guideService.ts';

/**
 * Who wrote a guide, from the attribution the server records with every stored update (the
 * person signed in on the socket). Whoever may open the guide may see it: the group's own
 * contributors section, the facilitator's console, the organisers' review.
 */
export function createContributorsService(persistence: ConferenceStore, guides: GuideService) {
  const { repositories } = persistence;
  return {
    async forGuide(viewer: Viewer, guideId: string, since?: string): Promise<GuideContributors> {
      // Refuses exactly as opening the guide does (404 / 403 with whom to ask).
      await guides.get(viewer, guideId);
      const rows = await repositories.contributions.forGuide(guideId, since);
      const serverChanges = rows
        .filter((row) => row.authorId === serverAuthorId)
        .reduce((sum, row) => sum + row.updates, 0);
      const people = await Promise.all(
        rows
          .filter((row) => row.authorId !== serverAuthorId)
          .map(async (row) => {
            const person = await repositories.people.get(row.authorId);
            // Someone of another event can never be an author here; if one were, show no name.
            const known = person && person.eventId === viewer.person.eventId ? person : undefined;
            return {
              personId: row.authorId,
              name: known?.displayName ?? null,
              parliament: known?.parliament ?? null,
              country: known?.country ?? null,
              changes: row.updates,
              firstAt: row.firstAt,
              lastAt: row.lastAt,
            };
          }),
      );
      return { people, parliaments: byParliament(people), serverChanges };
    },
  };
}

export type ContributorsService = ReturnType<typeof createContributorsService>;

function byParliament(people: GuideContributors['people']): GuideContributors['parliaments'] {
  const sums = new Map<string, GuideContributors['parliaments'][number]>();
  for (const person of people) {
    if (person.parliament === null || person.country === null) continue;
    const key = `${person.country}\u0000${person.parliament}`;
    const sum = sums.get(key) ?? {
      parliament: person.parliament,
      country: person.country,
      people: 0,
      changes: 0,
    };
    sum.people++;
    sum.changes += person.changes;
    sums.set(key, sum);
  }
  return [...sums.values()].sort((a, b) => b.changes - a.changes);
}
