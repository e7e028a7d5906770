import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadApi } from '../api/callApi.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { StatusMessage } from '../ui/StatusMessage.tsx';
import { useAnnouncedAction } from '../ui/useAnnouncedAction.ts';
import { defaultExportChoice, ExportOptionsFields } from './ExportOptionsFields.tsx';
import { exportLocale } from './exportLocale.ts';

const nothingToReload = () => undefined;

/**
 * "Export" beside the guide: the guide as a DOCX, PDF, HTML or Markdown file, written by the
 * server from what it stores (never this browser's copy). Folded by default, like the other
 * sections of the panel; the words around the guide follow the reader's language.
 */
export function GuideExportPanel({ guideId }: { guideId: string }) {
  const { t, i18n } = useTranslation();
  const [choice, setChoice] = useState(defaultExportChoice);
  const { status, busy, error, run } = useAnnouncedAction(nothingToReload);
  const download = () =>
    run(async () => {
      const filename = await downloadApi('exportGuide', {
        params: { guideId },
        query: { ...choice, locale: exportLocale(i18n.language) },
      });
      return t('exports.downloaded', { filename });
    });

  return (
    <details className="export-panel" data-testid="guide-export">
      <summary>
        <h2 className="panel-heading export-panel__heading">{t('exports.heading')}</h2>
      </summary>
      <form
        className="export-panel__body"
        onSubmit={(event) => {
          event.preventDefault();
          void download();
        }}
      >
        <ExportOptionsFields choice={choice} onChange={setChoice} />
        <button type="submit" className="button button--small" aria-disabled={busy}>
          {busy ? t('exports.preparing') : t('exports.download')}
        </button>
        {error !== null && <ErrorNotice error={error} />}
        <StatusMessage message={status.message} id={status.id} />
      </form>
    </details>
  );
}
