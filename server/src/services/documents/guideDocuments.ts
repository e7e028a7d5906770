import type * as Y from 'yjs';

/**
 * A guide's content, as services may change and read it. The collaboration server's document
 * host provides it (`CollabServer.documents`); services never reach the document store or the
 * rooms, so a change made here takes the same durable path as a person's edit: checked against
 * the guide schema, stored before anyone sees it, sent live to everyone connected.
 */
export interface GuideDocuments {
  /** Runs `change` on the guide and stores what it wrote; false when it wrote nothing. */
  withDocument(guideId: string, change: (doc: Y.Doc) => void): Promise<boolean>;
  /** The guide's whole state as one Yjs update, stored edits included. */
  readState(guideId: string): Promise<Uint8Array>;
  /**
   * Reads the guide's body where it is, without copying it: `read` runs at once on the live
   * document and must only read (a change made there would skip the gate and storage). For a
   * figure of the text (words, sections) it costs a walk of the body, where `readState` encodes
   * and a reader decodes the whole guide. Not for turning it into ProseMirror nodes:
   * y-prosemirror's conversion deletes from Yjs an element it cannot place, so it runs on a
   * copy (`readState`), as versions, exports and search do.
   */
  readBody<T>(guideId: string, read: (body: Y.XmlFragment) => T): Promise<T>;
}
