import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { ExportBook, ExportNode } from '../model.ts';
import {
  book as sampleBook,
  chapter,
  compiledBook as sampleCompiledBook,
  hostileGuide,
  link,
  paragraph,
  text,
} from '../testing/sampleBooks.ts';
import { renderHtml } from './renderHtml.ts';

// Read back with linkedom, a parser that shares nothing with the serializer.
function parse(html: string) {
  return new DOMParser().parseFromString(html, 'text/html');
}
type ParsedElement = ReturnType<ReturnType<typeof parse>['createElement']>;
interface ParentNode {
  querySelectorAll(selector: string): Iterable<ParsedElement>;
}

// The samples in Zurich's zone, the one the dates these tests expect are written for.
const book = (overrides: Partial<ExportBook> = {}) =>
  sampleBook({ timeZone: 'Europe/Zurich', ...overrides });
const compiledBook = (overrides: Partial<ExportBook> = {}) =>
  sampleCompiledBook({ timeZone: 'Europe/Zurich', ...overrides });

const blockSelector = 'p, h1, h2, h3, h4, h5, h6, li, td, th, blockquote, pre, ul, ol, table';
const all = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)];
const texts = (root: ParentNode, selector: string) =>
  all(root, selector).map((element) => element.textContent?.trim());

/** The direction a reader expects: that of the first letter, Arabic or not. */
function expectedDirection(content: string): 'ltr' | 'rtl' | null {
  const letter = /\p{L}/u.exec(content)?.[0];
  if (letter === undefined) return null;
  return /\p{Script=Arabic}/u.test(letter) ? 'rtl' : 'ltr';
}

describe('renderHtml', () => {
  it('is a standalone document in the labels’ language that may load and run nothing', () => {
    const document = parse(renderHtml(book({ locale: 'ar', pageSize: 'Letter' })));
    const root = document.documentElement;
    expect(root.getAttribute('lang')).toBe('ar');
    expect(root.getAttribute('dir')).toBe('rtl');
    expect(document.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    const policy = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(policy?.getAttribute('content')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    );
    expect(document.querySelector('title')?.textContent).toBe('Group A — Transparency');
    const styles = document.querySelector('style')?.textContent ?? '';
    expect(styles).toContain('size: Letter');
    expect(styles).toContain(`'Noto Sans', 'Noto Naskh Arabic'`);
    expect(all(document, 'link, script, iframe, object, embed, img')).toEqual([]);
  });

  it('states the direction of every block, Arabic right to left among English', () => {
    const document = parse(renderHtml(compiledBook()));
    const blocks = all(document.body, blockSelector);
    expect(blocks.length).toBeGreaterThan(40);
    for (const block of blocks)
      expect(block.getAttribute('dir'), block.outerHTML).toMatch(/^(ltr|rtl)$/);

    const mixed = document.getElementById('chapter-1')!;
    for (const block of all(mixed, 'p:not(.facts), h1, h2, h3, h4, li, td, th')) {
      const expected = expectedDirection(block.textContent ?? '');
      expect(block.getAttribute('dir'), block.outerHTML).toBe(expected);
    }
    const rtl = all(mixed, '[dir="rtl"]').map((element) => element.textContent?.trim());
    expect(rtl).toEqual(
      expect.arrayContaining([
        'الشفافية البرلمانية',
        'تنشر اللجان جداول أعمالها قبل كل جلسة.',
        '2026: ملاحظة بدأت بأرقام وكتبت من اليمين.',
        'ترجمة فورية إلى العربية',
        'الأردن',
      ]),
    );

    // The Arabic chapter: right to left, except the paragraph its writer set left to right.
    const arabic = document.getElementById('chapter-2')!;
    expect(arabic.getAttribute('dir')).toBe('rtl');
    expect(arabic.getAttribute('lang')).toBe('ar');
    const english = all(arabic, 'p').find((p) => p.textContent?.startsWith('English note'));
    expect(english?.getAttribute('dir')).toBe('ltr');
    expect(arabic.querySelector('h1')?.getAttribute('dir')).toBe('rtl');
  });

  it('writes a single guide under its title, its headings one level down', () => {
    const document = parse(renderHtml(book()));
    expect(texts(document, 'h1')).toEqual(['Group A — Transparency']);
    expect(texts(document, 'h2, h3, h4').join(' | ')).toBe(
      'Opening the plenary to citizens | الشفافية البرلمانية | Steps | What members said',
    );
    expect(all(document, 'h2, h3, h4').map((heading) => heading.tagName)).toEqual([
      'H2',
      'H3',
      'H3',
      'H4',
    ]);
    expect(all(document, 'nav, .title-page, .annex')).toEqual([]);

    // Lists: an ordered list whose second item holds a bullet list; a bullet list after it.
    const ordered = document.querySelector('ol')!;
    expect(all(ordered, ':scope > li').length).toBe(2);
    expect(texts(ordered, ':scope > li > ul > li')).toEqual([
      'Captions in two languages',
      'ترجمة فورية إلى العربية',
    ]);
    expect(texts(document, 'body ul:not(li ul) > li')).toEqual(['A bullet at the top level']);

    // The table: a header row, then two rows of cells.
    const rows = all(document, 'table tr');
    expect(rows.map((row) => texts(row, 'th, td'))).toEqual([
      ['Parliament', 'Practice'],
      ['Kenya', 'Live captions'],
      ['الأردن', 'بث مباشر'],
    ]);
    expect(all(rows[0]!, 'th').length).toBe(2);

    expect(document.querySelector('blockquote p')?.textContent).toBe(
      'Openness is a habit, not a project.',
    );
    expect(document.querySelector('pre > code')?.textContent).toBe('GET /api/agenda\n200 OK');
    expect(document.querySelector('hr')).not.toBeNull();
    const lastParagraph = all(document, 'p').at(-1)!;
    expect(lastParagraph.querySelector('br')).not.toBeNull();

    const marks = Object.fromEntries(
      ['strong', 'em', 'u', 's', 'code', 'sub', 'sup'].map((tag) => [
        tag,
        document.querySelector(`p ${tag}`)?.textContent,
      ]),
    );
    expect(marks).toEqual({
      strong: 'bold',
      em: 'italic',
      u: 'underlined',
      s: 'struck',
      code: 'code()',
      sub: '2',
      sup: 'st',
    });
    const anchor = document.querySelector('a')!;
    expect(anchor.getAttribute('href')).toBe('https://www.ipu.org/');
    expect(anchor.getAttribute('rel')).toBe('noopener noreferrer');
    expect(anchor.textContent).toBe('link to the IPU');
  });

  it('opens a compiled book with a title page and contents, then chapters and the annex', () => {
    const document = parse(renderHtml(compiledBook()));
    expect(texts(document, '.title-page p')).toEqual([
      'World e-Parliament Conference 2026',
      'Co-creation: open parliaments',
      'Exported on December 1, 2026',
    ]);

    const links = all(document, 'nav a');
    expect(links.map((a) => a.textContent)).toEqual([
      'Group A — Transparency',
      'المجموعة ب — المشاركة',
      'Contributors by parliament',
    ]);
    for (const a of links) {
      const target = document.getElementById(a.getAttribute('href')!.slice(1));
      expect(target?.querySelector('h1')?.textContent).toBe(a.textContent);
    }

    const chapters = all(document, 'section.chapter');
    expect(chapters.map((section) => section.querySelector('h1')?.textContent)).toEqual([
      'Group A — Transparency',
      'المجموعة ب — المشاركة',
    ]);
    expect(chapters.map((section) => section.querySelector('.facts')?.textContent)).toEqual([
      'Working language: English · Status: Open for writing',
      'Working language: Arabic · Status: Final (frozen) · Version 3 (النسخة النهائية)',
    ]);
    // The guide's own H1 sits under the chapter heading.
    expect(chapters[1]!.querySelector('h2')?.textContent).toBe('إشراك المواطنين');

    const annex = document.querySelector('section.annex')!;
    expect(texts(annex, 'h2')).toEqual(['Group A — Transparency', 'المجموعة ب — المشاركة']);
    expect(texts(annex, 'li')).toContain('مجلس النواب الأردني: ليلى حداد, Omar Nasser');
  });

  it('prints the labels in the exporter’s language', () => {
    const document = parse(renderHtml(compiledBook({ locale: 'ar' })));
    expect(document.querySelector('nav h1')?.textContent).toBe('المحتويات');
    expect(document.querySelector('nav h1')?.getAttribute('dir')).toBe('rtl');
    expect(document.querySelector('.facts')?.textContent).toContain('لغة العمل: الإنجليزية');
    expect(document.querySelector('.annex h1')?.textContent).toBe('المساهمون حسب البرلمان');
  });

  it('leaves nothing active from a hostile guide and keeps pasted markup as text', () => {
    const crafted: ExportNode[] = [
      { type: 'script', content: [text('alert(8)')] },
      { type: 'image', attrs: { src: 'javascript:alert(9)', onerror: 'alert(10)' } },
      paragraph(null, text('tab in scheme', link('java\tscript:alert(11)'))),
      paragraph(null, text('odd mark', { type: 'constructor' }, { type: 'onclick' })),
      paragraph('" onload="alert(12)' as never, text('odd dir')),
    ];
    const content = { ...hostileGuide, content: [...hostileGuide.content!, ...crafted] };
    const html = renderHtml(
      book({
        eventName: '"><script>alert(13)</script>',
        chapters: [chapter({ title: '<img src=x onerror=alert(14)>', content })],
      }),
    );
    const document = parse(html);

    expect(all(document, 'script, img, iframe, object, embed, form')).toEqual([]);
    for (const element of all(document, '*')) {
      for (const attribute of [...element.attributes]) {
        expect(attribute.name, element.outerHTML).not.toMatch(/^on/i);
        // Browsers ignore whitespace and control characters inside a scheme.
        // eslint-disable-next-line no-control-regex
        const value = attribute.value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
        expect(value, element.outerHTML).not.toMatch(/^(javascript|vbscript|data):/);
      }
    }
    expect(all(document, 'a').map((a) => a.getAttribute('href'))).toEqual([
      'https://example.org/?q="><script>',
    ]);
    expect(document.querySelector('h1')?.textContent).toBe('<img src=x onerror=alert(14)>');
    expect(texts(document, 'h2')).toEqual(['<script>alert("title")</script>']);
    expect(texts(document, 'p')).toEqual(
      expect.arrayContaining([
        '<img src=x onerror="alert(1)"> and <script>alert(2)</script>',
        'click me',
        'and me',
        'data too',
        '[md link](javascript:alert(6)) <b onmouseover=alert(7)>x</b> | pipe |',
        'alert(8)',
        'tab in scheme',
        'odd mark',
      ]),
    );
    // Unknown marks, even ones named after an object's own properties, leave the bare words.
    expect(all(document, 'p').find((p) => p.textContent?.includes('odd mark'))?.innerHTML).toBe(
      'odd mark',
    );
    expect(
      all(document, '[dir]').every((element) => /^(ltr|rtl)$/.test(element.getAttribute('dir')!)),
    ).toBe(true);
  });
});
