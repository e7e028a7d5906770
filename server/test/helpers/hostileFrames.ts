import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import {
  commentsMessageType,
  messageTypes,
  permissionMessageType,
  serviceMessageType,
  syncMessageTypes,
} from '@draftroom/shared';

/** A small seeded PRNG (mulberry32), so a failing fuzz run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type FrameKind =
  | 'random_bytes'
  | 'truncated_varint'
  | 'huge_length_prefix'
  | 'wrong_message_type'
  | 'undecodable_update'
  | 'mutated_update'
  | 'valid_garbage_update'
  | 'awareness_flood'
  | 'bad_awareness';

/** Kinds an honest-looking server accepts: many are sent on one connection. */
export const acceptedKinds: ReadonlySet<FrameKind> = new Set([
  'valid_garbage_update',
  'awareness_flood',
]);

export const frameKinds: readonly FrameKind[] = [
  'random_bytes',
  'truncated_varint',
  'huge_length_prefix',
  'wrong_message_type',
  'undecodable_update',
  'mutated_update',
  'valid_garbage_update',
  'awareness_flood',
  'bad_awareness',
];

/** Generates frames an attacker or a broken client might send, each kind on purpose. */
export class HostileFrames {
  constructor(private readonly random: () => number) {}

  private int(max: number): number {
    return Math.floor(this.random() * max);
  }

  private bytes(length: number): Uint8Array {
    return Uint8Array.from({ length }, () => this.int(256));
  }

  private frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
    const encoder = encoding.createEncoder();
    write(encoder);
    return encoding.toUint8Array(encoder);
  }

  private syncUpdate(payload: Uint8Array): Uint8Array {
    return this.frame((encoder) => {
      encoding.writeVarUint(encoder, messageTypes.sync);
      encoding.writeVarUint(encoder, syncMessageTypes.update);
      encoding.writeVarUint8Array(encoder, payload);
    });
  }

  /** A real update from a throwaway doc with a random client id: valid, but nobody's text. */
  private validUpdate(): Uint8Array {
    const doc = new Y.Doc();
    doc.clientID = 1_000_000 + this.int(1_000_000_000);
    const text = doc.getText(this.random() < 0.5 ? 't' : `junk-${this.int(5)}`);
    doc.transact(() => {
      text.insert(
        0,
        String.fromCharCode(...this.bytes(1 + this.int(20)).map((b) => 32 + (b % 90))),
      );
      if (this.random() < 0.3) doc.getMap('m').set(`k${this.int(10)}`, this.int(1000));
      if (this.random() < 0.3 && text.length > 2) text.delete(0, 1);
    });
    const update = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return update;
  }

  make(kind: FrameKind): Uint8Array {
    switch (kind) {
      case 'random_bytes':
        return this.bytes(this.int(64));
      case 'truncated_varint':
        return Uint8Array.from({ length: 1 + this.int(4) }, () => 0x80 | this.int(128));
      case 'huge_length_prefix':
        return this.frame((encoder) => {
          encoding.writeVarUint(
            encoder,
            this.random() < 0.5 ? messageTypes.sync : messageTypes.awareness,
          );
          if (this.random() < 0.5) encoding.writeVarUint(encoder, syncMessageTypes.update);
          encoding.writeVarUint(encoder, 2 ** 31 + this.int(2 ** 20));
          encoding.writeUint8Array(encoder, this.bytes(this.int(16)));
        });
      case 'wrong_message_type':
        return this.frame((encoder) => {
          // Often the server's own messages (permission, comments), which flow to clients only.
          const roll = this.random();
          const type =
            roll < 0.15
              ? permissionMessageType
              : roll < 0.3
                ? commentsMessageType
                : roll < 0.45
                  ? serviceMessageType
                  : 4 + this.int(100_000);
          encoding.writeVarUint(encoder, type);
          encoding.writeUint8Array(encoder, this.bytes(this.int(16)));
        });
      case 'undecodable_update':
        return this.syncUpdate(this.bytes(1 + this.int(48)));
      case 'mutated_update': {
        const update = this.validUpdate();
        for (let flips = 1 + this.int(3); flips > 0; flips--) {
          update[this.int(update.length)] = this.int(256);
        }
        return this.syncUpdate(update);
      }
      case 'valid_garbage_update':
        return this.syncUpdate(this.validUpdate());
      case 'awareness_flood': {
        const awareness = new awarenessProtocol.Awareness(new Y.Doc());
        awareness.setLocalState({ user: { name: `bot ${this.int(1000)}` }, cursor: this.int(1e6) });
        const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]);
        awareness.destroy();
        return this.frame((encoder) => {
          encoding.writeVarUint(encoder, messageTypes.awareness);
          encoding.writeVarUint8Array(encoder, update);
        });
      }
      case 'bad_awareness':
        return this.frame((encoder) => {
          encoding.writeVarUint(encoder, messageTypes.awareness);
          encoding.writeVarUint8Array(
            encoder,
            this.frame((inner) => {
              encoding.writeVarUint(inner, 1);
              encoding.writeVarUint(inner, this.int(1e9));
              encoding.writeVarUint(inner, this.int(100));
              encoding.writeVarString(inner, '{not json');
            }),
          );
        });
    }
  }

  pickKind(): FrameKind {
    return frameKinds[this.int(frameKinds.length)] as FrameKind;
  }
}
