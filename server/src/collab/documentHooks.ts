import type * as Y from 'yjs';
import type { Logger } from '../lib/logger.ts';
import type { CollabConnection } from './connection.ts';

/** Who an update comes from: a person's connection, or the server itself (`withDocument`). */
export type UpdateSource =
  { kind: 'connection'; connection: CollabConnection } | { kind: 'server' };

/**
 * What a document feature (templates, locks, versions, attribution, dashboards) can plug into,
 * instead of editing the room. Every hook is optional. Hooks run synchronously in the room's
 * turn; they must be quick, and one that throws is logged and skipped, never fatal to the guide.
 */
export interface DocumentHooks {
  /** The guide was loaded (or rebuilt) from storage and is about to greet its connections. */
  loaded?(documentId: string, doc: Y.Doc): void;
  /**
   * An update passed the schema gate and is about to be stored. A string refuses it (the
   * reason): a connection's update closes its sender with 4403, a server change rejects.
   */
  beforeAccept?(documentId: string, update: Uint8Array, source: UpdateSource): string | null;
  /** Updates were stored and applied, in this order, with their sequence numbers. */
  persisted?(
    documentId: string,
    updates: ReadonlyArray<{ seq: number; update: Uint8Array; source: UpdateSource }>,
  ): void;
  /** The stored history was compacted: these rows are now part of the state. */
  compacted?(documentId: string, seqs: readonly number[]): void;
  connectionOpened?(documentId: string, connection: CollabConnection): void;
  connectionClosed?(documentId: string, connection: CollabConnection): void;
}

type HookName = keyof DocumentHooks;

/** The registered hooks, called in registration order. */
export class HookList {
  private readonly all: DocumentHooks[] = [];

  constructor(private readonly log: Logger) {}

  use(hooks: DocumentHooks): () => void {
    this.all.push(hooks);
    return () => {
      const index = this.all.indexOf(hooks);
      if (index >= 0) this.all.splice(index, 1);
    };
  }

  emit<Name extends Exclude<HookName, 'beforeAccept'>>(
    name: Name,
    ...args: Parameters<NonNullable<DocumentHooks[Name]>>
  ): void {
    for (const hooks of this.all) {
      const hook = hooks[name] as ((...params: typeof args) => void) | undefined;
      if (!hook) continue;
      try {
        hook(...args);
      } catch (error) {
        this.log.error({ category: 'collab', hook: name, err: error }, 'document hook failed');
      }
    }
  }

  /** The first refusal any `beforeAccept` hook gives, or null. A hook that throws refuses. */
  refusal(documentId: string, update: Uint8Array, source: UpdateSource): string | null {
    for (const hooks of this.all) {
      if (!hooks.beforeAccept) continue;
      try {
        const reason = hooks.beforeAccept(documentId, update, source);
        if (reason !== null) return reason;
      } catch (error) {
        // Fail closed: a check that cannot decide does not let the update through.
        this.log.error({ category: 'collab', hook: 'beforeAccept', err: error }, 'hook failed');
        return 'the server could not check this edit';
      }
    }
    return null;
  }
}
