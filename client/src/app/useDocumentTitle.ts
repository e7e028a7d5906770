import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the tab title as "<page> — Draftroom", translated, for as long as the page is shown. */
export function useDocumentTitle(page: string | null): void {
  const { t } = useTranslation();
  const title = page ? t('app.documentTitle', { page }) : t('app.name');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
