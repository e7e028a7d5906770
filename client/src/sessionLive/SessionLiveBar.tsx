import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Announcement, SessionLive } from '@draftroom/shared';
import { useNow } from '../ui/useNow.ts';
import { crossedMoment } from './timerAnnouncements.ts';
import { formatTimeLeft, timeLeft, useSessionLive } from './useSessionLive.ts';

/**
 * What the facilitator runs for every group, shown above a group's guide: the phase, the timer
 * counting down, and announcements (each dismissible, kept dismissed in this browser). A screen
 * reader hears a new announcement, the timer being set, paused or extended, and 10, 5 and 1
 * minutes left and time up, never every second.
 */
export function SessionLiveBar({
  sessionId,
  onLive,
}: {
  sessionId: string;
  /** Hears every live state too (the guide page follows its guide's review with it). */
  onLive?: (live: SessionLive) => void;
}) {
  const { state, offsetMs } = useSessionLive(sessionId, onLive);
  if (state.status !== 'ready') return null;
  return <LiveBar live={state.data} offsetMs={offsetMs} />;
}

/** The bar for a session's live state the page already has. */
export function LiveBar({ live, offsetMs }: { live: SessionLive; offsetMs: number }) {
  const { t, i18n } = useTranslation();
  const now = useNow(1000);
  const left = timeLeft(live, now, offsetMs);
  const spoken = useSpokenTimer(live, left);
  const [dismissed, dismiss] = useDismissed(live.sessionId);
  const shown = live.announcements.filter((announcement) => !dismissed.has(announcement.id));

  return (
    <div className="live-bar" data-testid="session-live">
      {(live.phase || live.timer) && (
        <p className="live-bar__line">
          {live.phase && (
            <span className="pill live-bar__phase" data-testid="session-phase">
              {t('live.phaseLabel')} {t(`live.phase.${live.phase}`)}
            </span>
          )}
          {live.timer && left !== null && (
            <span
              className="live-bar__timer"
              data-testid="session-timer"
              data-state={left === 0 ? 'up' : live.timer.state}
            >
              {left === 0
                ? t('live.timeUp')
                : t(live.timer.state === 'paused' ? 'live.pausedLeft' : 'live.left', {
                    time: formatTimeLeft(left, i18n.language),
                  })}
            </span>
          )}
        </p>
      )}
      {/* Always in the page, so what is put in it is announced. */}
      <p className="visually-hidden" role="status" data-testid="timer-spoken">
        {spoken}
      </p>
      <div role="status" className="live-bar__announcements">
        {shown.map((announcement) => (
          <AnnouncementBanner
            key={announcement.id}
            announcement={announcement}
            onDismiss={() => dismiss(announcement.id)}
          />
        ))}
      </div>
    </div>
  );
}

function AnnouncementBanner({
  announcement,
  onDismiss,
}: {
  announcement: Announcement;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="notice live-bar__announcement" data-testid="announcement">
      <p>
        <strong>{t('live.announcementFrom', { name: announcement.from })}</strong>{' '}
        <span dir="auto">{announcement.text}</span>
      </p>
      <button type="button" className="button button--small" onClick={onDismiss}>
        {t('live.dismiss')}
        <span className="visually-hidden"> {announcement.text}</span>
      </button>
    </div>
  );
}

/**
 * The sentence a screen reader should hear about the timer now (kept until the next one).
 * Worked out while rendering, from the previous render's timer (React's "adjust state when a
 * prop changes" pattern), so nothing is set from an effect.
 */
function useSpokenTimer(live: SessionLive, left: number | null): string {
  const { t, i18n } = useTranslation();
  const key = live.timer ? `${live.timer.state}/${live.timer.durationMs}` : 'none';
  const [seen, setSeen] = useState({ left, key, spoken: '' });
  if (seen.left !== left || seen.key !== key) {
    let spoken = seen.spoken;
    if (seen.key !== key) {
      // Set, paused, resumed, extended or stopped by the facilitator.
      spoken =
        !live.timer || left === null
          ? t('live.timerEnded')
          : t(live.timer.state === 'paused' ? 'live.timerPaused' : 'live.timerRunning', {
              time: formatTimeLeft(left, i18n.language),
            });
    } else {
      const moment = crossedMoment(seen.left, left);
      if (moment === 0) spoken = t('live.timeUp');
      else if (moment !== null) spoken = t('live.minutesLeft', { count: moment });
    }
    setSeen({ left, key, spoken });
  }
  return seen.spoken;
}

/** Announcements this browser dismissed, per session (so a reload does not bring them back). */
function useDismissed(sessionId: string): [ReadonlySet<string>, (id: string) => void] {
  const storageKey = `draftroom:dismissed:${sessionId}`;
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => {
    try {
      return new Set(JSON.parse(localStorage.getItem(storageKey) ?? '[]') as string[]);
    } catch {
      return new Set();
    }
  });
  const dismiss = (id: string) => {
    const next = new Set(dismissed).add(id);
    setDismissed(next);
    try {
      localStorage.setItem(storageKey, JSON.stringify([...next].slice(-100)));
    } catch {
      // Private mode or full storage: dismissed for this visit only.
    }
  };
  return [dismissed, dismiss];
}
