import { useTranslation } from 'react-i18next';
import type { ReviewStatus } from '@draftroom/shared';

/** Where a guide stands in the organisers' review, as a small labelled pill. */
export function ReviewBadge({ status }: { status: ReviewStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`pill review-badge review-badge--${status}`} data-testid="review-status">
      <span className="visually-hidden">{t('review.statusLabel')} </span>
      {t(`review.status.${status}`)}
    </span>
  );
}
