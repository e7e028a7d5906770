import * as Y from 'yjs';

/** One UTF-16 unit this person typed, and the clock of the Yjs item that holds it. */
export interface TypedUnit {
  clock: number;
  unit: string;
}

/** What a change from elsewhere did to the run: units it left behind or deleted unseen. */
export interface Stranded {
  /** In typing order: what goes back in at the caret. */
  units: TypedUnit[];
  /** Those still in the doc, in the wrong block: to be taken out where they are. */
  alive: TypedUnit[];
}

/**
 * The characters this person has typed at their caret since the caret last moved for another
 * reason (issue 9).
 *
 * Yjs has no "move": splitting, joining or wrapping a block deletes its text and inserts a copy
 * elsewhere. Keys this person typed that had not yet reached the one restructuring were not in
 * that copy: they stay behind in the old half of a split, or go with the deleted block of a
 * join or a wrap. The run remembers those keys (by Yjs clock, which never changes) so they can
 * be found after such a change and put back where the person's caret now is.
 */
export class TypedRun {
  private units: TypedUnit[] = [];

  constructor(
    private readonly doc: Y.Doc,
    private readonly maxUnits = 500,
  ) {}

  reset(): void {
    this.units = [];
  }

  get length(): number {
    return this.units.length;
  }

  /**
   * After a local Yjs transaction that typed text: adds the units it created, and forgets those
   * it deleted (the browser rewrote a no-break space, or the put-back took units out).
   */
  addTyped(transaction: Y.Transaction): void {
    const client = this.doc.clientID;
    if (transaction.deleteSet.clients.has(client)) {
      this.units = this.units.filter(
        (typed) => !Y.getItem(this.doc.store, Y.createID(client, typed.clock)).deleted,
      );
    }
    const from = transaction.beforeState.get(client) ?? 0;
    const to = transaction.afterState.get(client) ?? 0;
    for (let clock = from; clock < to;) {
      const struct = Y.getItem(this.doc.store, Y.createID(client, clock));
      const end = struct.id.clock + struct.length;
      // Formatting items (bold typed on) take clocks too but hold no text.
      if (struct instanceof Y.Item && struct.content instanceof Y.ContentString) {
        const text = struct.content.str;
        for (let at = clock; at < end && at < to; at++) {
          this.units.push({ clock: at, unit: text[at - struct.id.clock]! });
        }
      }
      clock = end;
    }
    if (this.units.length > this.maxUnits) this.units.splice(0, this.units.length - this.maxUnits);
  }

  /**
   * After a change from elsewhere: takes out of the run what that change stranded.
   *
   * `seenUpTo` is how much of this person's typing the change shows its sender knew (units below
   * it they had seen, so what happened to them was meant). The server relays a change as it
   * applied it, so a block the sender deleted also deletes, in the relayed change, keys the
   * server had but the sender had not: `seenUpTo` can say too much. The text tells the rest: when
   * the start of the run was copied to just before the caret (its own units deleted, the same
   * letters there again) and the end was not, the end was lost with the old block.
   *
   * `inCaretBlock` says whether a unit still in the doc sits in the block the caret is now in;
   * `textBeforeCaret` is that block's text up to the caret.
   */
  takeStranded(
    seenUpTo: number,
    inCaretBlock: (unit: TypedUnit) => boolean,
    textBeforeCaret: string,
  ): Stranded | null {
    const deleted = this.units.map(
      (typed) => Y.getItem(this.doc.store, Y.createID(this.doc.clientID, typed.clock)).deleted,
    );
    const copied = this.copiedPrefixLength(deleted, textBeforeCaret);
    const kept: TypedUnit[] = [];
    const stranded: TypedUnit[] = [];
    const alive: TypedUnit[] = [];
    for (const [index, typed] of this.units.entries()) {
      const seen = typed.clock < seenUpTo && copied === 0;
      if (index < copied) continue; // someone else's copy holds it now
      if (deleted[index]) {
        // Deleted by someone who saw it: meant. Unseen: it went with a block that was rebuilt.
        if (!seen) stranded.push(typed);
      } else if (seen || inCaretBlock(typed)) {
        kept.push(typed);
      } else {
        stranded.push(typed);
        alive.push(typed);
      }
    }
    this.units = kept;
    if (stranded.length === 0) return null;
    return { units: stranded, alive };
  }

  /**
   * How many units from the start of the run were copied to just before the caret: the longest
   * start of the run whose letters end `textBeforeCaret` and some of whose own units are deleted
   * (otherwise the letters there are simply the run itself). 0 when none.
   */
  private copiedPrefixLength(deleted: boolean[], textBeforeCaret: string): number {
    let text = this.units.map((typed) => typed.unit).join('');
    for (let length = this.units.length; length > 0; length--) {
      if (textBeforeCaret.endsWith(text) && deleted.slice(0, length).some(Boolean)) return length;
      text = text.slice(0, -1);
    }
    return 0;
  }
}

/**
 * How much of this client's typing the sender of `update` had seen: one past the highest of this
 * client's clocks the update deletes or inserts next to. Yjs applies a client's changes in clock
 * order, so having seen one clock means having seen every clock below it.
 */
export function seenClockOf(update: Uint8Array, client: number): number {
  const { structs, ds } = Y.decodeUpdate(update);
  let seen = 0;
  for (const deleted of ds.clients.get(client) ?? []) {
    seen = Math.max(seen, deleted.clock + deleted.len);
  }
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const parent = struct.parent instanceof Y.ID ? struct.parent : null;
    for (const neighbour of [struct.origin, struct.rightOrigin, parent]) {
      if (neighbour?.client === client) seen = Math.max(seen, neighbour.clock + 1);
    }
  }
  return seen;
}
