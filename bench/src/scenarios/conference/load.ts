import type { ProcessSampler } from '../../lib/sampler.ts';
import { LatencyHistogram } from '../../lib/stats.ts';
import { editChars, type Deliveries, type Peer } from './peers.ts';
import type { ConferenceOptions } from './types.ts';

const tickMs = 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens every peer's connection in batches, each fully synced before the load starts. */
export async function rampUp(
  deliveries: Deliveries,
  options: ConferenceOptions,
): Promise<{ active: Peer[]; connectedPerGuide: number[] }> {
  const total = options.guides * options.clientsPerGuide;
  for (let first = 0; first < total; first += options.rampBatch) {
    const batch: Peer[] = [];
    for (let position = first; position < Math.min(total, first + options.rampBatch); position++) {
      batch.push(
        deliveries.createPeer(
          Math.floor(position / options.clientsPerGuide),
          position % options.clientsPerGuide,
        ),
      );
    }
    const results = await Promise.allSettled(batch.map((peer) => peer.client.connect(30_000)));
    results.forEach((result, offset) => {
      if (result.status === 'fulfilled') (batch[offset] as Peer).connected = true;
      else deliveries.failures.connectFailures++;
    });
  }
  const connectedPerGuide = new Array<number>(options.guides).fill(0);
  const active = deliveries.peers.filter((peer) => peer.connected);
  for (const peer of active)
    connectedPerGuide[peer.guide] = (connectedPerGuide[peer.guide] ?? 0) + 1;
  await sleep(500);
  return { active, connectedPerGuide };
}

/**
 * The load: one scheduler loop (not a timer per client) sends what is due every few ms, for the
 * warm-up and the measured window; `sampler` is told when the window starts and ends.
 */
export async function typeAndMove(
  deliveries: Deliveries,
  active: readonly Peer[],
  connectedPerGuide: readonly number[],
  sampler: ProcessSampler,
  options: ConferenceOptions,
  maxEdits: number,
): Promise<void> {
  const loadSeconds = options.warmupSeconds + options.durationSeconds;
  const sendEdit = (peer: Peer, now: number) => {
    if (peer.sent >= maxEdits) return;
    const edit = peer.sent;
    peer.lastUpdate = null;
    peer.text.insert(peer.text.length, String.fromCharCode(97 + (edit % 26)).repeat(editChars));
    const update = peer.lastUpdate as Uint8Array | null;
    if (!update) return;
    peer.sentAt[edit] = now;
    peer.pending[edit] = (connectedPerGuide[peer.guide] as number) - 1;
    peer.sent++;
    peer.client.sendUpdate(update, false);
  };
  const sendPresence = (peer: Peer, now: number) => {
    const position = peer.sent * editChars;
    peer.client.sendAwareness({
      user: { name: `Participant ${peer.clientId}`, color: '#1d4ed8' },
      cursor: {
        anchor: { item: { client: peer.clientId, clock: position }, assoc: 0 },
        head: { item: { client: peer.clientId, clock: position }, assoc: 0 },
      },
    });
    const clock = peer.client.awareness.meta.get(peer.clientId)?.clock ?? 0;
    if (clock < peer.awarenessSentAt.length) peer.awarenessSentAt[clock] = now;
    peer.awarenessSent++;
    deliveries.awarenessExpected += (connectedPerGuide[peer.guide] as number) - 1;
  };

  const editInterval = 1000 / options.editsPerSecond;
  const awarenessInterval = 1000 / options.awarenessPerSecond;
  const loadStart = performance.now();
  for (const peer of active) {
    peer.nextEditAt = loadStart + Math.random() * editInterval;
    peer.nextAwarenessAt = loadStart + Math.random() * awarenessInterval;
  }
  const measureFrom = loadStart + options.warmupSeconds * 1000;
  const measureTo = measureFrom + options.durationSeconds * 1000;
  deliveries.measure(measureFrom, measureTo);
  const samplePeriod = (options.sampleEverySeconds ?? 0) * 1000;
  let nextSampleAt = samplePeriod > 0 ? loadStart + samplePeriod : Number.POSITIVE_INFINITY;
  let editsAtLastSample = 0;
  const samplePromises: Array<Promise<void>> = [];
  let windowStarted = false;
  const maxTicks = Math.ceil((loadSeconds * 1000) / tickMs) * 4 + 1000;
  for (let tick = 0; tick < maxTicks; tick++) {
    const now = performance.now();
    if (now >= measureTo) break;
    if (!windowStarted && now >= measureFrom) {
      windowStarted = true;
      sampler.markStart();
    }
    for (const peer of active) {
      if (peer.nextEditAt <= now) {
        // A client more than one interval late is the bench falling behind: it skips, counted,
        // rather than bursting edits that no person would type.
        if (now - peer.nextEditAt > editInterval) {
          deliveries.failures.benchLateSends++;
          peer.nextEditAt = now;
        }
        sendEdit(peer, performance.now());
        peer.nextEditAt += editInterval * (0.9 + 0.2 * Math.random());
      }
      if (peer.nextAwarenessAt <= now) {
        if (now - peer.nextAwarenessAt > awarenessInterval) {
          deliveries.failures.benchLateSends++;
          peer.nextAwarenessAt = now;
        }
        sendPresence(peer, performance.now());
        peer.nextAwarenessAt += awarenessInterval * (0.9 + 0.2 * Math.random());
      }
    }
    if (now >= nextSampleAt && options.onSample) {
      const editsSent = active.reduce((sum, peer) => sum + peer.sent, 0);
      samplePromises.push(
        options.onSample({
          atSeconds: (now - loadStart) / 1000,
          editLatency: deliveries.interval.summary(),
          editsSent: editsSent - editsAtLastSample,
        }),
      );
      editsAtLastSample = editsSent;
      deliveries.interval = new LatencyHistogram();
      nextSampleAt += samplePeriod;
    }
    await sleep(tickMs);
  }
  sampler.markEnd();
  await Promise.all(samplePromises);
}

/** Typing has stopped: waits until every peer has every edit sent to its guide, or time runs out. */
export async function drain(
  deliveries: Deliveries,
  active: readonly Peer[],
  seconds: number,
): Promise<{ pairs: number; edits: number }> {
  const deadline = performance.now() + seconds * 1000;
  while (deliveries.undelivered(active).pairs > 0 && performance.now() < deadline) await sleep(50);
  return deliveries.undelivered(active);
}
