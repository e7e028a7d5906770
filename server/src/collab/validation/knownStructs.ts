import * as Y from 'yjs';
import { guideFragmentName } from '@draftroom/shared';

/**
 * What the validator knows about structs that already exist: in the loaded document, or in
 * updates that were accepted and are being stored but are not applied yet ("in flight"). An
 * update may only refer to structs known one of these ways or carried by itself.
 */

/** Something children can be placed in: the guide's root fragment, an element or a text run. */
export type Container =
  | { kind: 'root'; key: 'root' }
  | { kind: 'element'; key: string; name: string }
  | { kind: 'text'; key: string }
  /** Not part of a guide: another root type, or a Y.Map, Y.Array … from old data. */
  | { kind: 'foreign'; key: string };

/** Where an item sits. `gc`: its parent is gone, so Yjs will garbage-collect it on arrival. */
export type Placement = { kind: 'gc' } | { kind: 'in'; container: Container; sub: string | null };

export type KnownStruct =
  | { kind: 'gc' }
  | {
      kind: 'item';
      placement: Placement;
      /** The container this item creates (element, text), `gc` if its content is gone, or null. */
      holds: Container | 'gc' | null;
    };

export const rootContainer: Container = { kind: 'root', key: 'root' };

export const idKey = (id: { client: number; clock: number }) => `${id.client}:${id.clock}`;

/** The guide as loaded: answers "does this struct exist, and where does it sit?". */
export class DocumentStructs {
  private readonly containers = new WeakMap<Y.AbstractType<unknown>, Container>();

  constructor(readonly doc: Y.Doc) {}

  state(client: number): number {
    return Y.getState(this.doc.store, client);
  }

  find(id: Y.ID): KnownStruct | undefined {
    if (id.clock >= this.state(id.client)) return undefined;
    const structs = this.doc.store.clients.get(id.client);
    if (!structs) return undefined;
    const struct = structs[Y.findIndexSS(structs, id.clock)];
    if (!(struct instanceof Y.Item)) return { kind: 'gc' };
    const parent = struct.parent;
    if (!(parent instanceof Y.AbstractType)) return { kind: 'gc' };
    return {
      kind: 'item',
      placement: { kind: 'in', container: this.containerOf(parent), sub: struct.parentSub },
      holds: this.holdsOf(struct),
    };
  }

  /** Structs the document holds, for the memory budget. O(clients). */
  countStructs(): number {
    let count = 0;
    for (const structs of this.doc.store.clients.values()) count += structs.length;
    return count;
  }

  private holdsOf(item: Y.Item): Container | 'gc' | null {
    if (item.content instanceof Y.ContentType) return this.containerOf(item.content.type);
    // A deleted container whose content was collected: Yjs collects whatever arrives inside it.
    if (item.content instanceof Y.ContentDeleted) return 'gc';
    return null;
  }

  private containerOf(type: Y.AbstractType<unknown>): Container {
    let container = this.containers.get(type);
    if (!container) {
      container = classify(this.doc, type);
      this.containers.set(type, container);
    }
    return container;
  }
}

function classify(doc: Y.Doc, type: Y.AbstractType<unknown>): Container {
  const item = type._item;
  if (item === null) {
    return doc.share.get(guideFragmentName) === type
      ? rootContainer
      : { kind: 'foreign', key: 'foreign-root' };
  }
  // Y.XmlElement extends Y.XmlFragment and Y.XmlText extends Y.Text: test the subclasses.
  if (type instanceof Y.XmlElement) {
    return { kind: 'element', key: idKey(item.id), name: type.nodeName };
  }
  if (type instanceof Y.XmlText) return { kind: 'text', key: idKey(item.id) };
  return { kind: 'foreign', key: idKey(item.id) };
}

interface InFlightEntry {
  clock: number;
  end: number;
  known: KnownStruct;
}

/**
 * Structs of updates accepted but not yet applied: they are being stored, and an update that
 * builds on them (the next keystroke) must not wait for that.
 */
export class InFlightStructs {
  private readonly byClient = new Map<number, InFlightEntry[]>();

  add(structs: ReadonlyArray<{ client: number } & InFlightEntry>): void {
    for (const { client, clock, end, known } of structs) {
      const entries = this.byClient.get(client);
      if (entries) entries.push({ clock, end, known });
      else this.byClient.set(client, [{ clock, end, known }]);
    }
  }

  remove(structs: ReadonlyArray<{ client: number; clock: number }>): void {
    for (const { client, clock } of structs) {
      const entries = this.byClient.get(client);
      if (!entries) continue;
      const index = entries.findIndex((entry) => entry.clock === clock);
      if (index >= 0) entries.splice(index, 1);
      if (entries.length === 0) this.byClient.delete(client);
    }
  }

  /** The first accepted struct covering `id`: the one Yjs will integrate (later copies are skipped). */
  find(id: Y.ID): KnownStruct | undefined {
    const entries = this.byClient.get(id.client);
    return entries?.find((entry) => entry.clock <= id.clock && id.clock < entry.end)?.known;
  }

  end(client: number): number {
    let end = 0;
    for (const entry of this.byClient.get(client) ?? []) end = Math.max(end, entry.end);
    return end;
  }

  get isEmpty(): boolean {
    return this.byClient.size === 0;
  }
}
