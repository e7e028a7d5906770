import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';

/** For a page that needs sign-in: there are no passwords, so the way in is the invite link. */
export function SignedOutNotice() {
  const { t } = useTranslation();
  useDocumentTitle(t('signedOut.title'));
  return (
    <div className="page" data-testid="signed-out">
      <h1>{t('signedOut.title')}</h1>
      <p>{t('signedOut.text')}</p>
      <p>{t('signedOut.noLink')}</p>
      <p>
        <Link to="/" className="button">
          {t('signedOut.home')}
        </Link>
      </p>
    </div>
  );
}
