import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Shown instead of a page this person may not use, with a way back to what they can use. */
export function AccessNotice({ reason }: { reason: 'signIn' | 'noAccess' | 'organisersOnly' }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t(`organiser.access.${reason}Title`)}</h1>
      <p>{t(`organiser.access.${reason}Text`)}</p>
      <p>
        <Link to={reason === 'organisersOnly' ? '/organise' : '/'}>
          {t(
            reason === 'organisersOnly'
              ? 'organiser.access.backToOverview'
              : 'organiser.access.home',
          )}
        </Link>
      </p>
    </div>
  );
}
