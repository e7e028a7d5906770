import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import { encodeGuideBody } from '../../services/demo/guideBody.ts';
import {
  encodeUpdate,
  type ContentSpec,
  type StructSpec,
  type UpdateSpec,
} from '../../../test/helpers/updateEncoder.ts';
import { guideRules } from './guideRules.ts';
import { DocumentStructs, InFlightStructs } from './knownStructs.ts';
import { validateUpdate, type UpdateVerdict } from './validateUpdate.ts';

// The gate in front of storage: what fits a guide is accepted, what refers to edits not here yet
// waits, everything else is refused. Each rule has a case that breaks only that rule.

/** A guide with one paragraph "Hi" written by client 1: paragraph (1,0), text (1,1), "Hi" (1,2–3). */
function guideDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = 1;
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('Hi')]);
  doc.getXmlFragment('default').insert(0, [paragraph]);
  return doc;
}

function check(doc: Y.Doc, update: Uint8Array, inFlight = new InFlightStructs()): UpdateVerdict {
  return validateUpdate(Y.decodeUpdate(update), {
    document: new DocumentStructs(doc),
    inFlight,
    rules: guideRules(),
  });
}

const kind = (verdict: UpdateVerdict) => verdict.kind;
const one = (client: number, clock: number, ...structs: StructSpec[]): UpdateSpec => ({
  clients: [{ client, clock, structs }],
});
const item = (spec: Omit<Extract<StructSpec, { kind: 'item' }>, 'kind'>): StructSpec => ({
  kind: 'item',
  ...spec,
});
const inText = { id: { client: 1, clock: 1 } };
const inParagraph = { id: { client: 1, clock: 0 } };

describe('validateUpdate: what editors write is accepted', () => {
  it('accepts every node, attribute and mark of the shared schema as y-tiptap writes them', () => {
    const text = (value: string, marks?: JSONContent['marks']): JSONContent => ({
      type: 'text',
      text: value,
      ...(marks ? { marks } : {}),
    });
    const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
    const body: JSONContent = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [text('Purpose')] },
        paragraph(
          text('bold', [{ type: 'bold' }]),
          text('italic', [{ type: 'italic' }, { type: 'underline' }]),
          { type: 'hardBreak' },
          text('struck code', [{ type: 'strike' }]),
          text('a link', [{ type: 'link', attrs: { href: 'https://ipu.org', target: '_blank' } }]),
          text('code', [{ type: 'code' }]),
        ),
        paragraph(text('مرحبا بالجميع')),
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [
                paragraph(text('one')),
                {
                  type: 'orderedList',
                  attrs: { start: 3 },
                  content: [{ type: 'listItem', content: [paragraph(text('nested'))] }],
                },
              ],
            },
          ],
        },
        { type: 'blockquote', content: [paragraph(text('quoted'))] },
        { type: 'codeBlock', attrs: { language: 'js' }, content: [text('let x = 1;')] },
        { type: 'horizontalRule' },
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [
                {
                  type: 'tableHeader',
                  attrs: { colspan: 1, rowspan: 1, colwidth: [120] },
                  content: [paragraph(text('Step'))],
                },
                {
                  type: 'tableCell',
                  attrs: { colspan: 2, rowspan: 1, colwidth: null },
                  content: [paragraph(text('Who'))],
                },
              ],
            },
          ],
        },
      ],
    };
    const verdict = check(new Y.Doc(), encodeGuideBody(body));
    expect(verdict).toMatchObject({ kind: 'accept' });
  });

  it('accepts typing, formatting and deleting in an existing paragraph', () => {
    const server = guideDoc();
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const updates: Uint8Array[] = [];
    client.on('update', (update: Uint8Array) => updates.push(update));
    const text = (client.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(2, ' there');
    text.format(0, 2, { bold: {} });
    text.delete(0, 1);
    for (const update of updates) {
      expect(kind(check(server, update))).toBe('accept');
      Y.applyUpdate(server, update);
    }
  });

  it('accepts an update that builds on one still being stored (in flight)', () => {
    const server = guideDoc();
    const first = encodeUpdate(
      one(9, 0, item({ parent: inText, content: { kind: 'string', text: 'a' } })),
    );
    const second = encodeUpdate(
      one(9, 1, item({ origin: { client: 9, clock: 0 }, content: { kind: 'string', text: 'b' } })),
    );
    expect(kind(check(server, second))).toBe('wait');
    const inFlight = new InFlightStructs();
    const verdict = check(server, first);
    if (verdict.kind !== 'accept') throw new Error(verdict.kind);
    inFlight.add(verdict.structs);
    expect(kind(check(server, second, inFlight))).toBe('accept');
  });
});

describe('validateUpdate: what crashed or bricked the server is refused', () => {
  it('refuses the 14-byte update that took the process down (zero-length item on root "junk")', () => {
    const crash = Uint8Array.from(Buffer.from('01019a05000101046a756e6b0000', 'hex'));
    expect(check(guideDoc(), crash)).toMatchObject({
      kind: 'refuse',
      reason: expect.stringMatching(/no length/),
    });
  });

  it('refuses the 4-byte zero-length GC struct that made compaction write an unloadable state', () => {
    const gc = Uint8Array.from(Buffer.from('01019a0500000000', 'hex'));
    expect(check(guideDoc(), gc)).toMatchObject({
      kind: 'refuse',
      reason: expect.stringMatching(/no length/),
    });
  });
});

describe('validateUpdate: one rule at a time', () => {
  const refused = (spec: UpdateSpec, reason: RegExp) =>
    expect(check(guideDoc(), encodeUpdate(spec))).toMatchObject({
      kind: 'refuse',
      reason: expect.stringMatching(reason),
    });
  const paragraphAtRoot = item({
    parent: { root: 'default' },
    content: { kind: 'element', name: 'paragraph' },
  });

  it('accepts the reference case that each refusal below changes in one way', () => {
    expect(kind(check(guideDoc(), encodeUpdate(one(9, 0, paragraphAtRoot))))).toBe('accept');
  });

  it('refuses other root types', () => {
    refused(
      one(9, 0, item({ parent: { root: 't' }, content: { kind: 'string', text: 'x' } })),
      /root type "t"/,
    );
  });

  it('refuses zero and absurd lengths and clocks', () => {
    refused(
      one(9, 0, item({ parent: inText, content: { kind: 'string', text: '' } })),
      /no length/,
    );
    refused(one(9, 0, { kind: 'skip', length: 0 }), /no length/);
    refused(one(9, 2 ** 40, paragraphAtRoot), /absurd clock/);
    refused(one(9, 0, { kind: 'gc', length: 2 ** 40 }), /absurd clock/);
    refused({ clients: [], deletes: [{ client: 1, ranges: [[0, 0]] }] }, /absurd length/);
  });

  it('refuses nodes, children, attributes and marks the schema does not have', () => {
    refused(
      one(
        9,
        0,
        item({ parent: { root: 'default' }, content: { kind: 'element', name: 'script' } }),
      ),
      /cannot hold a "script"/,
    );
    refused(
      one(9, 0, item({ parent: { root: 'default' }, content: { kind: 'xmlText' } })),
      /the guide cannot hold/,
    );
    refused(
      one(9, 0, item({ parent: inParagraph, content: { kind: 'element', name: 'paragraph' } })),
      /"paragraph" cannot hold a "paragraph"/,
    );
    refused(
      one(9, 0, item({ parent: inParagraph, content: { kind: 'string', text: 'x' } })),
      /cannot hold/,
    );
    refused(
      one(
        9,
        0,
        item({
          parent: inParagraph,
          parentSub: 'onclick',
          content: { kind: 'any', values: ['x'] },
        }),
      ),
      /no attribute "onclick"/,
    );
    refused(
      one(9, 0, item({ parent: inText, content: { kind: 'format', key: 'ychange', value: {} } })),
      /"ychange" is not a mark/,
    );
    refused(
      one(
        9,
        0,
        item({
          parent: inText,
          content: { kind: 'format', key: 'link', value: { href: 'javascript:alert(1)' } },
        }),
      ),
      /script/,
    );
    refused(
      one(
        9,
        0,
        item({ parent: inText, content: { kind: 'format', key: 'link', value: { onclick: 'x' } } }),
      ),
      /no attribute/,
    );
    refused(
      one(9, 0, item({ parent: inText, parentSub: 'x', content: { kind: 'any', values: [1] } })),
      /text has no attributes/,
    );
  });

  it('refuses content kinds a guide never holds', () => {
    const kinds: ContentSpec[] = [
      { kind: 'json', values: ['1'] },
      { kind: 'binary', bytes: Uint8Array.of(1) },
      { kind: 'embed', value: { image: 'x' } },
      { kind: 'doc', guid: 'sub' },
      { kind: 'type', ref: 1 },
      { kind: 'type', ref: 0 },
      { kind: 'type', ref: 2 },
      { kind: 'type', ref: 4 },
      { kind: 'type', ref: 5 },
    ];
    for (const content of kinds)
      refused(one(9, 0, item({ parent: inText, content })), /never holds/);
  });

  it('refuses impossible references: forward, cyclic, between different parents, duplicate clients', () => {
    refused(
      one(9, 0, item({ origin: { client: 9, clock: 5 }, content: { kind: 'string', text: 'x' } })),
      /refers forward/,
    );
    refused(
      {
        clients: [
          {
            client: 9,
            clock: 0,
            structs: [
              item({ origin: { client: 8, clock: 0 }, content: { kind: 'string', text: 'x' } }),
            ],
          },
          {
            client: 8,
            clock: 0,
            structs: [
              item({ origin: { client: 9, clock: 0 }, content: { kind: 'string', text: 'y' } }),
            ],
          },
        ],
      },
      /depends on itself/,
    );
    refused(
      one(
        9,
        0,
        item({
          origin: { client: 1, clock: 2 },
          rightOrigin: { client: 1, clock: 0 },
          content: { kind: 'string', text: 'x' },
        }),
      ),
      /different parents/,
    );
    refused(
      {
        clients: [
          one(9, 0, paragraphAtRoot).clients[0]!,
          one(8, 0, paragraphAtRoot).clients[0]!,
          one(9, 1, paragraphAtRoot).clients[0]!,
        ],
      },
      /appears twice/,
    );
  });

  it('refuses a struct that continues, past what the server holds, in another parent', () => {
    // Client 1's clocks 0–3 are the paragraph, its text and "Hi"; 4–5 are new.
    const continuing = (parent: { id: { client: number; clock: number } }) =>
      check(
        guideDoc(),
        encodeUpdate(one(1, 2, item({ parent, content: { kind: 'string', text: 'Hi!!' } }))),
      );
    expect(kind(continuing(inText))).toBe('accept'); // the honest copy: same text, two more letters
    const server = guideDoc();
    Y.applyUpdate(server, encodeUpdate(one(9, 0, paragraphAtRoot)));
    const crafted = encodeUpdate(
      one(9, 0, item({ parent: inText, content: { kind: 'string', text: 'xyz' } })),
    );
    expect(check(server, crafted)).toMatchObject({
      kind: 'refuse',
      reason: expect.stringMatching(/somewhere else/),
    });
  });

  it('makes an update wait for what it refers to but the server does not have', () => {
    const waits = (spec: UpdateSpec) =>
      expect(kind(check(guideDoc(), encodeUpdate(spec)))).toBe('wait');
    waits(
      one(9, 0, item({ origin: { client: 77, clock: 3 }, content: { kind: 'string', text: 'x' } })),
    );
    waits(
      one(9, 0, item({ parent: { id: { client: 77, clock: 0 } }, content: { kind: 'xmlText' } })),
    );
    waits(one(9, 4, paragraphAtRoot)); // clocks 0–3 of client 9 never arrived
    waits({ clients: [], deletes: [{ client: 1, ranges: [[3, 10]] }] });
  });
});
