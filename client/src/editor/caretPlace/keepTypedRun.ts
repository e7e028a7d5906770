import { Extension } from '@tiptap/core';
import {
  Plugin,
  PluginKey,
  TextSelection,
  type EditorState,
  type Transaction,
} from '@tiptap/pm/state';
import { ReplaceStep } from '@tiptap/pm/transform';
import type { EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { caretFixKey, isRemoteChange } from './keepCaretPlace.ts';
import { seenClockOf, TypedRun } from './typedRun.ts';
import { unitPosition } from './unitPosition.ts';

export interface KeepTypedRunOptions {
  /** The guide's Y.Doc (the one Collaboration is bound to). */
  doc: Y.Doc | null;
  /** Hears each change from elsewhere just before it is applied (CollabSession). */
  onIncomingChange: ((listener: (update: Uint8Array) => void) => () => void) | null;
}

const repairKey = new PluginKey('keepTypedRun');

/**
 * Keys a person typed while someone else split, joined or wrapped their block go back where the
 * person's caret is (issue 9). The caret itself is kept by KeepCaretPlace; this puts back the
 * letters that were still on their way when the other person's change was made, and so were
 * left in the other half of a split or deleted with the old block (see TypedRun).
 *
 * The put-back is an ordinary edit of this person's, made just after the change arrives: every
 * other copy of the guide sees the letters move, once, and converges as with any edit.
 */
export const KeepTypedRun = Extension.create<KeepTypedRunOptions>({
  name: 'keepTypedRun',
  // Ahead of the keymaps, so the caret is read before a key acts on it (handleKeyDown).
  priority: 1000,

  addOptions() {
    return { doc: null, onIncomingChange: null };
  },

  addProseMirrorPlugins() {
    const { doc, onIncomingChange } = this.options;
    if (!doc || !onIncomingChange) return [];
    const run = new TypedRun(doc);
    let lastLocal: 'typing' | 'putBack' | 'other' = 'other';
    // While a change from elsewhere is being applied: how much of this person's typing it knew.
    let seenUpTo: number | null = null;
    let editorView: EditorView | null = null;

    return [
      new Plugin({
        key: repairKey,
        view(view) {
          editorView = view;
          const stopHearing = onIncomingChange((update) => {
            // A caret move the browser has made (Home, an arrow key, a click) but not yet
            // reported would be undone by the change: the binding puts back the caret
            // ProseMirror last knew. So ProseMirror reads the page first.
            flushPendingDomChanges(view);
            // Decoding the update is only worth it while there is typing to look after (not, say,
            // for the whole guide that arrives when it opens).
            seenUpTo = run.length > 0 ? seenClockOf(update, doc.clientID) : null;
          });
          const afterTransaction = (transaction: Y.Transaction) => {
            if (!transaction.local) {
              seenUpTo = null;
              return;
            }
            const changed =
              transaction.deleteSet.clients.size > 0 ||
              (transaction.afterState.get(doc.clientID) ?? 0) !==
                (transaction.beforeState.get(doc.clientID) ?? 0);
            if (!changed) return;
            const typed =
              transaction.origin === ySyncPluginKey &&
              (lastLocal === 'putBack' || lastLocal === 'typing');
            if (typed) run.addTyped(transaction);
            else run.reset();
          };
          doc.on('afterTransaction', afterTransaction);
          return {
            destroy() {
              stopHearing();
              doc.off('afterTransaction', afterTransaction);
              editorView = null;
            },
          };
        },
        props: {
          // Chromium hands a key to the page before it reports the caret move the previous key
          // made (Home, then Backspace at once): without this, ProseMirror would act on the caret
          // where it was before Home.
          handleKeyDown(view) {
            flushPendingDomChanges(view);
            return false;
          },
        },
        appendTransaction(transactions) {
          for (const transaction of transactions) {
            if (isRemoteChange(transaction) || transaction.getMeta(caretFixKey)) continue;
            if (transaction.getMeta(repairKey)) lastLocal = 'putBack';
            else if (transaction.docChanged) lastLocal = isTyping(transaction) ? 'typing' : 'other';
            else if (transaction.selectionSet) {
              // The person moved their caret: what they typed before is no longer theirs to keep.
              lastLocal = 'other';
              run.reset();
            }
          }
          if (seenUpTo === null || run.length === 0 || !transactions.some(isRemoteChange)) {
            return null;
          }
          // Looked at once the change has been applied and the caret put back in its place (by
          // KeepCaretPlace): an edit of one's own cannot be made from inside the binding's
          // handling of someone else's.
          const seen = seenUpTo;
          const view = editorView;
          if (view) queueMicrotask(() => putBackStranded(view, doc, run, seen));
          return null;
        },
      }),
    ];
  },
});

type Binding = { type: Y.XmlFragment };

function bindingOf(state: EditorState): Binding | null {
  const sync = ySyncPluginKey.getState(state) as { binding?: Binding } | undefined;
  return sync?.binding ?? null;
}

/**
 * One text insertion at the caret, the caret after it: a key typed (or a word from an IME).
 * Chromium may rewrite the character before the caret as it types (a trailing no-break space
 * becomes a plain one), which ProseMirror reads as replacing it with itself plus the new key: that
 * is still typing, as long as what is replaced comes back the same but for that space.
 */
function isTyping(transaction: Transaction): boolean {
  if (transaction.steps.length !== 1) return false;
  const step = transaction.steps[0];
  if (!(step instanceof ReplaceStep)) return false;
  const { from, to, slice } = step;
  if (slice.openStart !== 0 || slice.openEnd !== 0 || slice.size <= to - from) return false;
  let textOnly = true;
  slice.content.forEach((child) => {
    if (!child.isText) textOnly = false;
  });
  if (!textOnly) return false;
  const plain = (text: string) => text.replaceAll('\u00a0', ' ');
  const replaced = transaction.before.textBetween(from, to);
  if (plain(slice.content.textBetween(0, to - from)) !== plain(replaced)) return false;
  const { selection } = transaction;
  return selection.empty && selection.head === from + slice.size;
}

/**
 * Takes what a change from elsewhere stranded of the run out where it is, and types it again at
 * the caret (which KeepCaretPlace has already put where the person's text went).
 */
function putBackStranded(view: EditorView, doc: Y.Doc, run: TypedRun, seenUpTo: number): void {
  if (view.isDestroyed || !view.editable) return;
  const { state } = view;
  const binding = bindingOf(state);
  if (!binding) return;
  const caretBlock = state.selection.$head.start();
  const where = (clock: number) => unitPosition(binding.type, state.doc, doc, clock);
  const textBeforeCaret = state.doc.textBetween(caretBlock, state.selection.head);
  const stranded = run.takeStranded(
    seenUpTo,
    (unit) => {
      const pos = where(unit.clock);
      // A unit that cannot be placed is left alone: moving it could write it twice.
      return pos === null || state.doc.resolve(pos).start() === caretBlock;
    },
    textBeforeCaret,
  );
  if (!stranded) return;
  // Units still in the doc move only if they are found exactly where Yjs says; one that is not
  // stays where it is and is not typed again (never twice).
  const found = stranded.alive
    .map((unit) => ({ unit, pos: where(unit.clock) }))
    .filter(({ unit, pos }) => pos !== null && state.doc.textBetween(pos, pos + 1) === unit.unit);
  const moving = new Set(found.map(({ unit }) => unit.clock));
  const stays = new Set(stranded.alive.map((unit) => unit.clock).filter((c) => !moving.has(c)));
  const text = stranded.units
    .filter((unit) => !stays.has(unit.clock))
    .map((unit) => unit.unit)
    .join('');
  if (text === '') return;
  const transaction = state.tr;
  for (const pos of found.map(({ pos }) => pos!).sort((a, b) => b - a)) {
    transaction.delete(pos, pos + 1);
  }
  const at = transaction.mapping.map(state.selection.head);
  transaction.insertText(text, at);
  transaction.setSelection(TextSelection.create(transaction.doc, at + text.length));
  transaction.setMeta(repairKey, true);
  view.dispatch(transaction);
}

/**
 * Has ProseMirror take in what the browser changed but has not reported yet: it hears of caret
 * moves through the `selectionchange` event, which can come after the next key or a message from
 * the server. Its own observer is flushed first (`domObserver`, not in its typings: pending
 * typing), then the page's selection is read directly, since that flush does nothing while
 * ProseMirror has a flush of its own scheduled.
 */
function flushPendingDomChanges(view: EditorView): void {
  if (view.isDestroyed || view.composing) return;
  (view as unknown as { domObserver?: { flush?: () => void } }).domObserver?.flush?.();
  if (!view.hasFocus() || !(view.state.selection instanceof TextSelection)) return;
  const selection = (view.root as Document).getSelection?.();
  const { anchorNode, focusNode } = selection ?? {};
  if (!selection || !anchorNode || !focusNode) return;
  if (!view.dom.contains(anchorNode) || !view.dom.contains(focusNode)) return;
  try {
    const anchor = view.posAtDOM(anchorNode, selection.anchorOffset);
    const head = view.posAtDOM(focusNode, selection.focusOffset);
    const current = view.state.selection;
    if (current.anchor === anchor && current.head === head) return;
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, anchor, head)));
  } catch {
    // Not a place a text caret can be (inside a node view, say): ProseMirror's own reading stands.
  }
}
