import { useTranslation } from 'react-i18next';
import { countryName } from '../countries/countryNames.ts';
import { ResourceState } from '../ui/ResourceState.tsx';
import { useSessionPractices } from './useSessionPractices.ts';
import '../styles/citations.css';

/**
 * The presenter view's practice mode (`/sessions/:id/present?practice=1`): the practice being
 * presented now, in large type for sharing into the call (title, parliament, summary, who
 * presents it), following the facilitator's "Present this one" live. The words around it speak
 * the session's language (the presenter page's own i18n); the practice's keep their own
 * direction.
 */
export function PresenterPractice({ sessionId }: { sessionId: string }) {
  const { t, i18n } = useTranslation();
  const { state, reload } = useSessionPractices(sessionId);
  if (state.status !== 'ready') return <ResourceState resource={state} onRetry={reload} />;
  const { items, currentPracticeId } = state.data;
  const current = items.find((item) => item.practiceId === currentPracticeId);
  return (
    <div role="status" className="presenter-practice" data-testid="presenter-practice">
      <h1 className="presenter__title">{t('citations.presenter.heading')}</h1>
      {!current ? (
        <p>{t('citations.presenter.none')}</p>
      ) : (
        <article className="presenter__now">
          <h2 className="presenter-practice__title">
            <bdi dir="auto">{current.title}</bdi>
          </h2>
          <p className="presenter-practice__parliament">
            <bdi dir="auto">{current.parliament}</bdi>
            {current.country && <> · {countryName(current.country, i18n.language)}</>}
          </p>
          {current.summary && (
            <p className="presenter-practice__summary" dir="auto">
              {current.summary}
            </p>
          )}
          {current.presenter && (
            <p className="presenter-practice__presenter">
              {t('citations.presenter.presentedBy', { name: `\u2068${current.presenter}\u2069` })}
            </p>
          )}
        </article>
      )}
    </div>
  );
}
