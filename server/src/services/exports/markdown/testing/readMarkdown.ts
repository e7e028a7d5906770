import { DOMParser } from 'linkedom';
import { marked, type Token } from 'marked';

/**
 * Reads Markdown back the way a reader would, with `marked` (CommonMark + GFM, independent of
 * the export) to HTML and linkedom to a DOM the tests can query.
 */

/** The part of the DOM the tests use (the server compiles without the DOM's types). */
export interface ReadNode {
  nodeName: string;
  textContent: string | null;
}
export interface ReadElement extends ReadNode {
  tagName: string;
  innerHTML: string;
  attributes: ArrayLike<{ name: string; value: string }>;
  childNodes: ArrayLike<ReadNode>;
  children: ArrayLike<ReadElement>;
  getAttribute(name: string): string | null;
  querySelector(selector: string): ReadElement | null;
  querySelectorAll(selector: string): ArrayLike<ReadElement>;
  closest(selector: string): ReadElement | null;
}

export function markdownToBody(markdown: string): ReadElement {
  const html = marked.parse(markdown, { async: false, gfm: true });
  const document = new DOMParser().parseFromString(
    `<!doctype html><html><body>${html}</body></html>`,
    'text/html',
  );
  return document.body as unknown as ReadElement;
}

/** marked's block tokens, for the structure a reader sees before any HTML. */
export function markdownTokens(markdown: string): Token[] {
  return marked.lexer(markdown, { gfm: true });
}

/** The elements matching `selector`, as an array. */
export function all(root: ReadElement, selector: string): ReadElement[] {
  return Array.from(root.querySelectorAll(selector));
}

/** The text of an element, with runs of whitespace made single spaces. */
export const textOf = (element: ReadElement | null | undefined) =>
  (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
