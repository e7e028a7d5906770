import { useCallback, useEffect, useState } from 'react';
import type { SessionLive } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { useResource, type Resource } from '../api/useResource.ts';

/**
 * Calls `onChanged` whenever the server says something of the session changed (and once on
 * opening), through its event stream. The browser's EventSource reconnects by itself after a
 * drop or a restart.
 */
export function useSessionEvents(sessionId: string | null, onChanged: () => void): void {
  useEffect(() => {
    if (!sessionId || typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/sessions/${encodeURIComponent(sessionId)}/events`);
    source.addEventListener('changed', onChanged);
    return () => source.close();
  }, [sessionId, onChanged]);
}

/**
 * A session's phase, timer and announcements as the signed-in person may see them, kept up to
 * date live; with `offsetMs`, how far the server's clock is ahead of this browser's (a timer
 * counts down against the server's time, so every group sees the same).
 */
export function useSessionLive(
  sessionId: string | null,
  /** False when the page listens to the session's events itself and calls `refresh`. */
  listen = true,
): {
  state: Resource<SessionLive>;
  offsetMs: number;
  refresh: () => void;
} {
  const [offsetMs, setOffsetMs] = useState(0);
  const load = useCallback(
    async (signal: AbortSignal) => {
      if (!sessionId) throw new Error('no session');
      const sentAt = Date.now();
      const live = await callApi('sessionLive', { params: { sessionId }, signal });
      // Half the round trip is the best guess of when the server read its clock.
      const receivedAt = Date.now();
      setOffsetMs(Date.parse(live.serverNow) - (sentAt + receivedAt) / 2);
      return live;
    },
    [sessionId],
  );
  const { state, refresh } = useResource(load);
  useSessionEvents(listen ? sessionId : null, refresh);
  return { state, offsetMs, refresh };
}

/** Milliseconds left on the timer at `now` (the browser's clock), or null without a timer. */
export function timeLeft(live: SessionLive, now: number, offsetMs: number): number | null {
  const { timer } = live;
  if (!timer) return null;
  if (timer.state === 'paused' || !timer.endsAt) return timer.remainingMs;
  return Math.max(0, Date.parse(timer.endsAt) - (now + offsetMs));
}

/** "12:05" (minutes and seconds; hours when there are any), in the page's digits. */
export function formatTimeLeft(ms: number, locale: string): string {
  const total = Math.ceil(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2 });
  const one = new Intl.NumberFormat(locale);
  return hours > 0
    ? `${one.format(hours)}:${two.format(minutes)}:${two.format(seconds)}`
    : `${one.format(minutes)}:${two.format(seconds)}`;
}
