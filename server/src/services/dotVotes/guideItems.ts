import { maxDotVoteItemLength, type DotVoteSource } from '@draftroom/shared';

/**
 * What a dot vote is on, read from the guide's content (ProseMirror JSON of the shared schema) by
 * the server when the vote opens. Sections are the guide's headings (but the level-1 heading that
 * opens it: that is its title). Items are its list items (a nested list's items each count) and
 * the body rows of its tables (a row reads as its filled cells, " — " between): the practical
 * guide keeps its good practices in a table. With `section`, only the items under that heading,
 * up to the next heading of the same level or above.
 */
interface JsonNode {
  type?: unknown;
  attrs?: unknown;
  content?: unknown;
  text?: unknown;
}

const children = (node: JsonNode): JsonNode[] =>
  Array.isArray(node.content) ? (node.content as JsonNode[]) : [];

function level(node: JsonNode): number {
  const attrs = typeof node.attrs === 'object' && node.attrs !== null ? node.attrs : {};
  const value = (attrs as Record<string, unknown>).level;
  return typeof value === 'number' && Number.isInteger(value) ? value : 2;
}

/** All the text inside a node, line breaks as spaces, white space collapsed. */
function textOf(node: JsonNode): string {
  let text = '';
  const walk = (inner: JsonNode) => {
    if (inner.type === 'text' && typeof inner.text === 'string') text += inner.text;
    else if (inner.type === 'hardBreak') text += ' ';
    else {
      for (const child of children(inner)) walk(child);
      // Blocks side by side (two paragraphs of one item) are separate words.
      if (inner.type !== 'doc') text += ' ';
    }
  };
  walk(node);
  return normalise(text);
}

const normalise = (text: string) => text.replace(/\s+/gu, ' ').trim();

/** Cut to the longest an item may be, on a whole character, with an ellipsis. */
function cut(text: string): string {
  const characters = [...text];
  if (characters.length <= maxDotVoteItemLength) return text;
  return `${characters
    .slice(0, maxDotVoteItemLength - 1)
    .join('')
    .trimEnd()}…`;
}

/** One thing that can be voted on, with the heading level it sits under (for `section`). */
interface Found {
  kind: 'heading' | 'item';
  level: number;
  text: string;
}

function collect(doc: JsonNode): Found[] {
  const found: Found[] = [];
  const walk = (node: JsonNode) => {
    switch (node.type) {
      case 'heading':
        found.push({ kind: 'heading', level: level(node), text: textOf(node) });
        return;
      case 'listItem': {
        // The item's own words; a list inside it gives its own items, after it.
        const isList = (child: JsonNode) =>
          child.type === 'bulletList' || child.type === 'orderedList';
        const own = children(node).filter((child) => !isList(child));
        found.push({ kind: 'item', level: 0, text: normalise(own.map(textOf).join(' ')) });
        for (const child of children(node)) if (isList(child)) walk(child);
        return;
      }
      case 'tableRow': {
        const cells = children(node);
        // The header row names the columns: not a choice.
        if (cells.length > 0 && cells.every((cell) => cell.type === 'tableHeader')) return;
        const filled = cells.map(textOf).filter((text) => text !== '');
        found.push({ kind: 'item', level: 0, text: filled.join(' — ') });
        return;
      }
      default:
        for (const child of children(node)) walk(child);
    }
  };
  walk(doc);
  return found;
}

export type GuideItems = { items: string[] } | { problem: 'noSection' };

/** Same heading, whatever its case or spacing. */
const sameHeading = (a: string, b: string) =>
  normalise(a).toLocaleLowerCase() === normalise(b).toLocaleLowerCase();

export function guideItems(content: unknown, source: DotVoteSource, section?: string): GuideItems {
  const doc = (typeof content === 'object' && content !== null ? content : {}) as JsonNode;
  const found = collect(doc);
  if (source === 'sections') {
    const first = children(doc)[0];
    const titled = first?.type === 'heading' && level(first) === 1;
    const headings = found.filter((entry) => entry.kind === 'heading');
    return {
      items: headings
        .slice(titled ? 1 : 0)
        .map((entry) => cut(entry.text))
        .filter((text) => text !== ''),
    };
  }
  let within = found;
  if (section !== undefined) {
    const start = found.findIndex(
      (entry) => entry.kind === 'heading' && sameHeading(entry.text, section),
    );
    if (start < 0) return { problem: 'noSection' };
    const top = found[start]!.level;
    const end = found.findIndex(
      (entry, index) => index > start && entry.kind === 'heading' && entry.level <= top,
    );
    within = found.slice(start + 1, end < 0 ? undefined : end);
  }
  return {
    items: within
      .filter((entry) => entry.kind === 'item' && entry.text !== '')
      .map((entry) => cut(entry.text)),
  };
}
