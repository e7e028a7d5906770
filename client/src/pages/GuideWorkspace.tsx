import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Guide, Me } from '@draftroom/shared';
import { identityOf } from '@draftroom/shared';
import { useCollabSession, useConnectionState, usePeople } from '../collab/useCollabSession.ts';
import { ConnectionStatus } from '../collab/ConnectionStatus.tsx';
import { PresenceList } from '../collab/PresenceList.tsx';
import { CollabProblemAlert } from '../collab/CollabProblemAlert.tsx';
import { accessLost } from '../collab/connectionState.ts';
import { GuideEditor, type EditorMode } from '../editor/GuideEditor.tsx';
import { GuideContext } from './GuideContext.tsx';

/**
 * A guide open for editing (or reading): the editor column and a side panel with the connection
 * state and who is here. What the person may do comes from the server (`guide.permission`), and
 * stops at once if the server closes the connection for lack of access.
 */
export function GuideWorkspace({ guide, me }: { guide: Guide; me: Me }) {
  const { t } = useTranslation();
  const session = useCollabSession(guide.id);
  const connection = useConnectionState(session);
  const people = usePeople(session);
  const { id, displayName, role } = me.person;
  const identity = useMemo(() => identityOf({ id, displayName }), [id, displayName]);
  const mode: EditorMode = accessLost(connection)
    ? 'stopped'
    : guide.permission === 'write'
      ? 'write'
      : 'read';

  // Keeps what peers see (presence list, caret label) in step with a changed profile name.
  useEffect(() => {
    // The whole name for "Who is here" (the caret label shortens it itself).
    if (session) session.setUser({ ...identity, name: displayName.trim() }, { id, role });
  }, [session, identity, id, role, displayName]);

  return (
    <div className="guide-page">
      <GuideContext guide={guide} />
      <h1 className="guide-page__title" dir="auto">
        {guide.title}
      </h1>
      <div className="guide-page__body">
        <div className="guide-page__editor">
          {connection.problem && session && (
            <CollabProblemAlert
              problem={connection.problem}
              onRetry={() => session.retry()}
              onDiscard={() => session.discardUnsentChanges()}
            />
          )}
          {session ? (
            <GuideEditor key={session.doc.guid} session={session} identity={identity} mode={mode} />
          ) : (
            <p className="muted">{t('guide.opening')}</p>
          )}
        </div>
        <aside className="guide-page__panel" aria-label={t('guide.panelLabel')}>
          <ConnectionStatus connection={connection} />
          <PresenceList people={people} />
        </aside>
      </div>
    </div>
  );
}
