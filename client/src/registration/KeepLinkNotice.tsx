import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyLinkField } from '../ui/CopyLinkField.tsx';

/**
 * Shown once, right after a focal point started their delegation from the public page: this
 * page's address is their private link, the only way back to the delegation (the server keeps
 * only its hash). Focus lands here so it is read first.
 */
export function KeepLinkNotice({ url, onDismiss }: { url: string; onDismiss: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const warningId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section
      className="card org-new-link"
      aria-labelledby={headingId}
      data-testid="keep-link-notice"
    >
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="card__title">
        {t('registration.keepLink.heading')}
      </h2>
      <p className="notice org-notice--warning" id={warningId}>
        {t('registration.keepLink.warning')}
      </p>
      <CopyLinkField label={t('registration.keepLink.label')} url={url} describedBy={warningId} />
      <button type="button" className="button" onClick={onDismiss}>
        {t('registration.keepLink.dismiss')}
      </button>
    </section>
  );
}
