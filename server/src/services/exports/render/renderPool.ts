import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DomainError } from '../../../lib/domainError.ts';
import type { RenderedBook, RenderTarget } from './renderBook.ts';
import type { BookSource } from '../model.ts';

// The renderer is a child process running TypeScript through tsx, like the server: tsx's
// loader is named by its file (`--import tsx` would be looked up from the working directory).
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const workerFile = fileURLToPath(new URL('./renderWorker.ts', import.meta.url));

/**
 * Starts the renderer at the lowest CPU priority (`nice -n 19`, which `exec`s node, so every
 * thread the process ever has inherits it: V8's garbage collection threads too). A thread of the
 * server's own process was not enough: it was niced, but a compiled DOCX's garbage was collected
 * by V8's helper threads, shared with the thread that relays typing and at normal priority.
 */
function startRenderer(): ChildProcess {
  return spawn(
    'nice',
    [
      '-n',
      '19',
      process.execPath,
      '--import',
      tsxLoader,
      // A compiled DOCX is a tree of millions of small objects: with V8's default young
      // generation, half its time went to garbage collection (measured: 11 s → 4.6 s).
      '--max-semi-space-size=32',
      // So the renderer collects its garbage right after answering (renderWorker.ts): a DOCX
      // of a compiled session otherwise leaves ~230 MB resident for the idle minute, ~175 after.
      '--expose-gc',
      workerFile,
    ],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' },
  );
}

/** One render asked of the worker, and how it ends. */
interface Pending {
  resolve(result: RenderedBook): void;
  reject(error: Error): void;
}

export interface RenderPoolOptions {
  /**
   * Render on the calling thread instead of in the renderer process: for tests of the formats.
   * A server must not: a compiled export is seconds of CPU.
   */
  inline?: boolean;
  /**
   * Bytes of guide states the renders waiting for the renderer may hold together (default 256 MB);
   * beyond it a render is refused as `export_unavailable` (try again shortly). The first in line
   * is always taken, however large.
   */
  maxWaitingBytes?: number;
  /** Stop the renderer after this long without a render (ms; default 60 s), giving its memory back. */
  idleMs?: number;
}

/**
 * Turns books into files outside the server's process. Reading a guide's state into ProseMirror
 * JSON and writing 150,000 words of DOCX or HTML is seconds of CPU; on the thread that relays
 * everyone's keystrokes it would stall every guide of the conference. So one renderer process
 * (`renderWorker.ts`, at the lowest CPU priority), started on the first export and kept while
 * used, renders one book at a time. Requests queue here in order; a cancelled one leaves the
 * queue, or has its result dropped when it was already running. A renderer that dies fails what
 * it was doing and the next render starts a new one. (The code calls it "the worker".)
 */
export class RenderPool {
  private worker: ChildProcess | null = null;
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
  /** What the worker rendered last: after a PDF's HTML, Chromium prints while it would idle. */
  private lastTarget: RenderTarget | null = null;
  private nextId = 1;
  private closed = false;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: RenderPoolOptions = {}) {}

  /** Is a renderer process running (it stops after `idleMs` without a render)? */
  get workerRunning(): boolean {
    return this.worker !== null;
  }

  /** The renderer's process id, while it runs. */
  get rendererPid(): number | undefined {
    return this.worker?.pid;
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
    if (this.options.inline) {
      // Loaded only here: the format writers (docx and the rest) cost the server ~55 MB
      // resident, and a server renders in its renderer process, never inline.
      const { renderBook } = await import('./renderBook.ts');
      return renderBook(source, target);
    }
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
    if (worker) await stop(worker);
  }

  /** Gives the worker the next render when it holds none; with none left, starts the idle clock. */
  private next(): void {
    if (this.held !== null || this.closed) return;
    const render = this.queue.shift();
    if (!render) {
      // Chromium is about to print that HTML for seconds, at the export's peak of memory: the
      // renderer's 200–250 MB (its modules and a heap that held the book) would sit beside it.
      if (this.lastTarget === 'pdf-html') this.stopNow();
      else this.stopWhenIdle();
      return;
    }
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.held = render.id;
    this.lastTarget = render.target;
    this.ensureWorker().send({
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
      this.stopNow();
    }, this.options.idleMs ?? 60_000);
    this.idleTimer.unref();
  }

  private stopNow(): void {
    const worker = this.worker;
    if (!worker || this.held !== null || this.queue.length > 0) return;
    this.worker = null;
    void stop(worker);
  }

  private ensureWorker(): ChildProcess {
    if (this.worker) return this.worker;
    const worker = startRenderer();
    // An idle renderer must not keep a stopping server alive (neither its process nor its pipe).
    worker.unref();
    worker.channel?.unref();
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
    worker.on('exit', (code, signal) =>
      fail(new Error(`the export renderer stopped (${signal ?? `exit code ${code}`})`)),
    );
    this.worker = worker;
    return worker;
  }
}

/** Ends a renderer process and waits until it is gone. */
function stop(worker: ChildProcess): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    worker.once('exit', () => resolve());
    worker.kill('SIGTERM');
  });
}
