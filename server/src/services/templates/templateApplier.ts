import type { LanguageCode } from '@draftroom/shared';
import type { Logger } from '../../lib/logger.ts';
import type { ConferenceStore } from '../../persistence/index.ts';
import { canStartFromTemplate } from '../access/policy.ts';
import type { GuideDocuments } from '../documents/guideDocuments.ts';
import { writeTemplate } from './templateContent.ts';
import { templateFor } from './templateChoice.ts';

/** What became of one attempt to start a guide from its session's template. */
export type TemplateOutcome =
  /** Written now, by this call. */
  | 'applied'
  /** Settled before (by another call, another tab, or at creation): nothing done. */
  | 'alreadySettled'
  /** The session has no template, or the guide no group. */
  | 'noTemplate'
  /** The guide had content already: it keeps it, and never gets the template. */
  | 'notEmpty'
  /** The guide is published: left as the organisers published it (and not claimed). */
  | 'published';

/**
 * Starts a group's guide from its session's template, exactly once. Many callers may ask at the
 * same moment (a group being created, ten people opening the empty guide in the same second);
 * the database decides who goes: a conditional update of `guides.template_applied_at` that only
 * one of them can make. Only that one writes, through the document host (`withDocument`: checked,
 * stored, sent live). If writing fails, the claim is given back so the next visit tries again.
 * A guide that already has content is never touched: the claim then stays, and the question is
 * settled for good (a template chosen later for the session does not reach started guides).
 */
export function createTemplateApplier(
  persistence: ConferenceStore,
  documents: GuideDocuments,
  log: Logger,
) {
  const { repositories } = persistence;

  async function apply(guideId: string): Promise<TemplateOutcome> {
    const context = await repositories.guides.templateContext(guideId);
    if (!context || context.templateId === null) return 'noTemplate';
    if (context.claimed) return 'alreadySettled';
    // Whoever opens the guide triggers this, readers included: a published guide is not theirs
    // to change, so not the server's on their behalf either.
    const review = await repositories.guideReviews.get(guideId);
    if (!canStartFromTemplate(review?.status ?? 'drafting')) return 'published';
    const content = await templateFor(
      repositories,
      context.eventId,
      context.templateId,
      context.workingLanguage as LanguageCode,
    );
    const claimedAt = new Date().toISOString();
    if (!(await repositories.guides.claimTemplate(guideId, claimedAt))) return 'alreadySettled';
    try {
      // Written only into an empty body (checked on the guide as the room holds it).
      const wrote = await documents.withDocument(guideId, (doc) => {
        writeTemplate(doc, content);
      });
      return wrote ? 'applied' : 'notEmpty';
    } catch (error) {
      await repositories.guides.releaseTemplate(guideId, claimedAt);
      throw error;
    }
  }

  return {
    apply,
    /**
     * `apply` for callers that must not fail because of it (a group being created, a socket
     * opening): a failure is logged, and the claim was released for the next visit.
     */
    async applyQuietly(guideId: string): Promise<TemplateOutcome | 'failed'> {
      try {
        return await apply(guideId);
      } catch (error) {
        log.error({ category: 'templates', guideId, err: error }, 'template could not be applied');
        return 'failed';
      }
    },
  };
}

export type TemplateApplier = ReturnType<typeof createTemplateApplier>;
