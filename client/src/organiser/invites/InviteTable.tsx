import { useTranslation } from 'react-i18next';
import type { Invite } from '@draftroom/shared';
import { formatInstant, formatNumber } from '../formatting.ts';
import { inviteStatus } from '../inviteForm.ts';
import { useNow } from '../../ui/useNow.ts';
import { RevokeInviteButton } from './RevokeInviteButton.tsx';

interface InviteTableProps {
  invites: readonly Invite[];
  timeZone: string;
  onRevoked: (message: string) => void;
}

/** Every invite link of the event (without its token), newest first, and whether it still works. */
export function InviteTable({ invites, timeZone, onRevoked }: InviteTableProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const now = useNow();
  if (invites.length === 0) {
    return <p className="empty-state">{t('organiser.invites.empty')}</p>;
  }
  const sorted = [...invites].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <div className="org-table-scroll">
      <table className="org-data-table">
        <caption>{t('organiser.invites.tableCaption', { timeZone })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('organiser.invites.label')}</th>
            <th scope="col">{t('organiser.invites.role')}</th>
            <th scope="col">{t('organiser.invites.reaches')}</th>
            <th scope="col">{t('organiser.invites.uses')}</th>
            <th scope="col">{t('organiser.invites.expires')}</th>
            <th scope="col">{t('organiser.invites.status')}</th>
            <th scope="col">{t('organiser.common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((invite) => {
            const status = inviteStatus(invite, now);
            return (
              <tr key={invite.id}>
                <th scope="row">
                  <bdi>
                    {invite.label || (
                      <span className="muted">{t('organiser.invites.noLabel')}</span>
                    )}
                  </bdi>
                  {invite.personId && (
                    <span className="org-data-table__sub">{t('organiser.invites.personal')}</span>
                  )}
                </th>
                <td>{t(`organiser.roles.${invite.role}`)}</td>
                <td>
                  <bdi>{invite.scopeName}</bdi>
                  <span className="org-data-table__sub">
                    {t(`organiser.scopes.${invite.scope.type}`)}
                  </span>
                </td>
                <td className="org-nowrap">
                  {t('organiser.invites.usesValue', {
                    uses: formatNumber(invite.uses, locale),
                    max: formatNumber(invite.maxUses, locale),
                  })}
                </td>
                <td>{formatInstant(invite.expiresAt, locale, timeZone)}</td>
                <td>
                  <span className={`org-tag org-tag--${status}`}>
                    {t(`organiser.inviteStatus.${status}`)}
                  </span>
                </td>
                <td>
                  {!invite.revoked && <RevokeInviteButton invite={invite} onRevoked={onRevoked} />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
