import { useTranslation } from 'react-i18next';
import type { Resource } from '../api/useResource.ts';
import { ErrorNotice } from './ErrorNotice.tsx';

/** What to show while a resource is not ready: a loading line, or the error with "Try again". */
export function ResourceState({
  resource,
  onRetry,
}: {
  resource: Resource<unknown>;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  if (resource.status === 'loading') {
    return (
      <p className="muted" role="status">
        {t('organiser.common.loading')}
      </p>
    );
  }
  if (resource.status === 'error') return <ErrorNotice error={resource.error} onRetry={onRetry} />;
  return null;
}
