import { useCallback, useEffect, useState } from 'react';
import { sessionInteractionSchema, type SessionInteraction } from '@draftroom/shared';
import type { Resource } from '../api/useResource.ts';
import { listenToSession } from './sessionStream.ts';

/**
 * A session's questions and polls as the signed-in person may see them, kept up to date live
 * from the session's stream (`event: interaction`, sent on opening and after every change, cut
 * by the server to this person). `accept` takes an answer the page got from its own request
 * (a question it asked), so the screen does not wait for the stream; the stream's next message
 * replaces it. A message that does not fit the schema is ignored.
 */
export function useSessionInteraction(sessionId: string | null): {
  state: Resource<SessionInteraction>;
  accept: (next: SessionInteraction) => void;
} {
  const [latest, setLatest] = useState<SessionInteraction | null>(null);
  useEffect(() => {
    if (!sessionId || typeof EventSource === 'undefined') return;
    return listenToSession(sessionId, 'interaction', (data) => {
      const parsed = sessionInteractionSchema.safeParse(data);
      if (parsed.success) setLatest(parsed.data);
    });
  }, [sessionId]);
  const accept = useCallback((next: SessionInteraction) => setLatest(next), []);
  return {
    state:
      latest && latest.sessionId === sessionId
        ? { status: 'ready', data: latest }
        : { status: 'loading' },
    accept,
  };
}
