import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { TreeMemorySampler } from '../../lib/processTree.ts';
import type { ServerUnderTest } from '../../lib/processes.ts';
import type { ExportsUnderLoad } from './index.ts';

/**
 * The control for scenario 9 (`BENCH_EXPORTS_CONTROL=idle-cpu`): instead of exports, one busy
 * loop per core in Linux's idle scheduling class (what Chromium prints in) beside the conference
 * load. It takes only CPU time that nothing else wants, touches almost no memory and makes no
 * request, so what it costs the typing is the floor for any export that computes beside the
 * load on this machine, however well it yields: shared caches, the hypervisor's scheduling of
 * the virtual cores, and the wake-ups of the server and the bench's clients preempting it.
 */
export class IdleCpuControl {
  private readonly burners: ChildProcess[];
  private readonly sampler: TreeMemorySampler;

  constructor(server: ServerUnderTest) {
    this.sampler = new TreeMemorySampler(server.pid);
    this.burners = Array.from({ length: availableParallelism() }, () =>
      spawn('chrt', ['--idle', '0', process.execPath, '-e', 'for (;;) {}'], { stdio: 'ignore' }),
    );
  }

  async stop(): Promise<ExportsUnderLoad> {
    await Promise.all(
      this.burners.map(
        (burner) =>
          new Promise<void>((resolve) => {
            if (burner.exitCode !== null || burner.signalCode !== null) return resolve();
            burner.once('exit', () => resolve());
            burner.kill('SIGKILL');
          }),
      ),
    );
    return { timings: [], memory: this.sampler.stop() };
  }
}
