import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PdfBrowser, PdfUnavailableError } from './pdfBrowser.ts';
import { pdfPages, requirePdfTools } from './testing/readPdf.ts';

const browsers: PdfBrowser[] = [];
function pdfBrowser(options: ConstructorParameters<typeof PdfBrowser>[0] = {}) {
  const browser = new PdfBrowser(options);
  browsers.push(browser);
  return browser;
}
afterEach(async () => {
  await Promise.all(browsers.splice(0).map((browser) => browser.close()));
});

const print = (html: string) => async (page: Page) => {
  await page.setContent(html);
  return page.pdf({ format: 'A4' });
};

async function until(condition: () => boolean, what: string): Promise<void> {
  // Up to 20 s: a Chromium closing on a loaded two-core machine took longer than 5 s (seen once).
  for (let tries = 0; tries < 800; tries += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`never happened: ${what}`);
}

/** The Chromium processes this test process started (Playwright spawns them directly). */
async function ourChromiumPids(): Promise<number[]> {
  const { stdout } = await promisify(execFile)('ps', [
    '-o',
    'pid=,comm=',
    '--ppid',
    String(process.pid),
  ]);
  return stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([, command]) => command?.startsWith('chromium'))
    .map(([pid]) => Number(pid));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('PdfBrowser without Chromium', () => {
  it('says PDF is unavailable, naming CHROMIUM_PATH, and keeps saying it', async () => {
    const browser = pdfBrowser({ executablePath: '/nonexistent/chromium' });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const failure = browser.withPage(print('<p>x</p>'));
      await expect(failure).rejects.toBeInstanceOf(PdfUnavailableError);
      await expect(failure).rejects.toThrow(/\/nonexistent\/chromium.*CHROMIUM_PATH/);
    }
    expect(browser.openPages).toBe(0);
    expect(browser.waiting).toBe(0);
  });
});

describe('PdfBrowser', () => {
  beforeAll(requirePdfTools);
  it('prints at most maxPages at once in one warm Chromium, the rest waiting their turn', async () => {
    const browser = pdfBrowser({ maxPages: 2 });
    const pdfs = await Promise.all(
      Array.from({ length: 5 }, (_, index) => browser.withPage(print(`<p>Export ${index}</p>`))),
    );
    expect((await Promise.all(pdfs.map((pdf) => pdfPages(pdf)))).map((pages) => pages[0])).toEqual([
      'Export 0',
      'Export 1',
      'Export 2',
      'Export 3',
      'Export 4',
    ]);
    expect(browser.mostPagesOpen).toBe(2);
    expect(browser.openPages).toBe(0);
    expect(browser.launches).toBe(1);
  });

  it('lets an aborted export leave the queue, and closes the page of one being printed', async () => {
    const browser = pdfBrowser({ maxPages: 1 });
    let release!: () => void;
    const held = browser.withPage(() => new Promise<void>((resolve) => (release = resolve)));
    await until(() => browser.openPages === 1, 'the first page opens');

    const queued = new AbortController();
    const waiting = browser.withPage(print('<p>never</p>'), queued.signal);
    expect(browser.waiting).toBe(1);
    queued.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(browser.waiting).toBe(0);
    release();
    await held;

    const printing = new AbortController();
    const stuck = browser.withPage((page) => page.waitForEvent('popup'), printing.signal);
    await until(() => browser.openPages === 1, 'the stuck page opens');
    printing.abort();
    await expect(stuck).rejects.toMatchObject({ name: 'AbortError' });
    expect(browser.openPages).toBe(0);
    // The turns were given back.
    expect((await pdfPages(await browser.withPage(print('<p>after</p>'))))[0]).toBe('after');
  });

  it('gives up on a page that takes longer than pageTimeoutMs', async () => {
    const browser = pdfBrowser({ pageTimeoutMs: 500 });
    // A call that never settles, as page.pdf can be when its print is abandoned.
    const stuck = browser.withPage(() => new Promise<never>(() => undefined));
    await expect(stuck).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(browser.openPages).toBe(0);
  });

  it('runs Chromium, and every process it starts, in the idle scheduling class', async () => {
    const browser = pdfBrowser();
    await browser.withPage(print('<p>idle</p>'));
    const [pid] = await ourChromiumPids();
    // ps's `policy` column: IDL for SCHED_IDLE, TS for the normal class.
    const { stdout } = await promisify(execFile)('ps', ['-e', '-o', 'pid=,ppid=,policy=']);
    const rows = stdout
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/));
    // Chromium and all its descendants (zygotes, renderers, utilities).
    const family = new Set([String(pid)]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [child, parent] of rows) {
        if (!family.has(parent!) || family.has(child!)) continue;
        family.add(child!);
        grew = true;
      }
    }
    const policies = rows.filter(([child]) => family.has(child!)).map(([, , policy]) => policy);
    expect(policies.length).toBeGreaterThan(2);
    expect(new Set(policies)).toEqual(new Set(['IDL']));
  });

  it('launches Chromium again after it was killed', async () => {
    const browser = pdfBrowser();
    await browser.withPage(print('<p>first</p>'));
    const [pid, ...others] = await ourChromiumPids();
    expect(pid).toBeDefined();
    expect(others).toEqual([]);
    process.kill(pid!, 'SIGKILL');
    await until(() => !browser.running, 'the browser is seen gone');

    const pdf = await browser.withPage(print('<p>second</p>'));
    expect((await pdfPages(pdf))[0]).toBe('second');
    expect(browser.launches).toBe(2);
  });

  it('closes Chromium after a while unused, and starts it again when needed', async () => {
    const browser = pdfBrowser({ idleTimeoutMs: 300 });
    await browser.withPage(print('<p>x</p>'));
    const [pid] = await ourChromiumPids();
    expect(browser.running).toBe(true);
    await until(() => !browser.running, 'the idle browser closes');
    await until(() => !isAlive(pid!), 'its process ends');
    await browser.withPage(print('<p>y</p>'));
    expect(browser.launches).toBe(2);
  });

  it('runs no script and fetches nothing', async () => {
    let requests = 0;
    const server = createServer((_request, response) => {
      requests += 1;
      response.end('body::after { content: "STYLE FETCHED" }');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const browser = pdfBrowser();
      const pdf = await browser.withPage(
        print(
          `<link rel="stylesheet" href="${origin}/style.css"><img src="${origin}/image.png">` +
            `<p>Body</p><script>document.body.append('SCRIPT RAN')</script>`,
        ),
      );
      expect((await pdfPages(pdf)).join(' ')).toBe('Body');
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });

  it('refuses work once closed', async () => {
    const browser = pdfBrowser();
    await browser.close();
    await expect(browser.withPage(print('<p>x</p>'))).rejects.toBeInstanceOf(PdfUnavailableError);
  });
});
