import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '@draftroom/shared';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { importRequest, type ImportRole } from '../importReport.ts';
import { useOrganiser } from '../OrganiserContext.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { groupLabels, useAllGroups } from '../useAllGroups.ts';
import { callApi } from '../../api/callApi.ts';
import { CsvInput } from './CsvInput.tsx';
import { ImportDone } from './ImportDone.tsx';
import { ImportReportView } from './ImportReportView.tsx';

/** What was checked, exactly as sent: the real import must send the same. */
interface Checked {
  csv: string;
  role: ImportRole;
  report: ImportReport;
}

/**
 * `/organise/import`: registrations from a CSV file, in two steps. A dry run reports on every row
 * and writes nothing; only a clean report offers "Import", which sends the very text checked.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const { programme } = useOrganiser();
  const columnsId = useId();
  const reportRef = useRef<HTMLDivElement>(null);
  const [csv, setCsv] = useState('');
  const [role, setRole] = useState<ImportRole>('participant');
  const [checked, setChecked] = useState<Checked | null>(null);
  const [imported, setImported] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { state: allGroups } = useAllGroups(programme.sessions);
  const groupNames =
    allGroups.status === 'ready' ? groupLabels(allGroups.data) : new Map<string, string>();
  useDocumentTitle(t('organiser.import.title'));

  const edit = (next: { csv?: string; role?: ImportRole }) => {
    if (next.csv !== undefined) setCsv(next.csv);
    if (next.role !== undefined) setRole(next.role);
    // The report described the old text; it must not be imported for the new one.
    setChecked(null);
    setError(null);
  };

  const run = async (step: 'check' | 'import') => {
    if (busy) return;
    setBusy(step);
    setError(null);
    try {
      if (step === 'check') {
        const report = await callApi('importPeople', { body: importRequest({ csv, role }, true) });
        setChecked({ csv, role, report });
      } else if (checked) {
        const report = await callApi('importPeople', { body: importRequest(checked, false) });
        if (report.valid) setImported(report);
        // Someone else changed the data between the two steps: show the new report instead.
        else setChecked({ ...checked, report });
      }
      requestAnimationFrame(() => reportRef.current?.focus());
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  if (imported) {
    return (
      <div className="organiser-page">
        <h1>{t('organiser.import.title')}</h1>
        <ImportDone
          report={imported}
          groupNames={groupNames}
          onAgain={() => {
            setImported(null);
            edit({ csv: '' });
          }}
        />
      </div>
    );
  }

  return (
    <div className="organiser-page">
      <h1>{t('organiser.import.title')}</h1>
      <p className="lead">{t('organiser.import.intro')}</p>
      <section className="card" aria-labelledby={columnsId}>
        <h2 id={columnsId} className="card__title">
          {t('organiser.import.columnsHeading')}
        </h2>
        <p>{t('organiser.import.columns')}</p>
        <pre className="org-csv-sample" dir="ltr" lang="en">
          {'name,parliament,country,email,language,group\n' +
            'Amina Odhiambo,National Assembly of Kenya,KE,amina@parliament.example,en,Group A\n' +
            'Jean Dupont,Assemblée nationale,FR,,fr,'}
        </pre>
      </section>
      <CsvInput
        csv={csv}
        role={role}
        busy={busy === 'check'}
        onChange={edit}
        onCheck={() => void run('check')}
      />
      {error !== null && <ErrorNotice error={error} />}
      <div ref={reportRef} tabIndex={-1} className="org-import-report">
        {checked && (
          <ImportReportView
            report={checked.report}
            groupNames={groupNames}
            busy={busy === 'import'}
            onImport={() => void run('import')}
          />
        )}
      </div>
    </div>
  );
}
