import { useTranslation } from 'react-i18next';
import { ShownOnceLink } from '../../ui/ShownOnceLink.tsx';
import { registrationUrl } from '../registrationLinks.ts';

export interface ShownLink {
  parliament: string;
  registrationPath: string;
  /** A replacement: the parliament's previous link stopped working. */
  replaced: boolean;
}

/** A focal point's private link, just made, shown this once (the server keeps only its hash). */
export function NewDelegationLink({ link, onDismiss }: { link: ShownLink; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <ShownOnceLink
      heading={t('registration.links.heading')}
      warning={
        <>
          {link.replaced && <>{t('registration.links.replaced')} </>}
          {t('registration.links.onlyOnce')}
        </>
      }
      label={t('registration.links.label', { parliament: link.parliament })}
      url={registrationUrl(window.location.origin, link.registrationPath)}
      shown={link}
      onDismiss={onDismiss}
      testId="new-registration-link"
    />
  );
}
