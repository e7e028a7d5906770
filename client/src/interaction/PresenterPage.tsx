import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RequireSignIn } from '../me/RequireSignIn.tsx';
import { PresenterPoll } from './PresenterPoll.tsx';
import { PresenterQuestions } from './PresenterQuestions.tsx';
import '../styles/questions.css';

/**
 * `/sessions/:sessionId/present[?poll=<id>]`: full screen, large type, for sharing into the
 * video call: the question list, or one poll's results. The page keeps the app's frame (the
 * sign-in, the language, `<main>`), but its `presenter` class hides the header (questions.css),
 * so what is shared is the content alone; a small link leads back. Text follows the person's
 * interface language and its direction (`<html dir>`), people's words their own (`dir="auto"`).
 */
export function PresenterPage() {
  const { sessionId = '' } = useParams();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const pollId = search.get('poll');
  return (
    <div className="presenter" data-testid="presenter">
      <p className="presenter__leave">
        <Link to={`/sessions/${encodeURIComponent(sessionId)}`}>
          {t('questions.presenter.leave')}
        </Link>
      </p>
      <RequireSignIn>
        {() =>
          pollId ? (
            <PresenterPoll sessionId={sessionId} pollId={pollId} />
          ) : (
            <PresenterQuestions key={sessionId} sessionId={sessionId} />
          )
        }
      </RequireSignIn>
    </div>
  );
}
