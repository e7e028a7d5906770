import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';

/** Shown for unknown addresses and for guides that do not exist (any more). */
export function NotFoundPage({ kind = 'page' }: { kind?: 'page' | 'guide' }) {
  const { t } = useTranslation();
  const title = kind === 'guide' ? t('notFound.guideTitle') : t('notFound.pageTitle');
  useDocumentTitle(title);
  return (
    <div className="page page--not-found" data-testid="not-found">
      <h1>{title}</h1>
      <p>{kind === 'guide' ? t('notFound.guideText') : t('notFound.pageText')}</p>
      <p>
        <Link to="/" className="button button--primary">
          {t('notFound.home')}
        </Link>
      </p>
    </div>
  );
}
