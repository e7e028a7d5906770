import { useCallback, useMemo, useId } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { callApi } from '../api/callApi.ts';
import { useResource } from '../api/useResource.ts';
import { currentLanguage } from '../i18n/index.ts';
import { languageNames, isSupportedLanguage } from '../i18n/languages.ts';
import { RequireSignIn } from '../me/RequireSignIn.tsx';
import { PresenterPoll } from './PresenterPoll.tsx';
import { PresenterQuestions } from './PresenterQuestions.tsx';
import { presenterLanguage } from './presenterLanguage.ts';
import { PresenterPractice } from '../citations/PresenterPractice.tsx';
import '../styles/questions.css';

/**
 * `/sessions/:sessionId/present[?poll=<id>|?practice=1][&lang=<code>]`: full screen, large type,
 * for sharing into the video call: the question list, one poll's results, or the good practice
 * being presented now (a good-practice exchange's running order). The page keeps the app's frame
 * (the sign-in, `<main>`), but its `presenter` class hides the header (questions.css), so what
 * is shared is the content alone; a small bar leads back. It speaks the session's language (the
 * room's, not the presenter's: `presenterLanguage`), with its own `lang` and direction, and a
 * session held in several languages offers them; people's words keep their own (`dir="auto"`).
 */
export function PresenterPage() {
  const { sessionId = '' } = useParams();
  return (
    <RequireSignIn>{() => <PresenterFrame key={sessionId} sessionId={sessionId} />}</RequireSignIn>
  );
}

function PresenterFrame({ sessionId }: { sessionId: string }) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const pollId = search.get('poll');
  const practice = !pollId && search.get('practice') === '1';
  const languageId = useId();
  const loadSession = useCallback(
    (signal: AbortSignal) => callApi('getSession', { params: { sessionId }, signal }),
    [sessionId],
  );
  const { state: session } = useResource(loadSession);
  const held = session.status === 'ready' ? session.data.session.languages : [];
  const language = presenterLanguage(held, search.get('lang'), currentLanguage());
  // A copy of the app's i18next fixed to the room's language: the content below speaks it, the
  // rest of the app keeps the person's own.
  const roomI18n = useMemo(() => i18n.cloneInstance({ lng: language }), [i18n, language]);
  const offered = held.filter(isSupportedLanguage);
  const choose = (code: string) =>
    setSearch((previous) => {
      const next = new URLSearchParams(previous);
      next.set('lang', code);
      return next;
    });
  return (
    <div className="presenter" data-testid="presenter">
      <div className="presenter__bar">
        <p className="presenter__leave">
          <Link to={`/sessions/${encodeURIComponent(sessionId)}`}>
            {t('questions.presenter.leave')}
          </Link>
        </p>
        {offered.length > 1 && (
          <p className="presenter__language">
            <label htmlFor={languageId}>{t('questions.presenter.language')}</label>{' '}
            <select id={languageId} value={language} onChange={(e) => choose(e.target.value)}>
              {offered.map((code) => (
                <option key={code} value={code} lang={code}>
                  {languageNames[code]}
                </option>
              ))}
            </select>
          </p>
        )}
      </div>
      <I18nextProvider i18n={roomI18n}>
        <div lang={language} dir={roomI18n.dir(language)} className="presenter__room">
          {pollId ? (
            <PresenterPoll sessionId={sessionId} pollId={pollId} />
          ) : practice ? (
            <PresenterPractice sessionId={sessionId} />
          ) : (
            <PresenterQuestions sessionId={sessionId} />
          )}
        </div>
      </I18nextProvider>
    </div>
  );
}
