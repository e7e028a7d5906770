import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ServerExitedError, spawnServerProcess } from '../../testing/index.ts';

export const serverRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Starts the server as a process, as `pnpm start` does, expecting it to refuse: resolves with
 * its exit code and output, and fails the test if it starts instead.
 */
export async function startRefused(
  env: Record<string, string>,
  as?: { uid: number; gid: number },
): Promise<ServerExitedError> {
  try {
    const handle = await spawnServerProcess({ env: { PORT: '0', ...env }, ...as });
    await handle.kill();
  } catch (error) {
    if (error instanceof ServerExitedError) return error;
    throw error;
  }
  throw new Error('the server started, but it should have refused to');
}

/** The uid and gid of `nobody`, for running a child server as a user that root is not. */
export function nobody(): { uid: number; gid: number } {
  const id = (flag: string) =>
    Number(spawnSync('id', [flag, 'nobody'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** Hands a data directory and everything in it to `user`, so a server running as them can use it. */
export function giveTo(dataDir: string, user: { uid: number; gid: number }): void {
  chownSync(dataDir, user.uid, user.gid);
  chmodSync(dataDir, 0o755);
  for (const name of readdirSync(dataDir)) chownSync(join(dataDir, name), user.uid, user.gid);
}
