import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { renderBook, type RenderTarget } from './renderBook.ts';
import type { BookSource } from '../model.ts';

/**
 * The export worker (see `RenderPool`): one book at a time, in the order asked. A book that
 * cannot be rendered answers with its error; the worker goes on with the next.
 */
const port = parentPort;
if (!port) throw new Error('renderWorker.ts runs as a worker thread');

// The lowest CPU priority, for this thread alone (Linux gives each thread its own nice value):
// on two cores, an export competing as an equal with the thread that relays typing raised the
// conference's edit p99 tenfold. Typing wins; the export waits. Where the system refuses
// (another OS, a sandbox), the export simply runs at normal priority.
try {
  setPriority(19);
} catch {
  // Not allowed here: nothing to undo.
}

port.on('message', (message: { id: number; source: BookSource; target: RenderTarget }) => {
  void renderBook(message.source, message.target).then(
    (result) => port.postMessage({ id: message.id, result }, [result.bytes.buffer as ArrayBuffer]),
    (error: unknown) =>
      port.postMessage({
        id: message.id,
        error: error instanceof Error ? error.message : String(error),
      }),
  );
});
