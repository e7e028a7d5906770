import { useTranslation } from 'react-i18next';
import { describeApiError } from '../api/apiErrors.ts';

interface ApiErrorAlertProps {
  error: unknown;
  onRetry?: () => void;
}

/**
 * A failed request, said in the interface's language, followed by the server's own sentence when
 * it has specifics ("this session still has 2 groups"); that sentence is English, and marked so.
 */
export function ApiErrorAlert({ error, onRetry }: ApiErrorAlertProps) {
  const { t } = useTranslation();
  const { key, serverMessage } = describeApiError(error);
  return (
    <div className="notice notice--error" role="alert">
      <p>{t(`organiser.errors.${key}`)}</p>
      {serverMessage && (
        <p>
          {t('organiser.errors.serverSays')}{' '}
          <span lang="en" dir="auto">
            {serverMessage}
          </span>
        </p>
      )}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('organiser.errors.retry')}
        </button>
      )}
    </div>
  );
}
