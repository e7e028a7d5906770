import type { Repositories } from '../../persistence/index.ts';
import type { EventBus } from '../events/eventBus.ts';

/**
 * Someone opened or closed a guide: the console of its session shows who is online, so say the
 * session changed. Bursts (a whole group arriving) make one event per session, not one each.
 */
export function onlineChanges(repositories: Repositories, events: EventBus, quietMs = 300) {
  const pending = new Map<string, NodeJS.Timeout>();
  return (guideId: string): void => {
    void repositories.groups.getByGuide(guideId).then(
      (group) => {
        if (!group || pending.has(group.sessionId)) return;
        const timer = setTimeout(() => {
          pending.delete(group.sessionId);
          events.publish('sessionLive', { sessionId: group.sessionId });
        }, quietMs);
        timer.unref();
        pending.set(group.sessionId, timer);
      },
      // Only the console's online list waits for the next change; nothing else depends on it.
      () => {},
    );
  };
}
