import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/client.ts';
import { apiErrorMessageKey } from '../api/errorMessage.ts';

/** An invite link that cannot be used: say why (expired, withdrawn…) and that a new one is the fix. */
export function InviteLinkProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const code = error instanceof ApiRequestError ? error.code : 'invite_invalid';
  // "not_found" here means an unknown token: the same advice as an invalid link.
  const key = apiErrorMessageKey(code === 'not_found' ? 'invite_invalid' : code);
  return (
    <div className="page join-page" data-testid="invite-problem">
      <h1>{t('join.problemTitle')}</h1>
      <div className="notice notice--error" role="alert">
        <p>{t(key)}</p>
      </div>
      <p>{t('join.problemHelp')}</p>
    </div>
  );
}
