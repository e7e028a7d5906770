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
    if (node.type === 'hardBreak') {
      pieces.push({ text: null, marks, atLineStart: false });
      atLineStart = true;
    } else if (node.type === 'text' && node.text) {
      // A newline inside a text node (pasted) is a line break too.
      node.text.split('\n').forEach((line, index) => {
        if (index > 0) {
          pieces.push({ text: null, marks, atLineStart: false });
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
    let end = index;
    while (end < pieces.length && pieces[end]!.marks.some((mark) => markKey(mark) === key)) {
      end += 1;
    }
    spans.push({ mark: next, children: nest(pieces.slice(index, end), new Set([...open, key])) });
    index = end;
  }
  return spans;
}

const rawText = (span: Span): string =>
  'piece' in span ? (span.piece.text ?? '\n') : span.children.map(rawText).join('');

const delimiters: Record<string, { marker: string; tag: string }> = {
  bold: { marker: '**', tag: 'strong' },
  italic: { marker: '*', tag: 'em' },
  strike: { marker: '~~', tag: 'del' },
};
const htmlTags: Record<string, string> = { underline: 'u', superscript: 'sup', subscript: 'sub' };

class InlineWriter {
  constructor(private readonly context: InlineContext) {}

  /** Render spans one after another; `before` is the character just before them. */
  spans(spans: Span[], before: string, after: string): string {
    let out = '';
    spans.forEach((span, index) => {
      const previous = out === '' ? before : out.slice(-1);
      const nextSpan = spans[index + 1];
      const following = nextSpan ? rawText(nextSpan).charAt(0) : after;
      // A typed "!" right before a link would make it `![…](…)`: an image every viewer fetches.
      if ('mark' in span && span.mark.type === 'link' && out.endsWith('!')) {
        out = `${out.slice(0, -1)}\\!`;
      }
      out += this.span(span, previous, following);
    });
    return out;
  }

  private span(span: Span, before: string, after: string): string {
    if ('piece' in span) return this.piece(span.piece);
    const { mark, children } = span;
    if (mark.type === 'code') return codeSpan(rawText(span), this.context.place === 'tableCell');
    if (mark.type === 'link') return this.link(mark, children, before, after);
    const tag = htmlTags[mark.type];
    if (tag) return `<${tag}>${this.spans(children, '>', '<')}</${tag}>`;
    return this.delimited(delimiters[mark.type]!, children, before, after);
  }

  private piece(piece: Piece): string {
    if (piece.text === null) return this.context.place === 'paragraph' ? '\\\n' : '<br>';
    return escapeText(piece.text, {
      atLineStart: piece.atLineStart,
      inHeading: this.context.place === 'heading',
    });
  }

  /** A link only to a target the editor would allow; otherwise its words alone. */
  private link(mark: ExportMark, children: Span[], before: string, after: string): string {
    const href = mark.attrs?.href;
    if (typeof href !== 'string' || !isSafeLinkHref(href)) {
      return this.spans(children, before, after);
    }
    return `[${this.spans(children, '[', ']')}](${linkDestination(href)})`;
  }

  private delimited(
    kind: { marker: string; tag: string },
    children: Span[],
    before: string,
    after: string,
  ): string {
    // Rendered as if delimited: the strictest neighbours the content could get.
    const marker = kind.marker.charAt(0);
    const inner = this.spans(children, marker, marker);
    // Spaces and line breaks at the edges move outside, where they cannot spoil flanking.
    const [, lead = '', core = '', trail = ''] =
      /^((?:[ \t]|\\\n|<br>)*)([\s\S]*?)((?:[ \t]|\\\n|<br>)*)$/.exec(inner) ?? [];
    if (core === '') return inner;
    const left = lead === '' ? before : lead.slice(-1);
    const right = trail === '' ? after : trail.charAt(0);
    if (canOpen(core.charAt(0), left, marker) && canClose(core.slice(-1), right, marker)) {
      return `${lead}${kind.marker}${core}${kind.marker}${trail}`;
    }
    return `${lead}<${kind.tag}>${core}</${kind.tag}>${trail}`;
  }
}

/** A left-flanking run (CommonMark 6.2) that does not merge with a neighbouring one. */
function canOpen(first: string, before: string, marker: string): boolean {
  if (isWhitespace(first) || before === marker || first === marker) return false;
  return !isPunctuation(first) || isWhitespace(before) || isPunctuation(before);
}

/** A right-flanking run, likewise. */
function canClose(last: string, after: string, marker: string): boolean {
  if (isWhitespace(last) || after === marker || last === marker) return false;
  return !isPunctuation(last) || isWhitespace(after) || isPunctuation(after);
}

/** The Markdown of a textblock's inline content (paragraph, heading, or a table cell's). */
export function inlineMarkdown(block: ExportNode, context: InlineContext): string {
  const spans = nest(piecesOf(block), new Set());
  return new InlineWriter(context).spans(spans, '', '');
}
