import * as Y from 'yjs';
import { guideFragmentName } from '@draftroom/shared';
import type { DocumentHooks, HookList } from './documentHooks.ts';
import type { RoomRegistry } from './roomRegistry.ts';
import type { GuideDocuments } from '../services/documents/guideDocuments.ts';

/**
 * The server's own hand on guides. Everything that changes or reads a guide without a browser
 * (templates, restores, locks, versions, exports, dashboards) goes through here, never through
 * the document store directly:
 * - `withDocument` makes a change that takes the same path as a person's edit: checked against
 *   the guide schema and budgets, stored before anyone sees it, then applied and sent live to
 *   everyone connected. It works whether the guide is loaded or not (it is loaded for the change
 *   and unloaded again when nobody is left).
 * - `readState` gives the guide as it is now, stored edits included; `readBody` reads its body
 *   in place, for figures of the text that need no copy.
 */
export class DocumentHost implements GuideDocuments {
  constructor(
    private readonly rooms: RoomRegistry,
    private readonly hooks: HookList,
  ) {}

  /**
   * Plugs a document feature into every guide's life (loaded, before an update is accepted,
   * persisted, compacted, connections); returns a function that unplugs it.
   */
  use(hooks: DocumentHooks): () => void {
    return this.hooks.use(hooks);
  }

  /**
   * Runs `change` on the guide and stores what it wrote. Resolves to false when it wrote
   * nothing; rejects (storing nothing) when the change does not fit a guide.
   */
  async withDocument(documentId: string, change: (doc: Y.Doc) => void): Promise<boolean> {
    const room = this.rooms.hold(documentId);
    try {
      return await room.changeByServer(change);
    } finally {
      this.rooms.release(room);
    }
  }

  /** The guide's whole state as one Yjs update. */
  async readState(documentId: string): Promise<Uint8Array> {
    return this.read(documentId, (doc) => Y.encodeStateAsUpdate(doc));
  }

  /** Reads the live body in place (see `GuideDocuments.readBody`: read only). */
  async readBody<T>(documentId: string, read: (body: Y.XmlFragment) => T): Promise<T> {
    return this.read(documentId, (doc) => read(doc.getXmlFragment(guideFragmentName)));
  }

  private async read<T>(documentId: string, read: (doc: Y.Doc) => T): Promise<T> {
    const room = this.rooms.hold(documentId);
    try {
      await room.loaded;
      if (!room.isReady) throw new Error(`guide ${documentId} could not be loaded`);
      return read(room.doc);
    } finally {
      this.rooms.release(room);
    }
  }
}
