import { isSafeLinkHref } from '@draftroom/shared/editor';
import {
  blockDirection,
  nodeText,
  type Direction,
  type ExportMark,
  type ExportNode,
} from '../model.ts';
import { element, escapeHtml, voidElement } from './markup.ts';

/**
 * A guide's ProseMirror JSON as HTML, by allowlist: each node type and mark listed here becomes
 * one fixed element, the only attributes written are `dir`, `start`, `colspan`, `rowspan` (from
 * numbers) and a link's `href` (when `isSafeLinkHref` passes), and everything else a guide could
 * hold is dropped, its text kept as text. Every block states its direction, since a PDF or a
 * saved file has no editor to apply `dir="auto"`.
 */

export interface GuideHtmlOptions {
  /** The chapter's direction, for blocks without a strong letter of their own. */
  direction: Direction;
  /** Levels added to the guide's headings (1 under a chapter heading, so H1 becomes H2). */
  headingShift: number;
}

/** A Map, not an object: a mark named `constructor` must find nothing. */
const markTags = new Map([
  ['bold', 'strong'],
  ['italic', 'em'],
  ['underline', 'u'],
  ['strike', 's'],
  ['code', 'code'],
  ['superscript', 'sup'],
  ['subscript', 'sub'],
]);

export function guideHtml(doc: ExportNode, options: GuideHtmlOptions): string {
  return blocks(doc.content, options.direction, options.headingShift);
}

function blocks(nodes: ExportNode[] | undefined, fallback: Direction, shift: number): string {
  return (nodes ?? []).map((node) => block(node, fallback, shift)).join('');
}

function block(node: ExportNode, fallback: Direction, shift: number): string {
  const dir = blockDirection(node, fallback);
  switch (node.type) {
    case 'paragraph':
      // An empty paragraph is a blank line in the editor; an empty <p> would print as nothing.
      return element('p', { dir }, node.content?.length ? inline(node.content) : '<br>');
    case 'heading':
      return element(`h${headingLevel(node.attrs?.level, shift)}`, { dir }, inline(node.content));
    case 'bulletList':
      return element('ul', { dir }, listItems(node.content, dir, shift));
    case 'orderedList':
      return element(
        'ol',
        { dir, start: listStart(node.attrs?.start) },
        listItems(node.content, dir, shift),
      );
    case 'blockquote':
      return element('blockquote', { dir }, blocks(node.content, dir, shift));
    case 'codeBlock':
      // Code reads left to right unless it holds right-to-left letters first.
      return element(
        'pre',
        { dir: blockDirection(node, 'ltr') },
        element('code', {}, escapeHtml(nodeText(node))),
      );
    case 'horizontalRule':
      return voidElement('hr');
    case 'table':
      return element('table', { dir }, element('tbody', {}, tableRows(node.content, dir, shift)));
    default: {
      // A block the allowlist does not know keeps its words, as plain text.
      const text = nodeText(node);
      return text === '' ? '' : element('p', { dir }, escapeHtml(text));
    }
  }
}

function listItems(nodes: ExportNode[] | undefined, fallback: Direction, shift: number): string {
  return (nodes ?? [])
    .map((node) => {
      if (node.type !== 'listItem') return block(node, fallback, shift);
      const dir = blockDirection(node, fallback);
      return element('li', { dir }, blocks(node.content, dir, shift));
    })
    .join('');
}

function tableRows(rows: ExportNode[] | undefined, fallback: Direction, shift: number): string {
  return (rows ?? [])
    .filter((row) => row.type === 'tableRow')
    .map((row) => element('tr', {}, tableCells(row.content, fallback, shift)))
    .join('');
}

function tableCells(cells: ExportNode[] | undefined, fallback: Direction, shift: number): string {
  return (cells ?? [])
    .filter((cell) => cell.type === 'tableCell' || cell.type === 'tableHeader')
    .map((cell) => {
      const dir = blockDirection(cell, fallback);
      const attributes = {
        dir,
        colspan: span(cell.attrs?.colspan),
        rowspan: span(cell.attrs?.rowspan),
      };
      const tag = cell.type === 'tableHeader' ? 'th' : 'td';
      return element(tag, attributes, blocks(cell.content, dir, shift));
    })
    .join('');
}

function inline(nodes: ExportNode[] | undefined): string {
  return (nodes ?? [])
    .map((node) => {
      if (node.type === 'text') return withMarks(escapeHtml(node.text ?? ''), node.marks ?? []);
      if (node.type === 'hardBreak') return voidElement('br');
      return escapeHtml(nodeText(node));
    })
    .join('');
}

/** The first mark outermost, as ProseMirror orders them. */
function withMarks(html: string, marks: ExportMark[]): string {
  return marks.reduceRight((inner, mark) => withMark(inner, mark), html);
}

function withMark(inner: string, mark: ExportMark): string {
  if (mark.type === 'link') {
    const href = mark.attrs?.href;
    // An unsafe link keeps its words and loses the link.
    if (typeof href !== 'string' || !isSafeLinkHref(href)) return inner;
    return element('a', { href, rel: 'noopener noreferrer' }, inner);
  }
  const tag = markTags.get(mark.type);
  return tag === undefined ? inner : element(tag, {}, inner);
}

function headingLevel(level: unknown, shift: number): number {
  const own = typeof level === 'number' && Number.isInteger(level) ? level : 1;
  return Math.min(Math.max(own, 1) + shift, 6);
}

function listStart(start: unknown): number | undefined {
  return typeof start === 'number' && Number.isInteger(start) && start !== 1 ? start : undefined;
}

function span(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 1 ? value : undefined;
}
