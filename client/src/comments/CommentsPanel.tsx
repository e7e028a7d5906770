import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentThread, GuideComments } from '@draftroom/shared';
import type { Resource } from '../api/useResource.ts';
import { ResourceState } from '../ui/ResourceState.tsx';
import { StatusMessage } from '../ui/StatusMessage.tsx';
import { CommentThreadItem } from './CommentThreadItem.tsx';
import { NewCommentForm, type CommentDraft } from './NewCommentForm.tsx';

interface CommentsPanelProps {
  guideId: string;
  state: Resource<GuideComments>;
  comments: GuideComments | null;
  /** Where each thread's words are in the editor now (absent: an orphan, or not drawn yet). */
  ranges: ReadonlyMap<string, { from: number; to: number }>;
  editorReady: boolean;
  activeId: string | null;
  draft: CommentDraft | null;
  /** Set when "Comment" was asked for with nothing selected. */
  selectFirst: boolean;
  status: { message: string | null; id: number };
  onStartComment: () => void;
  onCancelDraft: () => void;
  onShow: (threadId: string) => void;
  onChanged: (thread: CommentThread, said: string) => void;
  onRetry: () => void;
}

const wideScreen = '(min-width: 40.01rem)';

/**
 * The comments beside the guide: "Comment" on the selected words (also Ctrl+Alt+M in the text),
 * the new comment's form, and every thread in the order its words come in the guide; threads
 * whose words were removed follow, marked so, with their quote.
 */
export function CommentsPanel(props: CommentsPanelProps) {
  const { t } = useTranslation();
  const { comments, ranges, editorReady, draft, selectFirst } = props;
  // Open beside the guide on a wide screen; folded on a phone, where the panel comes before the
  // editor and the text must start on the first screen. Starting a comment opens it.
  const [open, setOpen] = useState(() => window.matchMedia(wideScreen).matches);
  const orphan = (thread: CommentThread) =>
    editorReady && !thread.resolved ? !ranges.has(thread.id) : thread.orphan;
  const ordered = [...(comments?.threads ?? [])].sort((a, b) => {
    const at = (thread: CommentThread) => ranges.get(thread.id)?.from ?? Number.MAX_SAFE_INTEGER;
    return at(a) - at(b) || a.createdAt.localeCompare(b.createdAt);
  });

  return (
    <section className="comments" aria-labelledby="comments-heading" data-testid="comments-panel">
      <details
        className="comments__details"
        open={open || draft !== null || selectFirst}
        onToggle={(event) => setOpen(event.currentTarget.open)}
      >
        <summary className="panel-heading" id="comments-heading">
          {t('comments.heading')}{' '}
          {comments && (
            <span className="presence__count">
              {t('comments.count', { count: comments.threads.length })}
            </span>
          )}
        </summary>
        <ResourceState resource={props.state} onRetry={props.onRetry} />
        {comments?.mayComment && !props.draft && (
          <>
            <button
              type="button"
              className="button button--small"
              onClick={props.onStartComment}
              aria-keyshortcuts="Control+Alt+M"
              data-testid="comment-selection"
            >
              {t('comments.commentOnSelection')}
            </button>
            <p className="muted comments__hint">
              {props.selectFirst ? t('comments.selectFirst') : t('comments.hint')}
            </p>
          </>
        )}
        {comments && props.draft && (
          <NewCommentForm
            guideId={props.guideId}
            draft={props.draft}
            comments={comments}
            onSent={(thread) => props.onChanged(thread, t('comments.said.added'))}
            onCancel={props.onCancelDraft}
          />
        )}
        {comments &&
          (ordered.length === 0 ? (
            <p className="muted">{t('comments.empty')}</p>
          ) : (
            <ol className="comments__threads">
              {ordered.map((thread) => (
                <li key={thread.id}>
                  <CommentThreadItem
                    thread={thread}
                    comments={comments}
                    orphan={orphan(thread)}
                    active={thread.id === props.activeId}
                    onShow={() => props.onShow(thread.id)}
                    onChanged={props.onChanged}
                  />
                </li>
              ))}
            </ol>
          ))}
      </details>
      {/* Outside the folded part, so what happens is heard with the panel folded too. */}
      <StatusMessage message={props.status.message} id={props.status.id} />
    </section>
  );
}
