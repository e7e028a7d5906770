// Attacks on the DOCX export: names an organiser types and text or links a guide holds must
// leave every XML part of the package well-formed (Word refuses a file with one bad character).
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { chapter, compiledBook, link, paragraph, text } from '../testing/sampleBooks.ts';
import { renderDocx } from './index.ts';

const hostile = 'A\u0001B\u000bC\uFFFE\ud800 ]]> <x> & "q" \'s\'';

describe('DOCX export against hostile names, text and links', () => {
  it('writes well-formed XML whatever the names, the text and the link targets hold', async () => {
    const book = compiledBook({
      eventName: `Event ${hostile}`,
      sessionTitle: `Session ${hostile}`,
      chapters: [
        chapter({
          title: `Group ${hostile}`,
          version: { number: 2, label: `Label ${hostile}`, takenAt: '2026-01-01T00:00:00Z' },
          contributors: [{ parliament: `P ${hostile}`, country: 'KE', names: [`N ${hostile}`] }],
          content: {
            type: 'doc',
            content: [
              paragraph(
                null,
                text(`Body ${hostile}`),
                text('link', link('https://example.com/a"b<c>&d\u0001e]]>')),
              ),
            ],
          },
        }),
      ],
    });
    const bytes = new Uint8Array(await renderDocx(book));
    const parts = unzipSync(bytes);
    for (const [name, data] of Object.entries(parts)) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      const xml = strFromU8(data);
      // eslint-disable-next-line no-control-regex -- what XML 1.0 does not allow.
      expect(xml, name).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
      expect(xml, name).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
      // Attribute values never hold a raw quote or "<" (an attribute closed early).
      for (const [, value] of xml.matchAll(/="([^"]*)"/g)) expect(value, name).not.toMatch(/</);
    }
    const rels = strFromU8(parts['word/_rels/document.xml.rels']!);
    expect(rels).toContain('https://example.com/a&quot;b&lt;c&gt;&amp;de]]&gt;');
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(value).toContain('Group AB C');
  });
});
