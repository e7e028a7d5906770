import { useTranslation } from 'react-i18next';
import type { ReviewMove } from '@draftroom/shared';
import { formatDateTime, viewerTimeZone } from '../format/dates.ts';

/**
 * The review's moves: the latest one always in view (what the group must act on, with its
 * note), the earlier ones folded away, newest first. Each says from → to, who, when (in the
 * viewer's zone) and the note, in its own direction.
 */
export function ReviewHistory({ history }: { history: readonly ReviewMove[] }) {
  const { t } = useTranslation();
  const [latest, ...earlier] = history;
  // Never moved: the status (drafting) says it all, and the panel stays one line.
  if (!latest) return null;
  return (
    <>
      <section className="review__latest" aria-labelledby="review-latest-heading">
        <h3 id="review-latest-heading" className="review__subheading">
          {t('review.latest')}
        </h3>
        <ol className="review__history" data-testid="review-history">
          <MoveItem move={latest} />
        </ol>
      </section>
      {earlier.length > 0 && (
        <details className="review__earlier">
          <summary>{t('review.earlier', { count: earlier.length })}</summary>
          <ol className="review__history">
            {earlier.map((move) => (
              <MoveItem key={move.id} move={move} />
            ))}
          </ol>
        </details>
      )}
    </>
  );
}

function MoveItem({ move }: { move: ReviewMove }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="review__move" data-testid="review-move">
      <p className="review__move-line">
        {t('review.moved', {
          from: t(`review.status.${move.from}`),
          to: t(`review.status.${move.to}`),
        })}
      </p>
      <p className="review__move-meta">
        {move.by.name !== null ? <bdi>{move.by.name}</bdi> : t('review.formerMember')}
        {' · '}
        <time dateTime={move.at}>{formatDateTime(move.at, i18n.language, viewerTimeZone())}</time>
      </p>
      {move.note !== '' && (
        <p className="review__note" dir="auto" data-testid="review-note">
          {move.note}
        </p>
      )}
    </li>
  );
}
