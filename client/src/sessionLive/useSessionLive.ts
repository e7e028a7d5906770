import { useCallback, useEffect, useRef, useState } from 'react';
import { sessionLiveSchema, type SessionLive } from '@draftroom/shared';
import type { Resource } from '../api/useResource.ts';
import { listenToSession } from './sessionStream.ts';

/**
 * The session's live state as the server streams it (`GET /api/sessions/:id/events`): sent on
 * opening and after every change, already cut to what this person may see. `onLive` hears each
 * one; the browser's EventSource reconnects by itself after a drop or a restart. A message that
 * does not fit the schema is ignored.
 */
export function useSessionEvents(
  sessionId: string | null,
  onLive: (live: SessionLive, receivedAt: number) => void,
): void {
  useEffect(() => {
    if (!sessionId || typeof EventSource === 'undefined') return;
    return listenToSession(sessionId, 'live', (data) => {
      const parsed = sessionLiveSchema.safeParse(data);
      if (parsed.success) onLive(parsed.data, Date.now());
    });
  }, [sessionId, onLive]);
}

/**
 * A session's phase, timer and announcements as the signed-in person may see them, kept up to
 * date live; with `offsetMs`, how far the server's clock is ahead of this browser's (a timer
 * counts down against the server's time, so every group sees the same).
 */
export function useSessionLive(
  sessionId: string | null,
  /** Also told of every change (the console reloads its groups then; a guide page its review). */
  onChange?: (live: SessionLive) => void,
): {
  state: Resource<SessionLive>;
  offsetMs: number;
} {
  const [latest, setLatest] = useState<{ live: SessionLive; offsetMs: number } | null>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  const onLive = useCallback((live: SessionLive, receivedAt: number) => {
    // Sent as the server read it: the offset errs by the message's travel time (milliseconds).
    setLatest({ live, offsetMs: Date.parse(live.serverNow) - receivedAt });
    onChangeRef.current?.(live);
  }, []);
  useSessionEvents(sessionId, onLive);
  return latest && latest.live.sessionId === sessionId
    ? { state: { status: 'ready', data: latest.live }, offsetMs: latest.offsetMs }
    : { state: { status: 'loading' }, offsetMs: 0 };
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
