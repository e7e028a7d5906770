// `pnpm start` runs this before the server: it builds the client on the first run (or after the
// sources changed) and otherwise returns at once, so restarting the server stays fast.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isBuildStale } from './staleness.mjs';

const clientDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(clientDir, 'dist', 'index.html');
const inputs = [
  join(clientDir, 'src'),
  join(clientDir, 'index.html'),
  join(clientDir, 'vite.config.ts'),
  join(clientDir, '..', 'shared', 'src'),
];

function mtimeOrUndefined(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Yields the modification time of every file under `path` (or of `path` itself). */
function* mtimesUnder(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return; // a missing input cannot make the bundle stale
  }
  if (!stat.isDirectory()) {
    yield stat.mtimeMs;
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    yield* mtimesUnder(join(path, entry.name));
  }
}

function* allInputMtimes() {
  for (const input of inputs) yield* mtimesUnder(input);
}

if (isBuildStale(mtimeOrUndefined(output), allInputMtimes())) {
  console.log('[client] building the web app (first run or sources changed)…');
  const { build } = await import('vite');
  await build({ root: clientDir, logLevel: 'warn' });
  console.log('[client] build done.');
} else {
  console.log('[client] web app is up to date; skipping the build.');
}
