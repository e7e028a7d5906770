import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { useOrganiser } from '../OrganiserContext.ts';
import { StatusMessage } from '../../ui/StatusMessage.tsx';
import { useStatus } from '../../ui/useStatus.ts';
import { EventForm } from './EventForm.tsx';

/** `/organise/event`: the event's name, days, time zone and languages. */
export function EventSettingsPage() {
  const { t } = useTranslation();
  const { programme, reloadProgramme } = useOrganiser();
  const { status, announce } = useStatus();
  useDocumentTitle(t('organiser.event.title'));
  return (
    <div className="organiser-page page">
      <h1>{t('organiser.event.title')}</h1>
      <p className="lead">{t('organiser.event.intro')}</p>
      <StatusMessage message={status.message} id={status.id} />
      <EventForm
        // A fresh form after each save, so it starts from what the server stored.
        key={JSON.stringify(programme.event)}
        event={programme.event}
        onSaved={() => {
          reloadProgramme();
          announce(t('organiser.event.saved'));
        }}
        onEdit={() => announce(null)}
      />
    </div>
  );
}
