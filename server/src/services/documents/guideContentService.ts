import type { GuideContent } from '@draftroom/shared';
import { forbidden } from '../../lib/domainError.ts';
import { perPersonLimit } from '../../lib/perPersonLimit.ts';
import { memoryLimiters, type Limiters } from '../../lib/rateLimits.ts';
import { canReadGuideContent, type Viewer } from '../access/policy.ts';
import type { GuideService } from '../conference/guideService.ts';
import { contentOfState } from '../versions/guideContent.ts';
import type { GuideDocuments } from './guideDocuments.ts';

export interface GuideContentServiceOptions {
  /** Where its per-person limits count (Redis with several instances: they hold across them). */
  limiters?: Limiters;
  /**
   * Reads one person may make per minute. Each reads the whole guide through the document host
   * (loading it if nobody has it open) and turns it into JSON on the relay's thread, so a page
   * reloading in a loop must not be able to keep that thread busy. A comparison costs two; 120
   * is far above anyone choosing guides by hand.
   */
  readsPerMinute?: number;
}

/**
 * A guide's current content as ProseMirror JSON, for pages that show it without opening it live
 * (comparing two guides). Read from the document host's `readState`, so it holds every stored
 * edit, and derived with the one shared schema, exactly as a version's content is.
 */
export function createGuideContentService(
  guides: GuideService,
  documents: GuideDocuments,
  options: GuideContentServiceOptions = {},
) {
  const limit = perPersonLimit(
    options.readsPerMinute ?? 120,
    'You opened many guides to compare in the last minute; wait a moment and try again.',
    { limiters: options.limiters ?? memoryLimiters, name: 'guideReads' },
  );
  return {
    async read(viewer: Viewer, guideId: string): Promise<GuideContent> {
      // Refuses exactly as opening the guide does (404 for another event, 403 with whom to ask).
      const guide = await guides.get(viewer, guideId);
      if (!canReadGuideContent(guide.permission)) throw forbidden('You may not read this guide.');
      await limit.take(viewer.person.id);
      const state = await documents.readState(guideId);
      return { guide, content: contentOfState(state) as GuideContent['content'] };
    },
  };
}

export type GuideContentService = ReturnType<typeof createGuideContentService>;
