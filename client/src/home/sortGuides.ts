import type { ConferenceSession, Guide } from '@draftroom/shared';

/**
 * Guides in the order their sessions happen (guides without a known session last), then by
 * title, so "my next group" is at the top.
 */
export function sortGuides(
  guides: readonly Guide[],
  sessions: ReadonlyMap<string, ConferenceSession>,
): Guide[] {
  const start = (guide: Guide) => {
    const session = guide.sessionId ? sessions.get(guide.sessionId) : undefined;
    return session ? Date.parse(session.startsAt) : Number.POSITIVE_INFINITY;
  };
  return [...guides].sort((a, b) => start(a) - start(b) || a.title.localeCompare(b.title));
}
