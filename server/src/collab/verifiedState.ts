import * as Y from 'yjs';

/**
 * The document's full state, checked to load back into a fresh document with the same state
 * vector and nothing left pending, before compaction lets it replace the stored history. A
 * state that does not load back (a Yjs bug, or content that slipped past validation) would make
 * the guide unloadable; keeping the appended history instead loses nothing.
 */
export function verifiedState(
  doc: Y.Doc,
): { ok: true; state: Uint8Array } | { ok: false; problem: string } {
  const state = Y.encodeStateAsUpdate(doc);
  const check = new Y.Doc();
  try {
    Y.applyUpdate(check, state);
    if (check.store.pendingStructs !== null || check.store.pendingDs !== null) {
      return { ok: false, problem: 'the state leaves structs pending when loaded' };
    }
    if (!equalBytes(Y.encodeStateVector(check), Y.encodeStateVector(doc))) {
      return { ok: false, problem: 'the state loads back to a different state vector' };
    }
    return { ok: true, state };
  } catch (error) {
    return { ok: false, problem: `the state does not load: ${(error as Error).message}` };
  } finally {
    check.destroy();
  }
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}
