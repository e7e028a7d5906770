import { isSafeLinkHref } from '@draftroom/shared/editor';
import type { ExportMark, ExportNode } from '../model.ts';
import {
  codeSpan,
  escapeText,
  isPunctuation,
  isWhitespace,
  linkDestination,
  stripLineStartSpace,
} from './markdownText.ts';

/**
 * The inline content of one textblock as Markdown. ProseMirror keeps marks as flat sets on each
 * text node; Markdown needs them nested, so runs sharing a mark become one span (a link
 * outermost, a code span innermost, since nothing can nest inside one).
 *
 * Bold, italic and strike are written `**`, `*`, `~~` where CommonMark's flanking rules let a
 * reader see them (not next to whitespace inside, not squeezed between punctuation and a letter,
 * not touching another `*` run), else as the HTML elements they stand for: both read the same,
 * but a delimiter that fails those rules would print as stray asterisks.
 */

export interface InlineContext {
  /** Hard breaks and code-span pipes differ in a one-line context (heading, table cell). */
  place: 'paragraph' | 'heading' | 'tableCell';
}

const markOrder = ['link', 'bold', 'italic', 'strike', 'underline', 'superscript', 'subscript'];
const rankOf = (mark: ExportMark) => {
  const rank = markOrder.indexOf(mark.type);
  return mark.type === 'code' ? markOrder.length : rank;
};
const markKey = (mark: ExportMark) =>
  mark.type === 'link' ? `link:${String(mark.attrs?.href ?? '')}` : mark.type;

interface Piece {
  /** A hard break is a piece of its own: a line ends there. */
  text: string | null;
  marks: ExportMark[];
  atLineStart: boolean;
}

type Span = { piece: Piece } | { mark: ExportMark; children: Span[] };

/** The pieces of a textblock, each knowing whether it opens a line (for block-marker escapes). */
function piecesOf(block: ExportNode): Piece[] {
  const pieces: Piece[] = [];
  let atLineStart = true;
  for (const node of block.content ?? []) {
    const marks = (node.marks ?? []).filter((mark) => rankOf(mark) >= 0);
    // A code span cannot hold a line break: the code ends before it and starts again after.
    const breakMarks = marks.filter((mark) => mark.type !== 'code');
    if (node.type === 'hardBreak') {
      pieces.push({ text: null, marks: breakMarks, atLineStart: false });
      atLineStart = true;
    } else if (node.type === 'text' && node.text) {
      // A newline inside a text node (pasted) is a line break too.
      node.text.split('\n').forEach((line, index) => {
        if (index > 0) {
          pieces.push({ text: null, marks: breakMarks, atLineStart: false });
          atLineStart = true;
        }
        const text = atLineStart ? stripLineStartSpace(line) : line;
        if (text === '') return;
        pieces.push({ text, marks, atLineStart });
        atLineStart = false;
      });
    }
  }
  // A break that ends the block shows nothing, and Markdown would print its backslash.
  while (pieces.at(-1)?.text === null) pieces.pop();
  return pieces;
}

/** Nest runs of pieces sharing a mark, taking the outermost mark not yet opened first. */
function nest(pieces: Piece[], open: Set<string>): Span[] {
  const spans: Span[] = [];
  let index = 0;
  while (index < pieces.length) {
    const piece = pieces[index]!;
    const next = piece.marks
      .filter((mark) => !open.has(markKey(mark)))
      .sort((a, b) => rankOf(a) - rankOf(b))[0];
    if (!next) {
      spans.push({ piece });
      index += 1;
      continue;
    }
    const key = markKey(next);
    // A code span holds nothing else, so it only spans pieces whose other marks are open.
    const belongsToRun = (candidate: Piece) =>
      candidate.marks.some((mark) => markKey(mark) === key) &&
      (key !== 'code' ||
        candidate.marks.every((mark) => mark.type === 'code' || open.has(markKey(mark))));
    let end = index;
    while (end < pieces.length && belongsToRun(pieces[end]!)) end += 1;
    spans.push({ mark: next, children: nest(pieces.slice(index, end), new Set([...open, key])) });
    index = end;
  }
  return spans;
}

/** A span's text; a hard break stands as the backslash or `<br>` it is written as. */
const rawText = (span: Span): string =>
  'piece' in span ? (span.piece.text ?? '\\') : span.children.map(rawText).join('');

/**
 * The first character a span will be written with, as far as the flanking rules care: a
 * character of its text (escaped), or the punctuation that opens its link, tag or code span.
 */
function firstWritten(span: Span): string {
  if ('piece' in span) {
    const { text, atLineStart } = span.piece;
    return text === null ? '\\' : escapeText(text.charAt(0), { atLineStart }).charAt(0);
  }
  const { mark, children } = span;
  const first = rawText(span).charAt(0);
  if (mark.type in delimiters && isWhitespace(first)) return first;
  if (mark.type in delimiters) return delimiters[mark.type]!.marker.charAt(0);
  if (mark.type === 'code') return '`';
  if (mark.type === 'link' && !isSafeHref(mark))
    return children[0] ? firstWritten(children[0]) : '';
  return mark.type === 'link' ? '[' : '<';
}

const isSafeHref = (mark: ExportMark) =>
  typeof mark.attrs?.href === 'string' && isSafeLinkHref(mark.attrs.href);

const delimiters: Record<string, { marker: string; tag: string }> = {
  bold: { marker: '**', tag: 'strong' },
  italic: { marker: '*', tag: 'em' },
  strike: { marker: '~~', tag: 'del' },
};
const htmlTags: Record<string, string> = { underline: 'u', superscript: 'sup', subscript: 'sub' };

/** Whether spaces at a run's edges may be moved out of it by the span around it. */
interface Edges {
  leadMayMove: boolean;
  trailMayMove: boolean;
}
const fixedEdges: Edges = { leadMayMove: false, trailMayMove: false };
const movingEdges: Edges = { leadMayMove: true, trailMayMove: true };

class InlineWriter {
  private inLinkText = false;

  constructor(private readonly context: InlineContext) {}

  /** Render spans one after another; `before` is the character just before them. */
  spans(spans: Span[], before: string, after: string, edges = fixedEdges): string {
    let out = '';
    spans.forEach((span, index) => {
      const previous = out === '' ? before : out.slice(-1);
      const nextSpan = spans[index + 1];
      const following = nextSpan ? firstWritten(nextSpan) : after;
      const last = index === spans.length - 1;
      // A typed "!" right before a link would make it `![…](…)`: an image every viewer fetches.
      // (The text writer escapes a run's last "!" already; this guards the link's side too.)
      if ('mark' in span && span.mark.type === 'link' && /(^|[^\\])!$/.test(out)) {
        out = `${out.slice(0, -1)}\\!`;
      }
      out += this.span(span, previous, following, {
        leadMayMove: edges.leadMayMove && index === 0,
        trailMayMove: edges.trailMayMove && last,
      });
    });
    return out;
  }

  private span(span: Span, before: string, after: string, edges: Edges): string {
    if ('piece' in span) return this.piece(span.piece);
    const { mark, children } = span;
    if (mark.type === 'code') return this.code(rawText(span));
    if (mark.type === 'link') return this.link(mark, children, before, after, edges);
    const tag = htmlTags[mark.type];
    if (tag) return `<${tag}>${this.spans(children, '>', '<')}</${tag}>`;
    return this.delimited(delimiters[mark.type]!, children, before, after, edges);
  }

  /**
   * marked reads a link's text ending at a `]` inside a code span, and a backslash there as an
   * escape, so inside a link code holding a bracket or backslash is written as a `<code>`
   * element with escaped text.
   */
  private code(text: string): string {
    if (this.inLinkText && /[\\[\]]/.test(text)) return `<code>${escapeText(text)}</code>`;
    return codeSpan(text, this.context.place === 'tableCell');
  }

  private piece(piece: Piece): string {
    if (piece.text === null) return this.context.place === 'paragraph' ? '\\\n' : '<br>';
    const escaped = escapeText(piece.text, {
      atLineStart: piece.atLineStart,
      inHeading: this.context.place === 'heading',
    });
    // A `!` just before a link would make it an image.
    return escaped.endsWith('!') ? `${escaped.slice(0, -1)}\\!` : escaped;
  }

  /** A link only to a target the editor would allow; otherwise its words alone. */
  private link(
    mark: ExportMark,
    children: Span[],
    before: string,
    after: string,
    edges: Edges,
  ): string {
    if (!isSafeHref(mark)) return this.spans(children, before, after, edges);
    const href = String(mark.attrs?.href);
    this.inLinkText = true;
    // Breaks at the edges of a link's text go outside it (marked keeps a break ending it as text).
    const [lead, linkText, trail] = splitEdges(this.spans(children, '[', ']'));
    this.inLinkText = false;
    if (linkText === '') return `${lead}${trail}`;
    return `${lead}[${linkText}](${linkDestination(href)})${trail}`;
  }

  private delimited(
    kind: { marker: string; tag: string },
    children: Span[],
    before: string,
    after: string,
    edges: Edges,
  ): string {
    // Rendered as if delimited: the strictest neighbours the content could get.
    const marker = kind.marker.charAt(0);
    const inner = this.spans(children, marker, marker, movingEdges);
    // Spaces and line breaks at the edges move outside, where they cannot spoil flanking.
    const [lead, core, trail] = splitEdges(inner);
    if (core === '') return inner;
    // Moved spaces may be moved again by an enclosing span: then the delimiter meets what is
    // outside instead, so both neighbours must suit it.
    const lefts = lead === '' ? [before] : [lead.slice(-1), ...(edges.leadMayMove ? [before] : [])];
    const rights =
      trail === '' ? [after] : [trail.charAt(0), ...(edges.trailMayMove ? [after] : [])];
    const opens = lefts.every((left) => canOpen(core.charAt(0), left, marker));
    const closes = rights.every((right) => canClose(core.slice(-1), right, marker));
    if (opens && closes && !codeHolds(children, marker) && !codeHolds(children, '\\')) {
      return `${lead}${kind.marker}${core}${kind.marker}${trail}`;
    }
    return `${lead}<${kind.tag}>${core}</${kind.tag}>${trail}`;
  }
}

/**
 * Inside emphasis, marked takes a `*` in a code span for a delimiter and a backslash ending one
 * for an escape of its closing backtick, so emphasis around such code is written as HTML.
 */
function codeHolds(spans: Span[], character: string): boolean {
  return spans.some(
    (span) =>
      'mark' in span &&
      (span.mark.type === 'code'
        ? rawText(span).includes(character)
        : codeHolds(span.children, character)),
  );
}

/** Markdown split into the spaces and breaks at its start, what is between, those at its end. */
function splitEdges(markdown: string): [string, string, string] {
  const [, lead = '', core = '', trail = ''] =
    /^((?:[ \t]|\\\n|<br>)*)([\s\S]*?)((?:[ \t]|\\\n|<br>)*)$/.exec(markdown) ?? [];
  return [lead, core, trail];
}

/** CommonMark 6.2: a delimiter run that may open emphasis. */
function leftFlanking(before: string, after: string): boolean {
  if (isWhitespace(after)) return false;
  return !isPunctuation(after) || isWhitespace(before) || isPunctuation(before);
}

/** …and one that may close it. */
function rightFlanking(before: string, after: string): boolean {
  if (isWhitespace(before)) return false;
  return !isPunctuation(before) || isWhitespace(after) || isPunctuation(after);
}

/**
 * Only a run that can do nothing but open (or close) is written as a delimiter: a run that could
 * do both is settled by rules readers apply differently, and one touching another run of its
 * character would merge with it.
 */
function canOpen(first: string, before: string, marker: string): boolean {
  if (before === marker || first === marker) return false;
  return leftFlanking(before, first) && !rightFlanking(before, first);
}

function canClose(last: string, after: string, marker: string): boolean {
  if (after === marker || last === marker) return false;
  return rightFlanking(last, after) && !leftFlanking(last, after);
}

/** The Markdown of a textblock's inline content (paragraph, heading, or a table cell's). */
export function inlineMarkdown(block: ExportNode, context: InlineContext): string {
  const spans = nest(piecesOf(block), new Set());
  // Spaces that end a block show nothing, and some readers keep them.
  return new InlineWriter(context).spans(spans, '', '').replace(/[ \t]+$/, '');
}
