import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { matchesQuery } from '../membership.ts';
import { useOrganiser } from '../OrganiserContext.ts';
import { ResourceState } from '../../ui/ResourceState.tsx';
import { StatusMessage } from '../../ui/StatusMessage.tsx';
import { useStatus } from '../../ui/useStatus.ts';
import { groupLabels, useAllGroups } from '../useAllGroups.ts';
import { useResource } from '../../api/useResource.ts';
import { loadPeople } from '../../api/loaders.ts';
import { PeopleTable } from './PeopleTable.tsx';
import { SearchField } from '../../ui/fields/SearchField.tsx';

/** `/organise/people`: everyone in the event, their role and groups; change a role, end sign-ins. */
export function PeoplePage() {
  const { t } = useTranslation();
  const { me, programme } = useOrganiser();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [query, setQuery] = useState('');
  const { status, announce } = useStatus();
  const { state: people, refresh: reload } = useResource(loadPeople);
  const { state: allGroups } = useAllGroups(programme.sessions);
  useDocumentTitle(t('organiser.people.title'));

  return (
    <div className="organiser-page">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('organiser.people.title')}
      </h1>
      <p className="lead">
        {t('organiser.people.intro')}{' '}
        <Link to="/organise/import">{t('organiser.people.importLink')}</Link>
      </p>
      <StatusMessage message={status.message} id={status.id} />
      {people.status !== 'ready' ? (
        <ResourceState resource={people} onRetry={reload} />
      ) : (
        <>
          <SearchField label={t('organiser.people.search')} value={query} onChange={setQuery} />
          <PeopleTable
            people={people.data.filter((person) => matchesQuery(person, query))}
            total={people.data.length}
            myId={me.person.id}
            groupNames={allGroups.status === 'ready' ? groupLabels(allGroups.data) : new Map()}
            onChanged={(message) => {
              reload();
              announce(message);
            }}
          />
        </>
      )}
    </div>
  );
}
