import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '@draftroom/shared';
import { countryName } from '../formatting.ts';
import { workingLanguageName } from '../languages.ts';

interface UnassignedTableProps {
  caption: string;
  shown: readonly Person[];
  /** A role column, for the list of facilitators and observers. */
  showRole?: boolean;
  selected: ReadonlySet<string>;
  onToggle: (personId: string, checked: boolean) => void;
}

/** People not yet in a group, each with a checkbox labelled by their name. */
export function UnassignedTable({
  caption,
  shown,
  showRole = false,
  selected,
  onToggle,
}: UnassignedTableProps) {
  const { t, i18n } = useTranslation();
  const idPrefix = useId();
  const locale = i18n.language;
  return (
    <div className="org-table-scroll">
      <table className="org-data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('organiser.assign.select')}</span>
            </th>
            <th scope="col">{t('organiser.people.name')}</th>
            <th scope="col">{t('organiser.people.parliament')}</th>
            <th scope="col">{t('organiser.people.country')}</th>
            <th scope="col">{t('organiser.people.language')}</th>
            {showRole && <th scope="col">{t('organiser.people.role')}</th>}
          </tr>
        </thead>
        <tbody>
          {shown.map((person) => (
            <tr key={person.id}>
              <td>
                <input
                  type="checkbox"
                  id={`${idPrefix}-${person.id}`}
                  checked={selected.has(person.id)}
                  onChange={(event) => onToggle(person.id, event.target.checked)}
                />
              </td>
              <th scope="row">
                <label htmlFor={`${idPrefix}-${person.id}`}>
                  <bdi>{person.displayName}</bdi>
                </label>
              </th>
              <td>
                <bdi>{person.parliament}</bdi>
              </td>
              <td>{countryName(person.country, locale)}</td>
              <td>{workingLanguageName(person.preferredLanguage, locale, { standalone: true })}</td>
              {showRole && <td>{t(`organiser.roles.${person.role}`)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
