import { waitForQuietMachine } from '../lib/sampler.ts';
import { runColdLoad, type ColdLoadResult } from '../scenarios/coldLoad.ts';
import {
  runHocuspocusColdLoad,
  type HocuspocusColdLoadResult,
} from '../scenarios/coldLoadHocuspocus.ts';
import { atMost, below, row, target, type Check, type Row } from '../report/report.ts';
import {
  durabilityNote,
  paperPrefix,
  sizesFor,
  type ScenarioOutcome,
  type SuiteOptions,
} from './common.ts';

/** Scenario 3 in the suite: runs, medians, targets and checks of the cold load. */
export async function runColdLoadScenario(options: SuiteOptions): Promise<ScenarioOutcome> {
  const size = sizesFor(options.smoke).coldLoad;
  const { trace, updates } = paperPrefix(size.updates);
  const results: ColdLoadResult[] = [];
  const hocuspocus: HocuspocusColdLoadResult[] = [];
  const loadOptions = {
    samples: size.samples,
    warmupUpdates: size.warmupUpdates,
    log: options.log,
    ...(options.smoke ? {} : { beforeSample: () => waitForQuietMachine(60_000, options.log) }),
  };
  for (let run = 0; run < options.runs; run++) {
    options.log(`  run ${run + 1}: writing ${updates.length} updates`);
    results.push(await runColdLoad(trace, updates, loadOptions));
    hocuspocus.push(await runHocuspocusColdLoad(trace, updates, loadOptions));
  }
  const draftroom = (read: (result: ColdLoadResult) => number) => results.map(read);
  const rows: Row[] = [
    row('connect → synced, before compaction', 'ms', {
      draftroom: draftroom((r) => r.before.medianMs),
    }),
    row(
      'connect → synced, after compaction',
      'ms',
      {
        draftroom: draftroom((r) => r.after.medianMs),
        hocuspocus: hocuspocus.map((r) => r.medianMs),
      },
      (value) => [target('< 150 ms', below(value, 150))],
    ),
    row('server load time, before compaction', 'ms', {
      draftroom: draftroom((r) => r.before.serverLoadMs),
    }),
    row('server load time, after compaction', 'ms', {
      draftroom: draftroom((r) => r.after.serverLoadMs),
    }),
    row('stored rows before compaction', 'rows', {
      draftroom: draftroom((r) => r.before.stored.updateRows),
    }),
    row('stored bytes before compaction', 'bytes', {
      draftroom: draftroom((r) => r.before.stored.totalBytes),
    }),
    row('stored bytes after compaction', 'bytes', {
      draftroom: draftroom((r) => r.after.stored.totalBytes),
      hocuspocus: hocuspocus.map((r) => r.storedBytes),
    }),
    row('encoded state (Y.encodeStateAsUpdate)', 'bytes', {
      draftroom: draftroom((r) => r.encodedStateBytes),
    }),
    row(
      'stored after compaction / encoded state',
      '×',
      { draftroom: draftroom((r) => r.storedToEncodedRatio) },

      (value) => [target('≤ 2×', atMost(value, 2))],
    ),
    row('SQLite file + WAL after compaction', 'bytes', {
      draftroom: draftroom((r) => r.after.stored.fileBytes),
    }),
    row('compaction on unload (incl. load)', 's', {
      draftroom: draftroom((r) => r.compactionSeconds),
    }),
  ];
  const checks: Check[] = [
    ...results.map((result, index) => ({
      name: `draftroom run ${index + 1}: history stored, compacted, every client got the whole text`,
      ok: result.correct,
      ...(result.problems.length > 0 ? { detail: result.problems.join('; ') } : {}),
    })),
    ...hocuspocus.map((result, index) => ({
      name: `hocuspocus run ${index + 1}: history stored, every client got the whole text`,
      ok: result.correct,
      ...(result.problems.length > 0 ? { detail: result.problems.join('; ') } : {}),
    })),
  ];
  return {
    title: '3. Cold load (baseline: n/a, it stores nothing; Hocuspocus stores whole states only)',
    notes: [durabilityNote],
    parameters: {
      trace: 'automerge-paper',
      updates: updates.length,
      'samples per state': size.samples,
      'warm-up guide updates': size.warmupUpdates,
    },
    rows,
    checks,
    raw: results,
  };
}
