import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyLinkField } from './CopyLinkField.tsx';

/**
 * A link just made whose token the server keeps only as a hash (an invite, a focal point's
 * registration link): this is the one and only time it can be shown, so say so and make copying
 * it easy. Focus moves to the heading when it appears (`shown` changes), so keyboard and screen
 * reader users find it at once.
 */
export function ShownOnceLink({
  heading,
  warning,
  label,
  url,
  shown,
  onDismiss,
  testId,
}: {
  heading: string;
  warning: ReactNode;
  label: string;
  url: string;
  /** What was made: focus returns to the heading whenever it changes. */
  shown: unknown;
  onDismiss: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const warningId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, [shown]);

  return (
    <section className="card org-new-link" aria-labelledby={headingId} data-testid={testId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="card__title">
        {heading}
      </h2>
      <p className="notice org-notice--warning" id={warningId}>
        {warning}
      </p>
      <CopyLinkField label={label} url={url} describedBy={warningId} />
      <button type="button" className="button" onClick={onDismiss}>
        {t('organiser.invites.dismiss')}
      </button>
    </section>
  );
}
