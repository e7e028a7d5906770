import type { GuideDocuments } from '../documents/guideDocuments.ts';
import { textBlocksOfState } from './guideBlocks.ts';
import type { SearchIndex } from './searchIndex.ts';

/**
 * Keeps the search index current, one guide at a time: an edit marks its guide dirty and the
 * guide is re-indexed (its blocks read through the document host, like versions and exports
 * read it) `quietMs` after the last edit, and at least every `maxWaitMs` while someone keeps
 * typing. Nothing else is re-indexed. At start, guides never indexed (or with edits a crash kept
 * from the index) are caught up in the background, one after another, without holding up start.
 */
export interface SearchUpdater {
  /** A guide's content was stored (the document host's `persisted` hook). */
  noteEdit(guideId: string): void;
  /** A guide was loaded: if it still waits for the start-up pass, index it now. */
  noteLoaded(guideId: string): void;
  /**
   * Another reader of the same re-read (the citation index): given each guide's state whenever
   * search reads it, so a quiet guide is decoded once for both, and the start-up catch-up over
   * guides edited while the server was down serves both too.
   */
  addReader(reader: GuideReader): void;
  /** Starts the catch-up pass over guides not indexed yet. */
  start(): void;
  /** Guides waiting (edited, or not indexed yet) or being indexed now (metrics, the bench). */
  pendingCount(): number;
  /** Resolves when nothing is waiting or being indexed (tests, the bench). */
  settled(): Promise<void>;
  /**
   * Stops re-indexing. Edits stored after this (the collaboration server's last flush) are still
   * marked stale, so the next start indexes them.
   */
  close(): void;
  /** Resolves once every stale mark asked for is written: await it before the database closes. */
  marksWritten(): Promise<void>;
}

/** Something kept from a guide's text, given its whole state after its edits go quiet. */
export type GuideReader = (guideId: string, state: Uint8Array) => Promise<void>;

export function searchUpdater(options: {
  index: SearchIndex;
  documents: Pick<GuideDocuments, 'readState'>;
  quietMs: number;
  maxWaitMs: number;
  onError: (guideId: string, error: unknown) => void;
}): SearchUpdater {
  const { index, documents } = options;
  /** Dirty guides: their timer and the moment they must be indexed by, whatever the typing. */
  const dirty = new Map<string, { timer: NodeJS.Timeout; deadline: number }>();
  /** Re-indexes running, so one guide is never indexed twice at once (the later one waits). */
  const running = new Map<string, Promise<void>>();
  const backlog = new Set<string>();
  let closed = false;
  let pass: Promise<void> = Promise.resolve();
  const readers: GuideReader[] = [];
  /** Stale marks being written; after close, the guides already marked. */
  const marking = new Set<Promise<void>>();
  const markedAfterClose = new Set<string>();

  function markStale(guideId: string): void {
    const written = index
      .markStale(guideId)
      .catch((error: unknown) => options.onError(guideId, error))
      .finally(() => marking.delete(written));
    marking.add(written);
  }

  async function reindex(guideId: string): Promise<void> {
    // The mark as it stood before the text is read: an edit stored while this runs raises it,
    // and the update then leaves the guide stale, so a crash before that edit's own re-index
    // cannot lose it from the index.
    const seen = await index.staleMark(guideId);
    const state = await documents.readState(guideId);
    // The other readers first: the search index's update clears the guide's stale mark, so a
    // reader that failed (or a crash before it ran) leaves the guide for the next start's pass.
    for (const reader of readers) await reader(guideId, state);
    await index.update(guideId, textBlocksOfState(state), seen);
  }

  function run(guideId: string): Promise<void> {
    backlog.delete(guideId);
    const previous = running.get(guideId) ?? Promise.resolve();
    const next = previous
      .then(() => (closed ? undefined : reindex(guideId)))
      .catch((error: unknown) => options.onError(guideId, error))
      .finally(() => {
        if (running.get(guideId) === next) running.delete(guideId);
      });
    running.set(guideId, next);
    return next;
  }

  function schedule(guideId: string, delayMs: number): void {
    const now = Date.now();
    const existing = dirty.get(guideId);
    if (existing) clearTimeout(existing.timer);
    const deadline = existing?.deadline ?? now + options.maxWaitMs;
    const timer = setTimeout(
      () => {
        dirty.delete(guideId);
        void run(guideId);
      },
      Math.max(0, Math.min(now + delayMs, deadline) - now),
    );
    timer.unref();
    dirty.set(guideId, { timer, deadline });
  }

  return {
    noteEdit(guideId) {
      if (closed) {
        // The last edits stored while the server stops: indexed at the next start.
        if (!markedAfterClose.has(guideId)) markStale(guideId);
        markedAfterClose.add(guideId);
        return;
      }
      // Once per dirty spell, not per keystroke: written down so a crash cannot lose the edit.
      if (!dirty.has(guideId)) markStale(guideId);
      schedule(guideId, options.quietMs);
    },
    noteLoaded(guideId) {
      if (!closed && backlog.has(guideId) && !dirty.has(guideId)) schedule(guideId, 0);
    },
    addReader(reader) {
      readers.push(reader);
    },
    start() {
      pass = (async () => {
        const ids = await index.pending();
        for (const id of ids) backlog.add(id);
        for (const id of ids) {
          if (closed) return;
          // Already indexed since (loaded, or edited and indexed on its own timer).
          if (!backlog.has(id) || dirty.has(id)) continue;
          await run(id);
          // One guide per event-loop turn: people's edits and requests go in between.
          await new Promise((resolve) => setImmediate(resolve));
        }
      })().catch((error: unknown) => options.onError('(start-up pass)', error));
    },
    pendingCount: () => new Set([...dirty.keys(), ...running.keys(), ...backlog]).size,
    async settled() {
      await pass;
      while (dirty.size > 0 || running.size > 0) {
        await Promise.all(running.values());
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close() {
      closed = true;
      for (const { timer } of dirty.values()) clearTimeout(timer);
      dirty.clear();
      backlog.clear();
    },
    async marksWritten() {
      while (marking.size > 0) await Promise.all(marking);
    },
  };
}
