import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Delegate, Delegation, DelegationLink } from '@draftroom/shared';
import { callApi } from '../../api/callApi.ts';
import { countryName } from '../../countries/countryNames.ts';
import { formatDateTime } from '../../format/dates.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { DelegateTable, type Decision } from './DelegateTable.tsx';
import { ReopenDelegation } from './ReopenDelegation.tsx';

interface DelegationCardProps {
  delegation: Delegation;
  /** The delegates the filters leave. */
  delegates: readonly Delegate[];
  mailConfigured: boolean;
  timeZone: string;
  deciding: boolean;
  onDecide: (delegate: Delegate, decision: Decision) => void;
  onChanged: (message: string | null) => void;
  onNewLink: (delegation: Delegation, link: DelegationLink) => void;
}

/** One parliament: its focal point, its link and reopening, and its delegates. */
export function DelegationCard({
  delegation,
  delegates,
  mailConfigured,
  timeZone,
  deciding,
  onDecide,
  onChanged,
  onNewLink,
}: DelegationCardProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [linkBusy, setLinkBusy] = useState(false);
  const [linkError, setLinkError] = useState<unknown>(null);

  const newLink = async () => {
    if (linkBusy) return;
    setLinkBusy(true);
    setLinkError(null);
    try {
      onNewLink(
        delegation,
        await callApi('delegationLink', { params: { delegationId: delegation.id } }),
      );
    } catch (caught) {
      setLinkError(caught);
    } finally {
      setLinkBusy(false);
    }
  };

  return (
    <section className="card registration-delegation" aria-labelledby={headingId}>
      <h3 id={headingId} className="card__title">
        <bdi>{delegation.parliament}</bdi>
      </h3>
      <p className="registration-delegation__facts">
        {countryName(delegation.country, i18n.language)}
        {' · '}
        {t(`registration.regions.${delegation.region ?? 'unknown'}`)}
        {' · '}
        <span className="org-tag org-tag--quiet">
          {t(`registration.source.${delegation.source}`)}
        </span>
      </p>
      <p>
        {t('registration.readOnly.focalPoint')} <bdi>{delegation.focalPoint.name}</bdi> (
        <span dir="ltr">{delegation.focalPoint.email}</span>)
      </p>
      <p className="muted">
        {delegation.submittedAt
          ? t('registration.delegation.submitted', {
              date: formatDateTime(delegation.submittedAt, i18n.language, timeZone),
            })
          : t('registration.delegation.notSubmitted')}
      </p>
      {delegates.length === 0 ? (
        <p className="muted">{t('registration.delegation.noDelegates')}</p>
      ) : (
        <DelegateTable
          parliament={delegation.parliament}
          delegates={delegates}
          mailConfigured={mailConfigured}
          timeZone={timeZone}
          busy={deciding}
          onDecide={onDecide}
          onResent={() => onChanged(null)}
        />
      )}
      <details className="registration-delegation__more">
        <summary>{t('registration.delegation.linkAndReopen')}</summary>
        <div className="org-row-actions">
          <button
            type="button"
            className="button button--small"
            aria-disabled={linkBusy}
            onClick={() => void newLink()}
          >
            {t('registration.delegation.newLink')}
            <span className="visually-hidden">
              {' '}
              <bdi>{delegation.parliament}</bdi>
            </span>
          </button>
          <span className="field__hint">{t('registration.delegation.newLinkHint')}</span>
        </div>
        {linkError !== null && <ErrorNotice error={linkError} />}
        <ReopenDelegation
          delegation={delegation}
          timeZone={timeZone}
          onChanged={(_updated, message) => onChanged(message)}
        />
      </details>
    </section>
  );
}
