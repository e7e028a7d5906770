import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { guideFragmentName } from '@draftroom/shared';
import { wordsIn } from './wordCount.ts';

function guideOf(...paragraphs: string[]): Uint8Array {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(guideFragmentName);
  for (const text of paragraphs) {
    const paragraph = new Y.XmlElement('paragraph');
    const content = new Y.XmlText();
    content.insert(0, text);
    paragraph.insert(0, [content]);
    fragment.push([paragraph]);
  }
  return Y.encodeStateAsUpdate(doc);
}

describe('wordsIn', () => {
  it('counts words in every block, in any script, not punctuation', () => {
    expect(wordsIn(guideOf())).toBe(0);
    expect(wordsIn(guideOf('Purpose of the guide.', 'Step — one, two!'))).toBe(7);
    expect(wordsIn(guideOf('if a<b and c>d'))).toBe(6);
    expect(wordsIn(guideOf('دليل عملي للبرلمانات'))).toBe(3);
  });

  it('counts formatted text as its words, not its marks', () => {
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    doc.getXmlFragment(guideFragmentName).push([paragraph]);
    text.insert(0, 'bold words', { bold: {} });
    text.insert(10, ' plain');
    expect(wordsIn(Y.encodeStateAsUpdate(doc))).toBe(3);
  });
});
