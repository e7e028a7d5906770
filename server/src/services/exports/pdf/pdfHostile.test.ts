// Defence in depth for the PDF: even if markup ever got through the HTML export's escaping, the
// page Chromium prints from must reach nothing: no request, not even a connection, to any host.
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { PdfBrowser } from './pdfBrowser.ts';

describe('the printing page against markup that reaches out', () => {
  const browser = new PdfBrowser();
  afterAll(() => browser.close());

  it('opens no connection for refresh, frames, imports, fonts, prefetch, preconnect, forms or links', async () => {
    let connections = 0;
    const sockets: Socket[] = [];
    const server = createServer((socket) => {
      connections += 1;
      sockets.push(socket);
      socket.on('error', () => undefined);
      socket.end('HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const html = [
      `<meta http-equiv="refresh" content="0;url=${origin}/refresh">`,
      `<base href="${origin}/base/">`,
      `<link rel="preconnect" href="${origin}"><link rel="dns-prefetch" href="${origin}">`,
      `<link rel="prefetch" href="${origin}/prefetch"><link rel="preload" as="image" href="${origin}/preload">`,
      `<link rel="icon" href="${origin}/icon">`,
      `<style>@import url("${origin}/import.css"); @font-face { font-family: X; src: url("${origin}/font.woff"); }`,
      ` body { font-family: X; background: url("${origin}/background.png"); }</style>`,
      `<iframe src="${origin}/frame"></iframe><object data="${origin}/object"></object>`,
      `<embed src="${origin}/embed"><video poster="${origin}/poster"></video>`,
      `<svg><image href="${origin}/svg.png"/></svg><img src="relative.png">`,
      `<form action="${origin}/form"><input type="image" src="${origin}/input.png"></form>`,
      `<a href="${origin}/link" ping="${origin}/ping">link</a><p>Body</p>`,
    ].join('');
    try {
      // A refresh to a refused address leaves an error page Chromium may refuse to print:
      // whether it prints does not matter here, only that nothing left the page.
      await browser
        .withPage(async (page) => {
          await page.setContent(html, { waitUntil: 'load' });
          return page.pdf({ format: 'A4' });
        })
        .catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(connections).toBe(0);
    } finally {
      for (const socket of sockets) socket.destroy();
      server.close();
    }
  }, 30_000);
});
