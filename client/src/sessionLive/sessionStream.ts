/**
 * One EventSource per session for the whole page (`GET /api/sessions/:id/events`), shared by
 * every hook that follows part of it: the live state (`live`) and the questions and polls
 * (`interaction`). A page showing both holds one stream, not two (a sign-in may hold only a few).
 * The browser's EventSource reconnects by itself after a drop or a restart.
 */
interface Shared {
  source: EventSource;
  users: number;
}
const open = new Map<string, Shared>();

/** Listens to `event` on the session's stream; returns a function that stops listening. */
export function listenToSession(
  sessionId: string,
  event: string,
  onData: (data: unknown) => void,
): () => void {
  let shared = open.get(sessionId);
  if (!shared) {
    const source = new EventSource(`/api/sessions/${encodeURIComponent(sessionId)}/events`);
    open.set(sessionId, (shared = { source, users: 0 }));
  }
  shared.users += 1;
  const listener = (message: Event) => {
    let data: unknown;
    try {
      data = JSON.parse((message as MessageEvent<string>).data);
    } catch {
      return;
    }
    onData(data);
  };
  const { source } = shared;
  source.addEventListener(event, listener);
  return () => {
    source.removeEventListener(event, listener);
    const current = open.get(sessionId);
    if (current && --current.users === 0) {
      current.source.close();
      open.delete(sessionId);
    }
  };
}
