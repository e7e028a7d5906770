import { formatNumber, markdownTable } from '../report/table.ts';
import { runSoak } from '../scenarios/soak.ts';
import { below, medianOf, target, type Row } from '../report/report.ts';
import {
  newNoiseLog,
  sizesFor,
  withServer,
  type ScenarioOutcome,
  type SuiteOptions,
} from './common.ts';

/** The soak in the suite: one long conference run against Draftroom, sampled. */
export async function runSoakScenario(options: SuiteOptions): Promise<ScenarioOutcome> {
  const load = sizesFor(options.smoke).conference;
  const noise = newNoiseLog();
  const result = await withServer(
    'draftroom',
    (server) => runSoak(server, options.soakMinutes, { ...load, log: options.log }),
    { options, noise },
  );
  const conference = result.conference;
  const first = result.samples[0];
  const last = result.samples.at(-1);
  const lags = result.samples.map((sample) => sample.eventLoopLagMs);
  const soakRow = (
    metric: string,
    unit: string,
    value: number | null | undefined,
    targets: Row['targets'] = [],
  ): Row => ({
    metric,
    unit,
    draftroom: value !== undefined && value !== null && Number.isFinite(value) ? value : null,
    baseline: null,
    ratio: null,
    targets,
  });
  const rows: Row[] = [
    soakRow('edit latency send → all peers p50', 'ms', conference.editAllPeers.p50Ms),
    soakRow('edit latency send → all peers p99', 'ms', conference.editAllPeers.p99Ms, [
      target('< 50 ms', below(conference.editAllPeers.p99Ms, 50)),
    ]),
    soakRow('awareness latency p99', 'ms', conference.awareness.p99Ms),
    soakRow('RSS at first sample', 'MiB', first?.rssMb),
    soakRow('RSS at last sample', 'MiB', last?.rssMb),
    soakRow('RSS peak', 'MiB', conference.peakRssBytes / 2 ** 20, [
      target('< 1024 MiB', below(conference.peakRssBytes / 2 ** 20, 1024)),
    ]),
    soakRow('RSS slope, whole run', 'MiB/min', result.rssSlopeMbPerMin),
    soakRow('RSS slope, second half', 'MiB/min', result.rssSlopeSecondHalfMbPerMin),
    soakRow('V8 heap used at first sample', 'MiB', first?.heapUsedMb),
    soakRow('V8 heap used at last sample', 'MiB', last?.heapUsedMb),
    soakRow('V8 heap floor slope (lowest per minute)', 'MiB/min', result.heapFloorSlopeMbPerMin),
    soakRow('RSS floor slope (lowest sample per minute)', 'MiB/min', result.rssFloorSlopeMbPerMin, [
      target('< 2 MiB/min (no growth trend)', below(result.rssFloorSlopeMbPerMin, 2)),
    ]),
    soakRow('event-loop lag, median of samples', 'ms', medianOf(lags)),
    soakRow('event-loop lag, max of samples', 'ms', Math.max(...lags.filter(Number.isFinite))),
    soakRow('event-loop lag slope', 'ms/min', result.eventLoopLagSlopeMsPerMin),
    soakRow('server CPU', '% of a core', conference.serverCpuPercent),
    soakRow('other jobs on the machine', '% of a core', noise.draftroom[0]),
    soakRow('lost edits (edit, peer) pairs', 'pairs', conference.lostDeliveries, [
      target('0', conference.lostDeliveries === 0),
    ]),
  ];
  const samples = markdownTable(
    [
      's',
      'RSS MiB',
      'heap MiB',
      'CPU %',
      'docs',
      'conns',
      'lag ms',
      'lag p99 ms',
      'compactions',
      'edits',
      'edit p99 ms',
    ],
    result.samples.map((sample) =>
      [
        Math.round(sample.atSeconds),
        sample.rssMb,
        sample.heapUsedMb,
        sample.cpuPercent,
        sample.documentsLoaded,
        sample.connections,
        sample.eventLoopLagMs,
        sample.eventLoopLagP99Ms,
        sample.compactions,
        sample.editsSent,
        sample.editP99Ms,
      ].map(formatNumber),
    ),
    new Array<boolean>(11).fill(true),
  );
  return {
    title: `Soak: conference load for ${options.soakMinutes} min (Draftroom only)`,
    parameters: {
      guides: load.guides,
      'clients per guide': load.clientsPerGuide,
      minutes: options.soakMinutes,
      'sample every s': 10,
    },
    rows,
    checks: [
      {
        name: 'every peer got every edit, server copy complete',
        ok: conference.correct,
        detail: `lost pairs ${conference.lostDeliveries}, server missing ${conference.serverMissingEdits}`,
      },
    ],
    notes: [`Samples every 10 s:\n\n${samples}`],
    raw: result,
  };
}
