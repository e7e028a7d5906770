import { useTranslation } from 'react-i18next';
import type { ReviewMove } from '@draftroom/shared';
import { formatDateTime, viewerTimeZone } from '../format/dates.ts';

/** Every move of the review, newest first: from → to, who, when (viewer's zone), and the note. */
export function ReviewHistory({ history }: { history: readonly ReviewMove[] }) {
  const { t, i18n } = useTranslation();
  const zone = viewerTimeZone();
  return (
    <section aria-labelledby="review-history-heading">
      <h3 id="review-history-heading" className="review__history-heading">
        {t('review.history', { count: history.length })}
      </h3>
      {history.length === 0 ? (
        <p className="muted">{t('review.noHistory')}</p>
      ) : (
        <ol className="review__history" data-testid="review-history">
          {history.map((move) => (
            <li key={move.id} className="review__move" data-testid="review-move">
              <p className="review__move-line">
                {t('review.moved', {
                  from: t(`review.status.${move.from}`),
                  to: t(`review.status.${move.to}`),
                })}
              </p>
              <p className="review__move-meta">
                {move.by.name !== null ? <bdi>{move.by.name}</bdi> : t('review.formerMember')}
                {' · '}
                <time dateTime={move.at}>{formatDateTime(move.at, i18n.language, zone)}</time>
              </p>
              {move.note !== '' && (
                <p className="review__note" dir="auto">
                  {move.note}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
