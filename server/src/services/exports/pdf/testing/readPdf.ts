import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * PDFs read back by readers that share nothing with Chromium: poppler's command-line tools for
 * text, pages and sizes, and Mozilla's pdf.js for the outline.
 */

const run = promisify(execFile);

/**
 * Chromium and poppler-utils, which `scripts/bootstrap.sh --with-browser` installs (Debian
 * packages). Their absence is a broken test machine: the PDF tests fail saying so, never skip.
 */
export function requirePdfTools(): void {
  const missing = [
    process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    '/usr/bin/pdftotext',
    '/usr/bin/pdfinfo',
  ].filter((path) => !existsSync(path));
  if (missing.length > 0) {
    throw new Error(`missing ${missing.join(', ')}: run scripts/bootstrap.sh --with-browser`);
  }
}

async function withFile<T>(pdf: Uint8Array, read: (path: string) => Promise<T>): Promise<T> {
  const folder = await mkdtemp(join(tmpdir(), 'draftroom-pdf-'));
  try {
    const path = join(folder, 'export.pdf');
    await writeFile(path, pdf);
    return await read(path);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Text as a reader would copy it, one string per page. pdftotext wraps right-to-left runs in
 * bidi embedding marks (U+202A–U+202E); they are dropped, and spaces collapsed, to compare words.
 */
export async function pdfPages(pdf: Uint8Array, crop: string[] = []): Promise<string[]> {
  const { stdout } = await withFile(pdf, (path) =>
    run('pdftotext', ['-enc', 'UTF-8', ...crop, path, '-'], { maxBuffer: 64 * 1024 * 1024 }),
  );
  return stdout
    .split('\f')
    .slice(0, -1)
    .map((page) =>
      page
        .replace(/[\u202a-\u202e]/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    );
}

/** The text of each page's bottom `height` points only: its footer. */
export async function pdfFooters(pdf: Uint8Array, height = 50): Promise<string[]> {
  const { height: pageHeight } = await pdfInfo(pdf);
  const top = Math.floor(pageHeight - height);
  return pdfPages(pdf, ['-x', '0', '-y', String(top), '-W', '1000', '-H', String(height)]);
}

export async function pdfInfo(
  pdf: Uint8Array,
): Promise<{ pages: number; width: number; height: number; tagged: boolean }> {
  const { stdout } = await withFile(pdf, (path) => run('pdfinfo', [path]));
  const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(stdout)?.[1] ?? '';
  const [width, height] = field('Page size')
    .split(' x ')
    .map((value) => Number.parseFloat(value));
  return {
    pages: Number(field('Pages')),
    width: width ?? Number.NaN,
    height: height ?? Number.NaN,
    tagged: field('Tagged') === 'yes',
  };
}

export interface OutlineEntry {
  title: string;
  items: OutlineEntry[];
}

/** The bookmarks, nested as a PDF viewer shows them. */
export async function pdfOutline(pdf: Uint8Array): Promise<OutlineEntry[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes the bytes over, so it gets a copy.
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  try {
    type Item = { title: string; items?: Item[] };
    const entries = (items: Item[] | null | undefined): OutlineEntry[] =>
      (items ?? []).map((item) => ({ title: item.title, items: entries(item.items) }));
    return entries((await document.getOutline()) as Item[] | null);
  } finally {
    await document.destroy();
  }
}

/** Every title of the outline, depth first, indented two spaces a level. */
export function outlineLines(entries: OutlineEntry[], depth = 0): string[] {
  return entries.flatMap((entry) => [
    `${'  '.repeat(depth)}${entry.title}`,
    ...outlineLines(entry.items, depth + 1),
  ]);
}
