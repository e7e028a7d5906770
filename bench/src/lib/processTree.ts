import { readdirSync, readFileSync } from 'node:fs';

/** Memory of a process and of every process it started (Chromium's, for the PDF exports). */
export interface TreeMemory {
  /** The process itself: resident set. */
  rootRssBytes: number;
  /** Its descendants together: resident sets summed (shared pages counted once per process). */
  childrenRssBytes: number;
  /** The whole tree's proportional set size: shared pages split between their sharers. */
  pssBytes: number;
  /** Descendant processes alive at the sample. */
  children: number;
}

function readOr(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return ''; // the process ended between listing and reading
  }
}

const kilobytes = (text: string, field: string) =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(text)?.[1] ?? 0) * 1024;

/** Every live descendant of `rootPid`, found by walking /proc's parent links. */
export function descendantsOf(rootPid: number): number[] {
  const childrenOf = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    // Field 4 of /proc/<pid>/stat, after the command name (which may hold spaces and parens).
    const stat = readOr(`/proc/${entry}/stat`);
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!Number.isFinite(parent)) continue;
    const siblings = childrenOf.get(parent) ?? [];
    siblings.push(Number(entry));
    childrenOf.set(parent, siblings);
  }
  const found: number[] = [];
  const queue = [...(childrenOf.get(rootPid) ?? [])];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    found.push(pid);
    queue.push(...(childrenOf.get(pid) ?? []));
  }
  return found;
}

export function treeMemory(rootPid: number): TreeMemory {
  const children = descendantsOf(rootPid);
  const pss = (pid: number) => kilobytes(readOr(`/proc/${pid}/smaps_rollup`), 'Pss');
  return {
    rootRssBytes: kilobytes(readOr(`/proc/${rootPid}/status`), 'VmRSS'),
    childrenRssBytes: children.reduce(
      (sum, pid) => sum + kilobytes(readOr(`/proc/${pid}/status`), 'VmRSS'),
      0,
    ),
    pssBytes: [rootPid, ...children].reduce((sum, pid) => sum + pss(pid), 0),
    children: children.length,
  };
}

/**
 * Samples a process tree's memory every `periodMs` while something runs, and keeps the peaks:
 * of the server and its browser together (RSS summed, the figure the target is judged on; it
 * overstates, since Chromium's processes share pages), of each part, and of the tree's PSS.
 */
export class TreeMemorySampler {
  peakTotalRssBytes = 0;
  peakRootRssBytes = 0;
  peakChildrenRssBytes = 0;
  peakPssBytes = 0;
  mostChildren = 0;
  samples = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly rootPid: number,
    periodMs = 250,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), periodMs);
    this.timer.unref();
  }

  sample(): void {
    const memory = treeMemory(this.rootPid);
    this.samples++;
    this.peakTotalRssBytes = Math.max(
      this.peakTotalRssBytes,
      memory.rootRssBytes + memory.childrenRssBytes,
    );
    this.peakRootRssBytes = Math.max(this.peakRootRssBytes, memory.rootRssBytes);
    this.peakChildrenRssBytes = Math.max(this.peakChildrenRssBytes, memory.childrenRssBytes);
    this.peakPssBytes = Math.max(this.peakPssBytes, memory.pssBytes);
    this.mostChildren = Math.max(this.mostChildren, memory.children);
  }

  stop(): PeakMemory {
    clearInterval(this.timer);
    this.sample();
    return {
      totalRssBytes: this.peakTotalRssBytes,
      serverRssBytes: this.peakRootRssBytes,
      browserRssBytes: this.peakChildrenRssBytes,
      pssBytes: this.peakPssBytes,
      browserProcesses: this.mostChildren,
      samples: this.samples,
    };
  }
}

export interface PeakMemory {
  totalRssBytes: number;
  serverRssBytes: number;
  browserRssBytes: number;
  pssBytes: number;
  browserProcesses: number;
  samples: number;
}
