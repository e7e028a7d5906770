import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { guideFragmentName } from '@draftroom/shared';
import { decodeAnchorPosition, guideBody } from './commentAnchor.ts';

/** Two peers on one guide of two paragraphs (so ranges across blocks can be tested too). */
function peers() {
  const a = new Y.Doc();
  const fragment = a.getXmlFragment(guideFragmentName);
  for (const words of ['Clean water for every school.', 'Report every year.']) {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(words)]);
    fragment.insert(fragment.length, [paragraph]);
  }
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return { a, b };
}
const textOf = (doc: Y.Doc, block: number) =>
  (doc.getXmlFragment(guideFragmentName).get(block) as Y.XmlElement).get(0) as Y.XmlText;
const encode = (position: Y.RelativePosition) =>
  Buffer.from(Y.encodeRelativePosition(position)).toString('base64');

function anchor(doc: Y.Doc, block: number, from: number, to: number, endBlock = block) {
  return {
    start: encode(Y.createRelativePositionFromTypeIndex(textOf(doc, block), from)),
    end: encode(Y.createRelativePositionFromTypeIndex(textOf(doc, endBlock), to, -1)),
  };
}
function resolve(doc: Y.Doc, { start, end }: { start: string; end: string }) {
  const body = guideBody(Y.encodeStateAsUpdate(doc));
  try {
    return body.resolve(decodeAnchorPosition(start)!, decodeAnchorPosition(end)!);
  } finally {
    body.destroy();
  }
}

describe('comment anchors', () => {
  it('quote the words, across blocks with a line break between them', () => {
    const { a } = peers();
    expect(resolve(a, anchor(a, 0, 6, 11))).toMatchObject({ kind: 'range', quote: 'water' });
    expect(resolve(a, anchor(a, 0, 22, 6, 1))).toMatchObject({
      kind: 'range',
      quote: 'school.\nReport',
    });
  });

  it('stay on the same words while two peers edit around them concurrently', () => {
    const { a, b } = peers();
    const words = anchor(a, 0, 6, 11); // "water"
    textOf(a, 0).insert(0, 'Safe and ');
    textOf(b, 0).insert(11, ' and soap'); // just after "water"
    textOf(b, 0).insert(5, ' drinking'); // just before "water"
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(textOf(a, 0).toString()).toBe(
      'Safe and Clean drinking water and soap for every school.',
    );
    expect(resolve(a, words)).toMatchObject({ kind: 'range', quote: 'water' });
    expect(resolve(b, words)).toEqual(resolve(a, words));
  });

  it('collapse when the words are deleted, and point outside when their paragraph goes', () => {
    const { a } = peers();
    const words = anchor(a, 0, 6, 11);
    textOf(a, 0).delete(6, 5);
    expect(resolve(a, words)).toEqual({ kind: 'collapsed' });
    const later = anchor(a, 1, 0, 6);
    a.getXmlFragment(guideFragmentName).delete(1, 1);
    expect(resolve(a, later)).toEqual({ kind: 'outside' });
  });

  it('tell a reversed range from an empty one', () => {
    const { a } = peers();
    expect(resolve(a, anchor(a, 0, 11, 6))).toEqual({ kind: 'reversed' });
    expect(resolve(a, anchor(a, 0, 6, 6))).toEqual({ kind: 'collapsed' });
  });

  it('decode only exact relative positions', () => {
    const { a } = peers();
    const { start } = anchor(a, 0, 0, 1);
    expect(decodeAnchorPosition(start)).not.toBeNull();
    expect(decodeAnchorPosition('AAAA')).toBeNull();
    const extra = Buffer.concat([Buffer.from(start, 'base64'), Buffer.from([1])]).toString(
      'base64',
    );
    expect(decodeAnchorPosition(extra)).toBeNull();
  });
});
