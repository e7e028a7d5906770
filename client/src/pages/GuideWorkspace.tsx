import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Guide } from '@draftroom/shared';
import { useIdentity } from '../identity/IdentityContext.tsx';
import { IdentityForm } from '../identity/IdentityForm.tsx';
import { useCollabSession, useConnectionState, usePeople } from '../collab/useCollabSession.ts';
import { ConnectionStatus } from '../collab/ConnectionStatus.tsx';
import { PresenceList } from '../collab/PresenceList.tsx';
import { CollabProblemAlert } from '../collab/CollabProblemAlert.tsx';
import { GuideEditor } from '../editor/GuideEditor.tsx';

/**
 * A guide open for editing: the editor column and a side panel with the connection state and who
 * is here. The session connects even before a name is chosen, so a newcomer sees who is present.
 */
export function GuideWorkspace({ guide }: { guide: Guide }) {
  const { t } = useTranslation();
  const { identity, setIdentity } = useIdentity();
  const session = useCollabSession(guide.id);
  const connection = useConnectionState(session);
  const people = usePeople(session);
  const identityHeadingId = useId();

  // Keeps what peers see (presence list, caret label) in step with "Change name".
  useEffect(() => {
    if (session && identity) session.setUser(identity);
  }, [session, identity]);

  return (
    <div className="guide-page">
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
          {!identity ? (
            <section className="card identity-gate" aria-labelledby={identityHeadingId}>
              <h2 id={identityHeadingId} className="card__title">
                {t('identity.firstTitle')}
              </h2>
              <p>{t('identity.firstIntro')}</p>
              <IdentityForm
                initial={null}
                submitLabel={t('identity.start')}
                onSubmit={setIdentity}
              />
            </section>
          ) : session ? (
            <GuideEditor key={session.doc.guid} session={session} identity={identity} />
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
