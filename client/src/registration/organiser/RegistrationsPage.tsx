import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Delegate, RegistrationOverview } from '@draftroom/shared';
import { callApi, downloadApi } from '../../api/callApi.ts';
import { useResource } from '../../api/useResource.ts';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { useOrganiser } from '../../organiser/OrganiserContext.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { ResourceState } from '../../ui/ResourceState.tsx';
import { StatusMessage } from '../../ui/StatusMessage.tsx';
import { useStatus } from '../../ui/useStatus.ts';
import { DelegationCard } from './DelegationCard.tsx';
import type { Decision } from './DelegateTable.tsx';
import { InviteParliamentCard } from './InviteParliamentCard.tsx';
import { NewDelegationLink, type ShownLink } from './NewDelegationLink.tsx';
import { RegistrationCounts } from './RegistrationCounts.tsx';
import { RegistrationFilters } from './RegistrationFilters.tsx';
import { RegistrationSettingsCard } from './RegistrationSettingsCard.tsx';
import {
  countRegistrations,
  filterDelegations,
  noFilters,
  pendingDelegateIds,
  type RegistrationFilters as Filters,
} from './registrationView.ts';
import '../registration.css';

const loadOverview = (signal: AbortSignal): Promise<RegistrationOverview> =>
  callApi('registrationOverview', { signal });

/** Registrations arrive while the page is open: it looks again this often. */
const refreshEveryMs = 20_000;

/**
 * `/organise/registration`: open registration and set its deadline, invite parliaments (each
 * focal point's link shown once), and follow the delegations as they register: counts by
 * status, audience and region, approve or decline, the sign-in emails, and the CSV.
 */
export function RegistrationsPage() {
  const { t } = useTranslation();
  const { programme } = useOrganiser();
  const timeZone = programme.event.timeZone;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { status, announce } = useStatus();
  const { state, reload, refresh } = useResource(loadOverview);
  const [shownLink, setShownLink] = useState<ShownLink | null>(null);
  useDocumentTitle(t('registration.page.title'));

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') refresh();
    }, refreshEveryMs);
    return () => clearInterval(timer);
  }, [refresh]);

  return (
    <div className="organiser-page registration-admin">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('registration.page.title')}
      </h1>
      <p className="lead">{t('registration.page.intro')}</p>
      <StatusMessage message={status.message} id={status.id} />
      {shownLink && (
        <NewDelegationLink
          link={shownLink}
          onDismiss={() => {
            setShownLink(null);
            headingRef.current?.focus();
          }}
        />
      )}
      {state.status !== 'ready' ? (
        <ResourceState resource={state} onRetry={reload} />
      ) : (
        <>
          <RegistrationSettingsCard
            overview={state.data}
            timeZone={timeZone}
            onSaved={() => {
              announce(t('registration.settings.saved'));
              refresh();
            }}
          />
          <InviteParliamentCard
            onInvited={(created) => {
              setShownLink({
                parliament: created.delegation.parliament,
                registrationPath: created.registrationPath,
                replaced: false,
              });
              refresh();
            }}
          />
          <Registrations
            overview={state.data}
            timeZone={timeZone}
            announce={announce}
            refresh={refresh}
            onNewLink={(delegation, link) =>
              setShownLink({
                parliament: delegation.parliament,
                registrationPath: link.registrationPath,
                replaced: true,
              })
            }
          />
        </>
      )}
    </div>
  );
}

interface RegistrationsProps {
  overview: RegistrationOverview;
  timeZone: string;
  announce: (message: string | null) => void;
  refresh: () => void;
  onNewLink: Parameters<typeof DelegationCard>[0]['onNewLink'];
}

/** The delegations as they register, filtered and counted, with the decisions. */
function Registrations({ overview, timeZone, announce, refresh, onNewLink }: RegistrationsProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [deciding, setDeciding] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const shown = filterDelegations(overview.delegations, filters, i18n.language);
  const counts = countRegistrations(shown);
  const pending = pendingDelegateIds(shown);

  const decide = async (delegateIds: string[], decision: Decision, who: string | null) => {
    if (deciding || delegateIds.length === 0) return;
    setDeciding(true);
    setError(null);
    try {
      const { delegates } = await callApi('decideDelegates', { body: { delegateIds, decision } });
      announce(
        who
          ? t(`registration.decide.doneOne.${decision}`, { name: who })
          : t(`registration.decide.doneMany.${decision}`, { count: delegates.length }),
      );
      refresh();
    } catch (caught) {
      setError(caught);
    } finally {
      setDeciding(false);
    }
  };

  const download = async () => {
    setError(null);
    try {
      await downloadApi('exportRegistrations', { params: {} });
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section aria-labelledby={headingId} className="registration-list">
      <h2 id={headingId}>{t('registration.page.registrations')}</h2>
      {!overview.mailConfigured && (
        <p className="notice org-notice--warning">{t('registration.mail.notConfiguredNote')}</p>
      )}
      <div className="org-row-actions registration-toolbar">
        {pending.length > 0 && (
          <button
            type="button"
            className="button button--primary"
            aria-disabled={deciding}
            onClick={() => void decide(pending, 'approve', null)}
          >
            {t('registration.decide.approveAll', { count: pending.length })}
          </button>
        )}
        <button type="button" className="button" onClick={() => void download()}>
          {t('registration.page.downloadCsv')}
        </button>
      </div>
      {error !== null && <ErrorNotice error={error} />}
      <RegistrationFilters
        delegations={overview.delegations}
        filters={filters}
        onChange={setFilters}
      />
      <RegistrationCounts counts={counts} />
      {overview.delegations.length === 0 ? (
        <p className="muted">{t('registration.page.empty')}</p>
      ) : shown.length === 0 ? (
        <p className="muted">{t('registration.page.noneMatch')}</p>
      ) : (
        shown.map(({ delegation, delegates }) => (
          <DelegationCard
            key={delegation.id}
            delegation={delegation}
            delegates={delegates}
            mailConfigured={overview.mailConfigured}
            timeZone={timeZone}
            deciding={deciding}
            onDecide={(delegate: Delegate, decision) =>
              void decide([delegate.id], decision, delegate.name)
            }
            onChanged={(message) => {
              if (message) announce(message);
              refresh();
            }}
            onNewLink={onNewLink}
          />
        ))
      )}
    </section>
  );
}
