import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Last resort when a page crashes: say so plainly and offer a way out. */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <main id="main" className="site-main">
      <div className="page">
        <h1>{t('errors.crashTitle')}</h1>
        <p>{t('errors.crashText')}</p>
        <p className="form-actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => window.location.reload()}
          >
            {t('errors.reload')}
          </button>
          <Link to="/" className="button">
            {t('notFound.home')}
          </Link>
        </p>
      </div>
    </main>
  );
}
