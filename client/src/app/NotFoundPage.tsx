import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from './useDocumentTitle.ts';

/** Shown for unknown addresses and for guides or sessions that do not exist (any more). */
export function NotFoundPage({ kind = 'page' }: { kind?: 'page' | 'guide' | 'session' }) {
  const { t } = useTranslation();
  const title = t(`notFound.${kind}Title`);
  useDocumentTitle(title);
  return (
    <div className="page page--not-found" data-testid="not-found">
      <h1>{title}</h1>
      <p>{t(`notFound.${kind}Text`)}</p>
      <p>
        <Link to="/" className="button button--primary">
          {t('notFound.home')}
        </Link>
      </p>
    </div>
  );
}
