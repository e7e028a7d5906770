import { parseArgs, usage, UsageError } from './cli.ts';
import type { ScenarioReport } from './report/report.ts';
import { machineInfo, writeResults } from './report/results.ts';
import { renderReport } from './report/table.ts';
import { defaultScenarios, runScenario } from './suite/index.ts';

/**
 * `pnpm bench`: runs the scenarios against Draftroom and the baseline relay, prints a table per
 * scenario and writes bench/results/*.json. Exit codes: 0 all correctness checks passed,
 * 1 a correctness check failed (performance targets never fail the run), 2 bad arguments.
 */
async function main(): Promise<number> {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${usage}`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    console.log(usage);
    return 0;
  }

  const machine = machineInfo();
  const log = (message: string) => console.error(message);
  log(
    `Draftroom bench on ${machine.cores} × ${machine.cpu}, Node ${machine.node}, ` +
      (machine.serverDir
        ? `server from ${machine.serverDir} (${machine.serverDirCommit ?? '?'}), `
        : `commit ${machine.commit ?? '?'}${machine.serverChangesUncommitted ? ' + uncommitted server changes' : ''}, `) +
      `load average ${machine.loadAverageAtStart.join(' ')}`,
  );
  const reports: ScenarioReport[] = [];
  for (const scenario of options.scenarios ?? defaultScenarios) {
    const report = await runScenario(scenario, {
      smoke: options.smoke,
      runs: options.runs,
      soakMinutes: options.soakMinutes,
      log,
    });
    reports.push(report);
    console.log(`\n${renderReport(report)}\n`);
  }
  for (const path of writeResults(reports, machine)) log(`wrote ${path}`);

  const failed = reports.flatMap((report) =>
    report.checks.filter((check) => !check.ok).map((check) => `${report.scenario}: ${check.name}`),
  );
  if (failed.length > 0) {
    console.error(`\n${failed.length} correctness check(s) failed:\n  ${failed.join('\n  ')}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
