import type { GuidesSetup } from '../../lib/people.ts';
import type { LatencyHistogram } from '../../lib/stats.ts';

export interface ConferenceOptions {
  guides: number;
  clientsPerGuide: number;
  editsPerSecond: number;
  awarenessPerSecond: number;
  /** Load before the measured window (its edits are still checked for loss). */
  warmupSeconds: number;
  /** The measured window. */
  durationSeconds: number;
  /** Connections opened at once while ramping up. */
  rampBatch: number;
  /** How long to wait for the last edits to arrive once typing stops. */
  drainSeconds: number;
  /** Soak: call `onSample` this often during the load. */
  sampleEverySeconds?: number;
  onSample?: (sample: IntervalSample) => Promise<void>;
  /** Runs with the load: started once everyone is connected, stopped when typing stops. */
  alongside?: (setup: GuidesSetup) => Promise<() => Promise<void>>;
  log?: (message: string) => void;
}

export interface IntervalSample {
  /** Seconds since the load started. */
  atSeconds: number;
  /** Edits delivered to every peer during this interval: p50/p99 of send → last peer. */
  editLatency: ReturnType<LatencyHistogram['summary']>;
  editsSent: number;
}

export interface ConferenceResult {
  connections: number;
  connected: number;
  editsSent: number;
  editsMeasured: number;
  awarenessSent: number;
  /** Send → every peer of the guide has it (what the issue calls fan-out latency). */
  editAllPeers: ReturnType<LatencyHistogram['summary']>;
  /** Send → one peer has it, over every (edit, peer) pair. */
  editDelivery: ReturnType<LatencyHistogram['summary']>;
  awareness: ReturnType<LatencyHistogram['summary']>;
  /** Awareness states received / expected (the server may coalesce, which is not a loss). */
  awarenessDeliveredRatio: number;
  serverCpuPercent: number;
  peakRssBytes: number;
  benchCpuPercent: number;
  benchLoopDelayP99Ms: number;
  /** CPU used by everything else on the machine during the window (a busy neighbour skews all). */
  otherCpuPercent: number;
  /** (edit, peer) pairs never delivered after the drain, and edits missing at ≥ 1 peer. */
  lostDeliveries: number;
  lostEdits: number;
  /** Edits missing from the server's own copy of the guide (checked by a fresh client). */
  serverMissingEdits: number;
  failures: {
    connectFailures: number;
    unexpectedCloses: number;
    socketErrors: number;
    undecodableFrames: number;
    misrouted: number;
    duplicates: number;
    /** Messages the server says it refused (Draftroom /metrics); null for the baseline. */
    serverRejected: number | null;
    /** Sends the bench could not make on time because its own event loop was late. */
    benchLateSends: number;
  };
  correct: boolean;
}
