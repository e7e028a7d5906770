import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedInvite } from '@draftroom/shared';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { useOrganiser } from '../OrganiserContext.ts';
import { ResourceState } from '../../ui/ResourceState.tsx';
import { StatusMessage } from '../../ui/StatusMessage.tsx';
import { useStatus } from '../../ui/useStatus.ts';
import { useAllGroups } from '../useAllGroups.ts';
import { useResource } from '../../api/useResource.ts';
import { loadInvites } from '../../api/loaders.ts';
import { InviteForm } from './InviteForm.tsx';
import { InviteTable } from './InviteTable.tsx';
import { NewInviteLink } from './NewInviteLink.tsx';

/** `/organise/invites`: make invite links (each shown once), see how they are used, revoke them. */
export function InvitesPage() {
  const { t } = useTranslation();
  const { programme } = useOrganiser();
  const formHeadingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { status, announce } = useStatus();
  const { state: invites, refresh: reload } = useResource(loadInvites);
  const { state: allGroups, refresh: reloadGroups } = useAllGroups(programme.sessions);
  const [created, setCreated] = useState<CreatedInvite | null>(null);
  // A new form after each link, so the next one starts from the defaults again.
  const [formKey, setFormKey] = useState(0);
  useDocumentTitle(t('organiser.invites.title'));

  return (
    <div className="organiser-page">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('organiser.invites.title')}
      </h1>
      <p className="lead">{t('organiser.invites.intro')}</p>
      <StatusMessage message={status.message} id={status.id} />
      {created && (
        <NewInviteLink
          created={created}
          onDismiss={() => {
            setCreated(null);
            headingRef.current?.focus();
          }}
        />
      )}
      <section className="card" aria-labelledby={formHeadingId}>
        <h2 id={formHeadingId} className="card__title">
          {t('organiser.invites.newHeading')}
        </h2>
        {allGroups.status !== 'ready' ? (
          <ResourceState resource={allGroups} onRetry={reloadGroups} />
        ) : (
          <InviteForm
            key={formKey}
            event={programme.event}
            sessions={programme.sessions}
            allGroups={allGroups.data}
            onCreated={(result) => {
              setCreated(result);
              setFormKey((n) => n + 1);
              reload();
            }}
          />
        )}
      </section>
      {invites.status !== 'ready' ? (
        <ResourceState resource={invites} onRetry={reload} />
      ) : (
        <InviteTable
          invites={invites.data}
          timeZone={programme.event.timeZone}
          onRevoked={(message) => {
            reload();
            announce(message);
            headingRef.current?.focus();
          }}
        />
      )}
    </div>
  );
}
