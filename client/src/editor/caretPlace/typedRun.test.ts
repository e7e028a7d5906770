import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seenClockOf, TypedRun, type Stranded } from './typedRun.ts';

/** Alice's doc and a run that records what she types into one paragraph's text. */
function alicesDoc() {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('guide');
  const paragraph = new Y.XmlElement('paragraph');
  fragment.insert(0, [paragraph]);
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  const run = new TypedRun(doc);
  const type = (letters: string) => {
    for (const letter of letters) {
      const transaction = captureTransaction(doc, () => text.insert(text.length, letter));
      run.addTyped(transaction);
    }
  };
  return { doc, fragment, text, run, type };
}

function captureTransaction(doc: Y.Doc, change: () => void): Y.Transaction {
  let captured: Y.Transaction | null = null;
  const listen = (transaction: Y.Transaction) => (captured = transaction);
  doc.on('afterTransaction', listen);
  doc.transact(change);
  doc.off('afterTransaction', listen);
  return captured!;
}

/** Bashir's copy of Alice's doc as it was when he acted, and the update his action made. */
function bashirActs(alice: Y.Doc, act: (fragment: Y.XmlFragment) => void): Uint8Array {
  const bashir = new Y.Doc();
  Y.applyUpdate(bashir, Y.encodeStateAsUpdate(alice));
  const before = Y.encodeStateVector(bashir);
  act(bashir.getXmlFragment('guide'));
  return Y.encodeStateAsUpdate(bashir, before);
}

/** Rebuilds the paragraph as a list item holding a copy of its text (a wrap, as the binding does). */
function wrapInList(fragment: Y.XmlFragment): void {
  const paragraph = fragment.get(0) as Y.XmlElement;
  const copy = (paragraph.get(0) as Y.XmlText).toString();
  const list = new Y.XmlElement('bulletList');
  const item = new Y.XmlElement('listItem');
  const newParagraph = new Y.XmlElement('paragraph');
  const newText = new Y.XmlText();
  newText.insert(0, copy);
  newParagraph.insert(0, [newText]);
  item.insert(0, [newParagraph]);
  list.insert(0, [item]);
  fragment.delete(0, 1);
  fragment.insert(0, [list]);
}

/** The text of the list's one paragraph: bulletList > listItem > paragraph > text. */
function textOfList(fragment: Y.XmlFragment): string {
  const list = fragment.get(0) as Y.XmlElement;
  const item = list.get(0) as Y.XmlElement;
  const paragraph = item.get(0) as Y.XmlElement;
  return (paragraph.get(0) as Y.XmlText).toString();
}

const textOf = (stranded: Stranded | null) => stranded?.units.map((unit) => unit.unit).join('');

describe('TypedRun', () => {
  it('finds keys typed while a neighbour wrapped the block, lost with the old block', () => {
    const alice = alicesDoc();
    alice.type('abc');
    const wrap = bashirActs(alice.doc, wrapInList);
    alice.type('de'); // on their way when the wrap arrives
    const seen = seenClockOf(wrap, alice.doc.clientID);
    Y.applyUpdate(alice.doc, wrap);

    expect(textOfList(alice.fragment)).toBe('abc');
    const stranded = alice.run.takeStranded(seen, () => true, 'abc');
    expect(textOf(stranded)).toBe('de');
    expect(stranded?.alive).toEqual([]);
  });

  it('still finds them when the relayed change also deletes them (the server had them)', () => {
    const alice = alicesDoc();
    alice.type('abc');
    const wrap = bashirActs(alice.doc, wrapInList);
    alice.type('de');
    // The server applied Alice's "de" before the wrap: its relayed change deletes them too.
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(alice.doc));
    let relayed: Uint8Array | null = null;
    server.on('update', (update: Uint8Array) => (relayed = update));
    Y.applyUpdate(server, wrap);
    const seen = seenClockOf(relayed!, alice.doc.clientID);
    expect(seen).toBeGreaterThan(seenClockOf(wrap, alice.doc.clientID));
    Y.applyUpdate(alice.doc, relayed!);

    expect(textOf(alice.run.takeStranded(seen, () => true, 'abc'))).toBe('de');
  });

  it('finds keys left behind in the other half of a split, still in the doc', () => {
    const alice = alicesDoc();
    alice.type('hello world');
    // Bashir splits before "world": the text after the split goes to a new paragraph.
    const split = bashirActs(alice.doc, (fragment) => {
      const text = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.delete(6, 5);
      const paragraph = new Y.XmlElement('paragraph');
      const moved = new Y.XmlText();
      moved.insert(0, 'world');
      paragraph.insert(0, [moved]);
      fragment.insert(1, [paragraph]);
    });
    alice.type('!!');
    const seen = seenClockOf(split, alice.doc.clientID);
    Y.applyUpdate(alice.doc, split);

    expect(alice.text.toString()).toBe('hello !!');
    // Alice's caret went with "world" into the second paragraph; her "!!" stayed in the first.
    const stranded = alice.run.takeStranded(seen, () => false, 'world');
    expect(textOf(stranded)).toBe('!!');
    expect(stranded?.alive.map((unit) => unit.unit)).toEqual(['!', '!']);
  });

  it('leaves alone what a neighbour deleted on purpose, having seen it', () => {
    const alice = alicesDoc();
    alice.type('keep gone');
    const deletion = bashirActs(alice.doc, (fragment) => {
      ((fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText).delete(4, 5);
    });
    const seen = seenClockOf(deletion, alice.doc.clientID);
    Y.applyUpdate(alice.doc, deletion);

    expect(alice.text.toString()).toBe('keep');
    expect(alice.run.takeStranded(seen, () => true, 'keep')).toBeNull();
  });

  it('has nothing to put back after a change elsewhere', () => {
    const alice = alicesDoc();
    alice.type('mine');
    const elsewhere = bashirActs(alice.doc, (fragment) => {
      fragment.insert(1, [new Y.XmlElement('paragraph')]);
    });
    Y.applyUpdate(alice.doc, elsewhere);
    expect(
      alice.run.takeStranded(seenClockOf(elsewhere, alice.doc.clientID), () => true, 'mine'),
    ).toBeNull();
    expect(alice.run.length).toBe(4);
  });
});
