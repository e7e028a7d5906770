import { renderHtml } from '../html/renderHtml.ts';
import { escapeHtml } from '../html/markup.ts';
import { bodyFonts, pageMargins } from '../html/printStyles.ts';
import { exportLabels } from '../labels.ts';
import { languageDirection, type ExportBook } from '../model.ts';
import type { PdfBrowser } from './pdfBrowser.ts';

/**
 * A book as PDF: the HTML export printed by Chromium, so both formats read the same. Chromium
 * shapes Arabic, lays out each block in its direction, writes the headings as the PDF's outline
 * (bookmarks) and tags the structure for screen readers; it numbers the pages in the footer.
 */
export async function renderPdf(
  book: ExportBook,
  browser: PdfBrowser,
  signal?: AbortSignal,
): Promise<Buffer> {
  return printHtmlAsPdf(renderHtml(book), book, browser, signal);
}

/**
 * Prints a book's HTML export (written elsewhere: the export worker writes it, off the thread
 * that relays typing) on the book's page size, with page numbers in the labels' language.
 */
export async function printHtmlAsPdf(
  html: string,
  book: Pick<ExportBook, 'pageSize' | 'locale'>,
  browser: PdfBrowser,
  signal?: AbortSignal,
): Promise<Buffer> {
  return browser.withPage(async (page) => {
    await page.setContent(html, { waitUntil: 'load' });
    return page.pdf({
      format: book.pageSize,
      printBackground: true,
      outline: true,
      tagged: true,
      displayHeaderFooter: true,
      // Chromium's default header prints the date and the title; the title page has both.
      headerTemplate: '<span></span>',
      footerTemplate: pageFooter(book),
      margin: pageMargins,
    });
  }, signal);
}

/**
 * "Page 2 of 9" in the labels' language. Chromium fills the `pageNumber` and `totalPages`
 * spans; the footer is its own little document, so it brings its own font and size.
 */
function pageFooter(book: Pick<ExportBook, 'pageSize' | 'locale'>): string {
  const words = escapeHtml(exportLabels(book.locale).pageOf('{page}', '{pages}'))
    .replace('{page}', '<span class="pageNumber"></span>')
    .replace('{pages}', '<span class="totalPages"></span>');
  const style = [
    'width: 100%',
    'text-align: center',
    `font-family: ${bodyFonts}`,
    'font-size: 8pt',
    'color: #555',
  ].join('; ');
  return `<div lang="${book.locale}" dir="${languageDirection(book.locale)}" style="${escapeHtml(style)}">${words}</div>`;
}
