import { useTranslation } from 'react-i18next';
import { InlineList } from '../../ui/InlineList.tsx';

interface PersonGroupsProps {
  groupIds: readonly string[];
  /** Group id → name (`groupLabels`); a group missing from it was removed meanwhile. */
  groupNames: ReadonlyMap<string, string>;
}

/** The groups someone is in, as a list in the interface's language, or "No group". */
export function PersonGroups({ groupIds, groupNames }: PersonGroupsProps) {
  const { t } = useTranslation();
  if (groupIds.length === 0) return <span className="muted">{t('organiser.people.noGroup')}</span>;
  return (
    <InlineList
      items={groupIds.map((id) => {
        const name = groupNames.get(id) ?? t('organiser.people.unknownGroup');
        return { key: id, text: name, node: <bdi>{name}</bdi> };
      })}
    />
  );
}
