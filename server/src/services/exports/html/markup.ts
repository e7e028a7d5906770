/**
 * The only way the HTML export writes markup: every text and every attribute value goes through
 * `escapeHtml`, and elements are built by `element` from a tag and attributes the callers choose
 * among their own constants, so nothing a guide holds can open a tag or an attribute.
 */

const replacements: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text or an attribute value made inert: safe in element content and in quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => replacements[character]!);
}

/** Attributes with no value (`undefined`/`null`) are left out; values are escaped. */
export type Attributes = Record<string, string | number | null | undefined>;

function attributeList(attributes: Attributes): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] != null)
    .map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`)
    .join('');
}

/** `<tag attributes>inner</tag>`; `inner` must already be markup made by this module. */
export function element(tag: string, attributes: Attributes, inner: string): string {
  return `<${tag}${attributeList(attributes)}>${inner}</${tag}>`;
}

/** An element without content (`<br>`, `<hr>`, `<meta>`). */
export function voidElement(tag: string, attributes: Attributes = {}): string {
  return `<${tag}${attributeList(attributes)}>`;
}
