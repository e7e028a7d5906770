import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiRequestError } from '../api/client.ts';
import { apiErrorMessageKey } from '../api/errorMessages.ts';
import { useResource } from '../api/useResource.ts';
import { callApi } from '../api/callApi.ts';

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
    useCallback(
      (signal: AbortSignal) => callApi('inviteContact', { params: { token }, signal }),
      [token],
    ),
  );
  const contact = state.status === 'ready' ? state.data.contactEmail : null;
  return (
    <div className="page join-page" data-testid="invite-problem">
      <h1>{t('join.problemTitle')}</h1>
      <div className="notice notice--error" role="alert">
        <p>{t(key)}</p>
      </div>
      <p>{t('join.problemHelp')}</p>
      {code === 'invite_used_up' && (
        // A personal link works once: someone opening it on a second device is already signed
        // in on the first, and can add this one from there.
        <div className="notice" data-testid="add-device-help">
          <p>{t('join.usedOnAnotherDevice')}</p>
          <p>
            <Link to="/device" className="button">
              {t('join.enterDeviceCode')}
            </Link>
          </p>
        </div>
      )}
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
