import { useTranslation } from 'react-i18next';

/** The page's direction for the interface language (the chart lays time out by it). */
export function useDirection(): 'ltr' | 'rtl' {
  const { i18n } = useTranslation();
  return i18n.dir(i18n.language);
}
