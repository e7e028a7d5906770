import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maxReviewNoteLength, type GuideReview, type ReviewStatus } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { ApiRequestError } from '../api/client.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { TextField } from '../ui/fields/TextField.tsx';
import { moveLabel } from './moveLabel.ts';

/** Moves that lead somewhere new get the primary style; going back stays quiet. */
const forward: readonly ReviewStatus[] = ['ready', 'approved', 'published'];

/**
 * The moves this person may make now (the server's table, `review.moves`), one button each, and
 * an optional note that goes with whichever they press. Publishing asks first: it turns the
 * guide read-only for everyone but the organisers. A stale move (someone was quicker) shows the
 * server's `review_stale` refusal; the page follows the other move by itself.
 */
export function ReviewMoves({
  guideId,
  review,
  stale,
  onMoving,
  onMoved,
  onStale,
}: {
  guideId: string;
  review: GuideReview;
  /** The guide moved since these moves were read: wait for the new ones. */
  stale: boolean;
  /** Told just before a move is sent (null: it failed), so the panel does not announce it twice. */
  onMoving: (to: ReviewStatus | null) => void;
  /** Told after a move succeeded (the panel says it and the page loads the new state). */
  onMoved: (to: ReviewStatus) => void;
  /** Someone else moved the guide first (`review_stale`): the page loads where it stands now. */
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const from = review.status;

  const send = async (to: ReviewStatus) => {
    onMoving(to);
    try {
      await callApi('moveReview', { params: { guideId }, body: { from, to, note } });
    } catch (refused) {
      onMoving(null);
      // The note stays typed: it may still fit the move they make next.
      if (refused instanceof ApiRequestError && refused.code === 'review_stale') onStale();
      throw refused;
    }
    setNote('');
  };
  const move = async (to: ReviewStatus) => {
    if (busy || stale) return;
    setBusy(true);
    setError(null);
    try {
      await send(to);
      onMoved(to);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="review__moves">
      <TextField
        label={t('review.note')}
        hint={t('review.noteHint', { count: maxReviewNoteLength })}
        value={note}
        onChange={setNote}
        maxLength={maxReviewNoteLength}
        multiline
      />
      <div className="review__buttons">
        {review.moves.map((to) => (
          <button
            key={to}
            type="button"
            className={
              forward.includes(to) ? 'button button--small button--primary' : 'button button--small'
            }
            aria-disabled={busy || stale}
            onClick={() =>
              stale ? undefined : to === 'published' ? setConfirming(true) : void move(to)
            }
          >
            {moveLabel(t, from, to)}
          </button>
        ))}
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('review.publishTitle')}
        confirmLabel={t('review.move.published')}
        onClose={() => setConfirming(false)}
        onConfirm={() => send('published')}
        onDone={() => onMoved('published')}
      >
        <p>{t('review.publishBody')}</p>
      </ConfirmDialog>
      {error !== null && <ErrorNotice error={error} />}
    </div>
  );
}
