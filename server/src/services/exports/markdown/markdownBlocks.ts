import { blockDirection, nodeText, type Direction, type ExportNode } from '../model.ts';
import { inlineMarkdown } from './markdownInline.ts';
import { codeFence, codeInfo, escapeText } from './markdownText.ts';

/**
 * Block structure as lines of Markdown (an empty string is a blank line), so containers can
 * prefix them: `> ` for a blockquote, the marker's width for a list item's continuation lines.
 *
 * Markdown has no text direction. A run of blocks written in another direction than what
 * encloses them is wrapped in `<div dir="…">`, a blank line, the blocks, a blank line and
 * `</div>`: a CommonMark HTML block whose inside is still read as Markdown, so a reader that
 * renders HTML lays Arabic out right to left and one that does not still shows clean Markdown.
 */

type Lines = string[];

const isList = (node: ExportNode) => node.type === 'bulletList' || node.type === 'orderedList';
const listStart = (node: ExportNode) => {
  const start = Number(node.attrs?.start ?? 1);
  return Number.isInteger(start) && start >= 0 && start < 1e9 ? start : 1;
};

/**
 * How blocks are laid out around each other. `enclosing` is the direction already in force
 * (null at the top of a guide written right to left, where every run is stated, since a reader
 * starts left to right); `fallback` is the direction of blocks without a strong letter.
 */
interface Around {
  enclosing: Direction | null;
  fallback: Direction;
  /** Inside a list item a paragraph and the list after it stay on adjacent lines (tight). */
  inListItem: boolean;
}

/** The Markdown of a sequence of blocks (a guide's, a blockquote's, a list item's). */
export function blocksMarkdown(nodes: ExportNode[], around: Around): Lines {
  const written = nodes.filter((node) => !isEmptyBlock(node));
  const runs: { direction: Direction; nodes: ExportNode[] }[] = [];
  for (const node of written) {
    const direction = blockDirection(node, around.fallback);
    const last = runs.at(-1);
    if (last && last.direction === direction) last.nodes.push(node);
    else runs.push({ direction, nodes: [node] });
  }
  const lines: Lines = [];
  for (const run of runs) {
    if (lines.length > 0) lines.push('');
    const inner = runMarkdown(run.nodes, run.direction, around.inListItem);
    lines.push(
      ...(run.direction === around.enclosing ? inner : wrapInDirection(inner, run.direction)),
    );
  }
  return lines;
}

function wrapInDirection(lines: Lines, direction: Direction): Lines {
  return [`<div dir="${direction}">`, '', ...lines, '', '</div>'];
}

function runMarkdown(nodes: ExportNode[], direction: Direction, inListItem: boolean): Lines {
  const lines: Lines = [];
  let previous: ExportNode | undefined;
  // Two lists of one kind in a row would merge into one: the second takes the other marker.
  let alternateMarker = false;
  for (const node of nodes) {
    if (previous) {
      const tight = inListItem && previous.type === 'paragraph' && isList(node);
      // An ordered list may interrupt a paragraph only when it starts at 1 (CommonMark 5.2).
      const interrupts = node.type === 'bulletList' || listStart(node) === 1;
      if (!(tight && interrupts)) lines.push('');
    }
    alternateMarker = previous?.type === node.type && isList(node) ? !alternateMarker : false;
    lines.push(...blockMarkdown(node, direction, alternateMarker));
    previous = node;
  }
  return lines;
}

function blockMarkdown(node: ExportNode, direction: Direction, alternateMarker: boolean): Lines {
  switch (node.type) {
    case 'paragraph':
      return inlineMarkdown(node, { place: 'paragraph' }).split('\n');
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.attrs?.level ?? 1)));
      const text = inlineMarkdown(node, { place: 'heading' });
      return [`${'#'.repeat(level)}${text === '' ? '' : ` ${text}`}`];
    }
    case 'blockquote':
      return blocksMarkdown(node.content ?? [], {
        enclosing: direction,
        fallback: direction,
        inListItem: false,
      }).map((line) => (line === '' ? '>' : `> ${line}`));
    case 'bulletList':
    case 'orderedList':
      return listMarkdown(node, direction, alternateMarker);
    case 'codeBlock': {
      const code = nodeText(node);
      const fence = codeFence(code);
      return [`${fence}${codeInfo(node.attrs?.language)}`, ...code.split('\n'), fence];
    }
    case 'horizontalRule':
      return ['---'];
    case 'table':
      return tableMarkdown(node);
    default:
      // Not in the guide schema; its words are kept rather than lost.
      return [escapeText(nodeText(node), { atLineStart: true })];
  }
}

function isEmptyBlock(node: ExportNode): boolean {
  if (node.type === 'horizontalRule') return false;
  if (node.type === 'paragraph') return nodeText(node).trim() === '';
  return (node.content ?? []).length === 0 && node.type !== 'heading';
}

function listMarkdown(list: ExportNode, direction: Direction, alternateMarker: boolean): Lines {
  const start = listStart(list);
  const lines: Lines = [];
  (list.content ?? []).forEach((item, index) => {
    const marker =
      list.type === 'orderedList'
        ? `${start + index}${alternateMarker ? ')' : '.'} `
        : `${alternateMarker ? '*' : '-'} `;
    const itemDirection = blockDirection(item, direction);
    let itemLines = blocksMarkdown(item.content ?? [], {
      enclosing: itemDirection,
      fallback: itemDirection,
      inListItem: true,
    });
    if (itemDirection !== direction) itemLines = wrapInDirection(itemLines, itemDirection);
    const indent = ' '.repeat(marker.length);
    if (itemLines.length === 0) lines.push(marker.trimEnd());
    itemLines.forEach((line, lineIndex) => {
      if (lineIndex === 0) lines.push(`${marker}${line}`);
      else lines.push(line === '' ? '' : `${indent}${line}`);
    });
  });
  return lines;
}

/**
 * A GFM table: the first row is the header (GFM has no table without one), cells are one line
 * (a hard break or a second paragraph becomes `<br>`), and a merged cell keeps its words in its
 * first column, leaving the columns it covered empty (GFM cannot merge cells).
 */
function tableMarkdown(table: ExportNode): Lines {
  const grid: string[][] = [];
  (table.content ?? []).forEach((row, rowIndex) => {
    grid[rowIndex] ??= [];
    let column = 0;
    for (const cell of row.content ?? []) {
      while (grid[rowIndex]![column] !== undefined) column += 1;
      const colspan = Math.max(1, Number(cell.attrs?.colspan ?? 1));
      const rowspan = Math.max(1, Number(cell.attrs?.rowspan ?? 1));
      for (let down = 0; down < rowspan; down += 1) {
        const covered = (grid[rowIndex + down] ??= []);
        for (let across = 0; across < colspan; across += 1) covered[column + across] = '';
      }
      grid[rowIndex]![column] = cellMarkdown(cell);
      column += colspan;
    }
  });
  const width = Math.max(1, ...grid.map((row) => row.length));
  const line = (cells: (string | undefined)[]) =>
    `|${Array.from({ length: width }, (_, index) => ` ${cells[index] ?? ''} `).join('|')}|`;
  const [header = [], ...body] = grid;
  return [line(header), line(Array<string>(width).fill('---')), ...body.map(line)];
}

function cellMarkdown(cell: ExportNode): string {
  return (cell.content ?? [])
    .map((block) =>
      block.type === 'paragraph' || block.type === 'heading'
        ? inlineMarkdown(block, { place: 'tableCell' })
        : escapeText(nodeText(block).replace(/\n/g, ' ')),
    )
    .filter((text) => text !== '')
    .join('<br>');
}
