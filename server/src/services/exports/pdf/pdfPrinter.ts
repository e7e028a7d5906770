import { DomainError } from '../../../lib/domainError.ts';
import type { ExportBook } from '../model.ts';
import { PdfBrowser, PdfUnavailableError, type PdfBrowserOptions } from './pdfBrowser.ts';
import { printHtmlAsPdf } from './renderPdf.ts';

/**
 * What the export service needs of the browser that prints PDFs: a book's HTML in, PDF bytes out
 * (page size, and the page numbers' words, from the book). No browser to be had is the
 * `export_unavailable` error (503): other formats still work, and the person is told so.
 */
export interface PdfPrinter {
  print(
    html: string,
    book: Pick<ExportBook, 'pageSize' | 'locale'>,
    signal?: AbortSignal,
  ): Promise<Uint8Array>;
  close(): Promise<void>;
}

export function chromiumPdfPrinter(options: PdfBrowserOptions): PdfPrinter {
  const browser = new PdfBrowser(options);
  return {
    async print(html, book, signal) {
      try {
        return await printHtmlAsPdf(html, book, browser, signal);
      } catch (error) {
        if (!(error instanceof PdfUnavailableError)) throw error;
        throw new DomainError(
          'export_unavailable',
          'PDF export is not available on this server right now. Choose another format (DOCX keeps the layout), or ask the organisers.',
        );
      }
    },
    close: () => browser.close(),
  };
}
