import { strFromU8, unzipSync } from 'fflate';
import type { Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { book, compiledBook } from '../testing/sampleBooks.ts';
import { renderGuideMarkdown, renderMarkdown, renderMarkdownBundle } from './renderMarkdown.ts';
import { all, markdownToBody, markdownTokens, textOf } from './testing/readMarkdown.ts';

/** The zip's files as text, unpacked by fflate's reader (not the writer under test). */
function unpack(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(
    Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]),
  );
}

// 'Europe/Geneva' of the sample books is not an IANA zone (Geneva keeps Zurich's time), and
// Intl refuses it; the event's real zone stands in.
const timeZone = 'Europe/Zurich';

describe('the compiled Markdown export', () => {
  const compiled = compiledBook({ timeZone });
  const files = unpack(renderMarkdownBundle(compiled));
  const index = markdownToBody(files['index.md']!);

  it('holds an index and one file per guide, in book order', () => {
    expect(Object.keys(files).sort()).toEqual([
      '01-group-a-transparency.md',
      '02-guide.md',
      'index.md',
    ]);
  });

  it('opens the index with the event, the session and the date', () => {
    expect(textOf(index.querySelector('h1'))).toBe('World e-Parliament Conference 2026');
    const lines = all(index, 'p').map(textOf);
    expect(lines.slice(0, 2)).toEqual([
      'Co-creation: open parliaments',
      'Exported on December 1, 2026',
    ]);
  });

  it('links the contents to the files', () => {
    const list = markdownTokens(files['index.md']!).find(
      (token): token is Tokens.List => token.type === 'list' && token.ordered,
    );
    expect(list?.items).toHaveLength(2);
    const links = all(index, 'ol a').map((a) => [textOf(a), a.getAttribute('href')]);
    expect(links).toEqual([
      ['Group A — Transparency', '01-group-a-transparency.md'],
      ['المجموعة ب — المشاركة', '02-guide.md'],
    ]);
    for (const [, href] of links) expect(files[href!]).toBeDefined();
  });

  it('ends the index with the contributors by parliament', () => {
    const headings = all(index, 'h2, h3').map(textOf);
    expect(headings).toEqual([
      'Contents',
      'Contributors by parliament',
      'Group A — Transparency',
      'المجموعة ب — المشاركة',
    ]);
    const contributors = all(index, 'ul').map((ul) => all(ul, 'li').map(textOf));
    expect(contributors).toEqual([
      ['Parliament of Kenya: Amina Odhiambo', 'مجلس النواب الأردني: ليلى حداد, Omar Nasser'],
      ['Parliament of Kenya: Amina Odhiambo', 'مجلس النواب الأردني: ليلى حداد, Omar Nasser'],
    ]);
  });

  it('writes each guide as a file that reads back with its title and facts', () => {
    const arabic = markdownToBody(files['02-guide.md']!);
    expect(textOf(arabic.querySelector('h1'))).toBe('المجموعة ب — المشاركة');
    expect(all(arabic, 'h2').map(textOf)).toEqual(['إشراك المواطنين']);
    expect(textOf(all(arabic, 'p')[0])).toBe(
      'Working language: Arabic · Status: Final (frozen) · Version 3 (النسخة النهائية)',
    );
    const english = markdownToBody(files['01-group-a-transparency.md']!);
    expect(textOf(all(english, 'p')[0])).toBe(
      'Working language: English · Status: Open for writing',
    );
    expect(all(english, 'table')).toHaveLength(1);
  });

  it('prints the labels in the book’s language, right to left in Arabic', () => {
    const arabicIndex = markdownToBody(
      unpack(renderMarkdownBundle(compiledBook({ locale: 'ar', timeZone })))['index.md']!,
    );
    const contents = all(arabicIndex, 'h2').find((h2) => textOf(h2) === 'المحتويات');
    expect(contents?.closest('[dir]')?.getAttribute('dir')).toBe('rtl');
    const english = all(arabicIndex, 'a').find((a) => textOf(a) === 'Group A — Transparency');
    expect(english?.closest('[dir]')?.getAttribute('dir')).toBe('ltr');
  });

  it('names the files as the caller asks, and refuses names that are not plain', () => {
    const named = unpack(
      renderMarkdownBundle(compiled, { fileNameOf: (chapter) => `${chapter.guideId}.md` }),
    );
    expect(Object.keys(named).sort()).toEqual(['g-arabic.md', 'g-mixed.md', 'index.md']);
    expect(
      all(markdownToBody(named['index.md']!), 'ol a').map((a) => a.getAttribute('href')),
    ).toEqual(['g-mixed.md', 'g-arabic.md']);
    for (const bad of ['../up.md', 'index.md', 'no-extension', 'a/b.md']) {
      expect(() => renderMarkdownBundle(compiled, { fileNameOf: () => bad })).toThrow();
    }
  });

  it('gives the same bytes for the same book', () => {
    expect(renderMarkdownBundle(compiled)).toEqual(renderMarkdownBundle(compiled));
  });
});

describe('renderMarkdown', () => {
  it('gives a single guide as one Markdown file', () => {
    const single = book();
    const result = renderMarkdown(single);
    expect(result.mediaType).toBe('text/markdown; charset=utf-8');
    expect(strFromU8(result.bytes)).toBe(renderGuideMarkdown(single, single.chapters[0]!));
  });

  it('gives a compiled book as a zip', () => {
    const result = renderMarkdown(compiledBook({ timeZone }));
    expect(result.extension).toBe('zip');
    expect(Object.keys(unzipSync(result.bytes))).toContain('index.md');
  });
});
