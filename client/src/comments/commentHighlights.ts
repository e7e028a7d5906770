import { Extension, type Editor } from '@tiptap/react';
import type { EditorState } from '@tiptap/pm/state';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { CommentAnchor, CommentThread } from '@draftroom/shared';

/** Where each open thread's words are in the editor now; a thread without a range is an orphan. */
export interface HighlightState {
  threads: readonly CommentThread[];
  activeId: string | null;
  ranges: ReadonlyMap<string, { from: number; to: number }>;
  decorations: DecorationSet;
}

type HighlightMeta = { threads?: readonly CommentThread[]; activeId?: string | null };

export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights');

interface SyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: Map<Y.AbstractType<unknown>, unknown> };
}

const syncOf = (state: EditorState) => ySyncPluginKey.getState(state) as SyncState | undefined;

const toBytes = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

/** Is this text the first thing in the guide (its block the first block, nothing before it)? */
function opensTheGuide(text: Y.XmlText, fragment: Y.XmlFragment): boolean {
  const block = text._item?.parent;
  if (!(block instanceof Y.XmlElement) || block._item?.parent !== fragment) return false;
  const firstLive = (parent: Y.XmlElement | Y.XmlFragment) => {
    let item = parent._start;
    while (item?.deleted) item = item.right;
    return item;
  };
  return firstLive(block) === text._item && firstLive(fragment) === block._item;
}

/**
 * One relative position in this editor, through y-prosemirror's mapping. y-tiptap refuses any
 * position tied to a character that lands on the guide's very first place (a guard against ids
 * that drag-and-drop misplaces), which is exactly where a comment on the guide's first words
 * starts; Yjs itself resolves it, so that one case is taken from Yjs.
 */
function positionOf(sync: SyncState, encoded: string): number | null {
  const relative = Y.decodeRelativePosition(toBytes(encoded));
  const position = relativePositionToAbsolutePosition(
    sync.doc,
    sync.type,
    relative,
    sync.binding.mapping as never,
  );
  if (position !== null) return position;
  const absolute = Y.createAbsolutePositionFromRelativePosition(relative, sync.doc);
  return absolute?.type instanceof Y.XmlText &&
    absolute.index === 0 &&
    opensTheGuide(absolute.type, sync.type)
    ? 1
    : null;
}

/**
 * A thread's range in this editor: its two relative positions resolved through y-prosemirror's
 * mapping, exactly as every other replica resolves them. Null when its words are gone.
 */
function rangeOf(state: EditorState, anchor: CommentAnchor): { from: number; to: number } | null {
  const sync = syncOf(state);
  if (!sync) return null;
  try {
    const resolve = (encoded: string) => positionOf(sync, encoded);
    const from = resolve(anchor.start);
    const to = resolve(anchor.end);
    if (from === null || to === null || from >= to || to > state.doc.content.size) return null;
    return { from, to };
  } catch {
    return null;
  }
}

/** The selection's anchor as the server takes it (two encoded relative positions), or null. */
export function anchorOfSelection(editor: Editor): CommentAnchor | null {
  const { from, to, empty } = editor.state.selection;
  const sync = syncOf(editor.state);
  if (empty || !sync) return null;
  const relative = (pos: number, assoc: number) => {
    // y-prosemirror ties a position to the character before it (assoc -1). The start must be
    // tied to the character after it instead, or text typed just before the words would join
    // the comment: resolve it to Yjs' own index and make the position again with `assoc`.
    const before = absolutePositionToRelativePosition(
      pos,
      sync.type,
      sync.binding.mapping as never,
    ) as Y.RelativePosition;
    const absolute = Y.createAbsolutePositionFromRelativePosition(before, sync.doc);
    if (!absolute) return null;
    const position = Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, assoc);
    return toBase64(Y.encodeRelativePosition(position));
  };
  const start = relative(from, 0);
  const end = relative(to, -1);
  return start && end ? { start, end } : null;
}

function compute(state: EditorState, threads: readonly CommentThread[], activeId: string | null) {
  const ranges = new Map<string, { from: number; to: number }>();
  const decorations: Decoration[] = [];
  for (const thread of threads) {
    if (thread.resolved) continue;
    const range = rangeOf(state, thread.anchor);
    if (!range) continue;
    ranges.set(thread.id, range);
    const active = thread.id === activeId;
    decorations.push(
      Decoration.inline(range.from, range.to, {
        class: active ? 'comment-highlight comment-highlight--active' : 'comment-highlight',
        'data-thread-id': thread.id,
      }),
    );
  }
  return { ranges, decorations: DecorationSet.create(state.doc, decorations) };
}

/**
 * Comment threads drawn as highlights over their words (the active one stronger). The ranges are
 * resolved again whenever y-prosemirror redraws the document from Yjs (it replaces the whole
 * document, so mapping would lose them) and mapped through this person's own edits in between.
 * `onActivate` hears a click on a highlight.
 */
export const CommentHighlights = Extension.create<{ onActivate: (threadId: string) => void }>({
  name: 'commentHighlights',
  addOptions: () => ({ onActivate: () => {} }),
  addProseMirrorPlugins() {
    const { onActivate } = this.options;
    return [
      new Plugin<HighlightState>({
        key: commentHighlightsKey,
        state: {
          init: () => ({
            threads: [],
            activeId: null,
            ranges: new Map(),
            decorations: DecorationSet.empty,
          }),
          apply(tr, value, _old, state) {
            const meta = tr.getMeta(commentHighlightsKey) as HighlightMeta | undefined;
            const fromYjs = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)
              ?.isChangeOrigin;
            if (meta || (tr.docChanged && fromYjs)) {
              const threads = meta?.threads ?? value.threads;
              const activeId = meta?.activeId !== undefined ? meta.activeId : value.activeId;
              return { threads, activeId, ...compute(state, threads, activeId) };
            }
            if (!tr.docChanged) return value;
            const ranges = new Map<string, { from: number; to: number }>();
            for (const [id, range] of value.ranges) {
              const from = tr.mapping.map(range.from, 1);
              const to = tr.mapping.map(range.to, -1);
              if (from < to) ranges.set(id, { from, to });
            }
            return { ...value, ranges, decorations: value.decorations.map(tr.mapping, tr.doc) };
          },
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
          handleClick(view, pos) {
            const ranges = commentHighlightsKey.getState(view.state)?.ranges;
            for (const [id, range] of ranges ?? []) {
              if (pos >= range.from && pos <= range.to) {
                onActivate(id);
                return false;
              }
            }
            return false;
          },
        },
      }),
    ];
  },
});

/** Gives the highlights the threads to draw, or the thread to draw stronger. */
export function setHighlights(editor: Editor, meta: HighlightMeta): void {
  if (editor.isDestroyed) return;
  editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, meta));
}
