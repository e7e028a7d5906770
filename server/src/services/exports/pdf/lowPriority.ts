import { access, chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const launchers = new Map<string, Promise<string>>();

/**
 * A launcher that starts `executable` under Linux's idle scheduling class (`chrt --idle 0`,
 * util-linux), which every process it starts inherits. Printing a compiled export is seconds of
 * Chromium's CPU on a machine whose other core relays everyone's typing: measured at full load,
 * the edit p99 went from 92 ms to 1 s while Chromium printed at normal priority. In the idle class
 * the print runs on what the relay leaves, and only the PDF waits. (A nice value is not enough:
 * Chromium sets its own, -8 for its main and GPU processes when it may, as root it may.)
 * Playwright talks to Chromium over inherited pipes, which `exec` keeps.
 *
 * Rejects when `executable` is not an executable file, so the caller can say so plainly.
 */
export function lowPriorityLauncher(executable: string): Promise<string> {
  let launcher = launchers.get(executable);
  if (!launcher) {
    launcher = writeLauncher(executable);
    launchers.set(executable, launcher);
    // A failure is not kept: Chromium may be installed before the next export.
    launcher.catch(() => launchers.delete(executable));
  }
  return launcher;
}

async function writeLauncher(executable: string): Promise<string> {
  await access(executable, constants.X_OK);
  const folder = await mkdtemp(join(tmpdir(), 'draftroom-chromium-'));
  const path = join(folder, 'chromium-low-priority');
  const quoted = `'${executable.replaceAll("'", `'\\''`)}'`;
  await writeFile(path, `#!/bin/sh\nexec chrt --idle 0 ${quoted} "$@"\n`);
  await chmod(path, 0o700);
  return path;
}
