import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/client.ts';
import { apiErrorMessageKey } from '../api/errorMessage.ts';
import { getInviteContact } from '../api/invites.ts';
import { useResource } from '../app/useResource.ts';

/**
 * An invite link that cannot be used: say why (expired, withdrawn…) and that a new one is the fix,
 * once, with the event's contact address to write to when the organisers gave one.
 */
export function InviteLinkProblem({ error, token }: { error: unknown; token: string }) {
  const { t } = useTranslation();
  const code = error instanceof ApiRequestError ? error.code : 'invite_invalid';
  // "not_found" here means an unknown token: the same advice as an invalid link.
  const key = apiErrorMessageKey(code === 'not_found' ? 'invite_invalid' : code);
  const { state } = useResource(
    useCallback((signal: AbortSignal) => getInviteContact(token, signal), [token]),
  );
  const contact = state.status === 'ready' ? state.data.contactEmail : null;
  return (
    <div className="page join-page" data-testid="invite-problem">
      <h1>{t('join.problemTitle')}</h1>
      <div className="notice notice--error" role="alert">
        <p>{t(key)}</p>
      </div>
      <p>{t('join.problemHelp')}</p>
      {contact && (
        <p data-testid="organiser-contact">
          {t('join.contactLead')}{' '}
          <a href={`mailto:${contact}`} dir="ltr">
            {contact}
          </a>
        </p>
      )}
    </div>
  );
}
