import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../../api/client.ts';
import type { Resource } from '../../api/useResource.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';

/** A 404 from a public route: the library is not published, or the practice is not public. */
function isNotPublished(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 404;
}

/**
 * A public library page while it loads or when it cannot be shown: a 404 is said in words (not
 * published, or not public), never as an error to retry; anything else can be tried again.
 */
export function PublicPageState({
  state,
  reload,
  notPublished,
}: {
  state: Resource<unknown>;
  reload: () => void;
  notPublished: string;
}) {
  const { t } = useTranslation();
  if (state.status === 'loading') {
    return (
      <p className="muted" role="status">
        {t('library.public.loading')}
      </p>
    );
  }
  if (state.status !== 'error') return null;
  return (
    <>
      <h1>{t('library.title')}</h1>
      {isNotPublished(state.error) ? (
        <p className="notice">{notPublished}</p>
      ) : (
        <ErrorNotice error={state.error} onRetry={reload} />
      )}
    </>
  );
}

/** The event's name above a public page's heading. */
export function EventKicker({ name }: { name: string }) {
  return (
    <p className="kicker">
      <bdi>{name}</bdi>
    </p>
  );
}
