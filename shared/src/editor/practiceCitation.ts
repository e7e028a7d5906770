import { Node, mergeAttributes } from '@tiptap/core';

/** A practice id as the guide holds it: the shared id format (1–64 letters, digits, - or _). */
const practiceIdPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** The schema's check of a citation's `practiceId` (the server's gate runs it on every update). */
export function checkPracticeId(value: unknown): void {
  if (value === null) return;
  if (typeof value !== 'string' || !practiceIdPattern.test(value)) {
    throw new RangeError('practiceId must be a practice id');
  }
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    practiceCitation: {
      /** Inserts a citation of the practice as a block at the selection. */
      insertPracticeCitation: (practiceId: string) => ReturnType;
    };
  }
}

/**
 * A citation of a good practice of the library (issue 17): a block-level atom holding only the
 * practice's id, so the card it shows (title, parliament) always follows the record, and a
 * merged practice's citations show the practice it was merged into. Readers without the record
 * (exports, another event) render what they are given for the id. Part of the shared schema, so
 * the server's gate checks it like every other node: only this attribute, only an id or null.
 *
 * The client gives it a node view (the card) with `PracticeCitation.extend({ addNodeView })`;
 * the schema stays the same.
 */
export const PracticeCitation = Node.create({
  name: 'practiceCitation',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: false,
  addAttributes() {
    return {
      practiceId: {
        default: null,
        validate: checkPracticeId,
        parseHTML: (element: { getAttribute(name: string): string | null }) => {
          const id = element.getAttribute('data-practice-id');
          return id !== null && practiceIdPattern.test(id) ? id : null;
        },
        renderHTML: (attributes: { practiceId?: string | null }) =>
          attributes.practiceId ? { 'data-practice-id': attributes.practiceId } : {},
      },
    };
  },
  parseHTML() {
    return [{ tag: 'div[data-practice-citation]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-practice-citation': '' })];
  },
  addCommands() {
    return {
      insertPracticeCitation:
        (practiceId) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { practiceId } }),
    };
  },
});
