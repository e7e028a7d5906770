import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import type { CommentThread } from '@draftroom/shared';
import type { CollabSession } from '../collab/session.ts';
import { useStatus } from '../ui/useStatus.ts';
import {
  anchorOfSelection,
  CommentHighlights,
  commentHighlightsKey,
  setHighlights,
} from './commentHighlights.ts';
import { CommentsPanel } from './CommentsPanel.tsx';
import '../styles/comments.css';
import type { CommentDraft } from './NewCommentForm.tsx';
import { useGuideComments } from './useGuideComments.ts';

const noRanges: ReadonlyMap<string, { from: number; to: number }> = new Map();

/**
 * Comments on the open guide, as the guide page wires them: the editor extension that draws
 * highlights (`extensions`, `onEditor`), the panel, and the keyboard shortcut (Ctrl+Alt+M, or
 * ⌘⌥M) for commenting on the selected words, which works in a read-only editor too.
 */
export function useCommentsBeside(guideId: string, session: CollabSession | null) {
  const { t } = useTranslation();
  const [editor, setEditor] = useState<Editor | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [draft, setDraft] = useState<CommentDraft | null>(null);
  const [selectFirst, setSelectFirst] = useState(false);
  const [ranges, setRanges] = useState(noRanges);
  const { status, announce } = useStatus();
  const data = useGuideComments(guideId, session);
  const { comments, put, heard } = data;

  // Made once for the editor's life; a click on a highlight makes its thread the active one.
  const extensions = useMemo(
    () => [CommentHighlights.configure({ onActivate: (threadId) => setActiveId(threadId) })],
    [],
  );

  useEffect(() => {
    if (editor && comments) setHighlights(editor, { threads: comments.threads, activeId });
  }, [editor, comments, activeId]);

  // The panel orders threads by where their words are, and marks those whose words are gone.
  useEffect(() => {
    if (!editor) return;
    const follow = () => setRanges(commentHighlightsKey.getState(editor.state)?.ranges ?? noRanges);
    follow();
    editor.on('transaction', follow);
    return () => void editor.off('transaction', follow);
  }, [editor]);

  // Someone else's new comment is said politely (this person's own actions say themselves).
  const personId = comments?.personId;
  useEffect(() => {
    const last = heard;
    if (!last || last.deleted || last.author.personId === personId) return;
    announce(
      t('comments.said.newFrom', { name: last.author.name ?? t('comments.someoneWhoLeft') }),
    );
  }, [heard, personId, announce, t]);

  const startComment = useCallback(() => {
    if (!editor) return;
    const anchor = anchorOfSelection(editor);
    setSelectFirst(anchor === null);
    if (!anchor) return;
    const { from, to } = editor.state.selection;
    setDraft({ anchor, quote: editor.state.doc.textBetween(from, to, '\n') });
  }, [editor]);

  const showThread = useCallback(
    (threadId: string) => {
      setActiveId(threadId);
      if (!editor) return;
      const range = commentHighlightsKey.getState(editor.state)?.ranges.get(threadId);
      if (range) {
        editor.chain().setTextSelection(range).scrollIntoView().focus().run();
      }
    },
    [editor],
  );

  const onChanged = useCallback(
    (thread: CommentThread, said: string) => {
      put(thread);
      setDraft(null);
      announce(said);
    },
    [put, announce],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.altKey && event.code === 'KeyM') {
        event.preventDefault();
        startComment();
      }
    },
    [startComment],
  );

  const panel = (
    <CommentsPanel
      guideId={guideId}
      state={data.state}
      comments={comments}
      ranges={ranges}
      editorReady={editor !== null}
      activeId={activeId}
      draft={draft}
      selectFirst={selectFirst}
      status={status}
      onStartComment={startComment}
      onCancelDraft={() => setDraft(null)}
      onShow={showThread}
      onChanged={onChanged}
      onRetry={data.reload}
    />
  );
  return { extensions, onEditor: setEditor, panel, onKeyDown };
}
