import { scenarioNames, type ScenarioName } from './report/report.ts';

export const usage = `Usage: pnpm bench [--smoke] [--scenario NAME] [--runs N] [--minutes N]

  --smoke            every scenario at a tiny size (seconds, not minutes); exits non-zero only
                     if a correctness check fails, never on a performance target
  --scenario NAME    run one scenario: replay | conference | cold-load | join-storm | memory |
                     api-lists | live-session | versions | exports | search |
                     dashboard | scaleout | voting | soak
                     (default: all but soak, which runs only on request)
  --runs N           runs per scenario, medians reported (default 3, or 1 with --smoke;
                     1 to 20; the soak runs once)
  --minutes N        soak length in minutes (default 10, at most 120)
  --help             this text`;

export interface CliOptions {
  smoke: boolean;
  scenarios: ScenarioName[] | null;
  runs: number;
  soakMinutes: number;
  help: boolean;
}

export class UsageError extends Error {}

/** Parses the command line; throws a UsageError saying what is wrong. */
export function parseArgs(argv: readonly string[]): CliOptions {
  let runs: number | null = null;
  const options: CliOptions = {
    smoke: false,
    scenarios: null,
    runs: 3,
    soakMinutes: 10,
    help: false,
  };
  // `pnpm run bench -- --smoke` passes the separator through; it means nothing here.
  const args = argv.filter((arg) => arg !== '--');
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg];
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = args[index + 1];
      if (next === undefined || next.startsWith('--')) {
        throw new UsageError(`${flag} needs a value.`);
      }
      index++;
      return next;
    };
    switch (flag) {
      case '--smoke':
        if (inline !== undefined) throw new UsageError('--smoke takes no value.');
        options.smoke = true;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      case '--scenario': {
        const name = value();
        if (!scenarioNames.includes(name as ScenarioName)) {
          throw new UsageError(
            `Unknown scenario "${name}"; choose one of ${scenarioNames.join(', ')}.`,
          );
        }
        options.scenarios = [name as ScenarioName];
        break;
      }
      case '--runs':
        runs = wholeNumber('--runs', value(), 1, 20);
        break;
      case '--minutes':
        options.soakMinutes = wholeNumber('--minutes', value(), 1, 120);
        break;
      default:
        throw new UsageError(`Unknown argument "${arg}".`);
    }
  }
  options.runs = runs ?? (options.smoke ? 1 : 3);
  return options;
}

function wholeNumber(flag: string, raw: string, min: number, max: number): number {
  if (!/^\d+$/.test(raw)) throw new UsageError(`${flag} must be a whole number, not "${raw}".`);
  const value = Number(raw);
  if (value < min || value > max) {
    throw new UsageError(`${flag} must be between ${min} and ${max}, not ${value}.`);
  }
  return value;
}
