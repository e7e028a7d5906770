import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';

/** For a visitor without a sign-in: what Draftroom is, and that the way in is an invite link. */
export function SignedOutHome() {
  const { t } = useTranslation();
  useDocumentTitle(t('welcome.title'));
  return (
    <div className="page page--welcome" data-testid="signed-out-home">
      <h1>{t('welcome.title')}</h1>
      <p className="lead">{t('welcome.intro')}</p>
      <section className="card" aria-labelledby="welcome-how">
        <h2 id="welcome-how" className="card__title">
          {t('welcome.howTitle')}
        </h2>
        <ol className="steps">
          <li>{t('welcome.step1')}</li>
          <li>{t('welcome.step2')}</li>
          <li>{t('welcome.step3')}</li>
        </ol>
      </section>
      <p>{t('welcome.noLink')}</p>
    </div>
  );
}
