import {
  Footer,
  HeadingLevel,
  PageNumber,
  Paragraph,
  TableOfContents,
  TextRun,
  type IParagraphOptions,
} from 'docx';
import { textDirection } from '@draftroom/shared/editor';
import {
  languageDirection,
  type Direction,
  type ExportBook,
  type ExportChapter,
  type ExportNode,
} from '../model.ts';
import { exportDate, languageName, type ExportLabels } from '../labels.ts';
import { inlineChildren } from './inline.ts';
import { bulletReference, styleIds } from './styles.ts';

/**
 * What a compiled book prints around the guides — title page, contents, chapter openings, the
 * contributors annex — and every page's footer, in the language of the labels. Names and titles
 * keep their own direction: an Arabic group name is a right-to-left heading in an English book.
 */

const plain = (value: string, bold = false): ExportNode => ({
  type: 'text',
  text: value,
  ...(bold ? { marks: [{ type: 'bold' }] } : {}),
});

/** A paragraph of the given runs, right to left when its text starts with an Arabic letter. */
function textParagraph(
  content: ExportNode[],
  fallback: Direction,
  options: IParagraphOptions = {},
): Paragraph {
  const text = content.map((node) => node.text ?? '').join('');
  const direction = textDirection(text) ?? fallback;
  return new Paragraph({
    ...(direction === 'rtl' ? { bidirectional: true } : {}),
    ...options,
    children: inlineChildren(content, { direction }),
  });
}

export function titlePage(book: ExportBook, labels: ExportLabels, direction: Direction) {
  const date = exportDate(book.exportedAt, book.locale, book.timeZone);
  return [
    textParagraph([plain(book.eventName)], direction, {
      style: styleIds.title,
      spacing: { before: 2400 },
    }),
    ...(book.sessionTitle
      ? [textParagraph([plain(book.sessionTitle)], direction, { style: styleIds.subtitle })]
      : []),
    textParagraph([plain(`${labels.exportedOn} ${date}`)], direction),
  ];
}

/**
 * The contents: a TOC field over headings 1–2, which Word updates when the file opens
 * (`updateFields`). docx writes the field's result from the headings too — chapter titles and
 * their sections, without page numbers — so a reader that never updates fields (LibreOffice's
 * first view, mammoth, phone previews) still lists the chapters, and nothing is listed twice
 * once Word has updated it.
 */
export function contents(labels: ExportLabels, direction: Direction) {
  return [
    textParagraph([plain(labels.contents)], direction, {
      style: styleIds.contentsHeading,
      pageBreakBefore: true,
    }),
    new TableOfContents(labels.contents, { hyperlink: true, headingStyleRange: '1-2' }),
  ];
}

/** The facts under a chapter's heading: working language, status, version. */
function chapterFacts(chapter: ExportChapter, book: ExportBook, labels: ExportLabels): string {
  const language = languageName(chapter.language, book.locale);
  const facts = [
    ...(language ? [`${labels.workingLanguage}: ${language}`] : []),
    `${labels.status}: ${labels.statuses[chapter.status]}`,
  ];
  if (chapter.version) {
    const { number, label } = chapter.version;
    facts.push(label ? `${labels.versionNumber(number)} (${label})` : labels.versionNumber(number));
  }
  return facts.join(' · ');
}

/** A chapter's heading (the group's name; its section starts a new page) and its facts line. */
export function chapterOpening(chapter: ExportChapter, book: ExportBook, labels: ExportLabels) {
  return [
    textParagraph([plain(chapter.title)], languageDirection(chapter.language), {
      heading: HeadingLevel.HEADING_1,
    }),
    textParagraph([plain(chapterFacts(chapter, book, labels))], languageDirection(book.locale), {
      style: styleIds.chapterFacts,
    }),
  ];
}

/** The heading of a chapter the server wrote (questions and polls), a Heading 1 like a guide's. */
export function extraHeading(title: string, direction: Direction): Paragraph {
  return textParagraph([plain(title)], direction, { heading: HeadingLevel.HEADING_1 });
}

/** The annex: per chapter, its parliaments (in bold) and the names of those who wrote. */
export function contributorsAnnex(book: ExportBook, labels: ExportLabels, direction: Direction) {
  const paragraphs = [
    textParagraph([plain(labels.contributors)], direction, { heading: HeadingLevel.HEADING_1 }),
  ];
  for (const chapter of book.chapters) {
    paragraphs.push(
      textParagraph([plain(chapter.title)], direction, { heading: HeadingLevel.HEADING_2 }),
    );
    if (chapter.contributors.length === 0) {
      paragraphs.push(textParagraph([plain(labels.noContributors)], direction));
    }
    for (const { parliament, names } of chapter.contributors) {
      paragraphs.push(
        textParagraph([plain(parliament, true), plain(`: ${names.join(', ')}`)], direction, {
          numbering: { reference: bulletReference, level: 0 },
        }),
      );
    }
  }
  return paragraphs;
}

/**
 * "Page X of Y" in the labels' words and order, with Word's PAGE and NUMPAGES fields where the
 * numbers go, so Word and LibreOffice count the pages themselves.
 */
export function pageFooter(labels: ExportLabels, direction: Direction): Footer {
  const page = '{page}';
  const pages = '{pages}';
  const parts = labels
    .pageOf(page, pages)
    .split(/(\{pages?\})/)
    .filter((part) => part !== '');
  const children = parts.map((part) => {
    if (part === page) return PageNumber.CURRENT;
    if (part === pages) return PageNumber.TOTAL_PAGES;
    return part;
  });
  return new Footer({
    children: [
      new Paragraph({
        style: styleIds.footer,
        ...(direction === 'rtl' ? { bidirectional: true } : {}),
        children: [
          new TextRun({ children, ...(direction === 'rtl' ? { rightToLeft: true } : {}) }),
        ],
      }),
    ],
  });
}

/** A single guide's title: the group's name in the Title style. */
export function guideTitle(chapter: ExportChapter): Paragraph {
  return textParagraph([plain(chapter.title)], languageDirection(chapter.language), {
    style: styleIds.title,
  });
}
