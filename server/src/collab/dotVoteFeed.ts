import type { GuideDotVotes } from '@draftroom/shared';
import type { Logger } from '../lib/logger.ts';
import type { Repositories } from '../persistence/index.ts';
import type { Viewer } from '../services/access/policy.ts';
import { loadViewer } from '../services/conference/viewer.ts';
import type { DotVoteSnapshot } from '../services/dotVotes/presentDotVotes.ts';
import type { EventBus } from '../services/events/eventBus.ts';
import { encodeDotVotesMessage } from './protocol.ts';

export interface DotVoteFeedOptions {
  events: EventBus;
  /** The Draftroom sockets on a guide (`CollabServer.listenersOn`). */
  sockets: {
    listenersOn(guideId: string): Array<{ personId: string; send: (frame: Uint8Array) => void }>;
  };
  votes: {
    snapshot(guideId: string): Promise<DotVoteSnapshot>;
    dotVotesFor(snapshot: DotVoteSnapshot, viewer: Viewer): GuideDotVotes;
  };
  repositories: Repositories;
  log: Logger;
  /** Changes this close together are sent once (several people clicking at once). */
  coalesceMs?: number;
}

/**
 * A guide's dot votes, live on the guide's own websocket: the page beside which the vote is shown
 * already holds that socket, and only the people with the guide open hear of it (a session's
 * event stream would carry every group's votes to every page of the session). On each change
 * (bus topic `guideDotVotes`, from any instance) the votes are read once, and each socket is sent
 * its person's cut: their own dots, and the totals of an open vote only if they run it. A
 * person's viewer is read once per change however many of their browsers are open.
 */
export class DotVoteFeed {
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly unsubscribe: () => void;

  constructor(private readonly options: DotVoteFeedOptions) {
    this.unsubscribe = options.events.subscribe('guideDotVotes', ({ guideId }) =>
      this.schedule(guideId),
    );
  }

  close(): void {
    this.unsubscribe();
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  private schedule(guideId: string): void {
    if (this.pending.has(guideId)) return;
    if (this.options.sockets.listenersOn(guideId).length === 0) return;
    const timer = setTimeout(() => {
      this.pending.delete(guideId);
      void this.send(guideId).catch((error: unknown) =>
        this.options.log.error({ err: error, guideId }, 'dot votes could not be sent'),
      );
    }, this.options.coalesceMs ?? 50);
    timer.unref();
    this.pending.set(guideId, timer);
  }

  private async send(guideId: string): Promise<void> {
    const snapshot = await this.options.votes.snapshot(guideId);
    const listeners = this.options.sockets.listenersOn(guideId);
    const frames = new Map<string, Uint8Array | null>();
    for (const personId of new Set(listeners.map((listener) => listener.personId))) {
      const viewer = await loadViewer(this.options.repositories, personId).catch(() => null);
      frames.set(
        personId,
        viewer && encodeDotVotesMessage(this.options.votes.dotVotesFor(snapshot, viewer)),
      );
    }
    // Those who opened the guide meanwhile load the votes themselves; those still here hear them.
    for (const listener of this.options.sockets.listenersOn(guideId)) {
      const frame = frames.get(listener.personId);
      if (frame) listener.send(frame);
    }
  }
}
