import { strFromU8, unzipSync } from 'fflate';
import { DOMParser, parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import type { ExportBook } from '../model.ts';
import { compiledBook } from '../testing/sampleBooks.ts';

/**
 * Reads a DOCX back for the tests with readers that are not ours: mammoth (Word → HTML, as a
 * reader that knows Word's styles and numbering sees the document) and the raw package parts
 * (fflate to unzip, linkedom to parse the XML), for what mammoth does not show (direction,
 * styles, page size, fields).
 */

/**
 * The little of the DOM the tests use, as linkedom provides it: the server compiles without the
 * DOM library, so the shapes are spelled out here.
 */
export interface DomElement {
  tagName: string;
  textContent: string | null;
  innerHTML: string;
  children: ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}
export interface DomDocument extends DomElement {
  body: DomElement;
}

export interface ReadDocx {
  /** mammoth's HTML, parsed. */
  html: DomDocument;
  /** The package's XML parts by path, parsed. */
  part: (path: string) => DomDocument;
  /** The package's parts as text. */
  text: (path: string) => string;
  paths: string[];
}

export async function readDocx(bytes: Buffer): Promise<ReadDocx> {
  const files = unzipSync(new Uint8Array(bytes));
  const { value } = await mammoth.convertToHtml({ buffer: bytes });
  const text = (path: string) => {
    const file = files[path];
    if (!file) throw new Error(`no ${path} in the package`);
    return strFromU8(file);
  };
  return {
    html: parseHTML(`<html><body>${value}</body></html>`).document as unknown as DomDocument,
    part: (path) =>
      new DOMParser().parseFromString(text(path), 'text/xml') as unknown as DomDocument,
    text,
    paths: Object.keys(files),
  };
}

/** The elements of a parsed part with a WordprocessingML tag (`w:p`), as an array. */
export function tags(root: DomElement, name: string): DomElement[] {
  return Array.from(root.getElementsByTagName(name));
}

/** A paragraph's text as Word shows it (its `w:t` runs; field codes left out). */
export function paragraphText(paragraph: DomElement): string {
  return tags(paragraph, 'w:t')
    .map((t) => t.textContent)
    .join('');
}

/** The first `w:p` whose text is exactly `text` (and of that style, when one is given). */
export function paragraphWithText(document: DomDocument, text: string, style?: string): DomElement {
  const found = tags(document, 'w:p').find(
    (p) => paragraphText(p) === text && (style === undefined || paragraphStyle(p) === style),
  );
  if (!found) throw new Error(`no paragraph "${text}"`);
  return found;
}

/** The `w:val` of a paragraph's style, or null. */
export function paragraphStyle(paragraph: DomElement): string | null {
  const properties = tags(paragraph, 'w:pPr')[0];
  const style = properties && tags(properties, 'w:pStyle')[0];
  return style?.getAttribute('w:val') ?? null;
}

export function isBidi(paragraph: DomElement): boolean {
  const properties = tags(paragraph, 'w:pPr')[0];
  return properties !== undefined && tags(properties, 'w:bidi').length > 0;
}

/** Whether each text run of the paragraph is marked right-to-left (`w:rtl`). */
export function runDirections(paragraph: DomElement): boolean[] {
  return tags(paragraph, 'w:r')
    .filter((run) => tags(run, 'w:t').length > 0)
    .map((run) => tags(run, 'w:rtl').length > 0);
}

/** The compiled sample book in Zurich's zone, the one the dates these tests expect are for. */
export const zurich = (overrides: Partial<ExportBook> = {}) =>
  compiledBook({ timeZone: 'Europe/Zurich', ...overrides });
