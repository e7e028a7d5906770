import type { ExportBook } from '../model.ts';

/**
 * What the export service needs of the browser that prints PDFs: a book's print HTML in, PDF
 * bytes out (page size, and the page numbers' words, from the book). Throws
 * `PdfUnavailableError` when no browser can be started.
 */
export interface PdfPrinter {
  print(
    html: string,
    book: Pick<ExportBook, 'pageSize' | 'locale'>,
    signal?: AbortSignal,
  ): Promise<Uint8Array>;
  close(): Promise<void>;
}
