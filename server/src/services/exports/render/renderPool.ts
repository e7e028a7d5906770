import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DomainError } from '../../../lib/domainError.ts';
import { renderBook, type RenderedBook, type RenderTarget } from './renderBook.ts';
import type { BookSource } from '../model.ts';

// The server runs TypeScript through tsx, and so must the worker: it registers tsx's ESM hooks
// (the `import` build of `tsx/esm/api`; require.resolve names the `require` one), then imports
// the worker's module. `execArgv: ['--import', 'tsx']` does not reach a worker's entry on Node 20.
const tsxApi = pathToFileURL(
  createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/index\.cjs$/, 'index.mjs'),
).href;
const workerModule = new URL('./renderWorker.ts', import.meta.url).href;
const workerBootstrap = `import(${JSON.stringify(tsxApi)})
  .then(({ register }) => { register(); return import(${JSON.stringify(workerModule)}); })
  .catch((error) => { console.error(error); process.exit(1); });`;

/** One render asked of the worker, and how it ends. */
interface Pending {
  resolve(result: RenderedBook): void;
  reject(error: Error): void;
}

export interface RenderPoolOptions {
  /**
   * Render on the calling thread instead of a worker: for tests of the formats, and a fallback
   * where workers cannot start. A server must not: a compiled export is seconds of CPU.
   */
  inline?: boolean;
  /**
   * Bytes of guide states the renders waiting for the worker may hold together (default 256 MB);
   * beyond it a render is refused as `export_unavailable` (try again shortly). The first in line
   * is always taken, however large.
   */
  maxWaitingBytes?: number;
  /** Stop the worker after this long without a render (ms; default 60 s), giving its heap back. */
  idleMs?: number;
}

/**
 * Turns books into files off the main thread. Reading a guide's state into ProseMirror JSON and
 * writing 150,000 words of DOCX or HTML is seconds of CPU; on the thread that relays everyone's
 * keystrokes it would stall every guide of the conference. So one worker thread, started on the
 * first export and kept warm, renders one book at a time (the machine has two cores: the other is
 * the relay's). Requests queue in order; a cancelled one leaves the queue, or has its result
 * dropped when it was already running. A worker that dies fails what it was doing and the next
 * render starts a new one.
 */
export class RenderPool {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  /**
   * Renders waiting for the worker, kept here rather than in the worker's message queue: a
   * cancelled one must leave the queue, and once posted it could not (someone who cancelled
   * every export as it was written, and started another, piled up renders nobody waited for).
   */
  private readonly queue: Array<{
    id: number;
    source: BookSource;
    target: RenderTarget;
    bytes: number;
  }> = [];
  /** The render the worker holds, cancelled or not; one at a time. */
  private held: number | null = null;
  private nextId = 1;
  private closed = false;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: RenderPoolOptions = {}) {}

  /** Is a worker started (it stops after `idleMs` without a render)? */
  get workerRunning(): boolean {
    return this.worker !== null;
  }

  /** Renders the worker holds now (0 or 1): a cancelled one runs to its end there. */
  get inWorker(): number {
    return this.held === null ? 0 : 1;
  }

  async render(
    source: BookSource,
    target: RenderTarget,
    signal?: AbortSignal,
  ): Promise<RenderedBook> {
    signal?.throwIfAborted();
    if (this.options.inline) return renderBook(source, target);
    if (this.closed) throw new Error('the render pool is closed');
    const bytes = source.chapters.reduce((sum, chapter) => sum + chapter.state.byteLength, 0);
    const waiting = this.queue.reduce((sum, queued) => sum + queued.bytes, 0);
    if (this.queue.length > 0 && waiting + bytes > (this.options.maxWaitingBytes ?? 256 << 20)) {
      throw new DomainError(
        'export_unavailable',
        'Many exports are being written right now. Try again in a minute.',
      );
    }
    const id = this.nextId++;
    return new Promise<RenderedBook>((resolve, reject) => {
      const onAbort = () => {
        // Waiting, it leaves the queue; held, the worker finishes it and no one reads the answer.
        this.pending.delete(id);
        const index = this.queue.findIndex((queued) => queued.id === id);
        if (index >= 0) this.queue.splice(index, 1);
        reject(signal?.reason instanceof Error ? signal.reason : new Error('cancelled'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle = () => signal?.removeEventListener('abort', onAbort);
      this.pending.set(id, {
        resolve: (result) => {
          settle();
          resolve(result);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      });
      this.queue.push({ id, source, target, bytes });
      this.next();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.queue.length = 0;
    const error = new Error('the render pool is closed');
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  /** Gives the worker the next render when it holds none; with none left, starts the idle clock. */
  private next(): void {
    if (this.held !== null || this.closed) return;
    const render = this.queue.shift();
    if (!render) {
      this.stopWhenIdle();
      return;
    }
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.held = render.id;
    this.ensureWorker().postMessage({
      id: render.id,
      source: render.source,
      target: render.target,
    });
  }

  /**
   * A compiled export leaves hundreds of megabytes in the worker's heap until its next collection;
   * a worker unused for a minute is stopped instead, and the next export starts a new one (a
   * second or so under tsx).
   */
  private stopWhenIdle(): void {
    if (!this.worker || this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      const worker = this.worker;
      if (!worker || this.held !== null || this.queue.length > 0) return;
      this.worker = null;
      void worker.terminate();
    }, this.options.idleMs ?? 60_000);
    this.idleTimer.unref();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerBootstrap, {
      eval: true,
      // A compiled DOCX is a tree of millions of small objects: with V8's default young
      // generation, half its time went to garbage collection (measured: 11 s → 4.6 s with 192
      // MB). 96 MB keeps most of that gain for half the memory the server holds while exporting.
      resourceLimits: { maxYoungGenerationSizeMb: 96 },
    });
    // An idle worker must not keep a stopping process alive.
    worker.unref();
    worker.on('message', (message: { id: number; result?: RenderedBook; error?: string }) => {
      if (message.id === this.held) this.held = null;
      const pending = this.pending.get(message.id);
      if (pending) {
        this.pending.delete(message.id);
        if (message.result) pending.resolve(message.result);
        else pending.reject(new Error(message.error ?? 'the export could not be written'));
      }
      this.next();
    });
    const fail = (error: Error) => {
      if (this.worker !== worker) return;
      // The render it held fails; those waiting go to the next worker.
      this.worker = null;
      const held = this.held;
      this.held = null;
      if (held !== null) {
        this.pending.get(held)?.reject(error);
        this.pending.delete(held);
      }
      this.next();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the export worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
