import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentThread, GuideComments } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { TextField } from '../ui/fields/TextField.tsx';

interface CommentThreadItemProps {
  thread: CommentThread;
  comments: GuideComments;
  /** Its words are no longer in the guide (as this editor, or the server, last saw it). */
  orphan: boolean;
  active: boolean;
  onShow: () => void;
  /** The thread as the server returned it after this person's action, and what to announce. */
  onChanged: (thread: CommentThread, said: string) => void;
}

/**
 * One thread: the quoted words (or that they were removed), each comment with its author, and
 * what this person may do: reply, resolve or reopen, delete. Bodies are plain text in their own
 * direction (`dir="auto"`); nothing is ever rendered as HTML.
 */
export function CommentThreadItem({
  thread,
  comments,
  orphan,
  active,
  onShow,
  onChanged,
}: CommentThreadItemProps) {
  const { t } = useTranslation();
  const [reply, setReply] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const params = { guideId: thread.guideId, threadId: thread.id };
  const starter = thread.comments[0]?.author.personId;
  const moderates = comments.mayModerate;
  const nameOf = (name: string | null) => name ?? t('comments.someoneWhoLeft');

  const act = async (action: () => Promise<CommentThread>, said: string) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await action(), said);
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const sendReply = async (event: FormEvent) => {
    event.preventDefault();
    if (reply.trim() === '') return;
    const sent = await act(
      () => callApi('replyToCommentThread', { params, body: { body: reply } }),
      t('comments.said.replied'),
    );
    if (sent) setReply('');
  };
  const resolve = (resolved: boolean) =>
    act(
      () => callApi('resolveCommentThread', { params, body: { resolved } }),
      t(resolved ? 'comments.said.resolved' : 'comments.said.reopened'),
    );

  return (
    <article
      className={`comment-thread${active ? ' comment-thread--active' : ''}`}
      aria-label={t('comments.threadLabel', { quote: thread.quote })}
      data-testid="comment-thread"
      data-thread-id={thread.id}
    >
      <blockquote className="comment-thread__quote" dir="auto">
        {thread.quote}
      </blockquote>
      {orphan && (
        <p className="comment-thread__orphan" data-testid="comment-orphan">
          {t('comments.orphan')}
        </p>
      )}
      {thread.resolved && (
        <p className="muted">
          {t('comments.resolvedBy', { name: nameOf(thread.resolved.by.name) })}
        </p>
      )}
      <ol className="comment-thread__comments">
        {thread.comments.map((comment) => (
          <li key={comment.id} className="comment">
            <p className="comment__author">{nameOf(comment.author.name)}</p>
            {comment.deleted ? (
              <p className="muted">{t('comments.deleted')}</p>
            ) : (
              <p className="comment__body" dir="auto">
                {comment.body}
              </p>
            )}
            {comment.mentions.length > 0 && (
              <p className="muted">
                {t('comments.mentions', {
                  names: comment.mentions.map((person) => nameOf(person.name)).join(', '),
                })}
              </p>
            )}
            {!comment.deleted && (moderates || comment.author.personId === comments.personId) && (
              <button
                type="button"
                className="button button--small"
                disabled={busy}
                onClick={() =>
                  void act(
                    () =>
                      callApi('deleteComment', { params: { ...params, commentId: comment.id } }),
                    t('comments.said.deleted'),
                  )
                }
              >
                {t('comments.delete')}
              </button>
            )}
          </li>
        ))}
      </ol>
      <div className="comment-thread__actions">
        {!orphan && !thread.resolved && (
          <button type="button" className="button button--small" onClick={onShow}>
            {t('comments.show')}
          </button>
        )}
        {(moderates || starter === comments.personId) && (
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={() => void resolve(thread.resolved === null)}
          >
            {t(thread.resolved ? 'comments.reopen' : 'comments.resolve')}
          </button>
        )}
      </div>
      {comments.mayComment && !thread.resolved && (
        <form className="comment-thread__reply" onSubmit={(event) => void sendReply(event)}>
          <TextField
            label={t('comments.replyLabel')}
            value={reply}
            onChange={setReply}
            multiline
            maxLength={4000}
          />
          <button type="submit" className="button button--small" disabled={busy}>
            {t('comments.sendReply')}
          </button>
        </form>
      )}
      {error !== null && <ErrorNotice error={error} />}
    </article>
  );
}
