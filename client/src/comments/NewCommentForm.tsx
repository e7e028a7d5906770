import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentAnchor, CommentThread, GuideComments } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { TextField } from '../ui/fields/TextField.tsx';

/** The words chosen to comment on: the anchor sent, and the text shown while writing. */
export interface CommentDraft {
  anchor: CommentAnchor;
  quote: string;
}

/**
 * A new thread on the selected words: the comment, and group members to mention. The quote shown
 * is only this browser's reading; the server derives the one stored from the anchor.
 */
export function NewCommentForm({
  guideId,
  draft,
  comments,
  onSent,
  onCancel,
}: {
  guideId: string;
  draft: CommentDraft;
  comments: GuideComments;
  onSent: (thread: CommentThread) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [mentions, setMentions] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // Opened from the text (a button or Ctrl+Alt+M): the writing starts here, for keyboards too.
  useEffect(() => form.current?.querySelector('textarea')?.focus(), []);
  const others = comments.members.filter((member) => member.personId !== comments.personId);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (body.trim() === '') return;
    setBusy(true);
    setError(null);
    try {
      onSent(
        await callApi('createCommentThread', {
          params: { guideId },
          body: { anchor: draft.anchor, body, mentions },
        }),
      );
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      ref={form}
      className="comment-new"
      aria-labelledby="comment-new-heading"
      onSubmit={(event) => void send(event)}
      data-testid="new-comment"
    >
      <h3 id="comment-new-heading" className="comment-new__heading">
        {t('comments.newHeading')}
      </h3>
      <blockquote className="comment-thread__quote" dir="auto">
        {draft.quote}
      </blockquote>
      <TextField
        label={t('comments.newLabel')}
        value={body}
        onChange={setBody}
        multiline
        required
        maxLength={4000}
      />
      {others.length > 0 && (
        <fieldset className="comment-new__mentions">
          <legend>{t('comments.mention')}</legend>
          {others.map((member) => (
            <label key={member.personId} className="comment-new__mention">
              <input
                type="checkbox"
                checked={mentions.includes(member.personId)}
                onChange={(event) =>
                  setMentions((current) =>
                    event.target.checked
                      ? [...current, member.personId]
                      : current.filter((id) => id !== member.personId),
                  )
                }
              />{' '}
              <span dir="auto">{member.name ?? t('comments.someoneWhoLeft')}</span>
            </label>
          ))}
        </fieldset>
      )}
      <div className="comment-thread__actions">
        <button type="submit" className="button button--primary button--small" disabled={busy}>
          {t('comments.send')}
        </button>
        <button type="button" className="button button--small" onClick={onCancel}>
          {t('comments.cancel')}
        </button>
      </div>
      {error !== null && <ErrorNotice error={error} />}
    </form>
  );
}
