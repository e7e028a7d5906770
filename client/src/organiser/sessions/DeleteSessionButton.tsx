import { useTranslation } from 'react-i18next';
import type { ConferenceSession } from '@draftroom/shared';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { callApi } from '../../api/callApi.ts';

interface DeleteSessionButtonProps {
  session: ConferenceSession;
  /** The session's heading, so the button reads "Delete, <title>" to a screen reader. */
  titleId: string;
  onDeleted: (title: string) => void;
}

/**
 * Deleting asks first. The server refuses (409) while the session still has groups; the dialog
 * then shows its explanation, and nothing is lost.
 */
export function DeleteSessionButton({ session, titleId, onDeleted }: DeleteSessionButtonProps) {
  const { t } = useTranslation();
  return (
    <ConfirmButton
      label={t('organiser.sessions.delete')}
      describedBy={titleId}
      title={t('organiser.sessions.deleteTitle')}
      confirmLabel={t('organiser.sessions.deleteConfirm')}
      onConfirm={() => callApi('deleteSession', { params: { sessionId: session.id } })}
      onDone={() => onDeleted(session.title)}
    >
      <p>
        {t('organiser.sessions.deleteText')}{' '}
        <strong>
          <bdi>{session.title}</bdi>
        </strong>
      </p>
      {session.kind === 'co-creation' && <p>{t('organiser.sessions.deleteGroupsFirst')}</p>}
    </ConfirmButton>
  );
}
