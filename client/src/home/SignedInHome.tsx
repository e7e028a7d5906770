import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '@draftroom/shared';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { useResource } from '../api/useResource.ts';
import { GuideList } from './GuideList.tsx';
import { loadHome } from './loadHome.ts';

/** "Your groups": the guides this person may open, each with what they may do in it. */
export function SignedInHome({ me }: { me: Me }) {
  const { t } = useTranslation();
  const listHeadingId = useId();
  const { state, reload } = useResource(loadHome);
  useDocumentTitle(t('home.title'));

  return (
    <div className="page page--home">
      <h1>{t('home.title')}</h1>
      <p className="lead">
        {/* Observers only read: "write it with the others" would promise what they cannot do. */}
        {t(me.person.role === 'observer' ? 'home.introReader' : 'home.intro', {
          role: t(`roles.${me.person.role}`),
        })}
      </p>
      <p>
        <Link to="/programme" className="button">
          {t('home.programmeLink')}
        </Link>
      </p>
      <section
        className="guides"
        aria-labelledby={listHeadingId}
        aria-busy={state.status === 'loading'}
      >
        <h2 id={listHeadingId}>{t('home.listHeading')}</h2>
        {state.status === 'loading' && <p className="muted">{t('home.loading')}</p>}
        {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
        {state.status === 'ready' && (
          <GuideList guides={state.data.guides} sessions={state.data.sessions} />
        )}
      </section>
    </div>
  );
}
