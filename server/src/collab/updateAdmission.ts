import type * as Y from 'yjs';
import { closeCodes } from '@draftroom/shared';
import type { Logger } from '../lib/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { CollabConnection } from './connection.ts';
import { defaultParkingLimits, ParkedUpdates, type ParkingLimits } from './parkedUpdates.ts';
import type { ClientMessage } from './protocol.ts';
import { guideRules } from './validation/guideRules.ts';
import { DocumentStructs, InFlightStructs } from './validation/knownStructs.ts';
import type { AcceptedStruct, validateUpdate } from './validation/validateUpdate.ts';

type UpdateMessage = Extract<ClientMessage, { kind: 'update' }>;

/** An update that passed the gate, on its way to storage and then into the document. */
export interface Edit {
  connection: CollabConnection;
  update: Uint8Array;
  structs: AcceptedStruct[];
  newStructs: number;
}

export interface AdmissionLimits {
  /** Stored size of one guide (state + appended + in flight); past it, 4413. */
  maxDocumentBytes: number;
  /** Structs one guide may hold in memory; past it, 4413. */
  maxDocumentItems: number;
  parking?: ParkingLimits;
}

/** What the gate needs of its room. */
export interface AdmissionRoom {
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
    if (!this.structs) return 'waits';
    const verdict = this.validate(message.decoded, {
      document: this.structs,
      inFlight: this.inFlightStructs,
      rules: guideRules(),
    });
    if (verdict.kind === 'refuse') {
      this.refuse(connection, 'invalid_update', closeCodes.invalidUpdate, verdict.reason);
      return 'refused';
    }
    if (verdict.kind === 'wait') return 'waits';
    const bytes = message.update.length;
    if (this.room.storedBytes + this.inFlightBytes + bytes > this.limits.maxDocumentBytes) {
      this.refuse(
        connection,
        'document_too_large',
        closeCodes.documentTooLarge,
        'document size limit reached',
      );
      return 'refused';
    }
    if (
      this.structCount + this.inFlightNewStructs + verdict.newStructs >
      this.limits.maxDocumentItems
    ) {
      this.refuse(
        connection,
        'document_too_many_items',
        closeCodes.documentTooLarge,
        'document item limit reached',
      );
      return 'refused';
    }
    this.inFlightEdits++;
    this.inFlightBytes += bytes;
    this.inFlightNewStructs += verdict.newStructs;
    this.inFlightStructs.add(verdict.structs);
    this.room.store({
      connection,
      update: message.update,
      structs: verdict.structs,
      newStructs: verdict.newStructs,
    });
    return 'stored';
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
