/**
 * Automatic versions: at most one every `everyMs` per guide, and only after activity. The first
 * stored edit after a version starts the guide's timer; when it fires, a version is taken (if
 * the guide changed since the last one) and the next edit starts the timer again. So a guide
 * written in all afternoon gets one version every N minutes, an idle one gets none, and a busy
 * guide costs one timer, not work per update.
 */
export interface AutomaticVersions {
  /** A guide's content changed (called from the document host's `persisted` hook). */
  noteActivity(guideId: string): void;
  /** Guides with a timer running (tests, metrics). */
  pending(): number;
  /** Stops every timer (server shutdown): edits after the last version stay in the guide. */
  close(): void;
}

export function automaticVersions(options: {
  everyMs: number;
  take: (guideId: string) => Promise<unknown>;
  onError: (guideId: string, error: unknown) => void;
}): AutomaticVersions {
  const timers = new Map<string, NodeJS.Timeout>();
  let closed = false;
  return {
    noteActivity(guideId) {
      if (closed || timers.has(guideId)) return;
      const timer = setTimeout(() => {
        timers.delete(guideId);
        options.take(guideId).catch((error: unknown) => options.onError(guideId, error));
      }, options.everyMs);
      // Never keeps the process alive by itself.
      timer.unref();
      timers.set(guideId, timer);
    },
    pending: () => timers.size,
    close() {
      closed = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
