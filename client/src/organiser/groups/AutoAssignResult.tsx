import { useTranslation } from 'react-i18next';
import type { AutoAssignSummary } from '../membership.ts';

/**
 * Who the balancing placed where, and who it could not place (and why). The one-line outcome is
 * announced by the panel; these tables are there to read, not to be read out unasked.
 */
export function AutoAssignResult({ summary }: { summary: AutoAssignSummary }) {
  const { t } = useTranslation();
  return (
    <div className="org-auto-assign__result">
      {summary.placed.length > 0 && (
        <div className="org-table-scroll">
          <table className="org-data-table">
            <caption>{t('organiser.autoAssign.placedCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('organiser.people.name')}</th>
                <th scope="col">{t('organiser.autoAssign.group')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.placed.map((row) => (
                <tr key={row.personId}>
                  <th scope="row">
                    <bdi>{row.name}</bdi>
                  </th>
                  <td>
                    <bdi>{row.groupName}</bdi>
                    {row.languageMismatch && (
                      <>
                        {' '}
                        <span className="org-tag org-tag--warning">
                          {t('organiser.autoAssign.languageMismatch')}
                        </span>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {summary.unplaced.length > 0 && (
        <div className="notice org-notice--warning">
          <p>{t('organiser.autoAssign.unplacedIntro')}</p>
          <ul>
            {summary.unplaced.map((row) => (
              <li key={row.personId}>
                <bdi>{row.name}</bdi>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
