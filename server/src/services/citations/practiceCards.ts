import type { PracticeCard } from '@draftroom/shared';
import type { PracticeCardRecord, Repositories } from '../../persistence/index.ts';
import {
  canReadPractice,
  practiceFacts,
  type PracticeAccessFacts,
} from '../access/practicePolicy.ts';
import type { Viewer } from '../access/policy.ts';

export const accessFacts = (card: PracticeCardRecord): PracticeAccessFacts => practiceFacts(card);

/**
 * The cards for cited ids, in the order asked (each id once), as this viewer may see them: a
 * merged practice shows the one it was merged into; an id the viewer may not read (unknown,
 * another event's, not approved and not theirs) is `available: false` with nothing else, the
 * same answer whether or not it exists, so a card never confirms another event's id.
 */
export async function cardsFor(
  repositories: Repositories,
  viewer: Viewer,
  ids: readonly string[],
): Promise<PracticeCard[]> {
  const unique = [...new Set(ids)];
  const found = await repositories.citations.cardsFor(viewer.person.eventId, unique);
  return unique.map((citedId) => {
    const shown = found.get(citedId)?.shown;
    if (!shown || !canReadPractice(viewer, accessFacts(shown))) {
      return { citedId, id: citedId, available: false, title: '', parliament: '', country: '' };
    }
    return {
      citedId,
      id: shown.id,
      available: true,
      title: shown.title,
      parliament: shown.parliament,
      country: shown.country,
    };
  });
}
