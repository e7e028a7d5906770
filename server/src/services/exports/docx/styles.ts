import {
  AlignmentType,
  BorderStyle,
  LevelFormat,
  type ILevelsOptions,
  type INumberingOptions,
  type IStylesOptions,
} from 'docx';
import type { ExportLocale } from '../model.ts';

/**
 * The Word styles and list definitions every DOCX export carries. Content refers to them by id
 * instead of carrying direct formatting, so a reader can restyle the whole document in Word or
 * LibreOffice, and the built-in names (Title, Heading 1…, Quote) drive navigation and the TOC.
 */

/**
 * Fonts by script: Word picks `cs` for Arabic letters and `ascii`/`hAnsi` for Latin ones, so one
 * run may mix both. Noto Sans and Noto Naskh Arabic are free, metric-friendly and installed on
 * the server (fonts-noto-core), so LibreOffice conversions there look like Word's.
 */
export const bodyFont = { ascii: 'Noto Sans', hAnsi: 'Noto Sans', cs: 'Noto Naskh Arabic' };
/** Courier New exists on every Word machine; LibreOffice maps it to Liberation Mono. */
const monoFont = { ascii: 'Courier New', hAnsi: 'Courier New', cs: 'Noto Naskh Arabic' };

export const styleIds = {
  title: 'Title',
  subtitle: 'Subtitle',
  quote: 'Quote',
  codeBlock: 'CodeBlock',
  inlineCode: 'InlineCode',
  chapterFacts: 'ChapterFacts',
  contentsHeading: 'TOCHeading',
  footer: 'Footer',
  table: 'DraftroomTable',
  hyperlink: 'Hyperlink',
} as const;

/** Shading of header cells, in the table style and on header cells not in the first row. */
export const headerShading = 'E8EDF3';

/**
 * Word proofs text in the language its runs carry; a region is given because Word lists and
 * proofs languages by locale ("en" alone shows as an unknown language in some versions).
 */
const wordLanguageTags: Record<string, string> = {
  en: 'en-GB',
  fr: 'fr-FR',
  es: 'es-ES',
  ar: 'ar-SA',
};

export function wordLanguage(language: string): string {
  return wordLanguageTags[language] ?? language;
}

/**
 * Word keeps two languages per run: one for Latin letters (`w:val`) and one for complex scripts
 * such as Arabic (`w:bidi`, always Arabic here). An Arabic book's Latin text is taken as English.
 */
export function latinLanguage(language: string): string {
  return language === 'ar' ? 'en' : language;
}

export function documentStyles(locale: ExportLocale): IStylesOptions {
  // Headings state their outline level: LibreOffice builds its navigator and contents from it.
  // Arabic is set a point larger than Latin text: Naskh reads small next to Noto Sans.
  const headingRun = { font: bodyFont, color: '1F3A5F', bold: true, boldComplexScript: true };
  return {
    default: {
      document: {
        run: {
          font: bodyFont,
          size: 22,
          sizeComplexScript: 24,
          language: {
            value: wordLanguage(latinLanguage(locale)),
            bidirectional: wordLanguage('ar'),
          },
        },
        paragraph: { spacing: { after: 120, line: 276 } },
      },
      title: { run: { ...headingRun, size: 48, sizeComplexScript: 52 } },
      heading1: {
        run: { ...headingRun, size: 34, sizeComplexScript: 36 },
        paragraph: { spacing: { before: 360, after: 160 }, keepNext: true, outlineLevel: 0 },
      },
      heading2: {
        run: { ...headingRun, size: 28, sizeComplexScript: 30 },
        paragraph: { spacing: { before: 280, after: 120 }, keepNext: true, outlineLevel: 1 },
      },
      heading3: {
        run: { ...headingRun, size: 24, sizeComplexScript: 26 },
        paragraph: { spacing: { before: 240, after: 100 }, keepNext: true, outlineLevel: 2 },
      },
      heading4: {
        run: { ...headingRun, size: 22, sizeComplexScript: 24, italics: true },
        paragraph: { spacing: { before: 200, after: 80 }, keepNext: true, outlineLevel: 3 },
      },
      hyperlink: { run: { color: '1F5FAD', underline: {} } },
    },
    paragraphStyles: [
      {
        id: styleIds.subtitle,
        name: 'Subtitle',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: 30, sizeComplexScript: 32, color: '404040' },
        paragraph: { spacing: { after: 240 } },
      },
      {
        id: styleIds.quote,
        name: 'Quote',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { italics: true, italicsComplexScript: true, color: '404040' },
        // Indents are logical in a right-to-left paragraph, so the quote is set in on its start side.
        paragraph: {
          indent: { left: 720, right: 720 },
          border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'A6A6A6', space: 8 } },
        },
      },
      {
        id: styleIds.codeBlock,
        name: 'Code Block',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { font: monoFont, size: 19, sizeComplexScript: 20, noProof: true },
        paragraph: {
          spacing: { before: 120, after: 120, line: 240 },
          shading: { type: 'clear', color: 'auto', fill: 'F3F4F6' },
        },
      },
      {
        id: styleIds.chapterFacts,
        name: 'Chapter Facts',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: 19, sizeComplexScript: 21, color: '595959' },
        paragraph: { spacing: { after: 240 } },
      },
      {
        // Not a heading, so the word "Contents" is neither in the contents nor in navigation.
        id: styleIds.contentsHeading,
        name: 'TOC Heading',
        basedOn: 'Normal',
        next: 'Normal',
        run: { ...headingRun, size: 34, sizeComplexScript: 36 },
        paragraph: { spacing: { before: 240, after: 240 } },
      },
      {
        id: styleIds.footer,
        name: 'footer',
        basedOn: 'Normal',
        run: { size: 18, sizeComplexScript: 20, color: '595959' },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } },
      },
    ],
    characterStyles: [
      {
        id: styleIds.inlineCode,
        name: 'Inline Code',
        basedOn: 'DefaultParagraphFont',
        run: {
          font: monoFont,
          noProof: true,
          shading: { type: 'clear', color: 'auto', fill: 'F3F4F6' },
        },
      },
    ],
  };
}

/**
 * docx has no table style builder, so the style is written as WordprocessingML: thin borders on
 * every side and between cells, and a bold shaded first row for tables whose look asks for it.
 * It goes in as the document's "external" styles, which docx merges with its defaults and ours
 * (its `importedStyles` option would replace the built-in Title and Heading styles instead).
 */
export const externalStylesXml = () =>
  `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${tableStyleXml}</w:styles>`;

const tableStyleXml = `<w:style w:type="table" w:styleId="${styleIds.table}">
<w:name w:val="Draftroom Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>
<w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>
<w:tblPr><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
  .map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>`)
  .join('')}</w:tblBorders>
<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>
<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${headerShading}"/></w:tcPr></w:tblStylePr>
</w:style>`.replace(/\n/g, '');

/** The ids of the lists' numbering definitions: one for bullets, one per ordered list start. */
export const bulletReference = 'bullets';
export const orderedReference = (start: number) => `ordered-from-${start}`;

const levelCount = 9;
const indentOf = (level: number) => ({ left: 720 * (level + 1), hanging: 360 });
const orderedFormats = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];
const bulletSymbols = ['•', '◦', '▪'];

/** Where a list item's later paragraphs start, under its first one's text. */
export const listTextIndent = (level: number) => ({ left: indentOf(level).left });

function orderedLevels(start: number): ILevelsOptions[] {
  return Array.from({ length: levelCount }, (_, level) => ({
    level,
    format: orderedFormats[level % orderedFormats.length],
    text: `%${level + 1}.`,
    // Only the level the list sits at counts from `start`; each list has its own instance anyway.
    start,
    alignment: AlignmentType.START,
    style: { paragraph: { indent: indentOf(level) } },
  }));
}

function bulletLevels(): ILevelsOptions[] {
  return Array.from({ length: levelCount }, (_, level) => ({
    level,
    format: LevelFormat.BULLET,
    text: bulletSymbols[level % bulletSymbols.length],
    alignment: AlignmentType.START,
    style: { paragraph: { indent: indentOf(level) } },
  }));
}

/** Numbering definitions for the bullets and for every ordered list start the content used. */
export function numberingDefinitions(orderedStarts: Iterable<number>): INumberingOptions {
  const starts = new Set([1, ...orderedStarts]);
  return {
    config: [
      { reference: bulletReference, levels: bulletLevels() },
      ...[...starts].map((start) => ({
        reference: orderedReference(start),
        levels: orderedLevels(start),
      })),
    ],
  };
}
