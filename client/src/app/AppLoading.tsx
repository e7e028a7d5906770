import { useTranslation } from 'react-i18next';

/** Placeholder while a page's code loads; the header is not drawn yet, so keep it minimal. */
export function AppLoading() {
  const { t } = useTranslation();
  return (
    <main id="main" className="site-main">
      <p className="muted" role="status">
        {t('app.loading')}
      </p>
    </main>
  );
}
