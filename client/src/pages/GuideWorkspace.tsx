import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Guide, Me, SessionLive } from '@draftroom/shared';
import { guideFragmentName, identityOf } from '@draftroom/shared';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { useCollabSession, useConnectionState, usePeople } from '../collab/useCollabSession.ts';
import { ConnectionStatus } from '../collab/ConnectionStatus.tsx';
import { PresenceList } from '../collab/PresenceList.tsx';
import { ContributorsPanel } from './ContributorsPanel.tsx';
import { CitedPanel } from '../citations/CitedPanel.tsx';
import { GuideLockPanel } from './GuideLockPanel.tsx';
import { ReviewPanel } from '../review/ReviewPanel.tsx';
import { GuideExportPanel } from '../exports/GuideExportPanel.tsx';
import { MovedNotice, useFollowMove } from './followMove.tsx';
import { SessionLiveBar } from '../sessionLive/SessionLiveBar.tsx';
import { CollabProblemAlert } from '../collab/CollabProblemAlert.tsx';
import { accessLost } from '../collab/connectionState.ts';
import { GuideEditor, type EditorMode } from '../editor/GuideEditor.tsx';
import { GuideContext } from './GuideContext.tsx';
import { useMe } from '../me/MeContext.tsx';
import { useGuideHistory } from '../history/useGuideHistory.tsx';
import { useCommentsBeside } from '../comments/useCommentsBeside.tsx';
import { useDotVotesBeside } from '../dotVotes/useDotVotesBeside.tsx';

/**
 * A guide open for editing (or reading): the editor column and a side panel with the connection
 * state and who is here. What the person may do comes from the server (`guide.permission`, then
 * its permission messages on the open connection), and stops at once if the server closes the
 * connection for lack of access.
 */
export function GuideWorkspace({
  guide,
  me,
  onGuideChanged,
  openAtBlock = null,
  viewOnly = false,
  onEdit,
}: {
  /** Opened to look (`?view=read`): read-only in this tab even for someone who may write. */
  viewOnly?: boolean;
  /** Leaves the view mode (shown only to those who may write). */
  onEdit?: () => void;
  guide: Guide;
  me: Me;
  /** The text block to open the guide at (a search hit, `?block=`); null: the top. */
  openAtBlock?: number | null;
  /** Loads the guide's details again (its lock), keeping the page on screen. */
  onGuideChanged: () => void;
}) {
  const { t } = useTranslation();
  const { refresh: refreshMe } = useMe();
  const session = useCollabSession(guide.id);
  const connection = useConnectionState(session);
  const people = usePeople(session);
  const { id, displayName, role } = me.person;
  const identity = useMemo(() => identityOf({ id, displayName }), [id, displayName]);
  // The server says at once when this changes on the open connection (a new role, a lock).
  const permission = connection.permission?.permission ?? guide.permission;
  const lost = accessLost(connection);
  useFollowMove(guide, lost);
  const viewing = viewOnly && permission === 'write';
  const mode: EditorMode = lost ? 'stopped' : permission === 'write' && !viewing ? 'write' : 'read';

  // Said when it changed while the page was open; `current` (sent on every connect) is not news.
  const reason = connection.permission?.reason;
  const changedBecause =
    reason === 'role' || reason === 'guide' || reason === 'review' ? reason : null;

  // A new role (the server's permission message) shows in the header and menus at once too.
  // (Once per message: `refreshMe` is a new function after every load, so it is read by ref.)
  const roleChangedTo = connection.permission?.reason === 'role' ? connection.permission : null;
  const refreshMeRef = useRef(refreshMe);
  useEffect(() => {
    refreshMeRef.current = refreshMe;
  });
  useEffect(() => {
    if (roleChangedTo) refreshMeRef.current();
  }, [roleChangedTo]);
  // A lock or unlock: the guide's details (lock state, shown to facilitators) follow too.
  // (A review move that publishes or reopens it says `review`.)
  const guideChanged =
    connection.permission?.reason === 'guide' || connection.permission?.reason === 'review'
      ? connection.permission
      : null;
  const onGuideChangedRef = useRef(onGuideChanged);
  useEffect(() => {
    onGuideChangedRef.current = onGuideChanged;
  });
  useEffect(() => {
    if (guideChanged) onGuideChangedRef.current();
  }, [guideChanged]);

  // Someone moved the guide's review (the session's live state says so): load the guide again,
  // so its status, and the moves this person may make, follow at once.
  const reviewChangedAt = useRef(guide.review.changedAt);
  useEffect(() => {
    reviewChangedAt.current = guide.review.changedAt;
  }, [guide.review.changedAt]);
  const onLive = useCallback(
    (live: SessionLive) => {
      const mine = live.reviews.find((review) => review.guideId === guide.id);
      if (mine && mine.changedAt !== reviewChangedAt.current) {
        reviewChangedAt.current = mine.changedAt;
        onGuideChangedRef.current();
      }
    },
    [guide.id],
  );

  // Keeps what peers see (presence list, caret label) in step with a changed profile name.
  useEffect(() => {
    // The whole name for "Who is here" (the caret label shortens it itself).
    if (session) session.setUser({ ...identity, name: displayName.trim() }, { id, role });
  }, [session, identity, id, role, displayName]);

  // The guide as this page holds it now, for comparing a version with it.
  const liveContent = useCallback(
    () =>
      session ? yXmlFragmentToProsemirrorJSON(session.doc.getXmlFragment(guideFragmentName)) : null,
    [session],
  );
  const dotVotes = useDotVotesBeside(guide.id, session);
  const history = useGuideHistory({
    guideId: guide.id,
    canWrite: mode === 'write',
    liveContent,
    versionNote: dotVotes.versionNote,
  });
  const comments = useCommentsBeside(guide.id, session);

  return (
    <div className="guide-page">
      <GuideContext guide={guide} />
      <h1 className="guide-page__title" dir="auto">
        {guide.title}
      </h1>
      <div className="guide-page__body">
        {/* Ctrl+Alt+M in the text starts a comment on the selected words (readers too). */}
        <div className="guide-page__editor" onKeyDown={comments.onKeyDown}>
          <MovedNotice />
          {guide.sessionId && <SessionLiveBar sessionId={guide.sessionId} onLive={onLive} />}
          {history.viewer}
          {connection.problem && session && (
            <CollabProblemAlert
              problem={connection.problem}
              onRetry={() => session.retry()}
              onDiscard={() => session.discardUnsentChanges()}
            />
          )}
          {viewing && onEdit && (
            <p className="notice view-only-toggle" data-testid="view-only">
              {t('guide.viewingReadOnly')}{' '}
              <button type="button" className="button button--small" onClick={onEdit}>
                {t('guide.viewingEdit')}
              </button>
            </p>
          )}
          {session ? (
            <GuideEditor
              key={session.doc.guid}
              session={session}
              identity={identity}
              mode={mode}
              changedBecause={changedBecause}
              locked={guide.lock !== null}
              published={guide.review.status === 'published'}
              viewOnly={viewing}
              openAtBlock={openAtBlock}
              contentReady={connection.synced}
              extraExtensions={comments.extensions}
              onEditor={comments.onEditor}
            />
          ) : (
            <p className="muted">{t('guide.opening')}</p>
          )}
        </div>
        <aside className="guide-page__panel" aria-label={t('guide.panelLabel')}>
          <ConnectionStatus connection={connection} />
          {comments.panel}
          {guide.groupId !== null && dotVotes.panel}
          {guide.groupId !== null && <ReviewPanel guide={guide} onChanged={onGuideChanged} />}
          {guide.canLock && <GuideLockPanel guide={guide} onChanged={onGuideChanged} />}
          <PresenceList people={people} />
          <ContributorsPanel guideId={guide.id} />
          <CitedPanel guideId={guide.id} session={session} />
          {history.panel}
          <GuideExportPanel guideId={guide.id} />
        </aside>
      </div>
    </div>
  );
}
