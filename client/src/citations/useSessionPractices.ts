import { useCallback, useEffect, useState } from 'react';
import { sessionPracticesSchema, type SessionPractices } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { isAbortError } from '../api/client.ts';
import type { Resource } from '../api/useResource.ts';
import { listenToSession } from '../sessionLive/sessionStream.ts';

/**
 * A good-practice exchange's running order, live: asked once (`sessionPractices`), then replaced
 * by every `practices` message of the session's one stream (sent after each change of the order
 * or of the practice presented now). `accept` takes the answer of the person's own change, so
 * their screen does not wait for the stream. A message that does not fit the schema is ignored.
 */
export function useSessionPractices(sessionId: string): {
  state: Resource<SessionPractices>;
  accept: (next: SessionPractices) => void;
  reload: () => void;
} {
  const [state, setState] = useState<Resource<SessionPractices>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    callApi('sessionPractices', { params: { sessionId }, signal: controller.signal }).then(
      (data) =>
        // The stream may have answered first with something newer: keep it.
        setState((current) => (current.status === 'ready' ? current : { status: 'ready', data })),
      (error: unknown) => {
        if (!isAbortError(error)) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [sessionId, attempt]);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    return listenToSession(sessionId, 'practices', (data) => {
      const parsed = sessionPracticesSchema.safeParse(data);
      if (parsed.success && parsed.data.sessionId === sessionId) {
        setState({ status: 'ready', data: parsed.data });
      }
    });
  }, [sessionId]);
  const accept = useCallback((data: SessionPractices) => setState({ status: 'ready', data }), []);
  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { state, accept, reload };
}
