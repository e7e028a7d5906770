import { useCallback, useEffect, useId } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { GuideCitations } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { useResource } from '../api/useResource.ts';
import { countryName } from '../countries/countryNames.ts';
import '../styles/citations.css';
import { ResourceState } from '../ui/ResourceState.tsx';
import type { CollabSession } from '../collab/session.ts';

/**
 * The server indexes a guide's citations about 1.5 s after typing stops; asking a little after
 * that catches the change once, not on every keystroke.
 */
const settleMs = 2500;

/**
 * "Practices cited" beside the guide: the practices it cites, in the order they first appear,
 * as the server indexed them (`guideCitations`), asked again once edits (anyone's) settle.
 */
export function CitedPanel({
  guideId,
  session,
}: {
  guideId: string;
  session: CollabSession | null;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const load = useCallback(
    (signal: AbortSignal) => callApi('guideCitations', { params: { guideId }, signal }),
    [guideId],
  );
  const { state, reload, refresh } = useResource<GuideCitations>(load);

  useEffect(() => {
    if (!session) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(refresh, settleMs);
    };
    session.doc.on('update', onUpdate);
    return () => {
      clearTimeout(timer);
      session.doc.off('update', onUpdate);
    };
  }, [session, refresh]);

  const count = state.status === 'ready' ? state.data.practices.length : null;
  // Folded like the other panels below "Who is here", so that on a phone the editor stays on
  // the first screen; the count in the summary says whether opening it is worth it.
  return (
    <section className="cited-practices" aria-labelledby={headingId} data-testid="cited-practices">
      <details className="cited-practices__details">
        <summary className="panel-heading" id={headingId}>
          {t('citations.cited.heading')}{' '}
          {count !== null && (
            <span className="presence__count">{t('citations.cited.count', { count })}</span>
          )}
        </summary>
        {state.status !== 'ready' ? (
          <ResourceState resource={state} onRetry={reload} />
        ) : state.data.practices.length === 0 ? (
          <p className="muted">{t('citations.cited.none')}</p>
        ) : (
          <ul className="cited-practices__list">
            {state.data.practices.map((card) => (
              <li key={card.citedId} data-testid="cited-practice">
                {card.available ? (
                  <>
                    <Link to={`/library/${encodeURIComponent(card.id)}`}>
                      <bdi dir="auto">{card.title}</bdi>
                    </Link>
                    <span className="cited-practices__parliament muted">
                      <bdi dir="auto">{card.parliament}</bdi>
                      {card.country && <> · {countryName(card.country, i18n.language)}</>}
                    </span>
                  </>
                ) : (
                  <span className="muted">{t('citations.card.unavailable')}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </details>
    </section>
  );
}
