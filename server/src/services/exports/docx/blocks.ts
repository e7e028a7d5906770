import {
  BorderStyle,
  HeadingLevel,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import { blockDirection, nodeText, type Direction, type ExportNode } from '../model.ts';
import { codeRuns, inlineChildren } from './inline.ts';
import {
  bulletReference,
  headerShading,
  listTextIndent,
  orderedReference,
  styleIds,
} from './styles.ts';

/**
 * A guide's blocks as Word paragraphs and tables. Every paragraph states its direction (`w:bidi`)
 * since Word has no "direction from the text" rule; lists are numbered through the document's
 * numbering definitions, each ordered list its own instance, so each one counts from its start.
 */

export type Block = Paragraph | Table;

const headingLevels = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

/** Heading 1–6 for a level counted from 1, kept within Word's six. */
export function headingLevel(level: number) {
  return headingLevels[Math.min(Math.max(level, 1), 6) - 1]!;
}

/** The document-wide state of lists: a new instance per ordered list, the starts used. */
export class ListNumbering {
  private instances = 0;
  readonly orderedStarts = new Set<number>();

  nextInstance(): number {
    this.instances += 1;
    return this.instances;
  }
}

export interface BlockContext {
  /** The enclosing block's direction, for blocks without a letter to tell theirs. */
  direction: Direction;
  /** How many levels a guide's headings go down (1 in a compiled book, under the chapter). */
  headingShift: number;
  lists: ListNumbering;
  /** Word language tag for the runs, when the chapter's is not the document's default. */
  language?: string;
  /** Paragraphs take the quote style inside a blockquote. */
  quote?: boolean;
  /** Paragraph properties from an enclosing list item (numbering or indent). */
  listParagraph?: IParagraphOptions;
  /** Text in header cells is bold. */
  headerCell?: boolean;
}

function paragraph(node: ExportNode, context: BlockContext, options: IParagraphOptions = {}) {
  const direction = blockDirection(node, context.direction);
  return new Paragraph({
    ...(context.quote ? { style: styleIds.quote } : {}),
    ...context.listParagraph,
    ...(direction === 'rtl' ? { bidirectional: true } : {}),
    ...options,
    children: inlineChildren(node.content ?? [], {
      direction,
      ...(context.language ? { language: context.language } : {}),
      ...(context.headerCell ? { bold: true } : {}),
    }),
  });
}

function heading(node: ExportNode, context: BlockContext): Paragraph {
  const level = typeof node.attrs?.level === 'number' ? node.attrs.level : 1;
  return paragraph(node, context, { heading: headingLevel(level + context.headingShift) });
}

/**
 * A list's items: the first paragraph of each item carries the number or bullet, at the list's
 * depth; its later paragraphs are indented to the item's text; nested lists go one level down.
 */
function list(node: ExportNode, context: BlockContext, depth: number): Block[] {
  const ordered = node.type === 'orderedList';
  const start = ordered && typeof node.attrs?.start === 'number' ? node.attrs.start : 1;
  if (ordered) context.lists.orderedStarts.add(start);
  const numbering = ordered
    ? { reference: orderedReference(start), level: depth, instance: context.lists.nextInstance() }
    : { reference: bulletReference, level: depth };
  const blocks: Block[] = [];
  for (const item of node.content ?? []) {
    const itemContext: BlockContext = {
      ...context,
      direction: blockDirection(item, context.direction),
    };
    let numbered = false;
    for (const child of item.content ?? []) {
      if (child.type === 'bulletList' || child.type === 'orderedList') {
        blocks.push(...list(child, itemContext, depth + 1));
        continue;
      }
      const listParagraph: IParagraphOptions = numbered
        ? { indent: listTextIndent(depth) }
        : { numbering };
      numbered = true;
      blocks.push(...block(child, { ...itemContext, listParagraph }));
    }
  }
  return blocks;
}

function cell(node: ExportNode, context: BlockContext): TableCell {
  const header = node.type === 'tableHeader';
  const cellContext: BlockContext = {
    ...context,
    direction: blockDirection(node, context.direction),
    headerCell: header,
    quote: false,
    listParagraph: undefined,
  };
  const children = (node.content ?? []).flatMap((child) => block(child, cellContext));
  const span = (name: string) => (typeof node.attrs?.[name] === 'number' ? node.attrs[name] : 1);
  return new TableCell({
    // A cell must hold a paragraph, even an empty one.
    children: children.length > 0 ? children : [new Paragraph({})],
    ...(span('colspan') > 1 ? { columnSpan: span('colspan') } : {}),
    ...(span('rowspan') > 1 ? { rowSpan: span('rowspan') } : {}),
    ...(header ? { shading: { type: 'clear', color: 'auto', fill: headerShading } } : {}),
  });
}

/**
 * A table in the document's table style. Its first row is the style's header row when all its
 * cells are headers (and repeats on every page); the columns run right to left in a
 * right-to-left chapter, as the editor shows them.
 */
function table(node: ExportNode, context: BlockContext): Table {
  const rows = node.content ?? [];
  const isHeaderRow = (row: ExportNode) =>
    (row.content ?? []).length > 0 && (row.content ?? []).every((c) => c.type === 'tableHeader');
  const firstRowIsHeader = rows[0] !== undefined && isHeaderRow(rows[0]);
  return new Table({
    style: styleIds.table,
    width: { size: 100, type: WidthType.PERCENTAGE },
    tableLook: { firstRow: firstRowIsHeader, firstColumn: false, noVBand: true },
    ...(context.direction === 'rtl' ? { visuallyRightToLeft: true } : {}),
    rows: rows.map(
      (row, index) =>
        new TableRow({
          // Written only when true: mammoth takes any tblHeader, even w:val="off", for a header.
          ...(index === 0 && firstRowIsHeader ? { tableHeader: true } : {}),
          children: (row.content ?? []).map((child) => cell(child, context)),
        }),
    ),
  });
}

/** One block of a guide as Word content (a list or a quote gives several). */
export function block(node: ExportNode, context: BlockContext): Block[] {
  switch (node.type) {
    case 'paragraph':
      return [paragraph(node, context)];
    case 'heading':
      return [heading(node, context)];
    case 'bulletList':
    case 'orderedList':
      return list(node, context, 0);
    case 'blockquote':
      return (node.content ?? []).flatMap((child) => block(child, { ...context, quote: true }));
    case 'codeBlock':
      return [
        new Paragraph({
          style: styleIds.codeBlock,
          ...context.listParagraph,
          children: codeRuns((node.content ?? []).map((text) => text.text ?? '').join('')),
        }),
      ];
    case 'horizontalRule':
      return [
        new Paragraph({
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } },
        }),
      ];
    case 'table':
      return [table(node, context)];
    default:
      // The schema has no other block; an unknown one keeps its text rather than vanishing.
      return [
        paragraph(
          { type: 'paragraph', content: [{ type: 'text', text: nodeText(node) }] },
          context,
        ),
      ];
  }
}

/** A guide's `doc` node as Word content. */
export function guideBlocks(doc: ExportNode, context: BlockContext): Block[] {
  return (doc.content ?? []).flatMap((child) => block(child, context));
}
