import { useTranslation } from 'react-i18next';
import type { ConferenceSession } from '@draftroom/shared';
import { formatSessionTime, viewerTimeZone } from '../format/dates.ts';
import { formatList, languageName } from '../format/text.ts';

/** When, what kind, for whom and in which languages: a description list, read in order. */
export function SessionFacts({ session }: { session: ConferenceSession }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const zone = viewerTimeZone();
  return (
    <dl className="facts">
      <div className="facts__row">
        <dt>{t('session.when')}</dt>
        <dd>
          {formatSessionTime(session.startsAt, session.endsAt, locale, zone)}
          <span className="facts__note">{t('session.yourZone', { zone })}</span>
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t('session.kind')}</dt>
        <dd>{t(`sessionKinds.${session.kind}`)}</dd>
      </div>
      <div className="facts__row">
        <dt>{t('session.audience')}</dt>
        <dd>
          {session.audience.length === 0
            ? t('session.audienceEveryone')
            : formatList(
                session.audience.map((tag) => t(`audience.${tag}`)),
                locale,
              )}
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t('session.languages')}</dt>
        <dd>
          {formatList(
            session.languages.map((code) => languageName(code, locale)),
            locale,
          )}
        </dd>
      </div>
    </dl>
  );
}
