import { useTranslation } from 'react-i18next';
import type { BreakoutGroup } from '@draftroom/shared';
import { countryName } from '../formatting.ts';
import { MoveMember } from './MoveMember.tsx';
import { RemoveMemberButton } from './RemoveMemberButton.tsx';

interface MemberTableProps {
  group: BreakoutGroup;
  /** Groups a member may be moved to (those the viewer manages; this one is left out here). */
  moveTargets: readonly BreakoutGroup[];
  canManage: boolean;
  onChanged: (message: string) => void;
}

/** Who is in a group; its managers can move each person to another group or take them out. */
export function MemberTable({ group, moveTargets, canManage, onChanged }: MemberTableProps) {
  const { t, i18n } = useTranslation();
  if (group.members.length === 0) {
    return <p className="muted">{t('organiser.groups.noMembers')}</p>;
  }
  const others = moveTargets.filter((other) => other.id !== group.id);
  const members = [...group.members].sort((a, b) =>
    a.displayName.localeCompare(b.displayName, i18n.language),
  );
  return (
    <div className="org-table-scroll">
      <table className="org-data-table">
        <caption className="visually-hidden">
          {t('organiser.groups.membersCaption', { name: group.name })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('organiser.people.name')}</th>
            <th scope="col">{t('organiser.people.parliament')}</th>
            <th scope="col">{t('organiser.people.country')}</th>
            {canManage && <th scope="col">{t('organiser.common.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.id}>
              <th scope="row">
                <bdi>{member.displayName}</bdi>
                {member.role !== 'participant' && (
                  <span className="org-tag org-tag--quiet">
                    {t(`organiser.roles.${member.role}`)}
                  </span>
                )}
              </th>
              <td>
                <bdi>{member.parliament}</bdi>
              </td>
              <td>{countryName(member.country, i18n.language)}</td>
              {canManage && (
                <td>
                  <div className="org-row-actions">
                    {others.length > 0 && (
                      <MoveMember member={member} targets={others} onMoved={onChanged} />
                    )}
                    <RemoveMemberButton group={group} member={member} onRemoved={onChanged} />
                  </div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
