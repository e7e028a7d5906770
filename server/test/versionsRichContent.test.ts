import type { JSONContent } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  apiPath,
  type GuideVersion,
  type GuideVersionContent,
  type RestoreResult,
} from '@draftroom/shared';
import { encodeGuideBody } from '../src/services/demo/guideBody.ts';
import { contentOfState, replaceContentWith } from '../src/services/versions/guideContent.ts';
import * as Y from 'yjs';
import { createGuide, startTestServer, type TestServer } from './helpers/testServer.ts';

const text = (value: string, marks?: JSONContent['marks']): JSONContent => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
});
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });

/** Every node, mark and attribute the editor offers, as a person could have written them. */
const rich: JSONContent = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1, dir: 'ltr' }, content: [text('Practical guide')] },
    paragraph(
      text('Bold', [{ type: 'bold' }]),
      text(' and '),
      text('a link', [{ type: 'link', attrs: { href: 'https://example.org' } }]),
      text(' H'),
      text('2', [{ type: 'subscript' }]),
      text('O, x'),
      text('2', [{ type: 'superscript' }]),
      { type: 'hardBreak' },
      text('after a break', [{ type: 'italic' }]),
    ),
    { type: 'paragraph', attrs: { dir: 'rtl' }, content: [text('مرحبا بكم في الدليل')] },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [paragraph(text('First point'))] },
        { type: 'listItem', content: [paragraph(text('Second point'))] },
      ],
    },
    {
      type: 'orderedList',
      attrs: { start: 1 },
      content: [{ type: 'listItem', content: [paragraph(text('Step one'))] }],
    },
    { type: 'blockquote', content: [paragraph(text('A quotation'))] },
    { type: 'codeBlock', content: [text('const x = 1;')] },
    { type: 'horizontalRule' },
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [
            { type: 'tableHeader', content: [paragraph(text('Parliament'))] },
            { type: 'tableHeader', content: [paragraph(text('Practice'))] },
          ],
        },
        {
          type: 'tableRow',
          content: [
            { type: 'tableCell', content: [paragraph(text('Kenya'))] },
            { type: 'tableCell', content: [paragraph(text('Open data'))] },
          ],
        },
      ],
    },
  ],
};

// A restore writes through the server's schema gate like any edit: it must pass for everything
// the editor can write, in both directions (rich over plain, plain over rich).
describe('restoring versions of rich guides', () => {
  let server: TestServer;
  afterEach(async () => {
    await server.cleanup();
  });

  it('restores every node, mark and attribute exactly, and back again', async () => {
    server = await startTestServer({ SEED_DEMO: 'false' });
    const guideId = await createGuide(server);
    const host = server.server.collab.documents;
    const read = async () => contentOfState(await host.readState(guideId));
    const save = (label: string) =>
      server.organiser.expect<GuideVersion>(201, 'POST', apiPath('saveVersion', { guideId }), {
        label,
      });
    const restore = (versionId: string) =>
      server.organiser.expect<RestoreResult>(
        200,
        'POST',
        apiPath('restoreVersion', { guideId, versionId }),
      );

    await host.withDocument(guideId, (doc) => Y.applyUpdate(doc, encodeGuideBody(rich)));
    const richContent = await read();
    for (const part of ['tableHeader', 'codeBlock', 'horizontalRule', 'hardBreak', 'blockquote']) {
      expect(JSON.stringify(richContent)).toContain(`"type":"${part}"`);
    }
    for (const part of ['subscript', 'superscript', 'link', 'italic', 'orderedList']) {
      expect(JSON.stringify(richContent)).toContain(`"type":"${part}"`);
    }
    expect(JSON.stringify(richContent)).toContain('"dir":"rtl"');
    const richVersion = await save('Rich');
    const stored = await server.organiser.expect<GuideVersionContent>(
      200,
      'GET',
      apiPath('getVersion', { guideId, versionId: richVersion.id }),
    );
    expect(stored.content).toEqual(richContent);

    // Someone rewrites it all as two plain paragraphs (the server does it here, the same path).
    const plain = { type: 'doc', content: [paragraph(text('Plain')), paragraph(text('Text'))] };
    await host.withDocument(guideId, replaceContentWith(plain));
    const plainContent = await read();
    expect(JSON.stringify(plainContent)).toContain('"text":"Plain"');

    const back = await restore(richVersion.id);
    expect(back.changed).toBe(true);
    expect(await read()).toEqual(richContent);
    await restore(back.before!.id);
    expect(await read()).toEqual(plainContent);
  });
});
