import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Me } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { useResource } from '../api/useResource.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { currentLanguage } from '../i18n/index.ts';
import { RequireSignIn } from '../me/RequireSignIn.tsx';
import { ResourceState } from '../ui/ResourceState.tsx';
import { newPracticeValues, practiceFormValues } from './practiceForm.ts';
import { PracticeForm } from './PracticeForm.tsx';
import '../styles/organiser.css';
import './library.css';

/** `/library/new`: submit a practice (the library's answer says whose, and whether one may). */
export function NewPracticePage() {
  return <RequireSignIn>{(me) => <NewPracticeView me={me} />}</RequireSignIn>;
}

function NewPracticeView({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t('library.form.newTitle'));
  // The list's capabilities say whether this person may submit, and for which parliament.
  const load = useCallback(
    (signal: AbortSignal) => callApi('listPractices', { query: { mine: '1' }, signal }),
    [],
  );
  const { state, reload } = useResource(load);
  const capabilities = state.status === 'ready' ? state.data.capabilities : null;
  return (
    <div className="page library-page">
      <h1>{t('library.form.newTitle')}</h1>
      {!capabilities && <ResourceState resource={state} onRetry={reload} />}
      {capabilities && !capabilities.submit && <p>{t('library.form.cannotSubmit')}</p>}
      {capabilities?.submit && (
        <>
          <p className="muted">{t('library.form.newIntro')}</p>
          <PracticeForm
            initial={newPracticeValues(capabilities, currentLanguage())}
            ownerEditable={me.capabilities.manageEvent}
            onSaved={(practice) =>
              void navigate(`/library/${practice.id}`, { state: { saved: 'submitted' } })
            }
            onCancel={() => void navigate('/library')}
          />
        </>
      )}
    </div>
  );
}

/** `/library/:practiceId/edit`: change a practice (its parliament's delegates, the organisers). */
export function EditPracticePage() {
  return <RequireSignIn>{(me) => <EditPracticeView me={me} />}</RequireSignIn>;
}

function EditPracticeView({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { practiceId = '' } = useParams();
  const load = useCallback(
    (signal: AbortSignal) => callApi('getPractice', { params: { practiceId }, signal }),
    [practiceId],
  );
  const { state, reload } = useResource(load);
  const practice = state.status === 'ready' ? state.data : null;
  useDocumentTitle(practice ? t('library.form.editTitle', { title: practice.title }) : null);
  return (
    <div className="page library-page">
      <h1>
        {t('library.form.edit')}
        {practice && (
          <>
            {': '}
            <bdi>{practice.title}</bdi>
          </>
        )}
      </h1>
      {!practice && <ResourceState resource={state} onRetry={reload} />}
      {practice && !practice.capabilities.edit && <p>{t('library.form.cannotEdit')}</p>}
      {practice?.capabilities.edit && (
        <PracticeForm
          key={practice.id}
          initial={practiceFormValues(practice)}
          practice={practice}
          ownerEditable={me.capabilities.manageEvent}
          onSaved={(saved) => void navigate(`/library/${saved.id}`, { state: { saved: 'saved' } })}
          onCancel={() => void navigate(`/library/${practice.id}`)}
        />
      )}
    </div>
  );
}
