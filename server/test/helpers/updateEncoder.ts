import * as encoding from 'lib0/encoding';

/**
 * Writes Yjs v1 updates from struct descriptions, byte for byte as Yjs's UpdateEncoderV1 does,
 * but without Yjs's guard rails: zero lengths, dangling references, clocks out of order, content
 * kinds a guide never holds. The fuzz test builds hostile updates with it; `Y.decodeUpdate`
 * reads them back (see updateEncoder.test.ts), so they are what a crafted client would send.
 */
export interface StructId {
  client: number;
  clock: number;
}

export type ContentSpec =
  | { kind: 'deleted'; length: number }
  | { kind: 'string'; text: string }
  | { kind: 'format'; key: string; value: unknown }
  | { kind: 'any'; values: unknown[] }
  | { kind: 'element'; name: string }
  | { kind: 'xmlText' }
  /** Other shared types: Y.Array (0), Y.Map (1), Y.Text (2), Y.XmlFragment (4), Y.XmlHook (5). */
  | { kind: 'type'; ref: 0 | 1 | 2 | 4 | 5 }
  | { kind: 'json'; values: string[] }
  | { kind: 'binary'; bytes: Uint8Array }
  | { kind: 'embed'; value: unknown }
  | { kind: 'doc'; guid: string };

export type StructSpec =
  | { kind: 'gc'; length: number }
  | { kind: 'skip'; length: number }
  | {
      kind: 'item';
      origin?: StructId;
      rightOrigin?: StructId;
      /** Read only when there is neither origin nor right origin, as in Yjs. */
      parent?: { root: string } | { id: StructId };
      parentSub?: string;
      content: ContentSpec;
    };

export interface UpdateSpec {
  clients: Array<{ client: number; clock: number; structs: StructSpec[] }>;
  deletes?: Array<{ client: number; ranges: Array<[clock: number, length: number]> }>;
}

const contentRefs = {
  deleted: 1,
  json: 2,
  binary: 3,
  string: 4,
  embed: 5,
  format: 6,
  element: 7,
  xmlText: 7,
  type: 7,
  any: 8,
  doc: 9,
} as const;

export function encodeUpdate(spec: UpdateSpec): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, spec.clients.length);
  for (const { client, clock, structs } of spec.clients) {
    encoding.writeVarUint(encoder, structs.length);
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
    for (const struct of structs) writeStruct(encoder, struct);
  }
  const deletes = spec.deletes ?? [];
  encoding.writeVarUint(encoder, deletes.length);
  for (const { client, ranges } of deletes) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, ranges.length);
    for (const [clock, length] of ranges) {
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarUint(encoder, length);
    }
  }
  return encoding.toUint8Array(encoder);
}

function writeStruct(encoder: encoding.Encoder, struct: StructSpec): void {
  if (struct.kind === 'gc') {
    encoding.writeUint8(encoder, 0);
    encoding.writeVarUint(encoder, struct.length);
    return;
  }
  if (struct.kind === 'skip') {
    encoding.writeUint8(encoder, 10);
    encoding.writeVarUint(encoder, struct.length);
    return;
  }
  const { origin, rightOrigin, parent, parentSub, content } = struct;
  const info =
    contentRefs[content.kind] |
    (origin ? 0x80 : 0) |
    (rightOrigin ? 0x40 : 0) |
    (parentSub !== undefined ? 0x20 : 0);
  encoding.writeUint8(encoder, info);
  if (origin) writeId(encoder, origin);
  if (rightOrigin) writeId(encoder, rightOrigin);
  if (!origin && !rightOrigin) {
    const target = parent ?? { root: 'default' };
    if ('root' in target) {
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarString(encoder, target.root);
    } else {
      encoding.writeVarUint(encoder, 0);
      writeId(encoder, target.id);
    }
    if (parentSub !== undefined) encoding.writeVarString(encoder, parentSub);
  }
  writeContent(encoder, content);
}

function writeId(encoder: encoding.Encoder, id: StructId): void {
  encoding.writeVarUint(encoder, id.client);
  encoding.writeVarUint(encoder, id.clock);
}

function writeContent(encoder: encoding.Encoder, content: ContentSpec): void {
  switch (content.kind) {
    case 'deleted':
      encoding.writeVarUint(encoder, content.length);
      return;
    case 'string':
      encoding.writeVarString(encoder, content.text);
      return;
    case 'format':
      encoding.writeVarString(encoder, content.key);
      encoding.writeVarString(encoder, JSON.stringify(content.value));
      return;
    case 'any':
      encoding.writeVarUint(encoder, content.values.length);
      for (const value of content.values) encoding.writeAny(encoder, value as never);
      return;
    case 'element':
      encoding.writeVarUint(encoder, 3);
      encoding.writeVarString(encoder, content.name);
      return;
    case 'xmlText':
      encoding.writeVarUint(encoder, 6);
      return;
    case 'type':
      encoding.writeVarUint(encoder, content.ref);
      if (content.ref === 5) encoding.writeVarString(encoder, 'hook');
      return;
    case 'json':
      encoding.writeVarUint(encoder, content.values.length);
      for (const value of content.values) encoding.writeVarString(encoder, value);
      return;
    case 'binary':
      encoding.writeVarUint8Array(encoder, content.bytes);
      return;
    case 'embed':
      encoding.writeVarString(encoder, JSON.stringify(content.value));
      return;
    case 'doc':
      encoding.writeVarString(encoder, content.guid);
      encoding.writeAny(encoder, {});
      return;
  }
}
