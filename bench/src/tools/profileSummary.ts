import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`, e.g. a server started with
 * BENCH_PROFILE_DIR set): self time by function and by package or file, highest first.
 *
 *   tsx src/tools/profileSummary.ts <file.cpuprofile> [top=25]
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileLine {
  name: string;
  ms: number;
  percent: number;
}

/** Where a frame's code lives: an npm package, a file of ours, or a V8/Node built-in. */
function placeOf(frame: ProfileNode['callFrame']): string {
  const file = frame.url.replace(/^file:\/\//, '');
  if (file === '') return `(${frame.functionName || 'native'})`;
  const dependency = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(
    file,
  );
  if (dependency?.[1]) return dependency[1];
  return file.replace(/^.*\/(server|bench|shared)\//, '$1/');
}

export function summariseProfile(profile: CpuProfile, count = 25) {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const functions = new Map<string, number>();
  const places = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    const frame = frames.get(id);
    if (!frame) return;
    total += micros;
    const place = placeOf(frame);
    const name = `${frame.functionName || '(anonymous)'}  ${place}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    functions.set(name, (functions.get(name) ?? 0) + micros);
    places.set(place, (places.get(place) ?? 0) + micros);
  });
  const top = (map: Map<string, number>): ProfileLine[] =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, micros]) => ({ name, ms: micros / 1000, percent: (100 * micros) / total }));
  return { totalMs: total / 1000, functions: top(functions), places: top(places) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, count = '25'] = process.argv.slice(2);
  if (!file) {
    console.error('usage: tsx src/tools/profileSummary.ts <file.cpuprofile> [top]');
    process.exit(2);
  }
  const summary = summariseProfile(
    JSON.parse(readFileSync(file, 'utf8')) as CpuProfile,
    Number(count),
  );
  const print = (lines: ProfileLine[]) => {
    for (const line of lines) {
      console.log(
        `${line.percent.toFixed(1).padStart(5)}%  ${line.ms.toFixed(0).padStart(7)} ms  ${line.name}`,
      );
    }
  };
  console.log(`sampled: ${summary.totalMs.toFixed(0)} ms\n\nself time by package or file:`);
  print(summary.places);
  console.log('\nself time by function:');
  print(summary.functions);
}
