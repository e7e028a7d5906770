import { beforeAll, describe, expect, it } from 'vitest';
import type { ExportNode } from '../model.ts';
import { book, chapter, hostileGuide, paragraph, text } from '../testing/sampleBooks.ts';
import { renderDocx } from './index.ts';
import {
  isBidi,
  paragraphStyle,
  paragraphText,
  paragraphWithText,
  readDocx,
  runDirections,
  tags,
  type DomDocument,
  type DomElement,
  type ReadDocx,
} from './readDocx.testing.ts';

const texts = (elements: ArrayLike<DomElement>) =>
  Array.from(elements).map((e) => e.textContent?.trim());

describe('renderDocx: a single guide (mixed sample)', () => {
  let docx: ReadDocx;
  let body: DomDocument;
  beforeAll(async () => {
    docx = await readDocx(await renderDocx(book()));
    body = docx.part('word/document.xml');
  });

  it('opens with the group name in the Title style, then the guide headings as they are', () => {
    const first = tags(body, 'w:p')[0]!;
    expect(paragraphText(first)).toBe('Group A — Transparency');
    expect(paragraphStyle(first)).toBe('Title');
    const html = docx.html;
    expect(texts(html.querySelectorAll('h1'))).toEqual(['Opening the plenary to citizens']);
    expect(texts(html.querySelectorAll('h2'))).toEqual(['الشفافية البرلمانية', 'Steps']);
    expect(texts(html.querySelectorAll('h3'))).toEqual(['What members said']);
  });

  it('numbers and bullets lists through Word numbering, nested lists inside their item', () => {
    const html = docx.html;
    const ordered = html.querySelector('ol')!;
    const items = Array.from(ordered.children).filter((e) => e.tagName === 'LI');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toBe('Publish the agenda');
    const nested = items[1]!.querySelector('ul')!;
    expect(texts(nested.querySelectorAll('li'))).toEqual([
      'Captions in two languages',
      'ترجمة فورية إلى العربية',
    ]);
    const topBullets = Array.from(html.querySelectorAll('body > ul > li'));
    expect(texts(topBullets)).toEqual(['A bullet at the top level']);
    const numbering = docx.part('word/numbering.xml');
    const formats = tags(numbering, 'w:abstractNum').map((abstract) => {
      const first = tags(abstract, 'w:lvl').find((l) => l.getAttribute('w:ilvl') === '0')!;
      return tags(first, 'w:numFmt')[0]!.getAttribute('w:val');
    });
    expect(formats).toContain('decimal');
    expect(formats).toContain('bullet');
  });

  it('keeps tables as tables: a header row, rows and cells', () => {
    const rows = Array.from(docx.html.querySelectorAll('table tr'));
    expect(rows).toHaveLength(3);
    expect(texts(rows[0]!.querySelectorAll('th'))).toEqual(['Parliament', 'Practice']);
    expect(texts(rows[2]!.querySelectorAll('td'))).toEqual(['الأردن', 'بث مباشر']);
    const table = tags(body, 'w:tbl')[0]!;
    expect(tags(table, 'w:tblStyle')[0]!.getAttribute('w:val')).toBe('DraftroomTable');
  });

  it('writes marks, links, code, quotes, rules and line breaks as Word does', () => {
    const html = docx.html;
    expect(texts(html.querySelectorAll('strong'))).toContain('bold');
    expect(texts(html.querySelectorAll('em'))).toContain('italic');
    expect(texts(html.querySelectorAll('s'))).toContain('struck');
    expect(texts(html.querySelectorAll('sub'))).toEqual(['2']);
    expect(texts(html.querySelectorAll('sup'))).toEqual(['st']);
    const link = html.querySelector('a[href^="http"]')!;
    expect([link.getAttribute('href'), link.textContent]).toEqual([
      'https://www.ipu.org/',
      'link to the IPU',
    ]);
    expect(html.body.innerHTML).toContain('First line<br>second line');
    expect(html.body.innerHTML).toContain('GET /api/agenda<br>200 OK');
    // What mammoth leaves out: underline, code style, quote style, the rule's border.
    const runWith = (value: string) =>
      tags(body, 'w:r').find((r) => tags(r, 'w:t')[0]?.textContent === value)!;
    expect(tags(runWith('underlined'), 'w:u')).toHaveLength(1);
    expect(tags(runWith('code()'), 'w:rStyle')[0]!.getAttribute('w:val')).toBe('InlineCode');
    expect(paragraphStyle(paragraphWithText(body, 'Openness is a habit, not a project.'))).toBe(
      'Quote',
    );
    expect(paragraphStyle(paragraphWithText(body, 'GET /api/agenda200 OK'))).toBe('CodeBlock');
    const rule = tags(body, 'w:p').find((p) => tags(p, 'w:pBdr').length > 0)!;
    expect(tags(tags(rule, 'w:pBdr')[0]!, 'w:bottom')).toHaveLength(1);
  });

  it('marks Arabic paragraphs right to left (w:bidi, runs w:rtl) and English ones not', () => {
    const arabic = [
      'الشفافية البرلمانية',
      'تنشر اللجان جداول أعمالها قبل كل جلسة.',
      '2026: ملاحظة بدأت بأرقام وكتبت من اليمين.',
      'ترجمة فورية إلى العربية',
      'الأردن',
      'بث مباشر',
    ];
    for (const value of arabic) {
      const p = paragraphWithText(body, value);
      expect(isBidi(p), value).toBe(true);
      expect(runDirections(p), value).not.toContain(false);
    }
    const english = ['Opening the plenary to citizens', 'Publish the agenda', 'Kenya', 'Steps'];
    for (const value of english) {
      const p = paragraphWithText(body, value);
      expect(isBidi(p), value).toBe(false);
      expect(runDirections(p), value).not.toContain(true);
    }
    const plain = paragraphWithText(body, 'First linesecond line');
    expect(isBidi(plain)).toBe(false);
  });

  it('defines Title, Heading 1–3 and a bordered table style with a shaded header row', () => {
    const styles = docx.part('word/styles.xml');
    const byId = new Map(tags(styles, 'w:style').map((s) => [s.getAttribute('w:styleId'), s]));
    const name = (id: string) => tags(byId.get(id)!, 'w:name')[0]!.getAttribute('w:val');
    expect(['Title', 'Heading1', 'Heading2', 'Heading3'].map(name)).toEqual([
      'Title',
      'Heading 1',
      'Heading 2',
      'Heading 3',
    ]);
    const table = byId.get('DraftroomTable')!;
    expect(table.getAttribute('w:type')).toBe('table');
    expect(tags(tags(table, 'w:tblBorders')[0]!, 'w:insideH')).toHaveLength(1);
    const header = tags(table, 'w:tblStylePr').find(
      (s) => s.getAttribute('w:type') === 'firstRow',
    )!;
    expect(tags(header, 'w:b')).toHaveLength(1);
    expect(tags(header, 'w:shd')[0]!.getAttribute('w:fill')).toMatch(/^[0-9A-F]{6}$/);
    const defaults = tags(tags(styles, 'w:docDefaults')[0]!, 'w:rFonts')[0]!;
    expect(defaults.getAttribute('w:cs')).toBe('Noto Naskh Arabic');
  });

  it('is A4 with "Page X of Y" fields in the footer, and says who made it in what language', () => {
    expect(tags(body, 'w:pgSz')[0]!.getAttribute('w:w')).toBe('11906');
    const footer = docx.part('word/footer1.xml');
    expect(texts(tags(footer, 'w:instrText'))).toEqual(['PAGE', 'NUMPAGES']);
    expect(texts(tags(footer, 'w:t'))).toEqual(['Page', 'of']);
    const core = docx.part('docProps/core.xml');
    const field = (name: string) => tags(core, name)[0]?.textContent;
    expect([field('dc:title'), field('dc:creator'), field('dc:language')]).toEqual([
      'Group A — Transparency',
      'Draftroom',
      'en-GB',
    ]);
  });
});

describe('renderDocx: details', () => {
  it('is Letter when the book asks for it', async () => {
    const docx = await readDocx(await renderDocx(book({ pageSize: 'Letter' })));
    const size = tags(docx.part('word/document.xml'), 'w:pgSz')[0]!;
    expect([size.getAttribute('w:w'), size.getAttribute('w:h')]).toEqual(['12240', '15840']);
  });

  it('restarts each ordered list, from its own start', async () => {
    const list = (start: number, ...items: string[]): ExportNode => ({
      type: 'orderedList',
      attrs: { start, type: null },
      content: items.map((value) => ({
        type: 'listItem',
        attrs: { dir: null },
        content: [paragraph(null, text(value))],
      })),
    });
    const content = {
      type: 'doc',
      content: [
        list(1, 'a1', 'a2'),
        paragraph(null, text('between')),
        list(1, 'b1'),
        list(4, 'c4'),
      ],
    };
    const docx = await readDocx(await renderDocx(book({ chapters: [chapter({ content })] })));
    const body = docx.part('word/document.xml');
    const numId = (value: string) =>
      tags(paragraphWithText(body, value), 'w:numId')[0]!.getAttribute('w:val')!;
    expect(numId('a1')).toBe(numId('a2'));
    const lists = [numId('a1'), numId('b1'), numId('c4')];
    expect(new Set(lists).size).toBe(3);
    // Word starts a list at its num's start override, else its abstract level's start.
    const numbering = docx.part('word/numbering.xml');
    const startOf = (id: string) => {
      const num = tags(numbering, 'w:num').find((n) => n.getAttribute('w:numId') === id)!;
      const override = tags(num, 'w:lvlOverride').find((o) => o.getAttribute('w:ilvl') === '0');
      const value = override && tags(override, 'w:startOverride')[0]?.getAttribute('w:val');
      if (value) return Number(value);
      const abstractId = tags(num, 'w:abstractNumId')[0]!.getAttribute('w:val');
      const abstract = tags(numbering, 'w:abstractNum').find(
        (a) => a.getAttribute('w:abstractNumId') === abstractId,
      )!;
      return Number(tags(tags(abstract, 'w:lvl')[0]!, 'w:start')[0]!.getAttribute('w:val'));
    };
    expect(lists.map(startOf)).toEqual([1, 1, 4]);
  });

  it('keeps characters XML forbids out of the file, and the text around them', async () => {
    const content = { type: 'doc', content: [paragraph(null, text('a\u000bb\u0001c \ud800d'))] };
    const bytes = await renderDocx(book({ chapters: [chapter({ content })] }));
    const docx = await readDocx(bytes);
    // eslint-disable-next-line no-control-regex -- what XML 1.0 does not allow.
    expect(docx.text('word/document.xml')).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(docx.html.body.textContent).toContain('a bc d');
  });
});

describe('renderDocx: a hostile guide', () => {
  let docx: ReadDocx;
  beforeAll(async () => {
    docx = await readDocx(
      await renderDocx(book({ chapters: [chapter({ content: hostileGuide })] })),
    );
  });

  it('links only to safe targets, keeping the text of the others', () => {
    const hrefs = Array.from(docx.html.querySelectorAll('a[href]')).map((a) =>
      a.getAttribute('href')!,
    );
    expect(hrefs).toEqual(['https://example.org/?q="><script>']);
    const rels = docx.text('word/_rels/document.xml.rels');
    expect(rels).not.toMatch(/javascript|data:/i);
    for (const value of ['click me', 'and me', 'data too']) {
      expect(docx.html.body.textContent).toContain(value);
    }
  });

  it('keeps pasted markup as text, never as markup', () => {
    const html = docx.html;
    expect(html.querySelectorAll('script, img, b, [onerror], [onmouseover]')).toHaveLength(0);
    expect(html.querySelector('h1')!.textContent).toBe('<script>alert("title")</script>');
    expect(html.body.textContent).toContain('<img src=x onerror="alert(1)"> and <script>alert(2)');
    expect(html.body.textContent).toContain('[md link](javascript:alert(6)) <b onmouseover');
  });
});
