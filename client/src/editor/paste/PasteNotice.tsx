import { useTranslation } from 'react-i18next';

/**
 * "Part of what you pasted could not be kept": a status region that is always on the page (empty
 * until needed), so screen readers announce the message when it appears.
 */
export function PasteNotice({ dropped, onDismiss }: { dropped: number; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="status" className="paste-notice" data-testid="paste-dropped">
      {dropped > 0 && (
        <div className="notice">
          <p>{t('editor.pasteDropped', { count: dropped })}</p>
          <button type="button" className="button" onClick={onDismiss}>
            {t('editor.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
