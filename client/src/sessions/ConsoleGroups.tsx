import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionConsole } from '@draftroom/shared';

/** Every group of the session: who has its guide open, words written, locked or not. */
export function ConsoleGroups({ groups }: { groups: SessionConsole['groups'] }) {
  const { t, i18n } = useTranslation();
  const numbers = new Intl.NumberFormat(i18n.language);
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  return (
    <section aria-labelledby="console-groups">
      <h2 id="console-groups">{t('console.groupsHeading')}</h2>
      {groups.length === 0 ? (
        <p className="empty-state">{t('session.noGroups')}</p>
      ) : (
        <table className="console-groups" data-testid="console-groups">
          <thead>
            <tr>
              <th scope="col">{t('console.group')}</th>
              <th scope="col">{t('console.online')}</th>
              <th scope="col">{t('console.words')}</th>
              <th scope="col">{t('console.state')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={group.groupId} data-testid="console-group">
                <th scope="row">
                  <Link to={`/g/${encodeURIComponent(group.guideId)}`}>
                    <bdi>{group.name}</bdi>
                  </Link>
                </th>
                <td data-testid="console-online">
                  {t('console.onlineCount', { count: group.online.length })}
                  {group.online.length > 0 && (
                    <span className="muted">
                      {' '}
                      (<bdi>{list.format(group.online)}</bdi>)
                    </span>
                  )}
                </td>
                <td className="console-groups__number">{numbers.format(group.words)}</td>
                <td>{group.locked ? t('session.locked') : t('console.open')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
