import type { GuideCitations, PracticeCard } from '@draftroom/shared';
import { forbidden } from '../../lib/domainError.ts';
import type { ConferenceStore } from '../../persistence/index.ts';
import { canReadGuideContent, type Viewer } from '../access/policy.ts';
import type { GuideService } from '../conference/guideService.ts';
import { cardsFor } from './practiceCards.ts';

/**
 * Citations of practices in guides (issue 17): the cards a guide's citations show, and the
 * practices a guide cites (from the citation index, `citationIndex.ts`).
 */
export function createCitationService(persistence: ConferenceStore, guides: GuideService) {
  const { repositories } = persistence;
  return {
    /** Cards for up to 50 ids (the query schema bounds them), within the caller's event. */
    async cards(viewer: Viewer, ids: string): Promise<{ cards: PracticeCard[] }> {
      return { cards: await cardsFor(repositories, viewer, ids.split(',')) };
    },

    /** The practices a guide cites, in order: refused exactly as reading the guide's content. */
    async ofGuide(viewer: Viewer, guideId: string): Promise<GuideCitations> {
      const guide = await guides.get(viewer, guideId);
      if (!canReadGuideContent(guide.permission)) throw forbidden('You may not read this guide.');
      const ids = await repositories.citations.ofGuide(guideId);
      return { practices: await cardsFor(repositories, viewer, ids) };
    },
  };
}

export type CitationService = ReturnType<typeof createCitationService>;
