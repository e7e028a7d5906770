import type { DocumentHost } from '../collab/documentHost.ts';
import type { Config } from '../config/env.ts';
import type { Limiters } from '../lib/rateLimits.ts';
import type { Persistence } from '../persistence/index.ts';
import { createExportService } from '../services/exports/exportService.ts';
import { chromiumPdfPrinter } from '../services/exports/pdf/pdfPrinter.ts';
import { RenderPool } from '../services/exports/render/renderPool.ts';
import type { InteractionService } from '../services/interaction/interactionService.ts';

/** Exports: written off the main thread, PDFs printed by one browser kept warm once used. */
export function wireExports(deps: {
  config: Pick<Config, 'CHROMIUM_PATH' | 'PDF_PAGES_AT_ONCE'>;
  persistence: Pick<Persistence, 'repositories'>;
  documents: DocumentHost;
  limiters: Limiters;
  interaction: Pick<InteractionService, 'snapshot'>;
}) {
  const pdf = chromiumPdfPrinter({
    executablePath: deps.config.CHROMIUM_PATH,
    maxPages: deps.config.PDF_PAGES_AT_ONCE,
  });
  const renderer = new RenderPool();
  const exports = createExportService({
    repositories: deps.persistence.repositories,
    documents: deps.documents,
    renderer,
    pdf,
    limiters: deps.limiters,
    interaction: deps.interaction.snapshot,
  });
  return {
    exports,
    /** The render workers and the browser, once the server takes no more work. */
    closeWorkers: () => Promise.all([renderer.close(), pdf.close()]).then(() => undefined),
  };
}
