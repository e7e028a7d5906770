import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import { encodeGuideBody } from '../../services/demo/guideBody.ts';
import { encodeUpdate, type StructSpec } from '../../../test/helpers/updateEncoder.ts';
import { guideRules } from './guideRules.ts';
import { DocumentStructs, InFlightStructs } from './knownStructs.ts';
import { validateUpdate, type UpdateVerdict } from './validateUpdate.ts';

// What issue 9 added to the shared editor schema reaches the server's gate with it: a block's
// direction and superscript/subscript are accepted as y-tiptap writes them; values and names the
// schema does not have are still refused.

/** A guide with one paragraph "Hi" written by client 1: paragraph (1,0), text (1,1). */
function guideDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = 1;
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('Hi')]);
  doc.getXmlFragment('default').insert(0, [paragraph]);
  return doc;
}

function check(doc: Y.Doc, update: Uint8Array): UpdateVerdict {
  return validateUpdate(Y.decodeUpdate(update), {
    document: new DocumentStructs(doc),
    inFlight: new InFlightStructs(),
    rules: guideRules(),
  });
}

const inParagraph = { id: { client: 1, clock: 0 } };
const inText = { id: { client: 1, clock: 1 } };
const setOnParagraph = (name: string, value: unknown): Uint8Array =>
  encodeUpdate({
    clients: [
      {
        client: 9,
        clock: 0,
        structs: [
          {
            kind: 'item',
            parent: inParagraph,
            parentSub: name,
            content: { kind: 'any', values: [value] },
          } satisfies StructSpec,
        ],
      },
    ],
  });
const formatText = (key: string, value: unknown): Uint8Array =>
  encodeUpdate({
    clients: [
      {
        client: 9,
        clock: 0,
        structs: [{ kind: 'item', parent: inText, content: { kind: 'format', key, value } }],
      },
    ],
  });

describe('block direction', () => {
  it('is accepted on paragraphs, headings, list items and table cells', () => {
    const paragraph = (dir: string | null, text: string): JSONContent => ({
      type: 'paragraph',
      attrs: { dir },
      content: [{ type: 'text', text }],
    });
    const body: JSONContent = {
      type: 'doc',
      content: [
        {
          type: 'heading',
          attrs: { level: 3, dir: 'rtl' },
          content: [{ type: 'text', text: 'ا' }],
        },
        paragraph('ltr', 'English'),
        {
          type: 'bulletList',
          content: [{ type: 'listItem', attrs: { dir: 'rtl' }, content: [paragraph(null, 'ب')] }],
        },
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [
                { type: 'tableHeader', attrs: { dir: 'rtl' }, content: [paragraph('rtl', 'ج')] },
                { type: 'tableCell', attrs: { dir: 'ltr' }, content: [paragraph(null, 'x')] },
              ],
            },
          ],
        },
      ],
    };
    expect(check(new Y.Doc(), encodeGuideBody(body))).toMatchObject({ kind: 'accept' });
    expect(check(guideDoc(), setOnParagraph('dir', 'rtl'))).toMatchObject({ kind: 'accept' });
    expect(check(guideDoc(), setOnParagraph('dir', 'ltr'))).toMatchObject({ kind: 'accept' });
  });

  it('refuses a value other than ltr and rtl, and a direction on other nodes', () => {
    for (const value of ['auto', 'sideways', 'RTL', 1, { dir: 'rtl' }]) {
      expect(check(guideDoc(), setOnParagraph('dir', value))).toMatchObject({
        kind: 'refuse',
        reason: expect.stringMatching(/dir/),
      });
    }
    expect(check(guideDoc(), setOnParagraph('direction', 'rtl'))).toMatchObject({
      kind: 'refuse',
      reason: expect.stringMatching(/no attribute "direction"/),
    });
    expect(guideRules().nodes.get('bulletList')?.attributes.has('dir')).toBe(false);
  });
});

describe('superscript and subscript', () => {
  it('are accepted as y-tiptap writes them', () => {
    const body: JSONContent = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'CO' },
            { type: 'text', text: '2', marks: [{ type: 'subscript' }] },
            { type: 'text', text: ' 1' },
            { type: 'text', text: 'er', marks: [{ type: 'superscript' }, { type: 'bold' }] },
          ],
        },
      ],
    };
    expect(check(new Y.Doc(), encodeGuideBody(body))).toMatchObject({ kind: 'accept' });
    expect(check(guideDoc(), formatText('superscript', {}))).toMatchObject({ kind: 'accept' });
    expect(check(guideDoc(), formatText('subscript', null))).toMatchObject({ kind: 'accept' });
  });

  it('take no attributes, and unknown marks are still refused', () => {
    expect(check(guideDoc(), formatText('superscript', { level: 2 }))).toMatchObject({
      kind: 'refuse',
      reason: expect.stringMatching(/no attribute "level"/),
    });
    expect(check(guideDoc(), formatText('sup', {}))).toMatchObject({
      kind: 'refuse',
      reason: expect.stringMatching(/"sup" is not a mark/),
    });
  });
});
