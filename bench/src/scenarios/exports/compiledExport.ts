import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { apiPath, type ExportJob } from '@draftroom/shared';
import type { ApiClient } from '@draftroom/server/testing';

export type CompiledFormat = 'docx' | 'pdf';

/** One compiled export, timed from the client: POST, polling until done, the file downloaded. */
export interface ExportTiming {
  format: CompiledFormat;
  /** POST → file downloaded. */
  totalMs: number;
  /** POST → the job first seen writing (the guides read): the rest is rendering (and printing). */
  readingMs: number | null;
  /** Last poll seen done → file downloaded. */
  downloadMs: number;
  bytes: number;
  /** PDF: pages, read by poppler's pdfinfo (null when it is missing or for DOCX). */
  pages: number | null;
  /** Why the file is not a good one (job failed, wrong status, not a DOCX/PDF), or null. */
  problem: string | null;
}

const pollEveryMs = 50;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const run = promisify(execFile);

/**
 * Compiles the session's guides into one file as the organiser, and follows the job as the page
 * does (polling, a little faster than a page would so the timing is close). The finished file
 * is downloaded, checked (a DOCX is a zip holding word/document.xml; a PDF has the pages it
 * should), then the job is deleted so its file does not stay in the server's memory.
 * `signal` cancels the job (DELETE) and answers null: an export the load's end cut short.
 */
export async function compiledExport(
  organiser: ApiClient,
  sessionId: string,
  format: CompiledFormat,
  expected: { guides: number },
  signal?: AbortSignal,
): Promise<ExportTiming | null> {
  const started = performance.now();
  const job = await organiser.expect<ExportJob>(
    201,
    'POST',
    apiPath('startSessionExport', { sessionId }),
    { format, pageSize: 'A4', locale: 'en' },
  );
  const jobPath = apiPath('exportJob', { exportId: job.id });
  let readingMs: number | null = null;
  let state = job;
  const failed = (problem: string): ExportTiming => ({
    format,
    totalMs: performance.now() - started,
    readingMs,
    downloadMs: 0,
    bytes: 0,
    pages: null,
    problem,
  });
  while (state.state === 'queued' || state.state === 'running') {
    if (signal?.aborted) {
      await organiser.request('DELETE', jobPath);
      return null;
    }
    await sleep(pollEveryMs);
    state = await organiser.expect<ExportJob>(200, 'GET', jobPath);
    if (readingMs === null && state.phase === 'writing') readingMs = performance.now() - started;
  }
  if (state.state !== 'done') return failed(`job ${state.state}: ${state.error ?? ''}`);
  const doneAt = performance.now();
  const file = await organiser.download(apiPath('exportFile', { exportId: job.id }));
  const totalMs = performance.now() - started;
  await organiser.request('DELETE', jobPath);
  if (file.status !== 200) return failed(`file: status ${file.status}`);
  if (state.total !== expected.guides || state.done !== expected.guides) {
    return failed(`the job read ${state.done} of ${state.total} guides, not ${expected.guides}`);
  }
  const pages = format === 'pdf' ? await pdfPages(file.bytes) : null;
  return {
    format,
    totalMs,
    readingMs,
    downloadMs: totalMs - doneAt,
    bytes: file.bytes.length,
    pages,
    problem: fileProblem(format, file.bytes, pages, expected.guides),
  };
}

function fileProblem(
  format: CompiledFormat,
  bytes: Uint8Array,
  pages: number | null,
  guides: number,
): string | null {
  const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1');
  if (format === 'docx') {
    // A zip names its entries in plain text (local headers and central directory).
    if (!head.startsWith('PK') || !Buffer.from(bytes).includes('word/document.xml')) {
      return 'not a DOCX (no zip with word/document.xml)';
    }
    return null;
  }
  if (head !== '%PDF-') return 'not a PDF';
  // Title page, contents, one chapter per guide on its own pages, then the annex.
  if (pages !== null && pages < guides + 2) return `${pages} pages for ${guides} chapters`;
  return null;
}

/** The PDF's page count by poppler's pdfinfo, an independent reader; null without poppler. */
async function pdfPages(bytes: Uint8Array): Promise<number | null> {
  const dir = mkdtempSync(join(tmpdir(), 'draftroom-bench-pdf-'));
  try {
    const path = join(dir, 'export.pdf');
    writeFileSync(path, bytes);
    const { stdout } = await run('pdfinfo', [path]);
    const pages = /^Pages:\s+(\d+)/m.exec(stdout)?.[1];
    return pages === undefined ? null : Number(pages);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return 0; // pdfinfo could not read it: counted as a broken file
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
