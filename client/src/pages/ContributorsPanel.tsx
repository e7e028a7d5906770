import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideContributors } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { useResource } from '../api/useResource.ts';
import { countryName } from '../countries/countryNames.ts';
import { ResourceState } from '../ui/ResourceState.tsx';

/**
 * "Who wrote this guide", per parliament and per person, from what the server recorded with
 * every stored change (the person signed in on the socket, never a name typed into the text).
 * Folded by default and loaded when opened, so the page does not ask until someone wants it.
 */
export function ContributorsPanel({ guideId }: { guideId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details
      className="contributors"
      onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>
        <h2 className="panel-heading contributors__heading">{t('contributors.heading')}</h2>
      </summary>
      {open && <ContributorsList guideId={guideId} />}
    </details>
  );
}

function ContributorsList({ guideId }: { guideId: string }) {
  const { t, i18n } = useTranslation();
  const load = useCallback(
    (signal: AbortSignal) => callApi('guideContributors', { params: { guideId }, signal }),
    [guideId],
  );
  const { state, reload, refresh } = useResource<GuideContributors>(load);
  if (state.status !== 'ready') return <ResourceState resource={state} onRetry={reload} />;
  const { people, parliaments } = state.data;
  return (
    <div className="contributors__body" data-testid="contributors">
      {people.length === 0 ? (
        <p className="muted">{t('contributors.none')}</p>
      ) : (
        <>
          <h3 className="contributors__subheading">{t('contributors.byParliament')}</h3>
          <ul className="contributors__list">
            {parliaments.map((parliament) => (
              <li key={`${parliament.country} ${parliament.parliament}`}>
                <bdi dir="auto">{parliament.parliament}</bdi>
                {' · '}
                {countryName(parliament.country, i18n.language)}
                <span className="contributors__meta muted">
                  {t('contributors.people', { count: parliament.people })}
                  {' · '}
                  {t('contributors.changes', { count: parliament.changes })}
                </span>
              </li>
            ))}
          </ul>
          <h3 className="contributors__subheading">{t('contributors.byPerson')}</h3>
          <ul className="contributors__list" data-testid="contributors-people">
            {people.map((person) => (
              <li key={person.personId} data-testid="contributor">
                <bdi dir="auto" className="contributors__name">
                  {person.name ?? t('contributors.formerMember')}
                </bdi>
                <span className="contributors__meta muted">
                  {person.parliament && (
                    <>
                      <bdi dir="auto">{person.parliament}</bdi>
                      {' · '}
                    </>
                  )}
                  {t('contributors.changes', { count: person.changes })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" className="button button--small" onClick={refresh}>
        {t('contributors.refresh')}
      </button>
    </div>
  );
}
