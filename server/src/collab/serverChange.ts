import * as Y from 'yjs';

/**
 * A change the server makes to a guide (a template, a restore, a lock's marker), as a Yjs update
 * built on the loaded document: `change` runs on a copy, and what it wrote is the update. The copy
 * has a client id of its own, so the change merges with concurrent edits like anyone's; the live
 * document is not touched here (the update takes the same gate → storage → apply path as a
 * person's edit). Null when the change wrote nothing.
 */
export function buildServerUpdate(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array | null {
  const copy = new Y.Doc({ gc: doc.gc });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(copy);
    copy.transact(() => change(copy));
    const update = Y.encodeStateAsUpdate(copy, before);
    const deletesOnly = Y.decodeUpdate(update);
    return deletesOnly.structs.length === 0 && deletesOnly.ds.clients.size === 0 ? null : update;
  } finally {
    copy.destroy();
  }
}
