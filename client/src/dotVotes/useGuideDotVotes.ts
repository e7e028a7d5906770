import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DotVote, GuideDotVotes } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { useResource } from '../api/useResource.ts';
import type { CollabSession } from '../collab/session.ts';

/**
 * A guide's dot votes, kept live: loaded once, then replaced whole by what the server sends on
 * the guide's open connection after every change (this person's cut: their dots, and the totals
 * only when they may see them), or by the vote this person's own action returned.
 */
export function useGuideDotVotes(guideId: string, session: CollabSession | null) {
  const load = useCallback(
    (signal: AbortSignal) => callApi('guideDotVotes', { params: { guideId }, signal }),
    [guideId],
  );
  const { state, reload } = useResource(load);
  const [heard, setHeard] = useState<GuideDotVotes | null>(null);

  useEffect(() => {
    if (!session) return;
    return session.onDotVotes((votes) => {
      if (votes.guideId === guideId) setHeard(votes);
    });
  }, [session, guideId]);

  const votes: GuideDotVotes | null = useMemo(
    () => heard ?? (state.status === 'ready' ? state.data : null),
    [heard, state],
  );

  /** A vote as this person's own request returned it. */
  const put = useCallback(
    (vote: DotVote) => {
      setHeard((current) => {
        const base = current ?? (state.status === 'ready' ? state.data : null);
        if (!base) return current;
        const known = base.votes.some((candidate) => candidate.id === vote.id);
        return {
          ...base,
          votes: known
            ? base.votes.map((candidate) => (candidate.id === vote.id ? vote : candidate))
            : [vote, ...base.votes],
        };
      });
    },
    [state],
  );

  return { state, votes, put, reload };
}
