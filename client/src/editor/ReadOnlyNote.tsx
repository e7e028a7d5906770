import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PermissionChangeReason } from '@draftroom/shared';

/**
 * "You can read this guide but not change it" (or, when that changed while it was open, why),
 * visible and announced. The text is filled in just
 * after the (empty) status region appears: screen readers announce changes to a live region, not
 * what it already held when it was added to the page.
 */
export function ReadOnlyNote({
  id,
  changedBecause = null,
  locked = false,
  published = false,
  viewOnly = false,
}: {
  /** This page chose to view the guide read-only (the person could write). */
  viewOnly?: boolean;
  id: string;
  /** The guide is locked: that, not the person's role, is why they read it. */
  locked?: boolean;
  /** The guide is published: only the organisers change it now (said before a lock). */
  published?: boolean;
  /** Set when the person could write when they opened the guide: says why they no longer can. */
  changedBecause?: Exclude<PermissionChangeReason, 'current'> | null;
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), 100);
    return () => clearTimeout(timer);
  }, []);
  return (
    <p id={id} className="read-only-note" role="status" data-testid="read-only-note">
      {shown
        ? changedBecause
          ? t(`editor.nowReadOnly.${changedBecause}`)
          : viewOnly
            ? t('editor.readOnlyViewing')
            : published
              ? t('editor.readOnlyPublished')
              : locked
                ? t('editor.readOnlyLocked')
                : t('editor.readOnly')
        : ''}
    </p>
  );
}
