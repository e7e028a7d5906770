import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyLinkField } from '../../ui/CopyLinkField.tsx';
import { registrationUrl } from '../registrationLinks.ts';

export interface ShownLink {
  parliament: string;
  registrationPath: string;
  /** A replacement: the parliament's previous link stopped working. */
  replaced: boolean;
}

/**
 * A focal point's private link, just made. The server keeps only its hash, so this is the only
 * time it can be shown: say so, and make copying it easy. Focus moves here when it appears.
 */
export function NewDelegationLink({ link, onDismiss }: { link: ShownLink; onDismiss: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const warningId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, [link]);

  return (
    <section
      className="card org-new-link"
      aria-labelledby={headingId}
      data-testid="new-registration-link"
    >
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="card__title">
        {t('registration.links.heading')}
      </h2>
      <p className="notice org-notice--warning" id={warningId}>
        {link.replaced && <>{t('registration.links.replaced')} </>}
        {t('registration.links.onlyOnce')}
      </p>
      <CopyLinkField
        label={t('registration.links.label', { parliament: link.parliament })}
        url={registrationUrl(window.location.origin, link.registrationPath)}
        describedBy={warningId}
      />
      <button type="button" className="button" onClick={onDismiss}>
        {t('organiser.invites.dismiss')}
      </button>
    </section>
  );
}
