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
}
