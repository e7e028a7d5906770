import { useTranslation } from 'react-i18next';
import { describeConnection, type ConnectionState } from './connectionState.ts';

/**
 * Always-visible connection indicator. Screen readers hear changes politely; browser tests wait
 * on the data attributes (`data-state`, `data-synced`, `data-pending`).
 */
export function ConnectionStatus({ connection }: { connection: ConnectionState }) {
  const { t } = useTranslation();
  const view = describeConnection(connection);
  return (
    <p
      className={`connection-status connection-status--${view.indicator}`}
      role="status"
      aria-live="polite"
      data-testid="connection-status"
      data-state={view.indicator}
      data-synced={String(view.synced)}
      data-pending={String(view.pending)}
    >
      {/* The dot is decoration; the words carry the meaning. */}
      <span className="connection-status__dot" aria-hidden="true" />
      <span className="connection-status__text">
        <span className="connection-status__state">{t(view.stateKey)}</span>
        {view.syncKey && <span className="connection-status__detail">{t(view.syncKey)}</span>}
        {view.pending > 0 && (
          <span className="connection-status__detail connection-status__pending">
            {t('connection.pending', { count: view.pending })}
          </span>
        )}
      </span>
    </p>
  );
}
