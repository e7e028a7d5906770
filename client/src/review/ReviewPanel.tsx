import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Guide, ReviewStatus } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { useResource } from '../api/useResource.ts';
import { ResourceState } from '../ui/ResourceState.tsx';
import { StatusMessage } from '../ui/StatusMessage.tsx';
import { useStatus } from '../ui/useStatus.ts';
import { ReviewBadge } from './ReviewBadge.tsx';
import { ReviewHistory } from './ReviewHistory.tsx';
import { ReviewMoves } from './ReviewMoves.tsx';

/**
 * The organisers' review beside a guide: where it stands (announced when someone else moves it),
 * the moves the server lets this person make now, and the history. `guide.review` is kept fresh
 * by the page (the session's live state says when it moved); the panel then asks again.
 */
export function ReviewPanel({ guide, onChanged }: { guide: Guide; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const load = useCallback(
    (signal: AbortSignal) => callApi('guideReview', { params: { guideId: guide.id }, signal }),
    [guide.id],
  );
  const { state, reload, refresh } = useResource(load);
  const heard = useStatus();

  // Asks again, keeping what is shown, whenever the guide's review moved (its time changes).
  const changedAt = guide.review.changedAt;
  const loadedFor = useRef(changedAt);
  useEffect(() => {
    if (loadedFor.current === changedAt) return;
    loadedFor.current = changedAt;
    refresh();
  }, [changedAt, refresh]);

  // A move someone else made is said aloud once (this page's own moves say themselves).
  const ownMove = useRef<ReviewStatus | null>(null);
  const shown = useRef(guide.review.status);
  const { announce } = heard;
  useEffect(() => {
    const now = guide.review.status;
    if (now === shown.current) return;
    shown.current = now;
    if (ownMove.current === now) {
      ownMove.current = null;
      return;
    }
    announce(t('review.nowStatus', { status: t(`review.status.${now}`) }));
  }, [guide.review.status, announce, t]);

  // What was said is in the language it was said in: a new language starts with nothing said.
  useEffect(() => announce(null), [i18n.language, announce]);

  return (
    <section className="review" aria-labelledby="review-heading" data-testid="review-panel">
      {/* One line (heading and status), so a phone still shows the editor on its first screen. */}
      <div className="review__head">
        <h2 id="review-heading" className="panel-heading">
          {t('review.heading')}
        </h2>
        <ReviewBadge status={guide.review.status} />
      </div>
      <StatusMessage message={heard.status.message} id={heard.status.id} />
      <ResourceState resource={state} onRetry={reload} />
      {state.status === 'ready' && (
        <>
          {state.data.moves.length > 0 && (
            <ReviewMoves
              guideId={guide.id}
              review={state.data}
              // Until the details agree with the guide again, no move from a stale status.
              stale={state.data.status !== guide.review.status}
              onMoving={(to) => {
                ownMove.current = to;
              }}
              onStale={onChanged}
              onMoved={(to) => {
                announce(t('review.done', { status: t(`review.status.${to}`) }));
                onChanged();
              }}
            />
          )}
          <ReviewHistory history={state.data.history} />
        </>
      )}
    </section>
  );
}
