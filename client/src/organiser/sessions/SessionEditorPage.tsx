import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { useOrganiser } from '../OrganiserContext.ts';
import { SessionForm } from './SessionForm.tsx';
import type { SessionsPageState } from './SessionsPage.tsx';

/** `/organise/sessions/new` and `/organise/sessions/:sessionId/edit`. */
export function SessionEditorPage() {
  const { t } = useTranslation();
  const { sessionId } = useParams();
  const navigate = useNavigate();
  const { programme, reloadProgramme } = useOrganiser();
  const session = sessionId
    ? programme.sessions.find((candidate) => candidate.id === sessionId)
    : undefined;
  const title = sessionId
    ? t('organiser.sessionForm.editTitle')
    : t('organiser.sessionForm.newTitle');
  useDocumentTitle(title);

  if (sessionId && !session) {
    return (
      <div className="organiser-page page">
        <h1>{t('organiser.sessionForm.notFoundTitle')}</h1>
        <p>{t('organiser.sessionForm.notFoundText')}</p>
        <p>
          <Link to="/organise/sessions">{t('organiser.sessionForm.backToSessions')}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="organiser-page page">
      <p className="org-breadcrumb">
        <Link to="/organise/sessions">{t('organiser.sessionForm.backToSessions')}</Link>
      </p>
      <h1>{title}</h1>
      <SessionForm
        key={session?.id ?? 'new'}
        event={programme.event}
        session={session}
        onSaved={(saved) => {
          reloadProgramme();
          const state: SessionsPageState = {
            saved: { title: saved.title, created: session === undefined },
          };
          void navigate('/organise/sessions', { state });
        }}
        onCancel={() => void navigate('/organise/sessions')}
      />
    </div>
  );
}
