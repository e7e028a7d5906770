import type { ApiClient } from '@draftroom/server/testing';
import { TreeMemorySampler, type PeakMemory } from '../../lib/processTree.ts';
import type { ServerUnderTest } from '../../lib/processes.ts';
import { compiledExport, type CompiledFormat, type ExportTiming } from './compiledExport.ts';
import type { SeededSession } from './seed.ts';

export { seedExportSession, type SeededSession } from './seed.ts';
export type { ExportTiming } from './compiledExport.ts';

/** Compiled exports on a server with nothing else to do, and the memory they took. */
export interface ExportsAlone {
  /** The first DOCX starts the export worker; the second finds it warm. */
  docxFirst: ExportTiming;
  docxWarm: ExportTiming;
  /** The first PDF launches Chromium; the second finds it warm. */
  pdfFirst: ExportTiming;
  pdfWarm: ExportTiming;
  memory: PeakMemory;
}

/**
 * Scenario 9, first part: the session's guides compiled as DOCX twice, then as PDF twice, one
 * after the other on an idle server, while the server's and its Chromium's memory is sampled.
 */
export async function exportsAlone(
  server: ServerUnderTest,
  organiser: ApiClient,
  seeded: SeededSession,
  log: (message: string) => void,
): Promise<ExportsAlone> {
  const sampler = new TreeMemorySampler(server.pid);
  const expected = { guides: seeded.guideIds.length };
  const one = async (format: CompiledFormat, label: string) => {
    const timing = (await compiledExport(
      organiser,
      seeded.sessionId,
      format,
      expected,
    )) as ExportTiming;
    log(`  ${label}: ${describe(timing)}`);
    return timing;
  };
  try {
    const docxFirst = await one('docx', 'DOCX (worker starting)');
    const docxWarm = await one('docx', 'DOCX (warm)');
    const pdfFirst = await one('pdf', 'PDF (Chromium launching)');
    const pdfWarm = await one('pdf', 'PDF (warm)');
    return { docxFirst, docxWarm, pdfFirst, pdfWarm, memory: sampler.stop() };
  } finally {
    sampler.stop();
  }
}

export const describe = (timing: ExportTiming) =>
  `${(timing.totalMs / 1000).toFixed(2)} s (guides read in ` +
  `${timing.readingMs === null ? '?' : (timing.readingMs / 1000).toFixed(2)} s), ` +
  `${Math.round(timing.bytes / 1024)} KiB${timing.pages === null ? '' : `, ${timing.pages} pages`}` +
  `${timing.problem ? ` — ${timing.problem}` : ''}`;

export interface ExportsUnderLoad {
  /** Every export that finished (the one cut off at the load's end is not, see `ExportLoad`). */
  timings: ExportTiming[];
  memory: PeakMemory;
}

/**
 * Scenario 9, second part: compiled exports back to back (DOCX, PDF, DOCX, …) for as long as
 * the conference load runs beside them, as an organiser would start one after another. When the
 * load stops, the export in flight is cancelled, so the load's drain and checks run without it,
 * unless no export of its format has finished yet: then it is let finish (into the drain), so
 * both formats are always measured under load, even when one takes most of the load's length.
 * A format not yet measured at all when the load stops is still started then: it only happens
 * when the load is seconds long (a smoke run on a busy machine), and part of that export's time
 * is then not under load.
 */
export class ExportLoad {
  private readonly controller = new AbortController();
  private readonly timings: ExportTiming[] = [];
  private readonly sampler: TreeMemorySampler;
  private readonly loop: Promise<void>;

  constructor(
    server: ServerUnderTest,
    private readonly organiser: ApiClient,
    private readonly seeded: SeededSession,
    private readonly log: (message: string) => void,
  ) {
    this.sampler = new TreeMemorySampler(server.pid);
    this.loop = this.run();
  }

  async stop(): Promise<ExportsUnderLoad> {
    this.controller.abort();
    await this.loop;
    return { timings: this.timings, memory: this.sampler.stop() };
  }

  private async run(): Promise<void> {
    // A failure is recorded as a broken export, not left unhandled until the load ends.
    try {
      await this.exportBackToBack();
    } catch (error) {
      this.timings.push({
        format: 'docx',
        totalMs: Number.NaN,
        readingMs: null,
        downloadMs: 0,
        bytes: 0,
        pages: null,
        problem: `the export failed: ${(error as Error).message}`,
      });
    }
  }

  private async exportBackToBack(): Promise<void> {
    const expected = { guides: this.seeded.guideIds.length };
    const formats: CompiledFormat[] = ['docx', 'pdf'];
    const allMeasured = () =>
      formats.every((format) => this.timings.some((timing) => timing.format === format));
    for (let index = 0; !this.controller.signal.aborted || !allMeasured(); index++) {
      const format = formats[index % 2]!;
      const measured = this.timings.some((timing) => timing.format === format);
      const timing = await compiledExport(
        this.organiser,
        this.seeded.sessionId,
        format,
        expected,
        measured ? this.controller.signal : undefined,
      );
      if (timing === null) return;
      this.timings.push(timing);
      this.log(`  under load, ${format.toUpperCase()}: ${describe(timing)}`);
    }
  }
}
