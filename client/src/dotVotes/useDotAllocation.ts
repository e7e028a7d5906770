import { useCallback, useRef, useState } from 'react';
import type { DotVote } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';

/**
 * This person's dots in an open vote, moved one at a time: shown at once, sent as the whole
 * allocation (the server keeps one per person), one request at a time with the newest waiting,
 * so quick clicks never arrive out of order. A refusal puts back what the server holds.
 */
export function useDotAllocation(vote: DotVote, onSaved: (vote: DotVote) => void) {
  const [local, setLocal] = useState<number[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const sending = useRef(false);
  const waiting = useRef<number[] | null>(null);

  const flush = useCallback(async () => {
    if (sending.current) return;
    sending.current = true;
    try {
      while (waiting.current) {
        const dots = waiting.current;
        waiting.current = null;
        try {
          onSaved(
            await callApi('placeDots', {
              params: { guideId: vote.guideId, voteId: vote.id },
              body: { dots },
            }),
          );
          setError(null);
        } catch (failure) {
          waiting.current = null;
          setError(failure);
          break;
        }
      }
    } finally {
      sending.current = false;
      setLocal(null);
    }
  }, [vote.guideId, vote.id, onSaved]);

  const dots = local ?? vote.myDots;
  const left = vote.dots - dots.reduce((sum, dot) => sum + dot, 0);

  /** Adds (+1) or takes back (−1) a dot on one item; false when it cannot. */
  const move = useCallback(
    (index: number, by: 1 | -1): boolean => {
      const next = [...dots];
      const now = next[index] ?? 0;
      if ((by === 1 && left <= 0) || (by === -1 && now <= 0)) return false;
      next[index] = now + by;
      setLocal(next);
      waiting.current = next;
      void flush();
      return true;
    },
    [dots, left, flush],
  );

  return { dots, left, move, error };
}
