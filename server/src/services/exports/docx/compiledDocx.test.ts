import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { chapter, mixedGuide } from '../testing/sampleBooks.ts';
import { renderDocx } from './index.ts';
import {
  isBidi,
  paragraphStyle,
  paragraphText,
  paragraphWithText,
  readDocx,
  tags,
  zurich,
  type DomDocument,
  type DomElement,
  type ReadDocx,
} from './readDocx.testing.ts';

const texts = (elements: ArrayLike<DomElement>) =>
  Array.from(elements).map((e) => e.textContent?.trim());

/** The paragraphs and headings mammoth shows, in order, as [tag, text]. */
const blocks = (html: DomDocument) =>
  Array.from(html.querySelectorAll('body > h1, body > h2, body > h3, body > h4, body > p')).map(
    (e) => [e.tagName.toLowerCase(), e.textContent?.trim()],
  );

describe('renderDocx: a compiled book', () => {
  let docx: ReadDocx;
  let body: DomDocument;
  beforeAll(async () => {
    docx = await readDocx(await renderDocx(zurich()));
    body = docx.part('word/document.xml');
  });

  it('opens with a title page: event, session, date', () => {
    const first = tags(body, 'w:p').slice(0, 3);
    expect(first.map(paragraphText)).toEqual([
      'World e-Parliament Conference 2026',
      'Co-creation: open parliaments',
      'Exported on December 1, 2026',
    ]);
    expect(paragraphStyle(first[0]!)).toBe('Title');
  });

  it('has a contents field Word fills on open, already listing the chapters for readers that do not', () => {
    const instructions = texts(tags(body, 'w:instrText'));
    expect(instructions.filter((i) => i?.startsWith('TOC '))).toEqual(['TOC \\h \\o "1-2"']);
    expect(tags(docx.part('word/settings.xml'), 'w:updateFields')).toHaveLength(1);
    // mammoth ignores fields and shows their stored result: the lines before the first chapter.
    const all = blocks(docx.html);
    const firstChapter = all.findIndex(([tag]) => tag === 'h1');
    const contents = all.slice(0, firstChapter).map(([, value]) => value);
    expect(contents).toContain('Contents');
    expect(contents).toContain('Group A — Transparency');
    expect(contents).toContain('المجموعة ب — المشاركة');
  });

  it('gives each chapter a Heading 1 and its facts, with the guide headings a level down', () => {
    const html = docx.html;
    expect(texts(html.querySelectorAll('h1'))).toEqual([
      'Group A — Transparency',
      'المجموعة ب — المشاركة',
      'Contributors by parliament',
    ]);
    const all = blocks(html);
    const after = (heading: string) =>
      all[all.findIndex(([tag, v]) => tag === 'h1' && v === heading) + 1]![1];
    expect(after('Group A — Transparency')).toBe(
      'Working language: English · Status: Open for writing',
    );
    expect(after('المجموعة ب — المشاركة')).toBe(
      'Working language: Arabic · Status: Final (frozen) · Version 3 (النسخة النهائية)',
    );
    expect(texts(html.querySelectorAll('h2'))).toEqual(
      expect.arrayContaining(['Opening the plenary to citizens', 'إشراك المواطنين']),
    );
    expect(texts(html.querySelectorAll('h3'))).toEqual(['الشفافية البرلمانية', 'Steps']);
    expect(texts(html.querySelectorAll('h4'))).toEqual(['What members said']);
  });

  it('starts every chapter and the annex on a new page (a section each)', () => {
    const sections = tags(body, 'w:sectPr');
    // Front matter, two chapters, annex.
    expect(sections).toHaveLength(4);
    expect(sections.flatMap((s) => tags(s, 'w:type'))).toHaveLength(0); // Word's default: next page
  });

  it('lists each chapter’s parliaments and names in the annex', () => {
    const all = blocks(docx.html);
    const annex = all.findIndex(([tag, v]) => tag === 'h1' && v === 'Contributors by parliament');
    const items = texts(docx.html.querySelectorAll('ul > li')).slice(-4);
    expect(all.slice(annex + 1).map(([, v]) => v)).toEqual([
      'Group A — Transparency',
      'المجموعة ب — المشاركة',
    ]);
    expect(items).toEqual([
      'Parliament of Kenya: Amina Odhiambo',
      'مجلس النواب الأردني: ليلى حداد, Omar Nasser',
      'Parliament of Kenya: Amina Odhiambo',
      'مجلس النواب الأردني: ليلى حداد, Omar Nasser',
    ]);
  });

  it('keeps each paragraph’s direction in the Arabic chapter', () => {
    expect(isBidi(paragraphWithText(body, 'المجموعة ب — المشاركة', 'Heading1'))).toBe(true);
    expect(isBidi(paragraphWithText(body, 'تفتح اللجان جلساتها للجمهور.'))).toBe(true);
    expect(isBidi(paragraphWithText(body, 'English note inside an Arabic guide.'))).toBe(false);
  });

  it('writes the labels, footer and date in Arabic for an Arabic reader', async () => {
    const arabic = await readDocx(await renderDocx(zurich({ locale: 'ar' })));
    const arabicBody = arabic.part('word/document.xml');
    expect(texts(arabic.html.querySelectorAll('h1')).at(-1)).toBe('المساهمون حسب البرلمان');
    expect(isBidi(paragraphWithText(arabicBody, 'المحتويات'))).toBe(true);
    const footer = arabic.part('word/footer1.xml');
    expect(texts(tags(footer, 'w:t'))).toEqual(['الصفحة', 'من']);
    expect(isBidi(tags(footer, 'w:p')[0]!)).toBe(true);
  });
});

/**
 * LibreOffice, an independent reader of Word files: `bootstrap.sh --with-browser` installs it
 * (Debian's libreoffice-writer-nogui), so a missing one is a broken test machine, not a skip.
 */
const soffice = (() => {
  try {
    return execFileSync('which', ['soffice'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
})();

describe('renderDocx: read by LibreOffice', () => {
  it('opens it as a document: as text with every chapter and the annex, as PDF with pages', async () => {
    expect(soffice, 'soffice is missing: run scripts/bootstrap.sh --with-browser').not.toBe('');
    const folder = mkdtempSync(join(tmpdir(), 'docx-soffice-'));
    const convert = (to: string) =>
      execFileSync(
        soffice,
        // Its own profile folder, so a LibreOffice already open elsewhere cannot take the job.
        [
          `-env:UserInstallation=file://${folder}/profile`,
          '--headless',
          '--convert-to',
          to,
          'book.docx',
        ],
        { cwd: folder, timeout: 120_000 },
      );
    try {
      writeFileSync(join(folder, 'book.docx'), await renderDocx(zurich()));
      convert('txt:Text (encoded):UTF8');
      const text = readFileSync(join(folder, 'book.txt'), 'utf8');
      for (const expected of ['Group A — Transparency', 'إشراك المواطنين', 'Parliament of Kenya']) {
        expect(text).toContain(expected);
      }
      convert('pdf');
      const info = execFileSync('pdfinfo', [join(folder, 'book.pdf')], { encoding: 'utf8' });
      // Title page, contents, two chapters and the annex each start a page.
      expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(5);
      const printed = execFileSync('pdftotext', [join(folder, 'book.pdf'), '-'], {
        encoding: 'utf8',
      }).replace(/[\u202A-\u202E]/g, '');
      expect(printed).toContain('Openness is a habit, not a project.');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('renderDocx: a longer compiled book', () => {
  // Its speed at full size (50 guides of 3,000 words) is measured by the bench's exports
  // scenario, not here: a unit test checks the shape, on a book a tenth that size.
  it('gives every chapter its own section, and the title page and annex theirs', async () => {
    const guideWords = 75; // mixedGuide's text, block by block
    const content = {
      type: 'doc',
      content: Array.from(
        { length: Math.ceil(3000 / guideWords) },
        () => mixedGuide.content!,
      ).flat(),
    };
    const chapters = Array.from({ length: 5 }, (_, index) =>
      chapter({ guideId: `g${index}`, title: `Group ${index + 1}`, content }),
    );
    const bytes = await renderDocx(zurich({ chapters }));
    // Counting is all that is asked here; mammoth on a large document would dwarf the render.
    const document = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!);
    expect(document.match(/<w:sectPr\b/g)).toHaveLength(7);
  }, 60_000);
});
