import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../format/text.ts';
import type { ImportReport } from '@draftroom/shared';
import { formatNumber } from '../formatting.ts';
import { summariseImport } from '../importReport.ts';

interface ImportReportViewProps {
  report: ImportReport;
  groupNames: ReadonlyMap<string, string>;
  busy: boolean;
  onImport: () => void;
}

/**
 * The dry run's verdict: problems with the file as a whole first, then a row per line with each
 * problem and its column. The server's messages are English, and marked so for screen readers.
 */
export function ImportReportView({ report, groupNames, busy, onImport }: ImportReportViewProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const summary = summariseImport(report);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('organiser.import.reportHeading')}</h2>
      <p
        role="status"
        className={summary.canImport ? 'notice org-notice--success' : 'notice notice--error'}
      >
        {summary.canImport
          ? t('organiser.import.allValid', { count: summary.rows })
          : t('organiser.import.someInvalid', {
              rows: summary.rows,
              invalid: summary.invalidRows,
            })}
      </p>
      {report.fileErrors.length > 0 && (
        <div className="notice notice--error">
          <p>{t('organiser.import.fileErrors')}</p>
          <ul>
            {report.fileErrors.map((problem) => (
              <li key={problem.code}>
                {t(`organiser.import.fileProblems.${problem.code}`, pluralParams(problem.params))}
              </li>
            ))}
          </ul>
        </div>
      )}
      {report.rows.length > 0 && (
        <div className="org-table-scroll">
          <table className="org-data-table">
            <caption>{t('organiser.import.rowsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('organiser.import.line')}</th>
                <th scope="col">{t('organiser.people.name')}</th>
                <th scope="col">{t('organiser.import.status')}</th>
                <th scope="col">{t('organiser.import.details')}</th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((row) => (
                <tr
                  key={row.line}
                  className={row.errors.length > 0 ? 'org-data-table__row--error' : undefined}
                >
                  <td>{formatNumber(row.line, locale)}</td>
                  <th scope="row">
                    {row.name ? (
                      <bdi>{row.name}</bdi>
                    ) : (
                      <span className="muted">{t('organiser.import.noName')}</span>
                    )}
                  </th>
                  <td>
                    {row.errors.length === 0 ? (
                      <span className="org-tag org-tag--active">
                        {t('organiser.import.rowValid')}
                      </span>
                    ) : (
                      <span className="org-tag org-tag--error">
                        {t('organiser.import.rowInvalid')}
                      </span>
                    )}
                  </td>
                  <td>
                    {row.errors.length > 0 ? (
                      <ul className="org-error-list">
                        {row.errors.map((error, index) => (
                          <li key={index}>
                            <code>{error.column}</code>{' '}
                            {t(
                              `organiser.import.problems.${error.code}`,
                              pluralParams(error.params),
                            )}
                          </li>
                        ))}
                      </ul>
                    ) : row.groupId ? (
                      <span>
                        {t('organiser.import.joinsGroup')}{' '}
                        <bdi>
                          {groupNames.get(row.groupId) ?? t('organiser.people.unknownGroup')}
                        </bdi>
                      </span>
                    ) : (
                      <span className="muted">{t('organiser.import.noGroup')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {summary.canImport ? (
        <div className="org-import-confirm">
          <p>{t('organiser.import.nothingYet')}</p>
          <button
            type="button"
            className="button button--primary"
            aria-disabled={busy}
            onClick={onImport}
          >
            {busy
              ? t('organiser.import.importing')
              : t('organiser.import.import', { count: summary.rows })}
          </button>
        </div>
      ) : (
        <p>{t('organiser.import.fixAndRetry')}</p>
      )}
    </section>
  );
}

/**
 * The file's own text (a cell's value, column names) keeps its direction inside a translated
 * sentence; numbers go through as numbers so `{{n, number}}` formats them for the locale.
 */
function isolateParams(params: Record<string, string | number>): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [
      key,
      typeof value === 'string' ? isolate(value) : value,
    ]),
  );
}

/**
 * A problem's parameters for `t`: the number its noun agrees with becomes `count`, so i18next
 * picks the plural form ("1 character", Arabic's six forms); that is `count` itself when the
 * server sends one, else the limit (`max`) the message names.
 */
function pluralParams(params: Record<string, string | number>): Record<string, string | number> {
  const count = params.count ?? params.max;
  const isolated = isolateParams(params);
  return typeof count === 'number' ? { ...isolated, count } : isolated;
}
