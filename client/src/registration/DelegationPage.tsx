import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { DelegationForm } from '@draftroom/shared';
import { countryName } from '../countries/countryNames.ts';
import { ClosedNotice } from './ClosedNotice.tsx';
import { DeadlineNote } from './DeadlineNote.tsx';
import { DelegationEditor } from './DelegationEditor.tsx';
import { DelegationReadOnly } from './DelegationReadOnly.tsx';
import { KeepLinkNotice } from './KeepLinkNotice.tsx';
import { isNewDelegationState, registrationUrl } from './registrationLinks.ts';

interface DelegationPageProps {
  token: string;
  form: DelegationForm;
  /** Loads the delegation again, keeping this page on screen meanwhile. */
  refresh: () => void;
}

/**
 * The delegation as its focal point sees it: the event and deadline, then the form while the
 * link takes changes, or why it does not (and whom to write to) with the delegation read-only.
 */
export function DelegationPage({ token, form, refresh }: DelegationPageProps) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const closedRef = useRef<HTMLDivElement>(null);
  // A save refused as closed: the notice shows at once, until the reload brings the server's view
  // (a new `form`), which then decides.
  const [refusedWith, setRefusedWith] = useState<DelegationForm | null>(null);
  const refusedAsClosed = refusedWith === form;
  const closedReason = form.closedReason ?? (refusedAsClosed ? 'deadline_passed' : null);
  const justStarted = isNewDelegationState(location.state);

  useEffect(() => {
    if (refusedWith) closedRef.current?.focus();
  }, [refusedWith]);

  return (
    <div className="page registration-page">
      <p className="kicker">
        <bdi>{form.eventName}</bdi>
      </p>
      <h1>{t('registration.focal.title')}</h1>
      {justStarted && (
        <KeepLinkNotice
          url={registrationUrl(window.location.origin, location.pathname)}
          onDismiss={() => void navigate(location.pathname, { replace: true, state: null })}
        />
      )}
      <dl className="registration-facts">
        <div>
          <dt>{t('registration.focal.parliament')}</dt>
          <dd>
            <bdi>{form.parliament}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t('registration.focal.country')}</dt>
          <dd>{countryName(form.country, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('registration.focal.focalPoint')}</dt>
          <dd>
            <bdi>{form.focalPoint.name}</bdi>
          </dd>
        </div>
      </dl>
      {closedReason === null ? (
        <>
          <DeadlineNote deadline={form.deadline} timeZone={form.timeZone} />
          <p>{t('registration.focal.intro')}</p>
          <DelegationEditor
            // A new editor when the server's delegation changes under it (a reload), not per save.
            key={token}
            token={token}
            form={form}
            onSaved={refresh}
            onClosed={() => {
              setRefusedWith(form);
              refresh();
            }}
          />
        </>
      ) : (
        <>
          <ClosedNotice
            ref={closedRef}
            reason={closedReason}
            // Refused before the reload told us when it closed: no date rather than a stale one.
            deadline={form.closedReason ? form.deadline : null}
            timeZone={form.timeZone}
            contactEmail={form.contactEmail}
          />
          <DelegationReadOnly form={form} />
        </>
      )}
    </div>
  );
}
