import { formatNumber } from '../report/table.ts';
import { runConference, type ConferenceResult } from '../scenarios/conference/index.ts';
import {
  ExportLoad,
  exportsAlone,
  seedExportSession,
  type ExportsAlone,
  type ExportsUnderLoad,
  type ExportTiming,
  type SeededSession,
} from '../scenarios/exports/index.ts';
import { IdleCpuControl } from '../scenarios/exports/idleCpuControl.ts';
import { atMost, below, ratioOf, row, target, type Check, type Row } from '../report/report.ts';
import { median } from '../lib/stats.ts';
import {
  newNoiseLog,
  noiseRow,
  sizesFor,
  withServer,
  type ScenarioOutcome,
  type SuiteOptions,
} from './common.ts';

/** One run: a fresh server with exports beside the conference load, one without. */
interface ExportsRun {
  seeded: SeededSession[];
  alone: ExportsAlone;
  plain: ConferenceResult;
  loaded: ConferenceResult;
  underLoad: ExportsUnderLoad;
}

const MiB = 2 ** 20;
const seconds = (timing: ExportTiming | undefined) =>
  timing && Number.isFinite(timing.totalMs) ? timing.totalMs / 1000 : null;
const medianSeconds = (timings: ExportTiming[], format: 'docx' | 'pdf') => {
  const values = timings
    .filter((timing) => timing.format === format && timing.problem === null)
    .map((timing) => timing.totalMs / 1000);
  return values.length === 0 ? null : median(values);
};

/**
 * Scenario 9 in the suite (Draftroom only), issue 12's targets: a compiled export of 50 guides
 * of about 3,000 words each as DOCX in under 5 s and as PDF in under 20 s, while the conference
 * load runs on the same server with its edit p99 no worse than 1.5× the same load without
 * exports, and the server and its browser under 1 GiB together. Per run, two fresh processes
 * (order alternating), both with the same export session written through the websocket first:
 * - with exports: the session compiled alone (DOCX twice, PDF twice: first and warm), then the
 *   conference load with compiled exports back to back beside it (DOCX and PDF alternating);
 * - plain: the conference load alone.
 * The table's "baseline" column is the plain run, so the ratio is what exports cost the typing.
 */
export async function runExportsScenario(options: SuiteOptions): Promise<ScenarioOutcome> {
  const { conference: load, exports: size } = sizesFor(options.smoke);
  // The control run: idle-class busy loops beside the load instead of exports (IdleCpuControl).
  const control = process.env.BENCH_EXPORTS_CONTROL === 'idle-cpu';
  const noise = newNoiseLog();
  const runs: ExportsRun[] = [];
  for (let run = 0; run < options.runs; run++) {
    const result: Partial<ExportsRun> = { seeded: [] };
    for (const withExports of run % 2 === 0 ? [false, true] : [true, false]) {
      await withServer(
        'draftroom',
        async (server) => {
          if (!server.organiser) throw new Error('exports need Draftroom');
          const organiser = await server.organiser();
          const seeded = await seedExportSession(server, organiser, size, options.log);
          result.seeded?.push(seeded);
          if (withExports)
            result.alone = await exportsAlone(server, organiser, seeded, options.log);
          const conference = await runConference(server, {
            ...load,
            log: options.log,
            ...(withExports && {
              alongside: async () => {
                const beside = control
                  ? new IdleCpuControl(server)
                  : new ExportLoad(server, organiser, seeded, options.log);
                return async () => {
                  result.underLoad = await beside.stop();
                };
              },
            }),
          });
          options.log(
            `  run ${run + 1} ${withExports ? 'with exports' : 'plain'}: edit p99 ` +
              `${formatNumber(conference.editAllPeers.p99Ms)} ms`,
          );
          if (withExports) result.loaded = conference;
          else result.plain = conference;
        },
        { options, noise },
      );
    }
    if (!result.alone || !result.plain || !result.loaded || !result.underLoad) {
      throw new Error('a run did not finish');
    }
    runs.push(result as ExportsRun);
  }
  return {
    title: control
      ? '9. CONTROL: idle-class busy loops (no exports) beside the conference load ("baseline" = nothing beside it)'
      : '9. Compiled exports beside the conference load (Draftroom only; "baseline" = no exports)',
    notes: [
      'Export rows: POST /api/sessions/:id/exports → polled (every 50 ms) until done → file ' +
        'downloaded, as the organiser. "Alone": on the with-exports process before its load ' +
        'starts, no bench load beside them. "Under load": exports back to back (DOCX, PDF, …) while ' +
        'the conference load runs (the one in flight when it ends is cancelled, unless its format has none yet). Memory: ' +
        'the server process plus every process it started (Chromium), sampled every 250 ms; ' +
        'RSS summed (overstates: Chromium’s processes share pages), PSS beside it. The edit ' +
        'rows compare the load with exports (Draftroom column) and without (baseline column).',
    ],
    parameters: {
      guides: size.guides,
      'words per guide (target)': size.wordsPerGuide,
      'words per guide (written)': Math.round(
        (runs[0]?.seeded[0]?.words ?? 0) / Math.max(1, size.guides),
      ),
      'conference guides': load.guides,
      'clients per guide': load.clientsPerGuide,
      'measured s': load.durationSeconds,
    },
    rows: rowsOf(runs, noiseRow(noise)),
    checks: checksOf(runs, size, control),
    raw: runs,
  };
}

function rowsOf(runs: ExportsRun[], noise: Row): Row[] {
  const only = (
    metric: string,
    unit: string,
    read: (run: ExportsRun) => number | null,
    targets?: Parameters<typeof row>[3],
  ): Row => ({ ...row(metric, unit, { draftroom: runs.map(read) }, targets), ratio: null });
  const pair = (
    metric: string,
    unit: string,
    read: (result: ConferenceResult) => number | null,
    targets?: Parameters<typeof row>[3],
  ): Row =>
    row(
      metric,
      unit,
      {
        draftroom: runs.map((run) => read(run.loaded)),
        baseline: runs.map((run) => read(run.plain)),
      },
      targets,
    );
  const under = (seconds: number) => (value: number | null) => [
    target(`< ${seconds} s`, below(value, seconds)),
  ];
  const underGiB = (value: number | null) => [target('< 1024 MiB', below(value, 1024))];
  return [
    only(
      'compiled DOCX, alone, first (worker starts)',
      's',
      (r) => seconds(r.alone.docxFirst),
      under(5),
    ),
    only('compiled DOCX, alone, warm', 's', (r) => seconds(r.alone.docxWarm), under(5)),
    only('  of which reading the guides', 's', (r) => (r.alone.docxWarm.readingMs ?? NaN) / 1000),
    only(
      'compiled PDF, alone, first (Chromium launches)',
      's',
      (r) => seconds(r.alone.pdfFirst),
      under(20),
    ),
    only('compiled PDF, alone, warm', 's', (r) => seconds(r.alone.pdfWarm), under(20)),
    only('  of which reading the guides', 's', (r) => (r.alone.pdfWarm.readingMs ?? NaN) / 1000),
    only('DOCX size', 'KiB', (r) => r.alone.docxWarm.bytes / 1024),
    only('PDF size', 'KiB', (r) => r.alone.pdfWarm.bytes / 1024),
    only('PDF pages', 'pages', (r) => r.alone.pdfWarm.pages),
    only(
      'peak memory, server + Chromium (RSS summed), alone',
      'MiB',
      (r) => r.alone.memory.totalRssBytes / MiB,
      underGiB,
    ),
    only('  server RSS', 'MiB', (r) => r.alone.memory.serverRssBytes / MiB),
    only('  Chromium processes RSS', 'MiB', (r) => r.alone.memory.browserRssBytes / MiB),
    only('  PSS of server + Chromium', 'MiB', (r) => r.alone.memory.pssBytes / MiB, underGiB),
    pair('edit latency send → all peers p50', 'ms', (c) => c.editAllPeers.p50Ms),
    pair(
      'edit latency send → all peers p99',
      'ms',
      (c) => c.editAllPeers.p99Ms,
      (loaded, plain) => [target('≤ 1.5× without exports', atMost(ratioOf(loaded, plain), 1.5))],
    ),
    pair('awareness latency p99', 'ms', (c) => c.awareness.p99Ms),
    pair('server CPU (load window)', '% of a core', (c) => c.serverCpuPercent),
    only(
      'compiled DOCX under load (median)',
      's',
      (r) => medianSeconds(r.underLoad.timings, 'docx'),
      under(5),
    ),
    only(
      'compiled PDF under load (median)',
      's',
      (r) => medianSeconds(r.underLoad.timings, 'pdf'),
      under(20),
    ),
    only('exports finished during the load', 'count', (r) => r.underLoad.timings.length),
    only(
      'peak memory, server + Chromium (RSS summed), under load',
      'MiB',
      (r) => r.underLoad.memory.totalRssBytes / MiB,
      underGiB,
    ),
    only('  server RSS', 'MiB', (r) => r.underLoad.memory.serverRssBytes / MiB),
    only('  Chromium processes RSS', 'MiB', (r) => r.underLoad.memory.browserRssBytes / MiB),
    only('  PSS of server + Chromium', 'MiB', (r) => r.underLoad.memory.pssBytes / MiB, underGiB),
    noise,
  ];
}

function checksOf(
  runs: ExportsRun[],
  size: { guides: number; wordsPerGuide: number },
  control: boolean,
): Check[] {
  return runs.flatMap((run, index) => {
    const alone = [run.alone.docxFirst, run.alone.docxWarm, run.alone.pdfFirst, run.alone.pdfWarm];
    const broken = [...alone, ...run.underLoad.timings].filter((timing) => timing.problem);
    return [
      {
        name: `run ${index + 1}: every guide written through the server and stored as sent`,
        ok: run.seeded.every(
          (seeded) => seeded.notStored === 0 && seeded.words >= size.guides * size.wordsPerGuide,
        ),
        detail: run.seeded
          .map((seeded) => `${seeded.words} words, ${seeded.notStored} not stored`)
          .join('; '),
      },
      {
        name: `run ${index + 1}: every compiled export finished with a good file, alone and under load`,
        // The control runs no export under the load: only those alone are checked then.
        ok: broken.length === 0 && (control || run.underLoad.timings.length > 0),
        detail:
          `${run.underLoad.timings.length} under load` +
          (broken.length > 0 ? `; ${broken.map((timing) => timing.problem).join('; ')}` : ''),
      },
      {
        name: `run ${index + 1}: every peer got every edit, with and without exports`,
        ok: run.plain.correct && run.loaded.correct,
      },
    ];
  });
}
