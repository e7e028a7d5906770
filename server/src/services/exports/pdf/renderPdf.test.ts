import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportBook } from '../model.ts';
import {
  book as sampleBook,
  chapter,
  compiledBook as sampleCompiledBook,
  hostileGuide,
} from '../testing/sampleBooks.ts';
import { PdfBrowser } from './pdfBrowser.ts';
import { renderPdf } from './renderPdf.ts';
import {
  outlineLines,
  pdfFooters,
  pdfInfo,
  pdfOutline,
  pdfPages,
  requirePdfTools,
} from './testing/readPdf.ts';

// The samples in Zurich's zone, the one the dates these tests expect are written for.
const book = (overrides: Partial<ExportBook> = {}) =>
  sampleBook({ timeZone: 'Europe/Zurich', ...overrides });
const compiledBook = (overrides: Partial<ExportBook> = {}) =>
  sampleCompiledBook({ timeZone: 'Europe/Zurich', ...overrides });

// Words as pdftotext gives them back in logical order, which it can only do when Chromium
// shaped the Arabic and kept the text of each run; sentence punctuation is left out, since
// pdftotext places a neutral full stop at either end of a right-to-left line.
const englishLines = [
  'Plain, bold, italic, underlined, struck',
  'Publish the agenda',
  'Openness is a habit, not a project.',
  'GET /api/agenda 200 OK',
];
const arabicLines = [
  'الشفافية البرلمانية',
  'تنشر اللجان جداول أعمالها قبل كل جلسة',
  'ترجمة فورية إلى العربية',
  'بث مباشر',
];

describe('renderPdf (Chromium, read back with poppler and pdf.js)', () => {
  const browser = new PdfBrowser();
  let guideLetter: Buffer;
  let compiledEnglish: Buffer;
  let compiledArabic: Buffer;

  beforeAll(async () => {
    requirePdfTools();
    guideLetter = await renderPdf(book({ pageSize: 'Letter' }), browser);
    compiledEnglish = await renderPdf(compiledBook(), browser);
    compiledArabic = await renderPdf(compiledBook({ locale: 'ar' }), browser);
  });
  afterAll(() => browser.close());

  it('prints a single guide on Letter pages with its English and Arabic text', async () => {
    const info = await pdfInfo(guideLetter);
    expect([Math.floor(info.width), Math.floor(info.height)]).toEqual([612, 792]);
    expect(info.tagged).toBe(true);

    const text = (await pdfPages(guideLetter)).join(' ');
    for (const line of [...englishLines, ...arabicLines]) expect(text).toContain(line);
    // No title page, no contents: the guide's title first (Chromium's default header is off).
    expect(text.startsWith('Group A — Transparency')).toBe(true);
    expect(text).not.toContain('Contents');
  });

  it('bookmarks the headings, Arabic words in their order, each once', async () => {
    expect(outlineLines(await pdfOutline(guideLetter))).toEqual([
      'Group A — Transparency',
      '  Opening the plenary to citizens',
      '    الشفافية البرلمانية',
      '    Steps',
      '      What members said',
    ]);
  });

  it('prints a compiled book on A4: title page, contents, chapters in order, annex', async () => {
    const info = await pdfInfo(compiledEnglish);
    // A4 is 595.28 x 841.89 pt; Chromium rounds its page to whole CSS pixels (595.92 x 842.88).
    expect([Math.floor(info.width), Math.floor(info.height)]).toEqual([595, 842]);

    const pages = await pdfPages(compiledEnglish);
    expect(pages.length).toBe(info.pages);
    expect(pages[0]).toMatch(
      /^World e-Parliament Conference 2026 Co-creation: open parliaments Exported on December 1, 2026/,
    );
    expect(pages[1]).toMatch(
      /^Contents 1\. Group A — Transparency 2\. .+ 3\. Contributors by parliament/,
    );

    // Each chapter and the annex begin a page, in the book's order.
    const firstPageStarting = (start: string) => pages.findIndex((page) => page.startsWith(start));
    const starts = [
      firstPageStarting('Group A — Transparency Working language: English'),
      firstPageStarting('المجموعة ب — المشاركة Working language: Arabic'),
      firstPageStarting('Contributors by parliament'),
    ];
    expect(starts[0]).toBe(2);
    expect(starts[1]).toBeGreaterThan(starts[0]!);
    expect(starts[2]).toBe(pages.length - 1);

    const chapterText = pages.slice(starts[0], starts[1]).join(' ');
    for (const line of [...englishLines, ...arabicLines]) expect(chapterText).toContain(line);
    expect(pages[starts[1]!]).toContain('تفتح اللجان جلساتها للجمهور');
    expect(pages.at(-1)).toContain('مجلس النواب الأردني: ليلى حداد, Omar Nasser');

    // The footer numbers every page.
    expect(await pdfFooters(compiledEnglish)).toEqual(
      pages.map((_page, index) => `Page ${index + 1} of ${pages.length}`),
    );
  });

  it('bookmarks the chapters at the top level, the guides’ headings beneath', async () => {
    const outline = await pdfOutline(compiledEnglish);
    const top = outline.map((entry) => entry.title);
    expect([top[0], top[1], top[3]]).toEqual([
      'Contents',
      'Group A — Transparency',
      'Contributors by parliament',
    ]);
    // An em dash is not in the Arabic font, and Chromium bookmarks the runs of other fonts in
    // painting order: the words are all there, their order not guaranteed (see printStyles).
    expect(
      top[2]
        ?.split(/[\s—]+/)
        .filter(Boolean)
        .sort(),
    ).toEqual(['المجموعة', 'المشاركة', 'ب'].sort());
    expect(outlineLines(outline[1]!.items)).toEqual([
      'Opening the plenary to citizens',
      '  الشفافية البرلمانية',
      '  Steps',
      '    What members said',
    ]);
    expect(outlineLines(outline[2]!.items)).toEqual(['إشراك المواطنين']);
  });

  it('prints the labels and page numbers in the exporter’s language', async () => {
    const pages = await pdfPages(compiledArabic);
    expect(pages[0]).toContain('تاريخ التصدير');
    expect(pages[1]).toContain('المحتويات');
    // pdftotext puts a short line mixing Arabic and digits in visual order ("5 من 1 الصفحة";
    // the screenshot reads right), so the footer's words are compared as a set.
    const footers = await pdfFooters(compiledArabic);
    expect(footers.length).toBe(pages.length);
    footers.forEach((footer, index) => {
      const words = footer.split(/\s+|(?<=\d)(?=\D)|(?<=\D)(?=\d)/).filter(Boolean);
      expect(words.sort()).toEqual(
        ['الصفحة', String(index + 1), 'من', String(pages.length)].sort(),
      );
    });
  });

  it('prints a hostile guide’s pasted markup as the words it is', async () => {
    const hostile = book({ chapters: [chapter({ content: hostileGuide })] });
    const text = (await pdfPages(await renderPdf(hostile, browser))).join(' ');
    expect(text).toContain('<script>alert("title")</script>');
    expect(text).toContain('<img src=x onerror="alert(1)"> and <script>alert(2)</script>');
    expect(text).toContain('click me');
  });
});
