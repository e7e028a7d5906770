import type { TFunction } from 'i18next';
import type { ReviewStatus } from '@draftroom/shared';

/**
 * The button for a move, named for what it does from here: back to drafting is "take back"
 * from ready (the facilitator's hand-in nobody acted on yet) and "reopen" from anywhere later.
 */
export function moveLabel(t: TFunction, from: ReviewStatus, to: ReviewStatus): string {
  if (to === 'drafting')
    return from === 'ready' ? t('review.move.withdraw') : t('review.move.reopen');
  return t(`review.move.${to}`);
}
