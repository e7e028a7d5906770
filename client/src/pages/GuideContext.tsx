import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Guide } from '@draftroom/shared';
import { useResource } from '../api/useResource.ts';
import { callApi } from '../api/callApi.ts';

/**
 * Above the guide's title: which group writes it and in which session (a link back to the
 * session page). Extra information, so a failure shows nothing rather than an error.
 */
export function GuideContext({ guide }: { guide: Guide }) {
  const { sessionId } = guide;
  if (!sessionId) return null;
  return <SessionContext sessionId={sessionId} groupId={guide.groupId} />;
}

function SessionContext({ sessionId, groupId }: { sessionId: string; groupId: string | null }) {
  const { t } = useTranslation();
  const load = useCallback(
    (signal: AbortSignal) => callApi('getSession', { params: { sessionId }, signal }),
    [sessionId],
  );
  const { state } = useResource(load);
  if (state.status !== 'ready') return null;
  const { session, groups } = state.data;
  const group = groups.find((candidate) => candidate.id === groupId);
  return (
    <p className="guide-page__context" data-testid="guide-context">
      {group && (
        <span>
          {t('guide.groupLabel')} <bdi className="guide-page__group">{group.name}</bdi>
        </span>
      )}
      <span>
        {t('guide.sessionLabel')}{' '}
        <Link to={`/sessions/${encodeURIComponent(session.id)}`}>
          <bdi>{session.title}</bdi>
        </Link>
      </span>
    </p>
  );
}
