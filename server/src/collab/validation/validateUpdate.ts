import * as Y from 'yjs';
import { guideFragmentName } from '@draftroom/shared';
import type { GuideRules } from './guideRules.ts';
import { markNameOfKey } from './guideRules.ts';
import {
  idKey,
  rootContainer,
  type Container,
  type DocumentStructs,
  type InFlightStructs,
  type KnownStruct,
  type Placement,
} from './knownStructs.ts';
import { attributeValueProblem, formatValueProblem } from './values.ts';

/**
 * The gate every Yjs update passes before it is stored: does it fit a guide, here and now?
 *
 * - **accept**: every struct has a positive length and a sane clock, every reference (origin,
 *   right origin, parent, deleted range) points at something known, and every item sits where the
 *   shared schema allows (root fragment → block elements, elements → their children and known
 *   attributes, text → strings and known marks). `structs` is what it adds, for the memory budget.
 * - **wait**: it refers to something the server does not have yet (peers on different sockets
 *   can deliver causally related edits out of order). It is not stored; it is tried again when
 *   the document changes, and refused if its dependency never comes.
 * - **refuse**: it can never fit (another root type, an unknown node, a zero length, a cycle …).
 *
 * Yjs would otherwise store and apply all of these, and some of them throw inside Yjs after they
 * were stored, taking down the process or making the guide unloadable.
 */
export type UpdateVerdict =
  | { kind: 'accept'; structs: AcceptedStruct[]; newStructs: number }
  | { kind: 'wait'; reason: string }
  | { kind: 'refuse'; reason: string };

export interface AcceptedStruct {
  client: number;
  clock: number;
  end: number;
  known: KnownStruct;
}

export interface DecodedUpdate {
  structs: Array<Y.Item | Y.GC | Y.Skip>;
  ds: ReturnType<typeof Y.decodeUpdate>['ds'];
}

export interface ValidationContext {
  document: DocumentStructs;
  inFlight: InFlightStructs;
  rules: GuideRules;
}

/** Larger clocks than any real editor reaches (one per character typed by one client). */
const maxClock = 2 ** 32;
const maxClientId = 0xffffffff;

/** The content of an item, whichever kind. */
type ItemContent = Y.Item['content'];

class Refused extends Error {}
class Waiting extends Error {}

export function validateUpdate(decoded: DecodedUpdate, context: ValidationContext): UpdateVerdict {
  try {
    return new UpdateCheck(decoded, context).run();
  } catch (error) {
    if (error instanceof Refused) return { kind: 'refuse', reason: error.message };
    if (error instanceof Waiting) return { kind: 'wait', reason: error.message };
    throw error;
  }
}

const resolving = Symbol('resolving');

class UpdateCheck {
  /** This update's structs per client, in clock order (the encoding guarantees contiguity). */
  private readonly byClient = new Map<number, Array<Y.Item | Y.GC | Y.Skip>>();
  private readonly placements = new Map<Y.Item, Placement | typeof resolving>();

  constructor(
    private readonly decoded: DecodedUpdate,
    private readonly context: ValidationContext,
  ) {}

  run(): UpdateVerdict {
    this.indexStructs();
    const accepted: AcceptedStruct[] = [];
    let newStructs = 0;
    for (const struct of this.decoded.structs) {
      if (struct instanceof Y.Skip) continue;
      const { client, clock } = struct.id;
      if (clock + struct.length > this.context.document.state(client)) newStructs++;
      if (struct instanceof Y.Item && !isGuideContent(struct.content)) {
        throw new Refused(`${idKey(struct.id)}: a guide never holds ${describe(struct.content)}`);
      }
      let known: KnownStruct = { kind: 'gc' };
      if (struct instanceof Y.Item) {
        const placement = this.checkItem(struct);
        this.checkContinuation(struct, placement);
        known = { kind: 'item', placement, holds: this.holdsOf(struct) };
      }
      accepted.push({ client, clock, end: clock + struct.length, known });
    }
    this.checkDeleteSet();
    return { kind: 'accept', structs: accepted, newStructs };
  }

  private indexStructs(): void {
    let previousClient: number | null = null;
    for (const struct of this.decoded.structs) {
      const { client, clock } = struct.id;
      if (client > maxClientId) throw new Refused(`client id ${client} is out of range`);
      if (!(struct.length >= 1)) throw new Refused(`struct ${idKey(struct.id)} has no length`);
      if (clock + struct.length > maxClock)
        throw new Refused(`struct ${idKey(struct.id)} has an absurd clock`);
      let structs = this.byClient.get(client);
      if (client !== previousClient) {
        // Yjs keeps only the last block of a client that appears twice: what we checked would
        // not be what is applied.
        if (structs) throw new Refused(`client ${client} appears twice in one update`);
        structs = [];
        this.byClient.set(client, structs);
        const known = this.knownEnd(client);
        // A gap before the first struct: earlier edits of this client have not arrived.
        if (clock > known) throw new Waiting(`edits of client ${client} from clock ${known}`);
      }
      (structs as Array<Y.Item | Y.GC | Y.Skip>).push(struct);
      previousClient = client;
    }
  }

  /** How far the server knows this client's history (stored, or accepted and being stored). */
  private knownEnd(client: number): number {
    return Math.max(this.context.document.state(client), this.context.inFlight.end(client));
  }

  private checkItem(item: Y.Item): Placement {
    const placement = this.placementOf(item);
    if (placement.kind === 'gc') return placement;
    const problem = contentProblem(item, placement.container, placement.sub, this.context.rules);
    if (problem) throw new Refused(`${idKey(item.id)}: ${problem}`);
    return placement;
  }

  /**
   * A struct that starts before what the server holds of its client and ends after it is applied
   * only from there on, and Yjs then links it after the server's struct at that point while
   * keeping the parent it declared. Honest copies agree (they are the same text); a crafted one
   * would hang text in one parent's list while counting it in another's, so both must agree.
   */
  private checkContinuation(item: Y.Item, placement: Placement): void {
    const { client, clock } = item.id;
    const end = this.knownEnd(client);
    if (!(clock < end && end < clock + item.length)) return;
    const before = Y.createID(client, end - 1);
    const predecessor = this.context.document.find(before) ?? this.context.inFlight.find(before);
    if (predecessor?.kind !== 'item' || !samePlace(predecessor.placement, placement)) {
      throw new Refused(`${idKey(item.id)} continues ${idKey(before)} somewhere else`);
    }
  }

  private placementOf(item: Y.Item): Placement {
    const memo = this.placements.get(item);
    if (memo === resolving) throw new Refused(`${idKey(item.id)} depends on itself`);
    if (memo) return memo;
    this.placements.set(item, resolving);
    const placement = this.resolvePlacement(item);
    this.placements.set(item, placement);
    return placement;
  }

  /** Mirrors `Item.getMissing` in Yjs: where this item will be integrated, or why it cannot be. */
  private resolvePlacement(item: Y.Item): Placement {
    const parent = item.parent;
    if (typeof parent === 'string') {
      if (parent !== guideFragmentName) throw new Refused(`root type "${parent}" is not a guide's`);
      return { kind: 'in', container: rootContainer, sub: item.parentSub };
    }
    if (parent instanceof Y.ID) {
      const target = this.lookUp(parent, item);
      if (target.kind === 'gc') return target;
      const holds = target.holds;
      if (holds === 'gc') return { kind: 'gc' };
      if (holds === null) throw new Refused(`${idKey(item.id)} has a parent that holds nothing`);
      return { kind: 'in', container: holds, sub: item.parentSub };
    }
    const left = item.origin ? this.lookUp(item.origin, item) : null;
    const right = item.rightOrigin ? this.lookUp(item.rightOrigin, item) : null;
    if (!left && !right) throw new Refused(`${idKey(item.id)} has no parent`);
    if (left?.kind === 'gc' || right?.kind === 'gc') return { kind: 'gc' };
    const fromLeft = left?.placement;
    const fromRight = right?.placement;
    if (fromLeft && fromRight && !samePlace(fromLeft, fromRight)) {
      throw new Refused(`${idKey(item.id)} sits between neighbours of different parents`);
    }
    return (fromLeft ?? fromRight) as Placement;
  }

  private lookUp(id: Y.ID, from: Y.Item): KnownStruct & { kind: 'gc' | 'item' } {
    // Yjs integrates a client's structs in order, so a reference to the same client must point
    // backwards; a forward one can never be satisfied (and crashes Yjs's lookup).
    if (id.client === from.id.client && id.clock >= from.id.clock) {
      throw new Refused(`${idKey(from.id)} refers forward to ${idKey(id)}`);
    }
    if (id.client > maxClientId || id.clock >= maxClock)
      throw new Refused(`reference ${idKey(id)} is out of range`);
    const known = this.context.document.find(id) ?? this.context.inFlight.find(id);
    if (known) return known;
    const own = this.ownStruct(id);
    if (!own || own instanceof Y.Skip) throw new Waiting(`struct ${idKey(id)}`);
    if (own instanceof Y.GC) return { kind: 'gc' };
    return { kind: 'item', placement: this.placementOf(own), holds: this.holdsOf(own) };
  }

  private ownStruct(id: Y.ID): Y.Item | Y.GC | Y.Skip | undefined {
    const structs = this.byClient.get(id.client);
    if (!structs) return undefined;
    let low = 0;
    let high = structs.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const struct = structs[middle] as Y.Item | Y.GC | Y.Skip;
      if (id.clock < struct.id.clock) high = middle - 1;
      else if (id.clock >= struct.id.clock + struct.length) low = middle + 1;
      else return struct;
    }
    return undefined;
  }

  /** The container an item creates, once it is integrated where it belongs. */
  private holdsOf(item: Y.Item): Container | 'gc' | null {
    const content = item.content;
    if (content instanceof Y.ContentDeleted) return 'gc';
    if (!(content instanceof Y.ContentType)) return null;
    if (this.placementOf(item).kind === 'gc') return 'gc';
    return this.containerOf(item, content);
  }

  private containerOf(item: Y.Item, content: Y.ContentType): Container {
    const type = content.type;
    if (type instanceof Y.XmlElement)
      return { kind: 'element', key: idKey(item.id), name: type.nodeName };
    if (type instanceof Y.XmlText) return { kind: 'text', key: idKey(item.id) };
    return { kind: 'foreign', key: idKey(item.id) };
  }

  private checkDeleteSet(): void {
    for (const [client, ranges] of this.decoded.ds.clients) {
      if (client > maxClientId)
        throw new Refused(`deletion for client id ${client} is out of range`);
      const own = this.byClient.get(client)?.at(-1);
      const end = Math.max(this.knownEnd(client), own ? own.id.clock + own.length : 0);
      for (const { clock, len } of ranges) {
        if (!(len >= 1) || clock + len > maxClock)
          throw new Refused(`deletion ${client}:${clock} has an absurd length`);
        if (clock + len > end) throw new Waiting(`deleted range ${client}:${clock}+${len}`);
      }
    }
  }
}

/** Content kinds y-prosemirror writes; embeds, binaries, subdocuments and other types it never does. */
function isGuideContent(content: ItemContent): boolean {
  if (content instanceof Y.ContentType) {
    return content.type instanceof Y.XmlElement || content.type instanceof Y.XmlText;
  }
  return (
    content instanceof Y.ContentString ||
    content instanceof Y.ContentFormat ||
    content instanceof Y.ContentAny ||
    content instanceof Y.ContentDeleted
  );
}

function samePlace(a: Placement, b: Placement): boolean {
  if (a.kind === 'gc' || b.kind === 'gc') return a.kind === b.kind;
  return a.container.key === b.container.key && a.sub === b.sub;
}

/** Whether this content may sit at this place of a guide; null when it may. */
function contentProblem(
  item: Y.Item,
  container: Container,
  sub: string | null,
  rules: GuideRules,
): string | null {
  const content = item.content;
  switch (container.kind) {
    case 'foreign':
      return 'it is placed outside the guide';
    case 'root':
      if (sub !== null) return 'the guide has no attributes';
      if (content instanceof Y.ContentDeleted) return null;
      return elementProblem(content, rules.rootChildren, 'the guide');
    case 'text':
      if (sub !== null) return 'text has no attributes';
      if (content instanceof Y.ContentString || content instanceof Y.ContentDeleted) return null;
      if (content instanceof Y.ContentFormat) return markProblem(content, rules);
      return `text cannot hold ${describe(content)}`;
    case 'element': {
      const node = rules.nodes.get(container.name);
      if (!node) return `"${container.name}" is not a node of the guide schema`;
      if (sub !== null) {
        if (!node.attributes.has(sub)) return `"${container.name}" has no attribute "${sub}"`;
        if (content instanceof Y.ContentDeleted) return null;
        if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) {
          return `attribute "${sub}" must hold one value`;
        }
        return (
          attributeValueProblem(sub, content.arr[0]) ??
          schemaCheckProblem(node.attributeChecks.get(sub), sub, content.arr[0])
        );
      }
      if (content instanceof Y.ContentDeleted) return null;
      if (content instanceof Y.ContentType && content.type instanceof Y.XmlText) {
        return node.holdsText ? null : `"${container.name}" cannot hold text`;
      }
      return elementProblem(content, node.children, `"${container.name}"`);
    }
  }
}

function elementProblem(
  content: ItemContent,
  allowed: ReadonlySet<string>,
  where: string,
): string | null {
  if (!(content instanceof Y.ContentType) || !(content.type instanceof Y.XmlElement)) {
    return `${where} cannot hold ${describe(content)}`;
  }
  const name = content.type.nodeName;
  return allowed.has(name) ? null : `${where} cannot hold a "${name}" node`;
}

function markProblem(content: Y.ContentFormat, rules: GuideRules): string | null {
  const name = markNameOfKey(content.key);
  const attributes = rules.marks.get(name);
  if (!attributes) return `"${name}" is not a mark of the guide schema`;
  return formatValueProblem(name, attributes, content.value);
}

function describe(content: ItemContent): string {
  if (content instanceof Y.ContentType) {
    const type = content.type;
    return type instanceof Y.XmlElement
      ? `a "${type.nodeName}" element`
      : `a ${type.constructor.name}`;
  }
  return content.constructor.name;
}

/** Runs the schema's own check of an attribute value (it throws when the value is refused). */
function schemaCheckProblem(
  check: ((value: unknown) => void) | undefined,
  name: string,
  value: unknown,
): string | null {
  if (!check) return null;
  try {
    check(value);
    return null;
  } catch {
    return `attribute "${name}" holds a value the guide schema refuses`;
  }
}
