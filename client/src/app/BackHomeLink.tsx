import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The way out of a page that has nothing for the person: back to their guides. */
export function BackHomeLink() {
  const { t } = useTranslation();
  return (
    <p>
      <Link to="/" className="button button--primary">
        {t('notFound.home')}
      </Link>
    </p>
  );
}
