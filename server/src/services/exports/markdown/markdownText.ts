/**
 * The character-level rules of CommonMark (with GFM tables and strikethrough) that keep what
 * someone typed literal: a guide's text is data, never Markdown or HTML, so `<script>`, `*`,
 * `[x](y)` or a line beginning with `1.` typed in the editor must read back as those characters.
 */

/**
 * Characters that mean something inline wherever they stand: emphasis and strikethrough
 * delimiters, code spans, link brackets, raw HTML (`<`), entities (`&`), table cell pipes and the
 * escape character itself. CommonMark lets a backslash make any ASCII punctuation literal.
 */
const inlineSpecial = /[\\`*_[\]<>&|~]/g;

/** Block markers that only mean something at the start of a line: headings, list items,
 * setext underlines (`=`, `-`), blockquotes. An ordered item is digits then `.` or `)`. */
const lineStartMarker = /^[#+\-=>]/;
const lineStartOrderedMarker = /^(\d{1,9})([.)])/;

export interface EscapeOptions {
  /** The text opens a line: a block marker there would start a block. */
  atLineStart?: boolean;
  /** In an ATX heading a trailing `#` run would be read as the closing sequence. */
  inHeading?: boolean;
}

export function escapeText(text: string, options: EscapeOptions = {}): string {
  let escaped = text.replace(inlineSpecial, '\\$&');
  if (options.inHeading) escaped = escaped.replace(/#/g, '\\#');
  if (options.atLineStart) {
    if (lineStartMarker.test(escaped)) escaped = `\\${escaped}`;
    else escaped = escaped.replace(lineStartOrderedMarker, '$1\\$2');
  }
  return escaped;
}

/**
 * Leading spaces are dropped at the start of a line: four of them would start an indented code
 * block, fewer are dropped by every Markdown reader anyway.
 */
export function stripLineStartSpace(text: string): string {
  return text.replace(/^[ \t]+/, '');
}

/** The longest run of `character` in `text` (a code span's or fence's length must exceed it). */
function longestRun(text: string, character: string): number {
  let longest = 0;
  let current = 0;
  for (const each of text) {
    current = each === character ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}

/**
 * A code span. Backslashes do not escape inside one; CommonMark would take a longer backtick run
 * as the delimiter when the code holds backticks, but marked then misreads the emphasis and
 * strikethrough in the paragraph, as it does after code ending in a backslash (it takes "\`" for
 * an escape). Such code is written as a `<code>` element whose text is escaped like any other
 * (inline HTML keeps Markdown inside it). A space pads code that begins and ends
 * with one (CommonMark strips one from each side). In a GFM table cell a pipe would still end
 * the cell, and there (only) `\|` is read as a pipe.
 */
export function codeSpan(code: string, inTableCell: boolean): string {
  let content = code.replace(/\n/g, ' ');
  if (/`|\\$/.test(content)) return `<code>${escapeText(content)}</code>`;
  if (inTableCell) content = content.replace(/\|/g, '\\|');
  const padded = /^ .* $/.test(content) && !/^ *$/.test(content);
  return padded ? `\` ${content} \`` : `\`${content}\``;
}

/** A fence for a code block: at least three backticks, and longer than any run inside. */
export function codeFence(code: string): string {
  return '`'.repeat(Math.max(3, longestRun(code, '`') + 1));
}

/** A code block's info string: a language name only, since a backtick would end the fence. */
export function codeInfo(language: unknown): string {
  return typeof language === 'string' && /^[\w#+.-]{1,40}$/.test(language) ? language : '';
}

/**
 * A link destination: bare when it is one plain run of characters, else in angle brackets (which
 * may hold spaces and parentheses) with `<`, `>` and `\` escaped. `&` is escaped either way (an
 * entity there would be decoded) and line breaks percent-encoded (a destination is one line).
 */
export function linkDestination(href: string): string {
  const oneLine = href.replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  // eslint-disable-next-line no-control-regex -- a control character needs the brackets too.
  if (/^[^\s\u0000-\u001f<>()\\]+$/.test(oneLine)) return oneLine.replace(/&/g, '\\&');
  return `<${oneLine.replace(/[\\<>&]/g, '\\$&')}>`;
}

/** CommonMark's classes for the flanking rules of emphasis (Unicode punctuation and symbols). */
export function isPunctuation(character: string): boolean {
  return /^[\p{P}\p{S}]$/u.test(character);
}

/** Whitespace, with the start or end of a line (the empty string) counting as whitespace. */
export function isWhitespace(character: string): boolean {
  return character === '' || /^\s$/u.test(character);
}
