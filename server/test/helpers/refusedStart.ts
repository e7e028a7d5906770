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
