import { useTranslation } from 'react-i18next';
import type { Person } from '@draftroom/shared';
import { countryName, formatNumber } from '../formatting.ts';
import { workingLanguageName } from '../languages.ts';
import { ParliamentConfirmation } from './ParliamentConfirmation.tsx';
import { PersonLinkButton } from './PersonLinkButton.tsx';
import { RevokeSignInsButton } from './RevokeSignInsButton.tsx';
import { RoleEditor } from './RoleEditor.tsx';
import { PersonGroups } from './PersonGroups.tsx';

interface PeopleTableProps {
  people: readonly Person[];
  total: number;
  myId: string;
  groupNames: ReadonlyMap<string, string>;
  onChanged: (message: string) => void;
}

export function PeopleTable({ people, total, myId, groupNames, onChanged }: PeopleTableProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const sorted = [...people].sort((a, b) => a.displayName.localeCompare(b.displayName, locale));
  return (
    <div className="org-table-scroll">
      <table className="org-data-table">
        <caption>
          {t('organiser.people.caption', {
            shown: formatNumber(people.length, locale),
            total: formatNumber(total, locale),
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('organiser.people.name')}</th>
            <th scope="col">{t('organiser.people.parliamentCountry')}</th>
            <th scope="col">{t('organiser.people.role')}</th>
            <th scope="col">{t('organiser.people.groups')}</th>
            <th scope="col">{t('organiser.people.language')}</th>
            <th scope="col">{t('organiser.common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((person) => (
            <tr key={person.id}>
              <th scope="row">
                <bdi>{person.displayName}</bdi>
                {person.id === myId && <span className="muted"> {t('organiser.people.you')}</span>}
                {person.email && (
                  <span className="org-data-table__sub" dir="ltr">
                    {person.email}
                  </span>
                )}
              </th>
              <td>
                <bdi>{person.parliament}</bdi>
                <span className="org-data-table__sub">{countryName(person.country, locale)}</span>
                <ParliamentConfirmation person={person} onChanged={onChanged} />
              </td>
              <td>
                {person.id === myId ? (
                  t(`organiser.roles.${person.role}`)
                ) : (
                  <RoleEditor person={person} onChanged={onChanged} />
                )}
              </td>
              <td>
                <PersonGroups groupIds={person.groupIds} groupNames={groupNames} />
              </td>
              <td>{workingLanguageName(person.preferredLanguage, locale, { standalone: true })}</td>
              <td>
                {person.id !== myId && (
                  <div className="org-row-actions org-row-actions--stacked">
                    <PersonLinkButton person={person} />
                    <RevokeSignInsButton person={person} onRevoked={onChanged} />
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
