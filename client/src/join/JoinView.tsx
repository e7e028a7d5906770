import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { InvitePreview, LanguageCode } from '@draftroom/shared';
import { formatDateTime, viewerTimeZone } from '../format/dates.ts';
import { isolate } from '../format/text.ts';
import { currentLanguage } from '../i18n/index.ts';
import { useMe } from '../me/MeContext.tsx';
import { ProfileForm } from '../me/ProfileForm.tsx';
import { callApi } from '../api/callApi.ts';
import { pathAfterJoin } from './afterJoin.ts';

/** The invitation (event, role, scope, expiry) and the form to join with it. */
export function JoinView({ token, preview }: { token: string; preview: InvitePreview }) {
  const { t, i18n } = useTranslation();
  const { me } = useMe();
  const formHeadingId = useId();
  const scopeName = isolate(preview.scopeName);

  return (
    <>
      <p className="kicker">{t('join.kicker')}</p>
      <h1>
        <bdi>{preview.eventName}</bdi>
      </h1>
      <div className="invite-summary" data-testid="invite-summary">
        <p className="lead">{t(`join.role.${preview.role}`)}</p>
        <p>
          {preview.scope.type === 'event'
            ? t('join.scope.event')
            : t(`join.scope.${preview.scope.type}`, { name: scopeName })}
        </p>
        <p className="muted">
          {t('join.expires', {
            date: formatDateTime(preview.expiresAt, i18n.language, viewerTimeZone()),
          })}
        </p>
      </div>
      {me && (
        <div className="notice" data-testid="already-signed-in">
          <p>
            {t('join.alreadySignedIn', {
              name: isolate(me.person.displayName),
              role: t(`roles.${me.person.role}`),
            })}
          </p>
        </div>
      )}
      <section className="card join-card" aria-labelledby={formHeadingId}>
        <h2 id={formHeadingId} className="card__title">
          {t('join.formTitle')}
        </h2>
        <p className="muted">{t('join.formIntro')}</p>
        <JoinForm token={token} known={preview.profile} />
      </section>
    </>
  );
}

/** `known`: what a personal link's person already told the organisers (a CSV import), to check. */
function JoinForm({ token, known }: { token: string; known: InvitePreview['profile'] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { setMe } = useMe();
  const language: LanguageCode = currentLanguage();
  return (
    <ProfileForm
      className="join-form"
      initial={{
        displayName: known?.displayName ?? '',
        parliament: known?.parliament ?? '',
        country: known?.country ?? '',
        preferredLanguage: known?.preferredLanguage ?? language,
        email: known?.email ?? '',
      }}
      send={async (profile) => {
        const me = await callApi('join', { params: { token }, body: profile });
        const path = await pathAfterJoin(me);
        setMe(me);
        await navigate(path, { replace: true });
      }}
      submitLabel={t('join.submit')}
      busyLabel={t('join.joining')}
    />
  );
}
