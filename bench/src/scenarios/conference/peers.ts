import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { guideSeedClientId, guideText } from '@draftroom/server/testing';
import type { BenchClient } from '../../lib/benchClient.ts';
import type { GuidesSetup, Person } from '../../lib/people.ts';
import type { ServerUnderTest } from '../../lib/processes.ts';
import { LatencyHistogram } from '../../lib/stats.ts';

/** Characters per edit: edit k of a client covers its clocks [3k, 3k+3). */
export const editChars = 3;

/** One simulated person: their connection, what they sent and what they received. */
export interface Peer {
  index: number;
  guide: number;
  slot: number;
  clientId: number;
  client: BenchClient;
  /** The peer's own edits are made here, apart from what it receives (which some clients apply). */
  author: Y.Doc;
  readonly text: Y.XmlText;
  lastUpdate: Uint8Array | null;
  connected: boolean;
  sent: number;
  sentAt: Float64Array;
  /** Peers that still have to receive each edit. */
  pending: Uint16Array;
  awarenessSentAt: Float64Array;
  awarenessSent: number;
  /** Bitset over (sender slot, edit index): what this peer has received. */
  received: Uint8Array;
  awarenessSeen: Uint32Array;
  nextEditAt: number;
  nextAwarenessAt: number;
}

/**
 * Every peer of the run and the bookkeeping of deliveries: which (edit, peer) pairs arrived
 * and how long each took, recognised from the update's client id and clock range
 * (`Y.parseUpdateMeta`), and presence by (client id, awareness clock), without parsing JSON.
 */
export class Deliveries {
  readonly peers: Peer[] = [];
  readonly allPeers = new LatencyHistogram();
  readonly delivery = new LatencyHistogram();
  readonly awarenessLatency = new LatencyHistogram();
  interval = new LatencyHistogram();
  awarenessDelivered = 0;
  awarenessExpected = 0;
  readonly failures = {
    connectFailures: 0,
    undecodableFrames: 0,
    misrouted: 0,
    duplicates: 0,
    benchLateSends: 0,
  };
  private readonly byClientId = new Map<number, Peer>();
  private measureFrom = Number.POSITIVE_INFINITY;
  private measureTo = Number.POSITIVE_INFINITY;

  constructor(
    private readonly server: ServerUnderTest,
    private readonly setup: GuidesSetup,
    private readonly perGuide: number,
    private readonly maxEdits: number,
    private readonly maxAwareness: number,
  ) {}

  measure(from: number, to: number): void {
    this.measureFrom = from;
    this.measureTo = to;
  }

  isMeasured(sentAt: number): boolean {
    return sentAt >= this.measureFrom && sentAt < this.measureTo;
  }

  createPeer(guide: number, slot: number): Peer {
    const index = this.peers.length;
    const clientId = index + 1;
    const person = this.setup.guides[guide]?.people[slot] as Person;
    const client = this.server.client(this.setup.guides[guide]?.documentId as string, {
      applyUpdates: false,
      clientId,
      headers: person.headers,
    });
    const author = new Y.Doc();
    author.clientID = clientId;
    const peer: Peer = {
      index,
      guide,
      slot,
      clientId,
      client,
      author,
      get text() {
        return guideText(author);
      },
      lastUpdate: null,
      connected: false,
      sent: 0,
      sentAt: new Float64Array(this.maxEdits),
      pending: new Uint16Array(this.maxEdits),
      awarenessSentAt: new Float64Array(this.maxAwareness),
      awarenessSent: 0,
      received: new Uint8Array(Math.ceil((this.perGuide * this.maxEdits) / 8)),
      awarenessSeen: new Uint32Array(this.perGuide),
      nextEditAt: 0,
      nextAwarenessAt: 0,
    };
    // Everything since the last edit goes out together: the first edit also carries the shared
    // guide paragraph it is typed into.
    author.on('update', (update: Uint8Array) => {
      peer.lastUpdate = peer.lastUpdate ? Y.mergeUpdates([peer.lastUpdate, update]) : update;
    });
    client.onRemoteUpdate = (update) => this.onUpdate(peer, update);
    client.onAwareness = (update) => this.onAwareness(peer, update);
    this.peers.push(peer);
    this.byClientId.set(clientId, peer);
    return peer;
  }

  /** (edit, peer) pairs still undelivered, and edits missing at one peer or more. */
  undelivered(active: readonly Peer[]): { pairs: number; edits: number } {
    let pairs = 0;
    let edits = 0;
    for (const peer of active) {
      for (let edit = 0; edit < peer.sent; edit++) {
        const left = peer.pending[edit] as number;
        pairs += left;
        if (left > 0) edits++;
      }
    }
    return { pairs, edits };
  }

  private onUpdate(receiver: Peer, update: Uint8Array): void {
    const now = performance.now();
    let meta: { from: Map<number, number>; to: Map<number, number> };
    try {
      meta = Y.parseUpdateMeta(update);
    } catch {
      this.failures.undecodableFrames++;
      return;
    }
    for (const [clientId, fromClock] of meta.from) {
      const sender = this.byClientId.get(clientId);
      // The baseline echoes every update to its sender too; that is not a delivery. The shared
      // paragraph every peer writes into is nobody's edit.
      if (sender === receiver || clientId === guideSeedClientId) continue;
      if (!sender || sender.guide !== receiver.guide) {
        this.failures.misrouted++;
        continue;
      }
      const toClock = meta.to.get(clientId) ?? fromClock;
      const last = Math.min(Math.ceil(toClock / editChars), sender.sent);
      for (let edit = Math.floor(fromClock / editChars); edit < last; edit++) {
        this.deliver(receiver, sender, edit, now);
      }
    }
  }

  private deliver(receiver: Peer, sender: Peer, edit: number, now: number): void {
    const bit = sender.slot * this.maxEdits + edit;
    const mask = 1 << (bit & 7);
    const byte = bit >> 3;
    if (((receiver.received[byte] as number) & mask) !== 0) {
      this.failures.duplicates++;
      return;
    }
    receiver.received[byte] = (receiver.received[byte] as number) | mask;
    const sentAt = sender.sentAt[edit] as number;
    const latency = now - sentAt;
    if (this.isMeasured(sentAt)) this.delivery.record(latency);
    const left = (sender.pending[edit] as number) - 1;
    sender.pending[edit] = left;
    if (left === 0) {
      this.interval.record(latency);
      if (this.isMeasured(sentAt)) this.allPeers.record(latency);
    }
  }

  private onAwareness(receiver: Peer, update: Uint8Array): void {
    const now = performance.now();
    try {
      const decoder = decoding.createDecoder(update);
      const count = decoding.readVarUint(decoder);
      for (let entry = 0; entry < count; entry++) {
        const clientId = decoding.readVarUint(decoder);
        const clock = decoding.readVarUint(decoder);
        decoding.readVarUint8Array(decoder); // the state's JSON: not needed, not parsed
        const sender = this.byClientId.get(clientId);
        if (!sender || sender === receiver || sender.guide !== receiver.guide) continue;
        if (clock <= (receiver.awarenessSeen[sender.slot] as number)) continue;
        receiver.awarenessSeen[sender.slot] = clock;
        const sentAt = sender.awarenessSentAt[clock] ?? 0;
        if (sentAt === 0) continue;
        this.awarenessDelivered++;
        if (this.isMeasured(sentAt)) this.awarenessLatency.record(now - sentAt);
      }
    } catch {
      this.failures.undecodableFrames++;
    }
  }
}
