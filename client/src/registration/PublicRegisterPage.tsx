import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { registrationTokenSchema, type RegistrationWindow } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { useResource } from '../api/useResource.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { ClosedNotice } from './ClosedNotice.tsx';
import { DeadlineNote } from './DeadlineNote.tsx';
import { malformedRegistrationLinkError, type NewDelegationState } from './registrationLinks.ts';
import { StartDelegationForm } from './StartDelegationForm.tsx';
import '../styles/organiser.css';
import './registration.css';

/**
 * `/register/open/:token`: the public registration page, when the organisers offer one. A focal
 * point names their parliament and themselves; the delegation's private page opens next, and its
 * address is their link from then on.
 */
export function PublicRegisterPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const load = useCallback(
    (signal: AbortSignal) =>
      registrationTokenSchema.safeParse(token).success
        ? callApi('publicRegistration', { params: { token }, signal })
        : Promise.reject(malformedRegistrationLinkError()),
    [token],
  );
  const { state, reload } = useResource(load);
  useDocumentTitle(t('registration.start.documentTitle'));

  return (
    <div className="page registration-page">
      {state.status === 'loading' && (
        <p className="muted" role="status">
          {t('registration.focal.loading')}
        </p>
      )}
      {state.status === 'error' && (
        <>
          <h1>{t('registration.focal.errorTitle')}</h1>
          <ErrorNotice error={state.error} onRetry={reload} />
        </>
      )}
      {state.status === 'ready' && <StartView token={token} window={state.data} />}
    </div>
  );
}

function StartView({ token, window: registration }: { token: string; window: RegistrationWindow }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <p className="kicker">
        <bdi>{registration.eventName}</bdi>
      </p>
      <h1>{t('registration.start.title')}</h1>
      {registration.closedReason !== null ? (
        <ClosedNotice
          reason={registration.closedReason}
          deadline={registration.deadline}
          timeZone={registration.timeZone}
          contactEmail={registration.contactEmail}
        />
      ) : (
        <>
          <DeadlineNote deadline={registration.deadline} timeZone={registration.timeZone} />
          <p>{t('registration.start.intro')}</p>
          <section className="card">
            <StartDelegationForm
              send={(body) => callApi('startDelegation', { params: { token }, body })}
              onSaved={(link) => {
                const state: NewDelegationState = { newDelegationLink: true };
                // Replace: going back must not offer to start the same delegation twice.
                void navigate(link.registrationPath, { replace: true, state });
              }}
              filledBy="focalPoint"
              submitLabel={t('registration.start.submit')}
              busyLabel={t('registration.start.busy')}
            />
          </section>
        </>
      )}
    </>
  );
}
