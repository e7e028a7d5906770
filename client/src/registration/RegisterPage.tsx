import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { registrationTokenSchema } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { useResource } from '../api/useResource.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { DelegationPage } from './DelegationPage.tsx';
import { malformedRegistrationLinkError } from './registrationLinks.ts';
// The registration pages' styles (and the form styles they share with the organiser screens)
// load with this chunk.
import '../styles/organiser.css';
import './registration.css';

/** `/register/:token`: a focal point's private link to their delegation (no sign-in). */
export function RegisterPage() {
  const { token = '' } = useParams();
  return <RegisterLoader key={token} token={token} />;
}

function RegisterLoader({ token }: { token: string }) {
  const { t } = useTranslation();
  const load = useCallback(
    (signal: AbortSignal) =>
      registrationTokenSchema.safeParse(token).success
        ? callApi('delegationForm', { params: { token }, signal })
        : Promise.reject(malformedRegistrationLinkError()),
    [token],
  );
  const { state, reload, refresh } = useResource(load);
  useDocumentTitle(t('registration.focal.documentTitle'));

  if (state.status === 'ready') {
    return <DelegationPage token={token} form={state.data} refresh={refresh} />;
  }
  return (
    <div className="page registration-page">
      {state.status === 'loading' ? (
        <p className="muted" role="status">
          {t('registration.focal.loading')}
        </p>
      ) : (
        <>
          <h1>{t('registration.focal.errorTitle')}</h1>
          <ErrorNotice error={state.error} onRetry={reload} />
        </>
      )}
    </div>
  );
}
