import { useTranslation } from 'react-i18next';
import { BackHomeLink } from '../app/BackHomeLink.tsx';

/**
 * A guide of another group of the person's own event: it exists, but is not theirs to open.
 * Saying "not found" here sent people looking for a broken link; this says whom to ask instead.
 */
export function OtherGroupsGuide() {
  const { t } = useTranslation();
  return (
    <div className="page page--not-found" data-testid="guide-elsewhere">
      <h1>{t('guide.elsewhereTitle')}</h1>
      <p>{t('guide.elsewhereText')}</p>
      <p>{t('guide.elsewhereAsk')}</p>
      <BackHomeLink />
    </div>
  );
}
