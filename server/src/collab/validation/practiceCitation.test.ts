import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import { encodeGuideBody } from '../../services/demo/guideBody.ts';
import { encodeUpdate, type ContentSpec } from '../../../test/helpers/updateEncoder.ts';
import { guideRules } from './guideRules.ts';
import { DocumentStructs, InFlightStructs } from './knownStructs.ts';
import { validateUpdate, type UpdateVerdict } from './validateUpdate.ts';

// The citation of a good practice (issue 17) is part of the shared editor schema, so the gate
// checks it from that schema with no rule of its own: a block atom with one attribute, a
// practice id (or null). Everything else about it is refused like any other node's.

/** A guide with a paragraph "Hi" and a citation, written by client 1. */
function guideDoc(): { doc: Y.Doc; paragraph: Y.XmlElement; citation: Y.XmlElement } {
  const doc = new Y.Doc();
  doc.clientID = 1;
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('Hi')]);
  const citation = new Y.XmlElement('practiceCitation');
  doc.getXmlFragment('default').insert(0, [paragraph, citation]);
  citation.setAttribute('practiceId', 'prac-1');
  return { doc, paragraph, citation };
}

function check(doc: Y.Doc, update: Uint8Array): UpdateVerdict {
  return validateUpdate(Y.decodeUpdate(update), {
    document: new DocumentStructs(doc),
    inFlight: new InFlightStructs(),
    rules: guideRules(),
  });
}

const idOf = (type: Y.XmlElement) => {
  const item = type._item;
  if (!item) throw new Error('not integrated');
  return { client: item.id.client, clock: item.id.clock };
};
const insertInto = (parent: Y.XmlElement, content: ContentSpec, parentSub?: string) =>
  encodeUpdate({
    clients: [
      {
        client: 9,
        clock: 0,
        structs: [{ kind: 'item', parent: { id: idOf(parent) }, parentSub, content }],
      },
    ],
  });
const setAttribute = (element: Y.XmlElement, name: string, value: unknown) =>
  insertInto(element, { kind: 'any', values: [value] }, name);

describe('the practice citation at the gate', () => {
  it('is accepted as y-tiptap writes it: a block among blocks, with a practice id', () => {
    const body: JSONContent = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'As Ghana showed:' }] },
        { type: 'practiceCitation', attrs: { practiceId: 'Xy_9-abc' } },
        {
          type: 'blockquote',
          content: [{ type: 'practiceCitation', attrs: { practiceId: 'a' } }],
        },
      ],
    };
    expect(check(new Y.Doc(), encodeGuideBody(body))).toMatchObject({ kind: 'accept' });
    const { doc, citation } = guideDoc();
    expect(check(doc, setAttribute(citation, 'practiceId', 'another-id'))).toMatchObject({
      kind: 'accept',
    });
    expect(check(doc, setAttribute(citation, 'practiceId', null))).toMatchObject({
      kind: 'accept',
    });
  });

  it('refuses an unknown attribute, a non-string or malformed id', () => {
    const { doc, citation } = guideDoc();
    expect(check(doc, setAttribute(citation, 'href', 'https://example.org'))).toMatchObject({
      kind: 'refuse',
      reason: expect.stringMatching(/no attribute "href"/),
    });
    for (const value of [
      42,
      { id: 'x' },
      ['x'],
      true,
      '',
      'has space',
      '<script>',
      'x'.repeat(65),
      '-leading',
    ]) {
      expect(check(doc, setAttribute(citation, 'practiceId', value))).toMatchObject({
        kind: 'refuse',
        reason: expect.stringMatching(/practiceId/),
      });
    }
  });

  it('refuses text or nodes inside the atom', () => {
    const { doc, citation } = guideDoc();
    expect(check(doc, insertInto(citation, { kind: 'xmlText' }))).toMatchObject({
      kind: 'refuse',
      reason: expect.stringMatching(/"practiceCitation" cannot hold text/),
    });
    expect(check(doc, insertInto(citation, { kind: 'element', name: 'paragraph' }))).toMatchObject({
      kind: 'refuse',
      reason: expect.stringMatching(/"practiceCitation" cannot hold a "paragraph"/),
    });
  });

  it('refuses a citation inside a paragraph (not a block place)', () => {
    const { doc, paragraph } = guideDoc();
    expect(
      check(doc, insertInto(paragraph, { kind: 'element', name: 'practiceCitation' })),
    ).toMatchObject({
      kind: 'refuse',
      reason: expect.stringMatching(/"paragraph" cannot hold a "practiceCitation"/),
    });
  });
});
