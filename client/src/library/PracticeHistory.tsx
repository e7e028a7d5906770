import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Practice } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { useResource } from '../api/useResource.ts';
import { ResourceState } from '../ui/ResourceState.tsx';
import { useDateTime } from './labels.ts';
import { PracticeDetails } from './PracticeDetails.tsx';

/**
 * The practice's versions, newest first (what was done, by whom, when, with the organisers'
 * note), each opened read-only below the list. The page keys it by revision, so a new
 * version (a save, a review move) loads the list again.
 */
export function PracticeHistory({ practice }: { practice: Practice }) {
  const { t } = useTranslation();
  const ids = useId();
  const when = useDateTime();
  const practiceId = practice.id;
  const load = useCallback(
    (signal: AbortSignal) => callApi('practiceVersions', { params: { practiceId }, signal }),
    [practiceId],
  );
  const { state, reload } = useResource(load);
  const [open, setOpen] = useState<number | null>(null);
  return (
    <section className="practice-history" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{t('library.history.heading')}</h2>
      {state.status !== 'ready' && <ResourceState resource={state} onRetry={reload} />}
      {state.status === 'ready' && (
        <ol className="practice-history__list">
          {state.data.versions.map((version) => (
            <li key={version.revision} className="practice-history__item">
              <span className="practice-history__kind">
                {t(`library.history.kinds.${version.kind}`)}
              </span>{' '}
              <span className="muted">
                {version.by ? (
                  <>
                    <bdi>{version.by}</bdi>
                    {' · '}
                  </>
                ) : null}
                <time dateTime={version.at}>{when(version.at)}</time>
              </span>
              {version.note && (
                <p className="practice-history__note" dir="auto">
                  {version.note}
                </p>
              )}
              <button
                type="button"
                className="button button--small"
                aria-expanded={open === version.revision}
                onClick={() => setOpen(open === version.revision ? null : version.revision)}
              >
                {open === version.revision
                  ? t('library.history.close', { revision: version.revision })
                  : t('library.history.open', { revision: version.revision })}
              </button>
              {open === version.revision && (
                <VersionView
                  practiceId={practiceId}
                  revision={version.revision}
                  region={practice.region}
                />
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function VersionView({
  practiceId,
  revision,
  region,
}: {
  practiceId: string;
  revision: number;
  region: Practice['region'];
}) {
  const { t } = useTranslation();
  const load = useCallback(
    (signal: AbortSignal) =>
      callApi('practiceVersion', {
        params: { practiceId, revision: String(revision) },
        signal,
      }),
    [practiceId, revision],
  );
  const { state, reload } = useResource(load);
  if (state.status !== 'ready') return <ResourceState resource={state} onRetry={reload} />;
  const { content } = state.data;
  return (
    <div
      className="card practice-version"
      role="region"
      aria-label={t('library.history.version', { revision })}
    >
      <h3 dir="auto">{content.title}</h3>
      <PracticeDetails content={content} region={region} headingLevel={3} />
    </div>
  );
}
