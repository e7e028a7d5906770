import type * as Y from 'yjs';
import { closeCodes } from '@draftroom/shared';
import type { Logger } from '../lib/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { CollabConnection } from './connection.ts';
import { defaultParkingLimits, ParkedUpdates, type ParkingLimits } from './parkedUpdates.ts';
import type { HookList, UpdateSource } from './documentHooks.ts';
import type { ClientMessage } from './protocol.ts';
import { guideRules } from './validation/guideRules.ts';
import { DocumentStructs, InFlightStructs } from './validation/knownStructs.ts';
import type { AcceptedStruct, validateUpdate } from './validation/validateUpdate.ts';

type UpdateMessage = Extract<ClientMessage, { kind: 'update' }>;

/** An update that passed the gate, on its way to storage and then into the document. */
export interface Edit {
  /** The connection that sent it; null for the server's own change (`DocumentHost`). */
  connection: CollabConnection | null;
  update: Uint8Array;
  structs: AcceptedStruct[];
  newStructs: number;
  /** For a server change: told once it is stored and applied, or why it was not. */
  settled?: (error: Error | null) => void;
}

/** A server change that does not fit the guide or its budgets: nothing of it was stored. */
export class ServerChangeRefused extends Error {
  constructor(readonly reason: string) {
    super(`server change refused: ${reason}`);
  }
}

type Check =
  | { kind: 'ok'; structs: AcceptedStruct[]; newStructs: number }
  | { kind: 'waits' }
  | { kind: 'refused'; reason: string; code: number; message: string };

export interface AdmissionLimits {
  /** Stored size of one guide (state + appended + in flight); past it, 4413. */
  maxDocumentBytes: number;
  /** Structs one guide may hold in memory; past it, 4413. */
  maxDocumentItems: number;
  parking?: ParkingLimits;
}

/** What the gate needs of its room. */
export interface AdmissionRoom {
  readonly documentId: string;
  readonly storedBytes: number;
  store(edit: Edit): void;
}

/**
 * Decides, for each update a writer sends, whether it is stored: validated against the guide's
 * schema and what the server holds (validation/), parked while it waits for a dependency, and
 * held to the guide's byte and memory budgets. Refusals close only the sender, with 4422 (does
 * not fit a guide) or 4413 (over a budget), before anything is stored.
 */
export class UpdateAdmission {
  private structs: DocumentStructs | null = null;
  private readonly inFlightStructs = new InFlightStructs();
  private readonly parked: ParkedUpdates<CollabConnection, UpdateMessage>;
  private inFlightEdits = 0;
  private inFlightBytes = 0;
  private inFlightNewStructs = 0;
  private structCount = 0;

  constructor(
    private readonly room: AdmissionRoom,
    private readonly limits: AdmissionLimits,
    private readonly validate: typeof validateUpdate,
    private readonly metrics: Metrics,
    private readonly log: Logger,
    private readonly hooks: HookList,
  ) {
    this.parked = new ParkedUpdates(limits.parking ?? defaultParkingLimits, (connection) => {
      this.refuse(
        connection,
        'dependency_timeout',
        closeCodes.invalidUpdate,
        'update depends on edits the server never received',
      );
    });
  }

  get inFlight(): number {
    return this.inFlightEdits;
  }

  receive(connection: CollabConnection, message: UpdateMessage): void {
    if (this.parked.holds(connection)) {
      this.park(connection, message);
      return;
    }
    if (this.admit(connection, message) === 'waits') this.park(connection, message);
  }

  /** These edits are stored (or failed to be): they are no longer in flight. */
  stored(edits: readonly Edit[]): void {
    for (const edit of edits) {
      this.inFlightEdits--;
      this.inFlightBytes -= edit.update.length;
      this.inFlightNewStructs -= edit.newStructs;
      this.inFlightStructs.remove(edit.structs);
    }
  }

  /** The document changed (a batch applied, or it was loaded or rebuilt): recount, retry. */
  documentChanged(doc: Y.Doc): void {
    if (this.structs?.doc !== doc) this.structs = new DocumentStructs(doc);
    this.structCount = this.structs.countStructs();
    this.parked.retry((connection, message) =>
      connection.closed || this.admit(connection, message) !== 'waits' ? 'left' : 'waits',
    );
  }

  forget(connection: CollabConnection): void {
    this.parked.drop(connection);
  }

  close(): void {
    this.parked.clear();
  }

  private admit(
    connection: CollabConnection,
    message: UpdateMessage,
  ): 'stored' | 'waits' | 'refused' {
    const check = this.check(message.decoded, message.update, { kind: 'connection', connection });
    if (check.kind === 'refused') {
      this.refuse(connection, check.reason, check.code, check.message);
      return 'refused';
    }
    if (check.kind === 'waits') return 'waits';
    this.accept({ connection, update: message.update, ...check });
    return 'stored';
  }

  /**
   * The server's own change: the same checks as a person's edit (it must fit a guide and its
   * budgets). It is built on the loaded document, so it never waits for a dependency.
   */
  admitServerChange(
    update: Uint8Array,
    decoded: Parameters<typeof validateUpdate>[0],
    settled: (error: Error | null) => void,
  ): void {
    const check = this.check(decoded, update, { kind: 'server' });
    if (check.kind === 'waits') throw new ServerChangeRefused('not built on the loaded guide');
    if (check.kind === 'refused') {
      this.metrics.rejectedMessages.inc({ reason: `server_${check.reason}` });
      throw new ServerChangeRefused(check.message);
    }
    this.accept({ connection: null, update, ...check, settled });
  }

  private check(
    decoded: Parameters<typeof validateUpdate>[0],
    update: Uint8Array,
    source: UpdateSource,
  ): Check {
    if (!this.structs) return { kind: 'waits' };
    const bytes = update.length;
    const verdict = this.validate(decoded, {
      document: this.structs,
      inFlight: this.inFlightStructs,
      rules: guideRules(),
    });
    if (verdict.kind === 'refuse') {
      return {
        kind: 'refused',
        reason: 'invalid_update',
        code: closeCodes.invalidUpdate,
        message: verdict.reason,
      };
    }
    if (verdict.kind === 'wait') return { kind: 'waits' };
    if (this.room.storedBytes + this.inFlightBytes + bytes > this.limits.maxDocumentBytes) {
      return {
        kind: 'refused',
        reason: 'document_too_large',
        code: closeCodes.documentTooLarge,
        message: 'document size limit reached',
      };
    }
    if (
      this.structCount + this.inFlightNewStructs + verdict.newStructs >
      this.limits.maxDocumentItems
    ) {
      return {
        kind: 'refused',
        reason: 'document_too_many_items',
        code: closeCodes.documentTooLarge,
        message: 'document item limit reached',
      };
    }
    // Last, so features (a lock, say) see only updates that would otherwise be stored.
    const refusal = this.hooks.refusal(this.room.documentId, update, source);
    if (refusal !== null) {
      return {
        kind: 'refused',
        reason: 'refused_by_hook',
        code: closeCodes.forbidden,
        message: refusal,
      };
    }
    return { kind: 'ok', structs: verdict.structs, newStructs: verdict.newStructs };
  }

  private accept(edit: Edit): void {
    this.inFlightEdits++;
    this.inFlightBytes += edit.update.length;
    this.inFlightNewStructs += edit.newStructs;
    this.inFlightStructs.add(edit.structs);
    this.room.store(edit);
  }

  private park(connection: CollabConnection, message: UpdateMessage): void {
    if (this.parked.park(connection, message, message.update.length)) {
      this.metrics.parkedUpdates.inc();
      return;
    }
    this.refuse(
      connection,
      'dependency_timeout',
      closeCodes.invalidUpdate,
      'too many updates waiting for edits the server does not have',
    );
  }

  private refuse(
    connection: CollabConnection,
    reason: string,
    code: number,
    message: string,
  ): void {
    this.parked.drop(connection);
    this.metrics.rejectedMessages.inc({ reason });
    this.log.info({ category: 'collab', reason, address: connection.remoteAddress }, message);
    connection.close(code, message);
  }
}
