import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "You can read this guide but not change it", visible and announced. The text is filled in just
 * after the (empty) status region appears: screen readers announce changes to a live region, not
 * what it already held when it was added to the page.
 */
export function ReadOnlyNote({ id }: { id: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), 100);
    return () => clearTimeout(timer);
  }, []);
  return (
    <p id={id} className="read-only-note" role="status" data-testid="read-only-note">
      {shown ? t('editor.readOnly') : ''}
    </p>
  );
}
