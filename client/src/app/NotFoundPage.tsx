import { useTranslation } from 'react-i18next';
import { BackHomeLink } from './BackHomeLink.tsx';
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
      <BackHomeLink />
    </div>
  );
}
