import type { ChildProcess } from 'node:child_process';
import { ApiClient, spawnServerProcess } from '../../testing/index.ts';

export { freePort } from '../../testing/index.ts';

/**
 * The server as a separate process, started exactly as `pnpm start` does, so a test can kill it
 * with SIGKILL like a crash would. The organiser joins through the first start's printed link;
 * after a restart, pass the same organiser back in (their sign-in is stored, like a cookie is).
 */
export interface ChildServer {
  process: ChildProcess;
  url: string;
  wsUrl: string;
  organiser: ApiClient;
  cookie: string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function spawnServer(options: {
  port: number;
  databasePath: string;
  env?: Record<string, string>;
  organiser?: ApiClient;
}): Promise<ChildServer> {
  const handle = await spawnServerProcess({
    env: {
      PORT: String(options.port),
      DATABASE_URL: options.databasePath,
      ...options.env,
    },
  });
  let organiser = options.organiser;
  if (!organiser) {
    const link = handle.links.find((printed) => printed.role === 'organiser');
    if (!link) throw new Error(`no organiser link printed:\n${handle.output()}`);
    organiser = await ApiClient.join(handle.url, link.joinUrl);
  }
  return {
    process: handle.process,
    url: handle.url,
    wsUrl: handle.wsUrl,
    organiser,
    cookie: organiser.cookie,
    kill: (signal) => handle.kill(signal),
  };
}
