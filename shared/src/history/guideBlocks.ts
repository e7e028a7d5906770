/**
 * A guide's content (ProseMirror JSON of the shared schema) as a flat list of blocks of text,
 * which is what the version diff compares and shows. Formatting (bold, links) is not compared:
 * the diff says what was written and removed, the read-only view shows how it looked.
 */
export type BlockTag = 'p' | 'h1' | 'h2' | 'h3' | 'pre' | 'hr' | 'cite';
/** The innermost container a block sits in, shown by the diff as a marker or an indent. */
export type BlockWithin = 'bullet' | 'ordered' | 'quote' | 'cell' | null;

export interface GuideBlock {
  tag: BlockTag;
  within: BlockWithin;
  /** The block's chosen direction (the `dir` attribute), or null: the text decides. */
  dir: 'ltr' | 'rtl' | null;
  /** Its text; for a citation (`cite`), the cited practice's id, which the diff shows by title. */
  text: string;
}

/** The loose shape of ProseMirror JSON: read defensively, whatever a version holds. */
interface JsonNode {
  type?: unknown;
  attrs?: unknown;
  content?: unknown;
  text?: unknown;
}

const containers: Record<string, BlockWithin> = {
  bulletList: 'bullet',
  orderedList: 'ordered',
  blockquote: 'quote',
  tableCell: 'cell',
  tableHeader: 'cell',
};

function children(node: JsonNode): JsonNode[] {
  return Array.isArray(node.content) ? (node.content as JsonNode[]) : [];
}

function attr(node: JsonNode, name: string): unknown {
  return typeof node.attrs === 'object' && node.attrs !== null
    ? (node.attrs as Record<string, unknown>)[name]
    : undefined;
}

function inlineText(node: JsonNode): string {
  let text = '';
  for (const child of children(node)) {
    if (child.type === 'text' && typeof child.text === 'string') text += child.text;
    else if (child.type === 'hardBreak') text += '\n';
  }
  return text;
}

function citedId(node: JsonNode): string {
  const id = attr(node, 'practiceId');
  return typeof id === 'string' ? id : '';
}

function tagOf(node: JsonNode): BlockTag | null {
  switch (node.type) {
    case 'paragraph':
      return 'p';
    case 'heading': {
      const level = attr(node, 'level');
      return level === 1 ? 'h1' : level === 3 ? 'h3' : 'h2';
    }
    case 'codeBlock':
      return 'pre';
    case 'horizontalRule':
      return 'hr';
    case 'practiceCitation':
      return 'cite';
    default:
      return null;
  }
}

/** Every block of text of the document, in reading order. */
export function guideBlocks(doc: unknown): GuideBlock[] {
  const blocks: GuideBlock[] = [];
  const walk = (node: JsonNode, within: BlockWithin) => {
    const tag = tagOf(node);
    if (tag) {
      const dir = attr(node, 'dir');
      blocks.push({
        tag,
        within,
        dir: dir === 'ltr' || dir === 'rtl' ? dir : null,
        text: tag === 'hr' ? '' : tag === 'cite' ? citedId(node) : inlineText(node),
      });
      return;
    }
    const inner = typeof node.type === 'string' ? (containers[node.type] ?? within) : within;
    for (const child of children(node)) walk(child, inner);
  };
  if (typeof doc === 'object' && doc !== null) walk(doc as JsonNode, null);
  return blocks;
}
