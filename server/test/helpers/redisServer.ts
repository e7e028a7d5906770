import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createClient } from 'redis';
import { freePort } from '../../testing/index.ts';

/**
 * A private redis-server for one test file, keeping nothing on disk (like the deployment this
 * models: a restart loses every stream). `kill()` is SIGKILL; `start()` again on the same port.
 */
export class RedisServer {
  private process: ChildProcess | undefined;

  private constructor(readonly port: number) {}

  static async start(): Promise<RedisServer> {
    const server = new RedisServer(await freePort());
    await server.start();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(
      '/usr/bin/redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    this.process = child;
    // Ready when it answers PING (polled: redis-server says nothing we could wait on).
    for (let attempt = 0; ; attempt += 1) {
      if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode})`);
      const client = createClient({ url: this.url, socket: { reconnectStrategy: false } });
      client.on('error', () => {});
      try {
        await client.connect();
        await client.ping();
        client.destroy();
        return;
      } catch {
        client.destroy();
        if (attempt > 200) throw new Error('redis-server did not answer');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }

  /** SIGKILL: no goodbye to its clients, nothing kept. */
  async kill(): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (!child || child.exitCode !== null) return;
    child.kill('SIGKILL');
    await once(child, 'exit');
  }

  /** SIGSTOP: connections stay open, nothing is answered (a hung Redis, a silent network). */
  pause(): void {
    this.process?.kill('SIGSTOP');
  }

  resume(): void {
    this.process?.kill('SIGCONT');
  }

  /** A plain client for the test's own commands (XADD by hand, inspection). */
  async client() {
    const client = createClient({ url: this.url, RESP: 2 });
    client.on('error', () => {});
    await client.connect();
    return client;
  }
}
