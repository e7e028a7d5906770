import type { Logger } from '../lib/logger.ts';
import type { DocumentStore } from './documentStore.ts';

/** Why the store is not serving, for `/readyz`. */
export interface StoreProblem {
  reason: 'storage_unwritable';
  message: string;
  since: string;
}

/**
 * Whether the document store can write. A failed append or compaction is checked at once with
 * a probe (a small real write): if that fails too the store is unhealthy, `/readyz` answers 503
 * so a load balancer stops sending people here, and the probe runs again every
 * `probeIntervalMs` until a write succeeds (a probe, or an edit someone resends).
 * A failure the probe does not confirm concerned that one write only, and is only logged.
 */
export class StoreHealth {
  private current: StoreProblem | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(
    /** Throws (or rejects) when the store cannot write: SQLite's probe is synchronous, PostgreSQL's not. */
    private readonly probe: () => void | Promise<void>,
    private readonly probeIntervalMs: number,
    private readonly log: Logger,
  ) {}

  get problem(): StoreProblem | undefined {
    return this.current;
  }

  /** Calls `listener` whenever the store starts or stops refusing writes; returns an unsubscribe. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  async writeFailed(error: unknown): Promise<void> {
    if (this.current) return;
    const probeError = await this.tryProbe();
    // Another failure may have been confirmed while this probe ran.
    if (this.current) return;
    if (!probeError) {
      this.log.warn({ err: error }, 'a write failed, but the store takes writes');
      return;
    }
    this.current = {
      reason: 'storage_unwritable',
      message: `The database refuses writes: ${describe(probeError)}`,
      since: new Date().toISOString(),
    };
    this.log.error(
      { err: probeError },
      'the database refuses writes: not ready until a write succeeds again',
    );
    this.changed();
    let probing = false;
    this.timer = setInterval(() => {
      // A probe over the network may outlast the interval: never two at once.
      if (probing) return;
      probing = true;
      void this.tryProbe().then((failed) => {
        probing = false;
        if (!failed) this.writeSucceeded();
      });
    }, this.probeIntervalMs);
    // Probing must not keep a stopping process alive.
    this.timer.unref();
  }

  writeSucceeded(): void {
    if (!this.current) return;
    this.log.info({ since: this.current.since }, 'the database takes writes again: ready');
    this.current = undefined;
    this.stop();
    this.changed();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The probe's error, or undefined when it wrote. */
  private async tryProbe(): Promise<unknown> {
    try {
      await this.probe();
      return undefined;
    } catch (error) {
      return error ?? new Error('write probe failed');
    }
  }
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' ? `${message} (${code})` : message;
}

/** The same store, reporting every append and compaction to `health`. */
export function withWriteHealth(store: DocumentStore, health: StoreHealth): DocumentStore {
  const tracked = <A extends unknown[], R>(write: (...args: A) => Promise<R>) => {
    return async (...args: A): Promise<R> => {
      try {
        const result = await write(...args);
        health.writeSucceeded();
        return result;
      } catch (error) {
        await health.writeFailed(error);
        throw error;
      }
    };
  };
  // Spread, so methods added to the store later pass through untouched (its methods are closures).
  return {
    ...store,
    appendBatch: tracked((entries) => store.appendBatch(entries)),
    compact: tracked((documentId, state, seqs) => store.compact(documentId, state, seqs)),
  };
}
