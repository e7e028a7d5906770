import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/client.ts';
import { apiErrorMessageKey, describeApiError, type ErrorWording } from '../api/errorMessages.ts';

const ErrorWordingContext = createContext<ErrorWording>('general');

/**
 * Sets the wording of every `ErrorNotice` below it. The organiser area wraps its pages in
 * `organiser` wording, so its forms, dialogs and lists speak of the task at hand without each
 * notice being told.
 */
export function ErrorWordingProvider({
  wording,
  children,
}: {
  wording: ErrorWording;
  children: ReactNode;
}) {
  return <ErrorWordingContext.Provider value={wording}>{children}</ErrorWordingContext.Provider>;
}

interface ErrorNoticeProps {
  error: unknown;
  onRetry?: () => void;
}

/**
 * An API failure as a translated alert that says what to do, with an optional "Try again". In the
 * organiser wording, the server's own sentence follows when it has specifics ("this session still
 * has 2 groups"); that sentence is English, and marked so.
 */
export function ErrorNotice({ error, onRetry }: ErrorNoticeProps) {
  const { t } = useTranslation();
  const wording = useContext(ErrorWordingContext);
  if (wording === 'organiser') {
    const { key, serverMessage } = describeApiError(error);
    return (
      <Alert retryLabel={t('organiser.errors.retry')} onRetry={onRetry}>
        <p>{t(`organiser.errors.${key}`)}</p>
        {serverMessage && (
          <p>
            {t('organiser.errors.serverSays')}{' '}
            <span lang="en" dir="auto">
              {serverMessage}
            </span>
          </p>
        )}
      </Alert>
    );
  }
  const code = error instanceof ApiRequestError ? error.code : 'unknown';
  return (
    <Alert retryLabel={t('errors.retry')} onRetry={onRetry}>
      <p>{t(apiErrorMessageKey(code))}</p>
    </Alert>
  );
}

function Alert({
  retryLabel,
  onRetry,
  children,
}: {
  retryLabel: string;
  onRetry: (() => void) | undefined;
  children: ReactNode;
}) {
  return (
    <div className="notice notice--error" role="alert">
      {children}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {retryLabel}
        </button>
      )}
    </div>
  );
}
