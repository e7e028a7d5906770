import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConferenceSession } from '@draftroom/shared';
import { zoneLabel } from '../../format/dates.ts';
import { formatTimeRange } from '../formatting.ts';
import { workingLanguageName } from '../languages.ts';
import { InlineList } from '../../ui/InlineList.tsx';
import { callApi } from '../../api/callApi.ts';
import { DeleteButton } from '../../ui/DeleteButton.tsx';

interface SessionItemProps {
  session: ConferenceSession;
  timeZone: string;
  canEdit: boolean;
  onDeleted: (title: string) => void;
}

/** One session: when, what kind, in which languages, and what can be done with it. */
export function SessionItem({ session, timeZone, canEdit, onDeleted }: SessionItemProps) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const coCreation = session.kind === 'co-creation';
  return (
    <li className="org-session-item">
      <h3 id={titleId} className="org-session-item__title">
        <bdi>{session.title}</bdi>
      </h3>
      <p className="org-session-item__meta">
        <span>
          {formatTimeRange(session.startsAt, session.endsAt, i18n.language, timeZone)}{' '}
          {/* The clock these times are on, named: the viewer's own zone is often another. */}
          <bdi className="org-session-item__zone">
            {zoneLabel(timeZone, i18n.language, Date.parse(session.startsAt))}
          </bdi>
        </span>
        <span className="org-tag">{t(`organiser.kinds.${session.kind}`)}</span>
        <span>
          <InlineList
            items={session.languages.map((code) => ({
              key: code,
              text: workingLanguageName(code, i18n.language),
            }))}
          />
        </span>
      </p>
      {session.audience.length > 0 && (
        <p className="org-session-item__audience">
          <span className="visually-hidden">{t('organiser.sessions.audience')} </span>
          {session.audience.map((tag) => (
            <span key={tag} className="org-tag org-tag--quiet">
              {t(`organiser.audience.${tag}`)}
            </span>
          ))}
        </p>
      )}
      <div className="org-session-item__actions">
        {coCreation && (
          <Link to={session.id} className="button button--small" aria-describedby={titleId}>
            {t('organiser.sessions.groups')}
          </Link>
        )}
        {canEdit && (
          <>
            <Link
              to={`${session.id}/edit`}
              className="button button--small"
              aria-describedby={titleId}
            >
              {t('organiser.sessions.edit')}
            </Link>
            {/* The server refuses (409) while the session still has groups; the dialog says so. */}
            <DeleteButton
              name={session.title}
              describedBy={titleId}
              label={t('organiser.sessions.delete')}
              title={t('organiser.sessions.deleteTitle')}
              confirmLabel={t('organiser.sessions.deleteConfirm')}
              text={t('organiser.sessions.deleteText')}
              warning={coCreation ? t('organiser.sessions.deleteGroupsFirst') : undefined}
              onConfirm={() => callApi('deleteSession', { params: { sessionId: session.id } })}
              onDone={() => onDeleted(session.title)}
            />
          </>
        )}
      </div>
    </li>
  );
}
