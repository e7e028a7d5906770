import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CommentThread, GuideComments } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { useResource } from '../api/useResource.ts';
import type { CollabSession } from '../collab/session.ts';

/**
 * A guide's comment threads, kept live: loaded once, then each thread the server sends on the
 * guide's open connection (or returns to this person's own action) replaces the one held, so
 * nobody asks the server again when someone else comments. `heard` is the last comment that
 * arrived from the connection as a new one (for announcing it; a resolution or a deletion is not).
 */
export function useGuideComments(guideId: string, session: CollabSession | null) {
  const load = useCallback(
    (signal: AbortSignal) => callApi('guideComments', { params: { guideId }, signal }),
    [guideId],
  );
  const { state, reload } = useResource(load);
  const [changed, setChanged] = useState<ReadonlyMap<string, CommentThread>>(new Map());
  const [heard, setHeard] = useState<CommentThread['comments'][number] | null>(null);
  // The threads as last shown, to tell a new comment from other changes (read by the listener).
  const shown = useRef<GuideComments | null>(null);

  const put = useCallback((thread: CommentThread) => {
    setChanged((current) => new Map(current).set(thread.id, thread));
  }, []);

  useEffect(() => {
    if (!session) return;
    return session.onCommentThread((thread) => {
      if (thread.guideId !== guideId) return;
      const held = shown.current?.threads.find((candidate) => candidate.id === thread.id);
      const before = held?.comments.length ?? 0;
      put(thread);
      const last = thread.comments.at(-1);
      if (last && thread.comments.length > before) setHeard(last);
    });
  }, [session, guideId, put]);

  const comments: GuideComments | null = useMemo(() => {
    if (state.status !== 'ready') return null;
    const threads = state.data.threads.map((thread) => changed.get(thread.id) ?? thread);
    const known = new Set(threads.map((thread) => thread.id));
    for (const thread of changed.values()) if (!known.has(thread.id)) threads.push(thread);
    // A thread with nothing left to read (every comment deleted) is not shown, as the server lists.
    return {
      ...state.data,
      threads: threads.filter((thread) => thread.comments.some((comment) => !comment.deleted)),
    };
  }, [state, changed]);

  useEffect(() => {
    shown.current = comments;
  }, [comments]);

  return { state, comments, put, heard, reload };
}
