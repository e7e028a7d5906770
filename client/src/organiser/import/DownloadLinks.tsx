import { useTranslation } from 'react-i18next';
import type { ImportReport } from '@draftroom/shared';
import { signInLinksCsv } from '../importReport.ts';

interface DownloadLinksProps {
  created: ImportReport['created'];
  linkFor: (joinPath: string) => string;
}

/** Every new person's link in one CSV file, ready for a mail merge. */
export function DownloadLinks({ created, linkFor }: DownloadLinksProps) {
  const { t } = useTranslation();
  const download = () => {
    // The byte-order mark makes spreadsheet programs read the file as UTF-8 (Arabic, accents).
    const blob = new Blob(['\uFEFF', signInLinksCsv(created, linkFor)], {
      type: 'text/csv;charset=utf-8',
    });
    const url = URL.createObjectURL(blob);
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = 'draftroom-sign-in-links.csv';
    anchor.click();
    // Revoked on the next turn: the download has started by then.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <p>
      <button type="button" className="button button--primary" onClick={download}>
        {t('organiser.import.downloadLinks')}
      </button>
    </p>
  );
}
