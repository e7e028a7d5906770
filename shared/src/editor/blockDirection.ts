import { Extension } from '@tiptap/core';

/**
 * Writing direction per block (issue 9). A guide mixes languages: an English guide with an
 * Arabic section must put that section's bullets and text on the right. So each block carries
 * `dir`: null means "from the block's own text" (rendered `dir="auto"`), or the direction the
 * writer chose. One direction for the whole editor would follow the guide's first letter.
 */
export const blockDirections = ['ltr', 'rtl'] as const;
export type BlockDirectionValue = (typeof blockDirections)[number];

/** The node types whose direction a writer can set: what holds a line of text or a bullet. */
export const directionalNodes = [
  'paragraph',
  'heading',
  'listItem',
  'tableCell',
  'tableHeader',
] as const;

export function isBlockDirection(value: unknown): value is BlockDirectionValue {
  return blockDirections.includes(value as BlockDirectionValue);
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    blockDirection: {
      /** Sets (or, with null, returns to automatic) the direction of the selected blocks. */
      setBlockDirection: (direction: BlockDirectionValue | null) => ReturnType;
    };
  }
}

export const BlockDirection = Extension.create({
  name: 'blockDirection',

  addGlobalAttributes() {
    return [
      {
        types: [...directionalNodes],
        attributes: {
          dir: {
            default: null,
            // Pasted `dir="rtl"` is kept; `auto` or anything else means "from the text".
            parseHTML: (element) => {
              const value = element.getAttribute('dir');
              return isBlockDirection(value) ? value : null;
            },
            renderHTML: (attributes) => ({
              dir: isBlockDirection(attributes.dir) ? attributes.dir : 'auto',
            }),
            // Read by ProseMirror when a node is made, and by the server's update check: a
            // value other than these is refused before anyone stores or sees it.
            validate: (value: unknown) => {
              if (value !== null && !isBlockDirection(value)) {
                throw new RangeError('a block direction is ltr, rtl or null');
              }
            },
          },
        },
      },
    ];
  },

  addCommands() {
    return {
      setBlockDirection:
        (direction) =>
        ({ tr, dispatch }) => {
          const { from, to } = tr.selection;
          let changed = false;
          // nodesBetween visits the ancestors too, so a list item gets the direction of the
          // paragraph in it (its bullet follows), and a cell that of its text.
          tr.doc.nodesBetween(from, to, (node, pos) => {
            if (!(directionalNodes as readonly string[]).includes(node.type.name)) return true;
            if (node.attrs.dir !== direction) {
              // Tiptap's convention: only change the transaction when asked to (`dispatch`);
              // without it the command is asked whether it could run.
              if (dispatch) tr.setNodeAttribute(pos, 'dir', direction);
              changed = true;
            }
            return true;
          });
          return changed;
        },
    };
  },
});
