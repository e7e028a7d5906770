import { lowPriorityLauncher } from './lowPriority.ts';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * The one Chromium that prints PDF exports. Starting Chromium costs about a second and a good
 * deal of memory, so one is kept warm and shared: launched on first use, launched again if it
 * crashed or was killed, closed after a while unused to give its memory back. Each export gets
 * its own context (JavaScript off, every network request refused) and a bounded number of them
 * run at once, others waiting their turn, so a burst of exports cannot exhaust the machine.
 */

/** Chromium is missing, would not start, or stopped: PDF exports cannot be made right now. */
export class PdfUnavailableError extends Error {
  override name = 'PdfUnavailableError';
}

export interface PdfBrowserOptions {
  /** Chromium's executable: default `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
  executablePath?: string;
  /** Pages printing at once; further exports wait in a queue. Default 2. */
  maxPages?: number;
  /** Close Chromium after this long without a page (ms); 0 keeps it. Default 5 minutes. */
  idleTimeoutMs?: number;
  /**
   * Longest one page may take (ms), so a stuck print cannot hold a turn. Default 5 minutes: a
   * compiled book of 50 long chapters takes minutes on a busy machine (tagging is the cost).
   */
  pageTimeoutMs?: number;
}

const chromiumArguments = [
  // The container has no user namespaces for Chromium's sandbox; the page runs no script and
  // reaches no network, which is what the sandbox would otherwise contain.
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Playwright's route refusal misses what Chromium fetches outside the page's own loading: a
  // `<link rel=prefetch>` was fetched and `preconnect` opened connections. Every connection goes
  // to a proxy that is not there (loopback included: `<-loopback>`), so nothing leaves the machine.
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
];

/** How long an abandoned page may take to close before its browser is closed instead. */
const abandonGraceMs = 5_000;

interface Waiter {
  start: () => void;
  fail: (error: unknown) => void;
}

export class PdfBrowser {
  readonly executablePath: string;
  private readonly maxPages: number;
  private readonly idleTimeoutMs: number;
  private readonly pageTimeoutMs: number;
  private browser: Promise<Browser> | null = null;
  /** The same browser once launched, for what must be known without waiting. */
  private current: Browser | null = null;
  private turnsTaken = 0;
  private readonly queue: Waiter[] = [];
  private idleTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private pages = 0;
  private mostPages = 0;
  private launchCount = 0;

  constructor(options: PdfBrowserOptions = {}) {
    this.executablePath =
      options.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    this.maxPages = Math.max(1, options.maxPages ?? 2);
    this.idleTimeoutMs = options.idleTimeoutMs ?? 5 * 60_000;
    this.pageTimeoutMs = options.pageTimeoutMs ?? 5 * 60_000;
  }

  /** Pages open in Chromium right now, and the most ever open at once (for tests and metrics). */
  get openPages(): number {
    return this.pages;
  }
  get mostPagesOpen(): number {
    return this.mostPages;
  }
  /** Exports waiting for a turn. */
  get waiting(): number {
    return this.queue.length;
  }
  /** How many times Chromium was started. */
  get launches(): number {
    return this.launchCount;
  }

  /**
   * Runs `work` on a fresh page once a turn is free. The page runs no JavaScript and every
   * request it makes is refused. An aborted `signal` leaves the queue, or closes the page.
   */
  async withPage<T>(work: (page: Page) => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.takeTurn(signal);
    try {
      const { browser, context } = await this.newContext();
      // The page's time counts from here: a launch has its own limit.
      const stop = AbortSignal.any([
        ...(signal ? [signal] : []),
        AbortSignal.timeout(this.pageTimeoutMs),
      ]);
      // Playwright may never settle a call on a page whose print is abandoned, so an abort
      // ends the wait itself, and the context is closed after.
      let onAbort: () => void = () => undefined;
      const aborted = new Promise<never>((_resolve, reject) => {
        onAbort = () => reject(stop.reason);
        stop.addEventListener('abort', onAbort, { once: true });
      });
      aborted.catch(() => undefined);
      try {
        stop.throwIfAborted();
        await context.route('**/*', (route) => route.abort('blockedbyclient'));
        const page = await context.newPage();
        this.pages += 1;
        this.mostPages = Math.max(this.mostPages, this.pages);
        page.once('close', () => (this.pages -= 1));
        const working = work(page);
        working.catch(() => undefined);
        return await Promise.race([working, aborted]);
      } catch (error) {
        stop.throwIfAborted();
        if (!browser.isConnected()) {
          throw new PdfUnavailableError('Chromium stopped while printing a PDF.', { cause: error });
        }
        throw error;
      } finally {
        stop.removeEventListener('abort', onAbort);
        await this.closeContext(context, browser);
      }
    } finally {
      this.endTurn();
    }
  }

  /** Closes Chromium for good; exports still waiting fail with PdfUnavailableError. */
  async close(): Promise<void> {
    this.closed = true;
    this.clearIdleTimer();
    for (const waiter of this.queue.splice(0)) {
      waiter.fail(new PdfUnavailableError('The PDF browser was closed.'));
    }
    await this.closeBrowser();
  }

  private takeTurn(signal?: AbortSignal): Promise<void> {
    if (this.closed) return Promise.reject(new PdfUnavailableError('The PDF browser was closed.'));
    if (signal?.aborted) return Promise.reject(signal.reason);
    this.clearIdleTimer();
    if (this.turnsTaken < this.maxPages) {
      this.turnsTaken += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const leave = () => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) this.queue.splice(index, 1);
        reject(signal!.reason);
      };
      const waiter: Waiter = {
        start: () => {
          signal?.removeEventListener('abort', leave);
          resolve();
        },
        fail: (error) => {
          signal?.removeEventListener('abort', leave);
          reject(error);
        },
      };
      signal?.addEventListener('abort', leave, { once: true });
      this.queue.push(waiter);
    });
  }

  /** Hands the turn to the next in the queue, or frees it. */
  private endTurn(): void {
    const next = this.queue.shift();
    if (next !== undefined) {
      next.start();
      return;
    }
    this.turnsTaken -= 1;
    if (this.turnsTaken === 0) this.startIdleTimer();
  }

  /** Whether a Chromium is up right now (it is launched on demand). */
  get running(): boolean {
    return this.current?.isConnected() ?? false;
  }

  /**
   * A context in the warm Chromium. One found dead here (killed, crashed, its disconnection not
   * yet noticed) is replaced once, so the export does not fail for it.
   */
  private async newContext(): Promise<{ browser: Browser; context: BrowserContext }> {
    for (let attempt = 0; ; attempt += 1) {
      const browser = await this.runningBrowser();
      try {
        return { browser, context: await browser.newContext({ javaScriptEnabled: false }) };
      } catch (error) {
        if (browser.isConnected() || attempt > 0) throw error;
        this.forget(browser);
      }
    }
  }

  /**
   * A page busy printing can keep its context from closing until the print ends (minutes for a
   * long book): past a grace period its browser is closed instead, which frees the turn; other
   * exports on that browser fail, the next one launches another.
   */
  private async closeContext(context: BrowserContext, browser: Browser): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const closed = await Promise.race([
      context.close().then(
        () => true,
        () => true,
      ),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), abandonGraceMs))),
    ]);
    clearTimeout(timer);
    if (!closed) this.discard(browser);
  }

  /** Ends a browser that will not let go of a page; exports on it fail, the next relaunch. */
  private discard(browser: Browser): void {
    this.forget(browser);
    void browser.close().catch(() => undefined);
  }

  private forget(browser: Browser): void {
    if (this.current === browser) {
      this.current = null;
      this.browser = null;
    }
  }

  /** The warm Chromium, launched if there is none or the last one died. */
  private async runningBrowser(): Promise<Browser> {
    // Twice at most: a Chromium that dies the moment it starts is not coming back.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      if (this.closed) throw new PdfUnavailableError('The PDF browser was closed.');
      this.browser ??= this.launch();
      const launching = this.browser;
      const browser = await launching;
      if (browser.isConnected()) return browser;
      this.forget(browser);
    }
    throw new PdfUnavailableError(`Chromium (${this.executablePath}) keeps stopping at launch.`);
  }

  private launch(): Promise<Browser> {
    const launching = lowPriorityLauncher(this.executablePath)
      .then((executablePath) =>
        chromium.launch({ executablePath, args: chromiumArguments, timeout: 30_000 }),
      )
      .catch((error: unknown) => {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new PdfUnavailableError(
          `Chromium could not be started from ${this.executablePath} (set CHROMIUM_PATH to a Chromium executable): ${reason}`,
          { cause: error },
        );
      });
    launching.then(
      (browser) => {
        this.launchCount += 1;
        if (this.browser === launching) this.current = browser;
        browser.on('disconnected', () => this.forget(browser));
        if (this.closed) void browser.close().catch(() => undefined);
      },
      // The next export tries again: Chromium may have been installed since.
      () => {
        if (this.browser === launching) this.browser = null;
      },
    );
    return launching;
  }

  private async closeBrowser(): Promise<void> {
    const launching = this.browser;
    this.browser = null;
    this.current = null;
    const browser = await launching?.catch(() => null);
    await browser?.close().catch(() => undefined);
  }

  private startIdleTimer(): void {
    if (this.idleTimeoutMs <= 0 || this.browser === null || this.closed) return;
    this.idleTimer = setTimeout(() => void this.closeBrowser(), this.idleTimeoutMs);
    // A waiting timer must not keep the server's process alive at shutdown.
    this.idleTimer.unref();
  }

  private clearIdleTimer(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}
