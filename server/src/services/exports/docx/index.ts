import { Document, Footer, Packer, type FileChild, type ISectionOptions } from 'docx';
import { languageDirection, type ExportBook, type ExportChapter } from '../model.ts';
import { exportLabels } from '../labels.ts';
import { guideBlocks, ListNumbering, type BlockContext } from './blocks.ts';
import {
  chapterOpening,
  contents,
  contributorsAnnex,
  extraHeading,
  guideTitle,
  pageFooter,
  titlePage,
} from './book.ts';
import {
  documentStyles,
  externalStylesXml,
  latinLanguage,
  numberingDefinitions,
  wordLanguage,
} from './styles.ts';
import { xmlSafe } from './inline.ts';

/**
 * A book as a Word document (.docx): real styles (Title, Heading 1–4, Quote, Code Block, a table
 * style), lists through numbering definitions, direction per paragraph, the page size asked
 * for and "Page X of Y" in the footer. Word, LibreOffice and Google Docs open it as an editable
 * document, which is what groups do with a guide after the event.
 */

/** Page sizes in twentieths of a point, portrait. */
const pageSizes = {
  A4: { width: 11906, height: 16838 },
  Letter: { width: 12240, height: 15840 },
} as const;
/** One inch (2.54 cm) on every side, Word's default. */
const margin = 1440;

export async function renderDocx(book: ExportBook): Promise<Buffer> {
  const labels = exportLabels(book.locale);
  const direction = languageDirection(book.locale);
  const lists = new ListNumbering();
  const compiled = book.kind === 'compiled';

  const chapterContext = (chapter: ExportChapter): BlockContext => ({
    direction: languageDirection(chapter.language),
    // Under the chapter's Heading 1 in a compiled book, a guide's H1 becomes Heading 2.
    headingShift: compiled ? 1 : 0,
    lists,
    ...chapterLanguage(chapter, book),
  });

  const page = {
    size: pageSizes[book.pageSize],
    margin: { top: margin, right: margin, bottom: margin, left: margin },
  };
  // Sections after the first have no footers of their own: Word and LibreOffice carry the
  // previous section's on, page numbers counting on through the whole book.
  const section = (children: FileChild[]): ISectionOptions => ({ properties: { page }, children });
  const footer = pageFooter(labels, direction);

  const sections: ISectionOptions[] = [];
  if (compiled) {
    // Each chapter is a section starting on a new page. Besides being how Word books are made,
    // it keeps docx's look-up of a table's section (a scan to the section's end) short: in one
    // section of 50 chapters that scan made the export quadratic in its tables.
    sections.push({
      // The title page has no page number.
      properties: { page, titlePage: true },
      footers: { default: footer, first: new Footer({ children: [] }) },
      children: [...titlePage(book, labels, direction), ...contents(labels, direction)],
    });
    for (const chapter of book.chapters) {
      sections.push(
        section([
          ...chapterOpening(chapter, book, labels),
          ...guideBlocks(chapter.content, chapterContext(chapter)),
        ]),
      );
    }
    for (const extra of book.extras ?? []) {
      // Questions and polls: written in the labels' language, so in the book's direction.
      const context: BlockContext = { direction, headingShift: 1, lists };
      sections.push(
        section([extraHeading(extra.title, direction), ...guideBlocks(extra.content, context)]),
      );
    }
    if (book.contributorsAnnex !== false) {
      sections.push(section(contributorsAnnex(book, labels, direction)));
    }
  } else {
    const body = book.chapters.flatMap((chapter) => [
      guideTitle(chapter),
      ...guideBlocks(chapter.content, chapterContext(chapter)),
    ]);
    sections.push({ ...section(body), footers: { default: footer } });
  }

  const title = documentTitle(book);
  const document = new Document({
    title,
    creator: 'Draftroom',
    lastModifiedBy: 'Draftroom',
    // Word fills the table of contents' page numbers when it opens the file.
    features: { updateFields: compiled },
    styles: documentStyles(book.locale),
    externalStyles: externalStylesXml(),
    numbering: numberingDefinitions(lists.orderedStarts),
    sections,
  });
  const core = { path: 'docProps/core.xml', data: coreProperties(book, title) };
  return Packer.toBuffer(document, false, [core]);
}

/**
 * The language Word proofs a chapter's Latin text in, when it is not the document's: Arabic text
 * is proofed in the document's complex-script language (`w:bidi`) already.
 */
function chapterLanguage(chapter: ExportChapter, book: ExportBook): { language?: string } {
  const language = chapter.language;
  if (language === null || languageDirection(language) === 'rtl') return {};
  return language === latinLanguage(book.locale) ? {} : { language: wordLanguage(language) };
}

function documentTitle(book: ExportBook): string {
  if (book.kind === 'guide') return book.chapters[0]?.title ?? book.eventName;
  return book.sessionTitle ? `${book.sessionTitle} — ${book.eventName}` : book.eventName;
}

const escapeXml = (value: string) =>
  xmlSafe(value).replace(
    /[<>&"]/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot' }[c]};`,
  );

/**
 * The document's properties, written here because docx has no `dc:language`: the labels'
 * language is the document's. The dates are the export's, so one export gives the same file.
 */
function coreProperties(book: ExportBook, title: string): string {
  const date = new Date(book.exportedAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${escapeXml(title)}</dc:title>`,
    `<dc:subject>${escapeXml(book.eventName)}</dc:subject>`,
    '<dc:creator>Draftroom</dc:creator>',
    `<dc:language>${wordLanguage(book.locale)}</dc:language>`,
    '<cp:lastModifiedBy>Draftroom</cp:lastModifiedBy>',
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
}
