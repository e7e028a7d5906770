import { renderBook, type RenderTarget } from './renderBook.ts';
import type { BookSource } from '../model.ts';

/**
 * The export renderer, a child process of the server (see `RenderPool`, which starts it at the
 * lowest CPU priority): one book at a time, in the order asked. A book that cannot be rendered
 * answers with its error; the renderer goes on with the next.
 */
const send = process.send?.bind(process);
if (!send) throw new Error('renderWorker.ts runs as a child process with an IPC channel');

process.on('message', (message: { id: number; source: BookSource; target: RenderTarget }) => {
  void renderBook(message.source, message.target).then(
    (result) => {
      send({ id: message.id, result });
      // The book's tree is garbage now; collected at once, its memory goes back while idle.
      (globalThis as { gc?: () => void }).gc?.();
    },
    (error: unknown) =>
      send({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
// The server is gone (or let it go): nothing is left to render for.
process.on('disconnect', () => process.exit(0));
