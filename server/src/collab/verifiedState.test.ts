import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { verifiedState } from './verifiedState.ts';

// Compaction replaces a guide's history with one state: only if that state loads back whole.
describe('verifiedState', () => {
  it('gives the state of a sound document', () => {
    const doc = new Y.Doc();
    doc.getXmlFragment('default').insert(0, [new Y.XmlElement('paragraph')]);
    const result = verifiedState(doc);
    expect(result.ok).toBe(true);
    const copy = new Y.Doc();
    if (result.ok) Y.applyUpdate(copy, result.state);
    expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(doc));
  });

  it('refuses a state that would load with structs still pending', () => {
    // An edit whose origin never arrived: held pending, and encoded with the state.
    const author = new Y.Doc();
    const text = author.getXmlFragment('default');
    text.insert(0, [new Y.XmlElement('paragraph')]);
    const sv = Y.encodeStateVector(author);
    text.insert(1, [new Y.XmlElement('paragraph')]);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(author, sv));
    expect(doc.store.pendingStructs).not.toBeNull();
    expect(verifiedState(doc)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/pending/),
    });
  });
});
