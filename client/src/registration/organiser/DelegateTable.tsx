import { useTranslation } from 'react-i18next';
import type { Delegate, DelegateStatus } from '@draftroom/shared';
import { workingLanguageName } from '../../organiser/languages.ts';
import { DelegateMailCell } from './DelegateMailCell.tsx';

export type Decision = 'approve' | 'decline';

interface DelegateTableProps {
  parliament: string;
  delegates: readonly Delegate[];
  mailConfigured: boolean;
  timeZone: string;
  busy: boolean;
  onDecide: (delegate: Delegate, decision: Decision) => void;
  onResent: (delegate: Delegate) => void;
}

/** What an organiser may decide for a delegate now (an approval is undone by removing them). */
function decisionsFor(status: DelegateStatus): Decision[] {
  if (status === 'pending') return ['approve', 'decline'];
  if (status === 'declined') return ['approve'];
  return [];
}

const statusTag: Record<DelegateStatus, string> = {
  pending: 'org-tag org-tag--warning',
  approved: 'org-tag org-tag--active',
  declined: 'org-tag org-tag--quiet',
};

/** One parliament's delegates: who they are, what interests them, the decision and the email. */
export function DelegateTable({
  parliament,
  delegates,
  mailConfigured,
  timeZone,
  busy,
  onDecide,
  onResent,
}: DelegateTableProps) {
  const { t, i18n } = useTranslation();
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  return (
    <div className="org-table-scroll">
      <table className="org-data-table registration-table">
        <caption className="visually-hidden">
          {t('registration.table.caption', { parliament })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('registration.table.delegate')}</th>
            <th scope="col">{t('registration.table.interests')}</th>
            <th scope="col">{t('registration.table.status')}</th>
            <th scope="col">{t('registration.table.mail')}</th>
            <th scope="col">{t('organiser.common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {delegates.map((delegate) => (
            <tr key={delegate.id} data-testid="registration-delegate">
              <th scope="row">
                <bdi>{delegate.name}</bdi>
                {delegate.function !== '' && (
                  <span className="org-data-table__sub" dir="auto">
                    {delegate.function}
                  </span>
                )}
                <span className="org-data-table__sub" dir="ltr">
                  {delegate.email}
                </span>
              </th>
              <td>
                {list.format(
                  delegate.workingLanguages.map((code) => workingLanguageName(code, i18n.language)),
                )}
                {delegate.audiences.length > 0 && (
                  <span className="org-data-table__sub">
                    {list.format(delegate.audiences.map((tag) => t(`audience.${tag}`)))}
                  </span>
                )}
              </td>
              <td>
                <span className={statusTag[delegate.status]}>
                  {t(`registration.delegate.status.${delegate.status}`)}
                </span>
              </td>
              <td>
                <DelegateMailCell
                  delegate={delegate}
                  mailConfigured={mailConfigured}
                  timeZone={timeZone}
                  onResent={onResent}
                />
              </td>
              <td>
                <div className="org-row-actions">
                  {decisionsFor(delegate.status).map((decision) => (
                    <button
                      key={decision}
                      type="button"
                      className={
                        decision === 'approve'
                          ? 'button button--small'
                          : 'button button--small org-button--danger-quiet'
                      }
                      aria-disabled={busy}
                      onClick={() => {
                        if (!busy) onDecide(delegate, decision);
                      }}
                    >
                      {t(`registration.decide.${decision}`)}
                      <span className="visually-hidden">
                        {' '}
                        <bdi>{delegate.name}</bdi>
                      </span>
                    </button>
                  ))}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
