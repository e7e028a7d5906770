import { ExternalHyperlink, TextRun, type IRunOptions, type ParagraphChild } from 'docx';
import { isSafeLinkHref, textDirection } from '@draftroom/shared/editor';
import type { Direction, ExportMark, ExportNode } from '../model.ts';
import { styleIds } from './styles.ts';

/** What a paragraph's runs inherit from where they are. */
export interface RunContext {
  /** The paragraph's direction. */
  direction: Direction;
  /** Word language tag of the chapter, when it is not the document's default. */
  language?: string;
  /** Header cells are bold even outside the table style's first row. */
  bold?: boolean;
}

/**
 * Characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/FFFF). Word refuses to open
 * a file with one, and text pasted from elsewhere can carry them (Word's own line break is \v).
 */
/* eslint-disable no-control-regex -- exactly the characters XML does not allow. */
const notXml =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/* eslint-enable no-control-regex */

export function xmlSafe(text: string): string {
  return text.replace(notXml, (character) => (character === '\u000b' ? ' ' : ''));
}

/**
 * A run is right-to-left (`w:rtl`: neutral characters ordered right to left, complex-script
 * formatting) when its own text starts with an Arabic letter, or, having no letter of either
 * kind, sits in a right-to-left paragraph. English words inside an Arabic paragraph stay
 * left-to-right runs, as Word writes them when someone types them.
 */
function runIsRightToLeft(text: string, paragraph: Direction): boolean {
  return (textDirection(text) ?? paragraph) === 'rtl';
}

function markOptions(marks: ExportMark[], context: RunContext): IRunOptions {
  const has = (type: string) => marks.some((mark) => mark.type === type);
  const bold = has('bold') || context.bold === true;
  const italic = has('italic');
  // Word formats Arabic letters with the complex-script twins (bCs, iCs), so both are set.
  return {
    ...(bold ? { bold: true, boldComplexScript: true } : {}),
    ...(italic ? { italics: true, italicsComplexScript: true } : {}),
    ...(has('underline') ? { underline: {} } : {}),
    ...(has('strike') ? { strike: true } : {}),
    ...(has('superscript') ? { superScript: true } : {}),
    ...(has('subscript') ? { subScript: true } : {}),
    ...(has('code') ? { style: styleIds.inlineCode } : {}),
  };
}

function textRun(node: ExportNode, context: RunContext, extra: IRunOptions = {}): TextRun {
  const text = xmlSafe(node.text ?? '');
  return new TextRun({
    text,
    ...markOptions(node.marks ?? [], context),
    ...(runIsRightToLeft(text, context.direction) ? { rightToLeft: true } : {}),
    ...(context.language ? { language: { value: context.language } } : {}),
    ...extra,
  });
}

function inlineRun(node: ExportNode, context: RunContext): TextRun | null {
  if (node.type === 'text') return textRun(node, context);
  if (node.type === 'hardBreak') return new TextRun({ break: 1 });
  return null;
}

/** The link a text node carries, when its target is one a reader may follow. */
function safeHref(node: ExportNode): string | null {
  const href = node.marks?.find((mark) => mark.type === 'link')?.attrs?.href;
  if (typeof href !== 'string' || href.trim() === '') return null;
  return isSafeLinkHref(href) ? xmlSafe(href) : null;
}

/**
 * The runs of a paragraph's inline content. Neighbouring text nodes with the same link (a link
 * with a bold word in it) become one hyperlink; a link to an unsafe target is kept as its text.
 */
export function inlineChildren(content: ExportNode[], context: RunContext): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  for (let index = 0; index < content.length;) {
    const node = content[index]!;
    const href = node.type === 'text' ? safeHref(node) : null;
    if (href === null) {
      const run = inlineRun(node, context);
      if (run) children.push(run);
      index += 1;
      continue;
    }
    const runs: TextRun[] = [];
    while (index < content.length && safeHref(content[index]!) === href) {
      runs.push(textRun(content[index]!, context, { style: styleIds.hyperlink }));
      index += 1;
    }
    children.push(new ExternalHyperlink({ link: href, children: runs }));
  }
  return children;
}

/**
 * The runs of a code block: its text verbatim, one line break per newline. Code reads left to
 * right whatever the language around it.
 */
export function codeRuns(text: string): TextRun[] {
  return xmlSafe(text)
    .split('\n')
    .map((line, index) => new TextRun({ text: line, ...(index > 0 ? { break: 1 } : {}) }));
}
