import { execFile } from 'node:child_process';

/**
 * What a redis-server says of itself (`INFO`), read with `redis-cli`, Redis' own client: its CPU
 * (all its threads, as the kernel counts them), commands served, bytes in and out, memory.
 */
export interface RedisCounters {
  cpuSeconds: number;
  commands: number;
  netInputBytes: number;
  netOutputBytes: number;
  rssBytes: number;
  connectedClients: number;
}

export function redisCounters(port: number, timeoutMs = 10_000): Promise<RedisCounters> {
  return new Promise((resolve, reject) => {
    execFile(
      'redis-cli',
      ['-h', '127.0.0.1', '-p', String(port), 'INFO', 'everything'],
      { timeout: timeoutMs, encoding: 'utf8' },
      (error, stdout) => {
        if (error) {
          reject(new Error(`redis-cli INFO on ${port}: ${error.message}`));
          return;
        }
        const info = new Map<string, string>();
        for (const line of stdout.split(/\r?\n/)) {
          const colon = line.indexOf(':');
          if (colon > 0 && !line.startsWith('#'))
            info.set(line.slice(0, colon), line.slice(colon + 1));
        }
        const number = (key: string) => Number(info.get(key) ?? Number.NaN);
        resolve({
          cpuSeconds: number('used_cpu_user') + number('used_cpu_sys'),
          commands: number('total_commands_processed'),
          netInputBytes: number('total_net_input_bytes'),
          netOutputBytes: number('total_net_output_bytes'),
          rssBytes: number('used_memory_rss'),
          // The bench's own redis-cli is one of them.
          connectedClients: number('connected_clients') - 1,
        });
      },
    );
  });
}
