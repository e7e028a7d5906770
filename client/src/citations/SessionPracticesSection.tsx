import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SessionPractices } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { countryName } from '../countries/countryNames.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { ResourceState } from '../ui/ResourceState.tsx';
import { StatusMessage } from '../ui/StatusMessage.tsx';
import { RunningOrderEditor } from './RunningOrderEditor.tsx';
import { useSessionPractices } from './useSessionPractices.ts';
import '../styles/citations.css';

/**
 * "Practices presented" on a good-practice exchange's page: the running order (title,
 * parliament, presenter, the one presented now marked), following the session live. Those who
 * run the session (the server's `canManage`) set the order and say which one is presented now.
 */
export function SessionPracticesSection({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { state, accept, reload } = useSessionPractices(sessionId);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // What was said, as a key and the title in it (not a sentence), so it is said again in the new
  // language when the person switches, instead of staying in the old one.
  const [said, say] = useState<{ what: 'saved' | 'now' | 'none'; title: string; id: number }>();
  const announce = (what: 'saved' | 'now' | 'none', title = '') =>
    say((previous) => ({ what, title, id: (previous?.id ?? 0) + 1 }));
  const message =
    said === undefined
      ? null
      : said.what === 'saved'
        ? t('citations.session.saved')
        : said.what === 'now'
          ? t('citations.session.nowPresenting', { title: said.title })
          : t('citations.session.noneNow');
  const editButton = useRef<HTMLButtonElement>(null);

  // Said when the practice presented now changes (here or by someone else), not on opening.
  const data = state.status === 'ready' ? state.data : null;
  const current = data?.items.find((item) => item.practiceId === data.currentPracticeId) ?? null;
  const seen = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (!data) return;
    const now = data.currentPracticeId;
    if (seen.current !== undefined && seen.current !== now) {
      say((previous) => ({
        what: current ? 'now' : 'none',
        title: current?.title ?? '',
        id: (previous?.id ?? 0) + 1,
      }));
    }
    seen.current = now;
  }, [data, current]);

  const present = async (practiceId: string | null) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      accept(await callApi('setCurrentPractice', { params: { sessionId }, body: { practiceId } }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      className="session-practices"
      aria-labelledby={headingId}
      data-testid="session-practices"
    >
      <h2 id={headingId}>{t('citations.session.heading')}</h2>
      <StatusMessage message={message} id={said?.id} />
      {!data ? (
        <ResourceState resource={state} onRetry={reload} />
      ) : editing ? (
        <RunningOrderEditor
          data={data}
          onSaved={(saved) => {
            accept(saved);
            setEditing(false);
            announce('saved');
            // The editor is gone; its opener is back.
            setTimeout(() => editButton.current?.focus(), 0);
          }}
          onCancel={() => {
            setEditing(false);
            setTimeout(() => editButton.current?.focus(), 0);
          }}
        />
      ) : (
        <>
          <RunningOrder data={data} busy={busy} onPresent={(id) => void present(id)} />
          {error !== null && <ErrorNotice error={error} />}
          <p className="session-practices__actions">
            {data.canManage && (
              <button
                ref={editButton}
                type="button"
                className="button"
                onClick={() => setEditing(true)}
              >
                {t('citations.session.edit')}
              </button>
            )}
            {data.items.length > 0 && (
              <Link
                className="button"
                to={`/sessions/${encodeURIComponent(sessionId)}/present?practice=1`}
              >
                {t('citations.session.openPresenter')}
              </Link>
            )}
            {/* Delegates bring their parliament's practice during the exchange too. */}
            {data.canSubmit && (
              <Link className="button" to="/library/new">
                {t('citations.session.submit')}
              </Link>
            )}
          </p>
        </>
      )}
    </section>
  );
}

function RunningOrder({
  data,
  busy,
  onPresent,
}: {
  data: SessionPractices;
  busy: boolean;
  onPresent: (practiceId: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  if (data.items.length === 0) return <p className="muted">{t('citations.session.none')}</p>;
  return (
    <ol className="running-order" data-testid="running-order">
      {data.items.map((item) => {
        const isCurrent = item.practiceId === data.currentPracticeId;
        return (
          <li
            key={item.practiceId}
            className={`running-order__item${isCurrent ? ' running-order__item--current' : ''}`}
            aria-current={isCurrent ? 'true' : undefined}
            data-testid="running-order-item"
          >
            {isCurrent && <p className="running-order__now">{t('citations.session.current')}</p>}
            <p className="running-order__title" id={`running-order-${item.practiceId}`}>
              <Link to={`/library/${encodeURIComponent(item.practiceId)}`}>
                <bdi dir="auto">{item.title}</bdi>
              </Link>
            </p>
            <p className="running-order__meta">
              <bdi dir="auto">{item.parliament}</bdi>
              {item.country && <> · {countryName(item.country, i18n.language)}</>}
            </p>
            {item.presenter && (
              <p className="running-order__meta">
                {t('citations.session.presentedBy', { name: '\u2068' + item.presenter + '\u2069' })}
              </p>
            )}
            {data.canManage && (
              <button
                type="button"
                className="button button--small"
                aria-disabled={busy}
                aria-describedby={`running-order-${item.practiceId}`}
                onClick={() => onPresent(isCurrent ? null : item.practiceId)}
              >
                {isCurrent ? t('citations.session.stopPresenting') : t('citations.session.present')}
              </button>
            )}
          </li>
        );
      })}
    </ol>
  );
}
