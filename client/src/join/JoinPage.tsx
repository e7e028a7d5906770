import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { inviteTokenSchema } from '@draftroom/shared';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { useResource } from '../api/useResource.ts';
import { callApi } from '../api/callApi.ts';
import { InviteLinkProblem } from './InviteLinkProblem.tsx';
import { isInviteLinkProblem, malformedInviteError } from './inviteProblem.ts';
import { JoinView } from './JoinView.tsx';

/** `/join/:token`: what the invite leads to, then a short form to join with it. */
export function JoinPage() {
  const { token = '' } = useParams();
  return <JoinLoader key={token} token={token} />;
}

function JoinLoader({ token }: { token: string }) {
  const { t } = useTranslation();
  const load = useCallback(
    (signal: AbortSignal) =>
      inviteTokenSchema.safeParse(token).success
        ? callApi('invitePreview', { params: { token }, signal })
        : Promise.reject(malformedInviteError()),
    [token],
  );
  const { state, reload } = useResource(load);
  useDocumentTitle(t('join.documentTitle'));

  if (state.status === 'error' && isInviteLinkProblem(state.error)) {
    return <InviteLinkProblem error={state.error} token={token} />;
  }
  return (
    <div className="page join-page">
      {state.status === 'loading' && (
        <p className="muted" role="status">
          {t('join.loading')}
        </p>
      )}
      {state.status === 'error' && (
        <>
          <h1>{t('join.errorTitle')}</h1>
          <ErrorNotice error={state.error} onRetry={reload} />
        </>
      )}
      {state.status === 'ready' && <JoinView token={token} preview={state.data} />}
    </div>
  );
}
