import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/client.ts';
import { apiErrorMessageKey } from '../api/errorMessage.ts';

/** An API failure as a translated alert that says what to do, with an optional "Try again". */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const code = error instanceof ApiRequestError ? error.code : 'unknown';
  return (
    <div className="notice notice--error" role="alert">
      <p>{t(apiErrorMessageKey(code))}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      )}
    </div>
  );
}
