import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { mapThroughDiff } from './mapThroughDiff.ts';
import { positionOf, textIndexOf, textMapOf, type TextMap } from './textMap.ts';

/**
 * Keeps the local caret in the person's own text when someone else splits, joins or wraps the
 * block around it (issue 9).
 *
 * After a remote change the binding (@tiptap/y-tiptap) puts the selection back from Yjs relative
 * positions. A split is a delete plus an insert in Yjs (y-prosemirror#44): the text after the
 * split point is deleted from the old paragraph and a copy is inserted in a new one, so a caret
 * in that text resolves to the end of the *old* paragraph, and the person's next keystrokes land
 * in someone else's half. The binding's own recovery (`findAbsolutePositionAfterStructuralChange`)
 * matches whole blocks by text, which a split changes on both sides, so it lands there too.
 *
 * Here the caret is mapped through the text itself instead: the document's textblocks as one
 * string (textMap.ts), diffed before and after the change (mapThroughDiff.ts). When that puts the
 * caret elsewhere than the binding did, the binding was misled by the structure (its relative
 * position pointed into text that was deleted and copied, or into a block that was rebuilt) and
 * the text's answer wins. Where the text cannot tell (someone typed right at the caret), the
 * binding's answer stays, since relative positions are exact for inline edits.
 */
/** Marks the caret fix, so that it does not count as the person moving their caret. */
export const caretFixKey = new PluginKey('keepCaretPlace');

export const KeepCaretPlace = Extension.create({
  name: 'keepCaretPlace',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: caretFixKey,
        appendTransaction(transactions, oldState, newState) {
          if (!transactions.some(isRemoteChange)) return null;
          const before = oldState.selection;
          const after = newState.selection;
          if (!(before instanceof TextSelection) || !(after instanceof TextSelection)) return null;
          const maps = { before: textMapOf(oldState.doc), after: textMapOf(newState.doc) };
          const anchor = placeByText(maps, before.anchor, after.anchor);
          const head = placeByText(maps, before.head, after.head);
          if (anchor === after.anchor && head === after.head) return null;
          return newState.tr
            .setSelection(TextSelection.create(newState.doc, anchor, head))
            .setMeta('addToHistory', false)
            .setMeta(caretFixKey, true);
        },
      }),
    ];
  },
});

/** A change that came from Yjs (another person, or the server), not an undo of one's own. */
export function isRemoteChange(transaction: Transaction): boolean {
  const meta = transaction.getMeta(ySyncPluginKey) as
    { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean } | undefined;
  return transaction.docChanged && meta?.isChangeOrigin === true && !meta.isUndoRedoOperation;
}

/**
 * Where an old caret belongs in the new document: where the text around it went. The binding's
 * own answer (from Yjs relative positions) is kept only where the text cannot tell, that is
 * among new text typed right at the caret, whose order against the caret only Yjs knows.
 */
function placeByText(
  maps: { before: TextMap; after: TextMap },
  oldPos: number,
  boundPos: number,
): number {
  const { before: oldMap, after: newMap } = maps;
  const oldIndex = textIndexOf(oldMap, oldPos);
  if (oldIndex === null) return boundPos;
  const gap = mapThroughDiff(oldMap.text, newMap.text, oldIndex);
  if (gap === null) return boundPos;
  const boundIndex = textIndexOf(newMap, boundPos);
  if (boundIndex !== null && boundIndex >= gap.from && boundIndex <= gap.to) return boundPos;
  return positionOf(newMap, gap.index) ?? boundPos;
}
