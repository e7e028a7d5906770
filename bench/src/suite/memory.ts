import { limits } from '@draftroom/shared';
import { formatNumber } from '../report/table.ts';
import { runMemoryFlood } from '../scenarios/memory.ts';
import { below, target, type Check, type Row } from '../report/report.ts';
import {
  newNoiseLog,
  noiseRow,
  rowsOf,
  runOnServers,
  type ScenarioOutcome,
  type SuiteOptions,
} from './common.ts';

/** Draftroom's item budget in this run: the default, or a small one for the smoke run. */
const budgetFor = (smoke: boolean) => (smoke ? 20_000 : limits.maxDocumentItems);

/** Scenario 5 in the suite: the worst memory a writer can cost per byte sent, both servers. */
export async function runMemoryScenario(options: SuiteOptions): Promise<ScenarioOutcome> {
  const budget = budgetFor(options.smoke);
  // A quarter past the budget: Draftroom must refuse; the baseline takes it all.
  const flood = { itemsPerUpdate: 1_000, maxItems: Math.round(budget * 1.25), log: options.log };
  const noise = newNoiseLog();
  const results = await runOnServers(
    ['draftroom', 'baseline'],
    async (server, run) => {
      const serverName = server.name;
      const result = await runMemoryFlood(server, flood);
      options.log(
        `  run ${run + 1} ${serverName}: ${formatNumber(result.itemsSent)} items, RSS +${formatNumber(result.rssGrowthBytes / 2 ** 20)} MiB (${formatNumber(result.amplification)}× the bytes sent), closed ${result.closeCode ?? 'no'}`,
      );
      return result;
    },
    {
      options,
      noise,
      env: {
        MAX_DOCUMENT_ITEMS: String(budget),
        RATE_LIMIT_MESSAGES_PER_SECOND: '100000',
        RATE_LIMIT_BURST: '100000',
      },
    },
  );
  const rows: Row[] = [
    ...rowsOf(results, [
      ['one-letter items sent before refused (or all)', 'items', (r) => r.itemsSent],
      ['bytes sent', 'MiB', (r) => r.bytesSent / 2 ** 20],
      [
        'server RSS growth',
        'MiB',
        (r) => r.rssGrowthBytes / 2 ** 20,
        (value) => [target('< 256 MiB per guide', below(value, 256))],
      ],
      ['RSS growth / bytes sent (amplification)', '×', (r) => r.amplification],
      ['RSS growth per item', 'bytes', (r) => r.bytesPerItem],
    ]),
    noiseRow(noise),
  ];
  const checks: Check[] = (results.draftroom ?? []).map((result, index) => ({
    name: `draftroom run ${index + 1}: the writer is refused with 4413 at the item budget`,
    ok: result.closeCode === 4413 && result.itemsSent <= budget + flood.itemsPerUpdate * 2,
    detail: `closed with ${result.closeCode ?? 'nothing'} after ${result.itemsSent} items`,
  }));
  return {
    title: '5. Memory amplification (one writer, never-merging one-letter items)',
    parameters: {
      'Draftroom item budget (MAX_DOCUMENT_ITEMS)': budget,
      'items per update': flood.itemsPerUpdate,
      'items offered': flood.maxItems,
    },
    rows,
    checks,
    raw: results,
  };
}
